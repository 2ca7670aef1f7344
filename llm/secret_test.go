package llm_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	openai "github.com/sashabaranov/go-openai"
)

const sentinelKey = "sk-SENTINEL-7f3a9c21e5"

// TestKeyNeverLeaks drives every error path with a sentinel key and looks
// for it in every error string and every log line.
func TestKeyNeverLeaks(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))

	srv := openaitest.NewServer(t)
	cfg := llm.Config{APIKey: sentinelKey, BaseURL: srv.URL(), Model: "m", HTTPClient: srv.HTTPClient(), MaxAttempts: 2, Logger: logger}
	client := cfg.NewClient()
	req := openai.ChatCompletionRequest{Model: "m", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "x"}}}

	var errs []error
	// The server echoes the wrong key it got in its 401 message, as OpenAI
	// does with a masked key.
	srv.RequireKey("another-key")
	_, err := client.CreateChatCompletion(context.Background(), req)
	if err == nil {
		t.Fatal("401 did not fail")
	}
	if !errors.Is(llm.Classify(err), llm.ErrAuth) {
		t.Errorf("401 error %v is not ErrAuth", err)
	}
	errs = append(errs, err, llm.Classify(err))
	srv.RequireKey("")

	srv.Enqueue(openaitest.Reply{Status: 500, ErrMessage: "internal error for key " + sentinelKey, Header: http.Header{"Retry-After-Ms": {"1"}}},
		openaitest.Reply{Status: 500, ErrMessage: "internal error for key " + sentinelKey})
	_, err = client.CreateChatCompletion(context.Background(), req)
	errs = append(errs, err, llm.Classify(err))

	srv.Enqueue(openaitest.Reply{Status: 400, RawBody: "not json " + sentinelKey})
	_, err = client.CreateChatCompletion(context.Background(), req)
	errs = append(errs, err, llm.Classify(err))

	// A transport error whose URL holds the key (a misconfigured base URL).
	bad := llm.Config{APIKey: sentinelKey, BaseURL: "http://127.0.0.1:1/" + sentinelKey, MaxAttempts: 1}
	_, err = bad.NewClient().CreateChatCompletion(context.Background(), req)
	errs = append(errs, err, llm.Classify(err))

	// A hang cut by the deadline.
	srv.Enqueue(openaitest.Hang())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	_, err = client.CreateChatCompletion(ctx, req)
	cancel()
	errs = append(errs, err)

	js := &chat.JSON{Client: client}
	srv.Enqueue(openaitest.Malformed())
	_, err = js.Ask(context.Background(), req)
	errs = append(errs, err)

	for i, err := range errs {
		if err == nil {
			t.Errorf("case %d: no error", i)
			continue
		}
		for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			if strings.Contains(s, sentinelKey) {
				t.Errorf("case %d: error leaks the key: %s", i, s)
			}
		}
	}
	logger.Info("config", "cfg", cfg)
	for _, s := range []string{logs.String(), cfg.String(), fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg)} {
		if strings.Contains(s, sentinelKey) {
			t.Errorf("output leaks the key: %s", s)
		}
	}
	if !strings.Contains(logs.String(), "retrying") {
		t.Errorf("no retry was logged; the log check above checked nothing: %q", logs.String())
	}
	// The key did travel where it belongs.
	var sawKey bool
	for _, r := range srv.Requests() {
		if r.Header.Get("Authorization") == "Bearer "+sentinelKey {
			sawKey = true
		}
	}
	if !sawKey {
		t.Error("the key never reached the server")
	}
}
