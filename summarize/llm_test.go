package summarize_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"
)

// task mirrors the user message the LLM summarizer sends.
type task struct {
	Task         string   `json:"task"`
	Language     string   `json:"language"`
	Style        string   `json:"style"`
	MaxSentences int      `json:"max_sentences"`
	MaxWords     int      `json:"max_words"`
	Title        string   `json:"title"`
	Article      string   `json:"article"`
	Parts        []string `json:"parts"`
}

func decodeTask(t testing.TB, r openaitest.Request) task {
	var tk task
	if err := json.Unmarshal([]byte(r.Content("user")), &tk); err != nil {
		t.Errorf("user message is not the task JSON: %v", err)
	}
	return tk
}

var sentenceRE = regexp.MustCompile(`[^.!?؟\n]+[.!?؟]?`)

// extractiveModel is a fake model: it answers with the first sentences of
// the text it is given, as many as the task allows (one by default).
func extractiveModel(t testing.TB) openaitest.Handler {
	return func(r openaitest.Request) openaitest.Reply {
		tk := decodeTask(t, r)
		text := tk.Article
		if len(tk.Parts) > 0 {
			text = strings.Join(tk.Parts, "\n")
		}
		var sents []string
		for _, s := range sentenceRE.FindAllString(text, -1) {
			if s = strings.TrimSpace(s); s != "" {
				sents = append(sents, s)
			}
		}
		n := tk.MaxSentences
		if n == 0 {
			n = 1
		}
		if len(sents) > n {
			sents = sents[:n]
		}
		if r.Chat.Stream {
			return openaitest.Text(strings.Join(sents, " "))
		}
		return openaitest.JSON(map[string]any{"sentences": sents})
	}
}

func newFake(t testing.TB) (*openaitest.Server, *summarize.LLM) {
	srv := openaitest.NewServer(t)
	return srv, summarize.NewLLM(srv.Client(), summarize.LLMOptions{Model: "test-model"})
}

func TestLLMConformance(t *testing.T) {
	summarizetest.Run(t, func(t *testing.T) summarize.Summarizer {
		srv, s := newFake(t)
		srv.Handle(extractiveModel(t))
		return s
	})
}

// TestLLMReplyShapes runs the reply table of summarizetest against LLM.
func TestLLMReplyShapes(t *testing.T) {
	summarizetest.RunReplies(t, func(client llm.ChatCompleter) summarize.Summarizer {
		return summarize.NewLLM(client, summarize.LLMOptions{})
	})
}

func TestLLMFallbackConformance(t *testing.T) {
	summarizetest.Run(t, func(t *testing.T) summarize.Summarizer {
		srv, s := newFake(t)
		srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.ServerError() })
		return summarize.Fallback(s, summarize.Extractive{})
	})
}

func TestLLMRequest(t *testing.T) {
	srv, s := newFake(t)
	srv.Handle(extractiveModel(t))
	seed := readSeed(t)
	a := parse(t, seed)
	sum, err := s.Summarize(context.Background(), summarize.Request{
		Article: a, Target: language.English, Style: summarize.Bullets,
		Budget: summarize.Budget{Sentences: 2, Words: 80},
	})
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Chat.Model != "test-model" {
		t.Errorf("model %q", r.Chat.Model)
	}
	if rf := r.Chat.ResponseFormat; rf == nil || rf.Type != openai.ChatCompletionResponseFormatTypeJSONSchema {
		t.Errorf("response_format = %+v, want json_schema", rf)
	}
	sys := r.Content("system")
	for _, p := range a.Paragraphs {
		if strings.Contains(sys, strings.TrimSpace(a.Text(p.Span))[:40]) {
			t.Error("article text found in the system prompt")
		}
	}
	got := decodeTask(t, r)
	want := task{
		Task: "summarize", Language: "English (en)", Style: "bullets", MaxSentences: 2, MaxWords: 80,
		Title: strings.TrimSpace(a.Text(a.Title)),
	}
	body := got.Article
	got.Article = ""
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("task mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(body, strings.TrimSpace(a.Text(a.Paragraphs[0].Span))) {
		t.Error("the article's first paragraph is not in the user message")
	}
	if strings.Count(body, strings.TrimSpace(a.Text(a.Paragraphs[0].Span))) != 1 {
		t.Error("the duplicate paragraph was sent")
	}
	if sum.Lang != language.English || sum.Model != "test-model" || len(sum.Sentences) != 0 {
		t.Errorf("Lang, Model, Sentences = %v, %q, %v", sum.Lang, sum.Model, sum.Sentences)
	}
	lines := strings.Split(sum.Text, "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "- ") || !strings.HasPrefix(lines[1], "- ") {
		t.Errorf("bullets text:\n%s", sum.Text)
	}
}

