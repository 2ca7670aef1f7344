package khabar_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/llm/openaitest"
)

func TestLLMConfigRetriesAndHidesKey(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.RateLimited(0), openaitest.Text("hello"))
	cfg := khabar.LLMConfig{APIKey: openaitest.DefaultKey, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "fake"}
	req := openai.ChatCompletionRequest{Model: "fake", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hi"}}}
	resp, err := cfg.NewClient().CreateChatCompletion(context.Background(), req)
	if err != nil {
		t.Fatalf("after a 429 the client should retry and succeed: %v", err)
	}
	if got := resp.Choices[0].Message.Content; got != "hello" {
		t.Errorf("reply %q, want hello", got)
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("%d requests, want 2 (a 429, then the retry)", n)
	}

	// A server that refuses the key: the key appears in no error text.
	srv.Enqueue(openaitest.Error(401, "bad key "+openaitest.DefaultKey))
	_, err = cfg.NewClient().CreateChatCompletion(context.Background(), req)
	if err == nil {
		t.Fatal("a 401 gave no error")
	}
	for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", cfg), cfg.String()} {
		if strings.Contains(s, openaitest.DefaultKey) {
			t.Errorf("the API key shows in %q", s)
		}
	}
}
