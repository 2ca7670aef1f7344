package summarize_test

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
)

// TestLLMEcho: a server that echoes the task has written no summary: the
// error says the reply was not as requested, after the re-ask and the
// plain-text request.
func TestLLMEcho(t *testing.T) {
	srv, s := newFake(t)
	srv.Handle(openaitest.Echo())
	_, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1]})
	if !errors.Is(err, llm.ErrBadReply) {
		t.Errorf("error %v, want llm.ErrBadReply", err)
	}
	if n := len(srv.ChatRequests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

// TestLLMRetryBudget: re-asks and the transport's retries draw on one
// budget per article, and the error says when it is spent.
func TestLLMRetryBudget(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.Text("not a summary") })
	client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m"}.NewClient()
	s := summarize.NewLLM(client, summarize.LLMOptions{RetryBudget: 1})
	_, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1]})
	if !errors.Is(err, llm.ErrBudget) || !errors.Is(err, llm.ErrBadReply) {
		t.Errorf("error %v, want llm.ErrBudget and llm.ErrBadReply", err)
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("%d requests, want 2 (one and a budget of 1)", n)
	}

	srv.Reset()
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.ServerError() })
	client = llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m", MaxAttempts: 50}.NewClient()
	s = summarize.NewLLM(client, summarize.LLMOptions{RetryBudget: 2})
	_, err = s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1]})
	if !errors.Is(err, llm.ErrBudget) || !errors.Is(err, llm.ErrServer) {
		t.Errorf("error %v, want llm.ErrBudget and llm.ErrServer", err)
	}
	if n := len(srv.ChatRequests()); n != 3 {
		t.Errorf("%d requests, want 3 (one and a budget of 2 retries)", n)
	}
}

// TestLLMOnePrefixPerLayer: no error of the summarizer, or of a Fallback
// over it, repeats a package's prefix in one chain of wrapped errors.
func TestLLMOnePrefixPerLayer(t *testing.T) {
	scripts := map[string][]openaitest.Reply{
		"auth":        {openaitest.Error(http.StatusUnauthorized, "bad key")},
		"server":      {openaitest.ServerError(), openaitest.ServerError()},
		"retry after": {openaitest.RetryAfter(http.StatusTooManyRequests, time.Hour)},
		"unreadable":  {openaitest.Text("no"), openaitest.Text("no"), openaitest.Text(" ")},
		"empty":       {openaitest.Text(`{"sentences":[]}`), openaitest.Text(`{"sentences":[" "]}`), openaitest.Text("")},
		"malformed":   {openaitest.Malformed(), openaitest.Malformed(), openaitest.Malformed()},
		"cut":         {openaitest.Length(`{"sentences":["a`)},
	}
	for name, replies := range scripts {
		srv := openaitest.NewServer(t)
		srv.Enqueue(replies...)
		client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m", MaxAttempts: 2}.NewClient()
		s := summarize.Fallback(summarize.NewLLM(client, summarize.LLMOptions{}), summarize.NewLLM(client, summarize.LLMOptions{}))
		_, err := s.Summarize(context.Background(), summarize.Request{Text: summarizetest.Texts[1]})
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for _, chain := range regexp.MustCompile(`(?:^|; |: )\(\d+\) `).Split(err.Error(), -1) {
			for _, prefix := range []string{"summarize: ", "llm: ", "khabar: "} {
				if n := strings.Count(chain, prefix); n > 1 {
					t.Errorf("%s: %q appears %d times in %q", name, prefix, n, chain)
				}
			}
		}
	}
}