func TestLLMCutsToBudget(t *testing.T) {
	srv, s := newFake(t)
	long := strings.Repeat("word ", 50)
	srv.Handle(func(openaitest.Request) openaitest.Reply {
		return openaitest.JSON(map[string]any{"sentences": []string{"One two three.", "Four five six seven.", long}})
	})
	for _, tt := range []struct {
		b    summarize.Budget
		want string
		cut  bool
	}{
		{summarize.Budget{Sentences: 1}, "One two three.", false},
		{summarize.Budget{Words: 8}, "One two three. Four five six seven.", false},
		{summarize.Budget{Words: 2}, "One two", true},
	} {
		sum, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1], Budget: tt.b})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Text != tt.want || sum.Truncated != tt.cut {
			t.Errorf("budget %+v: %q truncated %v; want %q %v", tt.b, sum.Text, sum.Truncated, tt.want, tt.cut)
		}
	}
}

func TestLLMFaults(t *testing.T) {
	req := summarize.Request{Text: summarizetest.Texts[0]}
	tests := []struct {
		name    string
		replies []openaitest.Reply
		want    error
	}{
		{"server error", []openaitest.Reply{openaitest.ServerError()}, llm.ErrServer},
		{"unavailable", []openaitest.Reply{openaitest.Unavailable()}, llm.ErrServer},
		{"rate limited", []openaitest.Reply{openaitest.RateLimited(time.Millisecond)}, llm.ErrRateLimited},
		{"context length", []openaitest.Reply{openaitest.ContextLength()}, llm.ErrContextLength},
		{"cut before a sentence", []openaitest.Reply{openaitest.Length(`{"sentences": ["a`)}, llm.ErrTruncated},
		{"not json, then no plain text", []openaitest.Reply{openaitest.Text("Sure! Here is"), openaitest.Text("no"), openaitest.Text(" ")}, llm.ErrBadReply},
		{"empty, then no plain text", []openaitest.Reply{openaitest.JSON(map[string]any{"sentences": []string{}}), openaitest.JSON(map[string]any{"sentences": []string{" "}}), openaitest.Text("")}, llm.ErrBadReply},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, s := newFake(t)
			srv.Enqueue(tt.replies...)
			_, err := s.Summarize(context.Background(), req)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var apiErr *openai.APIError
			if !errors.Is(tt.want, llm.ErrBadReply) && !errors.Is(err, llm.ErrBadReply) && !errors.As(err, &apiErr) {
				t.Errorf("err = %v: *openai.APIError not reachable", err)
			}
			// With the offline fallback the caller still gets a summary.
			srv.Enqueue(tt.replies...)
			sum, err := summarize.Fallback(s, summarize.Extractive{}).Summarize(context.Background(), req)
			if err != nil || len(sum.Sentences) == 0 || sum.Model != "" {
				t.Errorf("fallback: %+v, %v; want an extractive summary", sum, err)
			}
		})
	}
}

func TestLLMRecoversFromBadReply(t *testing.T) {
	srv, s := newFake(t)
	srv.Enqueue(openaitest.Text("not json"), openaitest.JSON(map[string]any{"sentences": []string{"Fine."}}))
	sum, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1]})
	if err != nil || sum.Text != "Fine." {
		t.Fatalf("got %+v, %v", sum, err)
	}
}

