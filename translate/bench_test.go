package translate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/khabar-go/khabar/internal/cputime"
	"io"
	"net/http"
	"testing"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/translate"
	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"
)

// TestPromptOverhead measures the request tokens beyond the article text
// for the seed (4.3 KB): system prompt, JSON framing, IDs, language names
// and the JSON schema, all estimated with llm.EstimateTokens.
func TestPromptOverhead(t *testing.T) {
	a := seedArticle(t)
	req := translate.ArticleRequest(a, language.English)
	overhead, content := translate.PromptOverhead(req)
	ratio := float64(overhead) / float64(content)
	t.Logf("seed (%d bytes): content %d tokens, overhead %d tokens (%.1f%%)", len(a.Source), content, overhead, 100*ratio)
	if overhead <= 0 || content <= 0 {
		t.Fatalf("overhead %d, content %d: want both counted", overhead, content)
	}
	// Measured 14.7% (153 of 1044 tokens): the limit is a ceiling just
	// above it, so a longer prompt has to be a choice.
	if ratio > 0.15 {
		t.Errorf("prompt overhead %.1f%% of content tokens, want at most 15%%", 100*ratio)
	}
}

// cannedDoer answers every chat request at once with a translation of the
// request's segments computed ahead of time, so the benchmark measures the
// library and no server.
type cannedDoer struct{ body []byte }

func (d cannedDoer) Do(req *http.Request) (*http.Response, error) {
	io.Copy(io.Discard, req.Body)
	req.Body.Close()
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(d.body))}, nil
}

// BenchmarkArticleOverhead is the library's cost per article of the seed
// (request building, JSON, the retrying client, go-openai, reply checks,
// glossary report) with an in-process HTTP doer: no server time.
func BenchmarkArticleOverhead(b *testing.B) {
	a := seedArticle(b)
	req := translate.ArticleRequest(a, language.English)
	var segs []translate.Segment
	for _, s := range req.Segments {
		segs = append(segs, translate.Segment{ID: s.ID, Text: "EN<" + s.Text + ">"})
	}
	content := reply(segs).Content
	body, _ := json.Marshal(openai.ChatCompletionResponse{Choices: []openai.ChatCompletionChoice{{
		Message: openai.ChatCompletionMessage{Role: "assistant", Content: string(content)}, FinishReason: "stop"}}})
	cfg := llm.Config{APIKey: "k", BaseURL: "http://fake.invalid/v1", HTTPClient: cannedDoer{body}}
	tr := translate.NewLLM(cfg.NewClient(), translate.LLMOptions{Model: "fake"})
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := translate.Article(ctx, tr, a, language.English); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// BenchmarkArticleFakeServer translates the seed against the fake server
// and reports requests per article: 1 without a cache, 0 on a cache hit.
func BenchmarkArticleFakeServer(b *testing.B) {
	a := seedArticle(b)
	for _, cached := range []bool{false, true} {
		name := "uncached"
		if cached {
			name = "cache-hit"
		}
		b.Run(name, func(b *testing.B) {
			tr, srv := newLLM(b, model(b, nil))
			var t translate.Translator = tr
			if cached {
				t = translate.Cache(nil)(tr)
				if _, err := translate.Article(context.Background(), t, a, language.English); err != nil {
					b.Fatal(err)
				}
				srv.Reset()
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := translate.Article(context.Background(), t, a, language.English); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(srv.ChatRequests()))/float64(b.N), "requests/op")
		})
	}
}
