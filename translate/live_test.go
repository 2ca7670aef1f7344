//go:build live

package translate_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/translate"
	"golang.org/x/text/language"
)

// TestLive translates the seed article through a real OpenAI-compatible
// server. It runs only with the live build tag and a model:
//
//	OPENAI_BASE_URL=http://localhost:11434/v1 KHABAR_MODEL=qwen2.5:7b go test -tags live -run Live -v ./translate/
func TestLive(t *testing.T) {
	model := os.Getenv("KHABAR_MODEL")
	if model == "" {
		t.Skip("KHABAR_MODEL is not set")
	}
	cfg := llm.Config{APIKey: os.Getenv("OPENAI_API_KEY"), BaseURL: os.Getenv("OPENAI_BASE_URL"), MaxAttempts: 5}
	tr := translate.NewLLM(cfg.NewClient(), translate.LLMOptions{Model: model})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	a := seedArticle(t)
	got, err := translate.Article(ctx, tr, a, language.English)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Paragraphs) != len(a.Paragraphs) {
		t.Fatalf("%d paragraphs, want %d", len(got.Paragraphs), len(a.Paragraphs))
	}
	t.Logf("title: %s", got.Title.Text)
	for _, p := range got.Paragraphs {
		t.Logf("%s %v: %s", p.ID, p.Span, p.Text)
	}
}