func TestLLMSchemaUnsupported(t *testing.T) {
	srv, s := newFake(t)
	srv.RejectJSONSchema(true)
	srv.Handle(extractiveModel(t))
	if _, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1]}); err != nil {
		t.Fatal(err)
	}
	reqs := srv.ChatRequests()
	last := reqs[len(reqs)-1].Chat.ResponseFormat
	if last == nil || last.Type != openai.ChatCompletionResponseFormatTypeJSONObject {
		t.Errorf("last response_format %+v, want json_object", last)
	}
}

func TestLLMRetriesWithRetryClient(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.RateLimited(time.Millisecond), openaitest.Unavailable())
	srv.Handle(extractiveModel(t))
	client := llm.Config{APIKey: openaitest.DefaultKey, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), MaxAttempts: 4}.NewClient()
	s := summarize.NewLLM(client, summarize.LLMOptions{})
	if _, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[0]}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.ChatRequests()); n != 3 {
		t.Errorf("%d requests, want 3 (429, 503, ok)", n)
	}
}

func TestLLMKeyNotInError(t *testing.T) {
	const key = "sk-SENTINEL-b8a3f1"
	srv := openaitest.NewServer(t)
	srv.RequireKey("another-key")
	client := llm.Config{APIKey: key, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient()}.NewClient()
	_, err := summarize.NewLLM(client, summarize.LLMOptions{}).Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[0]})
	if !errors.Is(err, llm.ErrAuth) {
		t.Fatalf("err = %v, want ErrAuth", err)
	}
	if strings.Contains(err.Error(), key) {
		t.Errorf("error shows the API key: %v", err)
	}
}

func TestLLMHangHonoursDeadline(t *testing.T) {
	srv, s := newFake(t)
	srv.Enqueue(openaitest.Hang())
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := s.Summarize(ctx, summarize.Request{Text: summarizetest.Texts[0]})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
	// The fallback does not run past the caller's deadline either.
	srv.Enqueue(openaitest.Hang())
	ctx2, cancel2 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel2()
	if _, err := summarize.Fallback(s, summarize.Extractive{}).Summarize(ctx2, summarize.Request{Text: summarizetest.Texts[0]}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("with fallback: err = %v, want context.DeadlineExceeded", err)
	}
}

// longArticle repeats distinct paragraphs to pass a small token budget.
func longArticle() string {
	var b strings.Builder
	b.WriteString("Long report on the harbour\n\n")
	for i := range 12 {
		b.WriteString("Paragraph ")
		b.WriteString(string(rune('A' + i)))
		b.WriteString(" says the harbour moved cargo number ")
		b.WriteString(strings.Repeat("x", i+1))
		b.WriteString(" this year. It adds a second sentence about ships and cranes.\n")
	}
	return b.String()
}

func TestLLMMapReduce(t *testing.T) {
	srv := openaitest.NewServer(t)
	var inFlight, peak atomic.Int64
	var mu sync.Mutex
	tasks := map[string]int{}
	model := extractiveModel(t)
	srv.Handle(func(r openaitest.Request) openaitest.Reply {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond) // let requests overlap
		tk := decodeTask(t, r)
		mu.Lock()
		tasks[tk.Task]++
		mu.Unlock()
		return model(r)
	})
	s := summarize.NewLLM(srv.Client(), summarize.LLMOptions{MaxInputTokens: 60, Concurrency: 2})
	sum, err := s.Summarize(context.Background(), summarize.Request{Text: longArticle(), Budget: summarize.Budget{Sentences: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if tasks["summarize"] != 0 || tasks["summarize_part"] < 2 || tasks["combine"] < 1 {
		t.Errorf("tasks = %v, want summarize_part chunks then combine", tasks)
	}
	if p := peak.Load(); p > 2 {
		t.Errorf("%d requests in flight at once, want at most 2", p)
	}
	if !strings.HasPrefix(sum.Text, "Paragraph A") {
		t.Errorf("summary %q does not start with the first chunk's summary", sum.Text)
	}
}

func TestLLMMapReduceFailureStopsChunks(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.ServerError() })
	s := summarize.NewLLM(srv.Client(), summarize.LLMOptions{MaxInputTokens: 60, Concurrency: 1})
	_, err := s.Summarize(context.Background(), summarize.Request{Text: longArticle()})
	if !errors.Is(err, llm.ErrServer) {
		t.Fatalf("err = %v, want ErrServer", err)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests after the first failure, want 1 (no more chunks sent)", n)
	}
}

