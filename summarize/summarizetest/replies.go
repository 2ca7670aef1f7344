package summarizetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/summarize"
)

// ReplyCase is one way a model answers a summary request, with the summary
// an LLM-backed summarizer must give.
type ReplyCase struct {
	// Name says what the reply does.
	Name string
	// Replies are the server's answers in order: the first to the request
	// of ReplyRequest, the others to the requests that follow (a re-ask, a
	// plain-text request).
	Replies []openaitest.Reply
	// Want is the summary's Text.
	Want string
	// Requests is the most chat requests the summarizer may make.
	Requests int
}

// ReplyRequest returns the request every ReplyCase answers: the English
// text of Texts, summarized in at most three sentences of prose.
func ReplyRequest() summarize.Request {
	return summarize.Request{Text: englishText, Budget: summarize.Budget{Sentences: 3}}
}

// The two sentences every case carries, in some shape.
const (
	s1   = "The council approved a new bus network."
	s2   = "Buses will run every ten minutes."
	both = s1 + " " + s2
)

func text(s string) openaitest.Reply { return openaitest.Text(s) }

const good = `{"sentences":["` + s1 + `","` + s2 + `"]}`

// ReplyCases are the reply shapes an LLM summarizer must read (Requests
// 1), and the replies it must ask again for, or ask for in plain text
// after two that cannot be read (more Requests).
var ReplyCases = []ReplyCase{
	{"sentences list", []openaitest.Reply{text(good)}, both, 1},
	{"code fence", []openaitest.Reply{text("```json\n" + good + "\n```")}, both, 1},
	{"prose around the JSON", []openaitest.Reply{text("Here is the summary: " + good + " I hope it helps.")}, both, 1},
	{"echoed task with the sentences", []openaitest.Reply{text(`{"task":"summarize","language":"English (en)","style":"prose","max_sentences":3,"title":"City council approves new bus network","article":"The city council voted on Tuesday.","sentences":["` + s1 + `","` + s2 + `"]}`)}, both, 1},
	{"echoed task with one other field", []openaitest.Reply{text(`{"task":"summarize","article":"The city council voted on Tuesday.","my_summary":"` + both + `"}`)}, both, 1},
	{"summary as one string", []openaitest.Reply{text(`{"summary":"` + both + `"}`)}, both, 1},
	{"summary as a list", []openaitest.Reply{text(`{"summary":["` + s1 + `","` + s2 + `"]}`)}, both, 1},
	{"nested one level deeper", []openaitest.Reply{text(`{"summary":` + good + `}`)}, both, 1},
	{"nested two levels deeper", []openaitest.Reply{text(`{"result":{"summary":{"text":"` + both + `"}}}`)}, both, 1},
	{"bare list of strings", []openaitest.Reply{text(`["` + s1 + `","` + s2 + `"]`)}, both, 1},
	{"list of objects", []openaitest.Reply{text(`[{"sentence":"` + s1 + `"},{"sentence":"` + s2 + `"}]`)}, both, 1},
	{"sentences as one string", []openaitest.Reply{text(`{"sentences":"` + both + `"}`)}, both, 1},
	{"key in another case", []openaitest.Reply{text(`{"Sentences":["` + s1 + `","` + s2 + `"]}`)}, both, 1},
	{"key points", []openaitest.Reply{text(`{"key_points":["` + s1 + `","` + s2 + `"]}`)}, both, 1},
	{"bullet marks", []openaitest.Reply{text(`{"bullets":["- ` + s1 + `","• ` + s2 + `"]}`)}, both, 1},
	{"list numbers", []openaitest.Reply{text(`{"sentences":["1. ` + s1 + `","2) ` + s2 + `"]}`)}, both, 1},
	{"trailing comma", []openaitest.Reply{text(`{"sentences":["` + s1 + `","` + s2 + `",]}`)}, both, 1},
	{"finish_reason length on a whole reply", []openaitest.Reply{openaitest.Length(good)}, both, 1},
	{"cut by the length limit mid-way", []openaitest.Reply{openaitest.Length(`{"sentences":["` + s1 + `","Buses will r`)}, s1, 1},
	{"not JSON", []openaitest.Reply{text("Sure! The council approved it."), text(good)}, both, 2},
	{"empty list", []openaitest.Reply{text(`{"sentences":[]}`), text(good)}, both, 2},
	{"numbers, not sentences", []openaitest.Reply{text(`{"sentences":[1,2]}`), text(good)}, both, 2},
	{"only the echoed task", []openaitest.Reply{text(`{"task":"summarize","title":"City council approves new bus network","article":"The city council voted."}`), text(good)}, both, 2},
	{"malformed response body", []openaitest.Reply{openaitest.Malformed(), text(good)}, both, 2},
	{"two unreadable replies, then plain text", []openaitest.Reply{text("I cannot produce JSON."), text("Sorry."), text(both)}, both, 3},
	{"two unreadable replies, then a plain bullet list", []openaitest.Reply{text("No."), text("No JSON."), text("- " + s1 + "\n- " + s2)}, both, 3},
}

// RunReplies runs every ReplyCase as a subtest of t: a fresh fake server
// answers with the case's replies, in order, and newSummarizer makes the
// summarizer to check over the client it is given.
func RunReplies(t *testing.T, newSummarizer func(client llm.ChatCompleter) summarize.Summarizer) {
	t.Helper()
	for _, c := range ReplyCases {
		t.Run(c.Name, func(t *testing.T) {
			if err := checkCase(context.Background(), c, newSummarizer, openaitest.NewServer(t)); err != nil {
				t.Error(err)
			}
		})
	}
}

// CheckReplies runs every ReplyCase and returns the failures joined, or
// nil. It is RunReplies for callers without a *testing.T.
func CheckReplies(ctx context.Context, newSummarizer func(client llm.ChatCompleter) summarize.Summarizer) error {
	var errs []error
	for _, c := range ReplyCases {
		srv := openaitest.NewServer(nil)
		if err := checkCase(ctx, c, newSummarizer, srv); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.Name, err))
		}
		srv.Close()
	}
	return errors.Join(errs...)
}

func checkCase(ctx context.Context, c ReplyCase, newSummarizer func(llm.ChatCompleter) summarize.Summarizer, srv *openaitest.Server) error {
	srv.Enqueue(c.Replies...)
	client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "fake", MaxAttempts: 1}.NewClient()
	sum, err := newSummarizer(client).Summarize(ctx, ReplyRequest())
	if err != nil {
		return fmt.Errorf("Summarize: %w (after %d requests)", err, len(srv.ChatRequests()))
	}
	if diff := cmp.Diff(c.Want, sum.Text); diff != "" {
		return fmt.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
	if n := len(srv.ChatRequests()); n > c.Requests {
		return fmt.Errorf("%d requests, want at most %d", n, c.Requests)
	}
	return nil
}
