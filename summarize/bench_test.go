package summarize_test

import (
	"context"
	"github.com/khabar-go/khabar/internal/cputime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/summarize"
	openai "github.com/sashabaranov/go-openai"
)

// BenchmarkOffline summarizes the parsed seed article with the default
// budget: the cost of the summarizer alone.
func BenchmarkOffline(b *testing.B) {
	a := parse(b, readSeed(b))
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := (summarize.Extractive{}).Summarize(ctx, summarize.Request{Article: a}); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// BenchmarkOfflineWords is BenchmarkOffline with a word budget.
func BenchmarkOfflineWords(b *testing.B) {
	a := parse(b, readSeed(b))
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := (summarize.Extractive{}).Summarize(ctx, summarize.Request{Article: a, Budget: summarize.Budget{Words: 60}}); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// BenchmarkOfflineText includes parsing the seed article's text.
func BenchmarkOfflineText(b *testing.B) {
	text := readSeed(b)
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := (summarize.Extractive{}).Summarize(ctx, summarize.Request{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// timed measures the time spent inside the client: go-openai's encoding,
// the HTTP round trip and the fake server.
type timed struct {
	next llm.ChatCompleter
	ns   atomic.Int64
}

func (c *timed) CreateChatCompletion(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error) {
	start := time.Now()
	resp, err := c.next.CreateChatCompletion(ctx, req)
	c.ns.Add(int64(time.Since(start)))
	return resp, err
}

// BenchmarkLLMOverhead measures the LLM summarizer's own cost per request
// on the seed article: ns/op is the whole request against the fake server;
// overhead-ns/op subtracts the time spent inside the client call (request
// encoding by go-openai, HTTP and the server), leaving what this package
// and internal/chat add: building the prompt, the reply's schema check and
// decoding, and fitting the text to the budget.
func BenchmarkLLMOverhead(b *testing.B) {
	srv := openaitest.NewServer(b)
	srv.Handle(func(openaitest.Request) openaitest.Reply {
		return openaitest.JSON(map[string]any{"sentences": []string{
			"إيران وبيلاروسيا تتفقان على تعزيز التعاون الدفاعي.", "ناقش الرئيسان معاهدة تعاون استراتيجية.",
		}})
	})
	client := &timed{next: srv.Client()}
	s := summarize.NewLLM(client, summarize.LLMOptions{})
	a := parse(b, readSeed(b))
	ctx := context.Background()
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if _, err := s.Summarize(ctx, summarize.Request{Article: a}); err != nil {
			b.Fatal(err)
		}
	}
	total := time.Since(start)
	b.ReportMetric(float64(total-time.Duration(client.ns.Load()))/float64(b.N), "overhead-ns/op")
}