func TestLLMStream(t *testing.T) {
	srv, s := newFake(t)
	srv.Handle(extractiveModel(t))
	var pieces []string
	sum, err := s.Stream(context.Background(), summarize.Request{Text: summarizetest.Texts[1], Budget: summarize.Budget{Sentences: 2}},
		func(p string) { pieces = append(pieces, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(pieces) < 2 {
		t.Errorf("%d pieces streamed, want several", len(pieces))
	}
	if got := strings.Join(pieces, ""); got != sum.Text {
		t.Errorf("streamed %q, summary %q", got, sum.Text)
	}
	if !srv.ChatRequests()[0].Chat.Stream {
		t.Error("request did not ask for a stream")
	}
}

func TestLLMStreamBudget(t *testing.T) {
	srv, s := newFake(t)
	srv.Enqueue(openaitest.Text("First point here. Second point there! Third one? Fourth."))
	sum, err := s.Stream(context.Background(), summarize.Request{Text: summarizetest.Texts[1], Budget: summarize.Budget{Sentences: 2}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "First point here. Second point there!"; sum.Text != want {
		t.Errorf("Text = %q, want %q", sum.Text, want)
	}
}

func TestLLMNilClient(t *testing.T) {
	sum, err := summarize.NewLLM(nil, summarize.LLMOptions{}).Summarize(context.Background(),
		summarize.Request{Text: summarizetest.Texts[1]})
	if err == nil || sum != nil {
		t.Errorf("Summarize with no client = %+v, %v; want an error", sum, err)
	}
}

func TestLLMStreamEmpty(t *testing.T) {
	srv, s := newFake(t)
	srv.Enqueue(openaitest.Text(" \n- \n"))
	sum, err := s.Stream(context.Background(), summarize.Request{Text: summarizetest.Texts[1]}, nil)
	if !errors.Is(err, llm.ErrBadReply) {
		t.Errorf("Stream of an empty reply = %+v, %v; want ErrBadReply", sum, err)
	}
}

func TestLLMStreamCut(t *testing.T) {
	srv, s := newFake(t)
	srv.Enqueue(openaitest.CutStream("The council approved the plan. Buses will run every ten minutes.", 2))
	var got strings.Builder
	_, err := s.Stream(context.Background(), summarize.Request{Text: summarizetest.Texts[1]}, func(p string) { got.WriteString(p) })
	if !errors.Is(err, llm.ErrServer) {
		t.Errorf("err = %v, want ErrServer", err)
	}
	if got.Len() == 0 {
		t.Error("nothing streamed before the cut")
	}
}

func TestLLMMapReduceSplitsLongParagraph(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(extractiveModel(t))
	var b strings.Builder
	b.WriteString("One long paragraph\n\n")
	for i := range 12 {
		b.WriteString("Sentence ")
		b.WriteString(string(rune('A' + i)))
		b.WriteString(" tells of the harbour and its ships and its many cranes. ")
	}
	s := summarize.NewLLM(srv.Client(), summarize.LLMOptions{MaxInputTokens: 40})
	if _, err := s.Summarize(context.Background(), summarize.Request{Text: b.String()}); err != nil {
		t.Fatal(err)
	}
	parts := 0
	for _, r := range srv.ChatRequests() {
		if tk := decodeTask(t, r); tk.Task == "summarize_part" {
			parts++
			if n := chat.EstimateTokens(tk.Article); n > 40 {
				t.Errorf("chunk of %d tokens sent, budget 40", n)
			}
		}
	}
	if parts < 3 {
		t.Errorf("%d chunk requests, want the paragraph split into several", parts)
	}
}
