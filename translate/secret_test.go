package translate_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
)

func TestKeyNeverInErrors(t *testing.T) {
	const key = "sk-SENTINEL-translate-41d9"
	var logs bytes.Buffer
	srv := openaitest.NewServer(t)
	srv.RequireKey("the-right-key") // the 401 message repeats the key it got
	cfg := llm.Config{APIKey: key, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(),
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	tr := translate.NewLLM(cfg.NewClient(), translate.LLMOptions{Model: "m"})
	_, err := tr.Translate(context.Background(), sampleRequest())
	if err == nil {
		t.Fatal("Translate succeeded with a wrong key")
	}
	if strings.Contains(err.Error(), key) || strings.Contains(logs.String(), key) {
		t.Errorf("the key leaked: error %q, logs %q", err, logs.String())
	}
	if !strings.Contains(err.Error(), "Incorrect API key") {
		t.Errorf("error %q lost the server's message", err)
	}
}
