package translate_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
)

// envelope answers like a model that echoes the request's document: the
// glossary beside the texts, the texts translated.
func envelope(t testing.TB) openaitest.Handler {
	base := model(t, nil)
	return func(r openaitest.Request) openaitest.Reply {
		rep := base(r)
		if isPlain(r) {
			return rep
		}
		return openaitest.Text(`{"glossary":{"مينسك":"Minsk"},"texts":` + rep.Content + `}`)
	}
}

// checkSeed checks that every part of the seed came back in order, each
// the fake model's translation of its source.
func checkSeed(t *testing.T, got *translate.ArticleTranslation) {
	t.Helper()
	a := seedArticle(t)
	if len(got.Paragraphs) != len(a.Paragraphs) {
		t.Fatalf("%d paragraphs, want %d", len(got.Paragraphs), len(a.Paragraphs))
	}
	for i, p := range got.Parts() {
		if want := "EN<" + a.Text(p.Span) + ">"; !strings.HasPrefix(p.Text, want) || strings.Count(p.Text, "EN<") != 1 {
			t.Errorf("part %d (%s) = %q, want %q", i, p.ID, p.Text, want)
		}
	}
}

// TestServerFaultsAtOnce: a server that answers 429 first, then echoes the
// request envelope with one paragraph dropped and two merged, gets every
// paragraph back, in order, in 3 requests.
func TestServerFaultsAtOnce(t *testing.T) {
	a := seedArticle(t)
	var first atomic.Bool
	env := envelope(t)
	tr, srv := newLLM(t, func(r openaitest.Request) openaitest.Reply {
		rep := env(r)
		if first.CompareAndSwap(false, true) {
			rep = openaitest.MergeItems(openaitest.DropItems(rep, "p3"), "p5", "p6")
		}
		return rep
	})
	srv.Enqueue(openaitest.RateLimited(10 * time.Millisecond))
	got, err := translate.Article(context.Background(), tr, a, language.English)
	if err != nil {
		t.Fatal(err)
	}
	checkSeed(t, got)
	// The 429, the envelope, and one re-ask for the dropped paragraph and
	// the two merged ones.
	reqs := srv.ChatRequests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	if diff := cmp.Diff([]string{"p3", "p5", "p6"}, sentIDs(t, reqs[len(reqs)-1])); diff != "" {
		t.Errorf("re-ask (-want +got):\n%s", diff)
	}
}

// TestPureEcho: a server that sends the request's document back as it
// is gets its texts taken as the answer (an echo is a shape, not a
// failure), in one request.
func TestPureEcho(t *testing.T) {
	tr, srv := newLLM(t, openaitest.Echo())
	req := sampleRequest()
	resp, err := tr.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(req.Segments, resp.Segments); diff != "" {
		t.Errorf("echoed segments (-want +got):\n%s", diff)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestAlwaysLength: a server that ends every reply with finish_reason
// "length" costs one request when its replies are whole, and no more than
// the budget (twice the segments, after the first request) when they are
// cut before a single translation is whole.
func TestAlwaysLength(t *testing.T) {
	a := seedArticle(t)
	tr, srv := newLLM(t, openaitest.AlwaysLength(model(t, nil)))
	got, err := translate.Article(context.Background(), tr, a, language.English)
	if err != nil {
		t.Fatal(err)
	}
	checkSeed(t, got)
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("whole replies: %d requests, want 1", n)
	}

	cut := func(r openaitest.Request) openaitest.Reply { return openaitest.Length(`{"t":"EN<`) }
	tr, srv = newLLM(t, cut)
	_, err = translate.Article(context.Background(), tr, a, language.English)
	segments := len(translate.ArticleRequest(a, language.English).Segments)
	if !errors.Is(err, llm.ErrBudget) {
		t.Errorf("cut replies: error %v, want one matching llm.ErrBudget", err)
	}
	if n := len(srv.ChatRequests()); n > 1+2*segments {
		t.Errorf("cut replies: %d requests for %d segments, want at most %d", n, segments, 1+2*segments)
	}
}

// TestHugeReplyAskedAgain: a reply over the size limit is not read past
// the limit and is asked for again.
func TestHugeReplyAskedAgain(t *testing.T) {
	tr, srv := newLLM(t, model(t, nil))
	srv.Enqueue(openaitest.Huge(64 << 20))
	req := sampleRequest()
	resp, err := tr.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if err := translate.CheckResponse(req, resp); err != nil {
		t.Error(err)
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// TestStalledServer: a server that sends its headers and then nothing
// ends the call at the caller's deadline with an error that says so.
func TestStalledServer(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.StallAfterHeaders() })
	cfg := llm.Config{APIKey: "k", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), AttemptTimeout: 100 * time.Millisecond, MaxAttempts: 2}
	tr := translate.NewLLM(cfg.NewClient(), translate.LLMOptions{})
	_, err := tr.Translate(context.Background(), sampleRequest())
	if !errors.Is(err, llm.ErrTimeout) {
		t.Errorf("attempt timeouts: error %v, want llm.ErrTimeout", err)
	}
	cfg.AttemptTimeout = time.Hour
	tr = translate.NewLLM(cfg.NewClient(), translate.LLMOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = tr.Translate(ctx, sampleRequest())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("caller's deadline: error %v, want context.DeadlineExceeded", err)
	}
}

// TestLongRetryAfter: a server that asks to come back tomorrow ends the
// call at once with the wait in the error.
func TestLongRetryAfter(t *testing.T) {
	tr, srv := newLLM(t, model(t, nil))
	srv.Enqueue(openaitest.RetryAfter(http.StatusTooManyRequests, 24*time.Hour))
	_, err := tr.Translate(context.Background(), sampleRequest())
	var ra *llm.RetryAfterError
	if !errors.As(err, &ra) || ra.Wait != 24*time.Hour || !errors.Is(err, llm.ErrRateLimited) {
		t.Fatalf("error %v, want a *RetryAfterError of 24h", err)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestRetryBudgetCoversTransportRetries: the transport's retries draw on
// the article's budget, so a server that keeps failing costs at most the
// budget, and the error says the budget was spent.
func TestRetryBudgetCoversTransportRetries(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.RateLimited(0) })
	cfg := llm.Config{APIKey: "k", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), MaxAttempts: 100}
	tr := translate.NewLLM(cfg.NewClient(), translate.LLMOptions{RetryBudget: 3})
	_, err := tr.Translate(context.Background(), sampleRequest())
	if !errors.Is(err, llm.ErrBudget) || !errors.Is(err, llm.ErrRateLimited) {
		t.Errorf("error %v, want llm.ErrBudget and llm.ErrRateLimited", err)
	}
	if n := len(srv.ChatRequests()); n != 4 {
		t.Errorf("%d requests, want 4 (one and a budget of 3 retries)", n)
	}
	if want := "translate: llm: retry budget spent: 3 retries and re-asks for this article: rate limited: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want it to start %q", err, want)
	}
}

// TestOnePrefixPerLayer: no error of the translator, or of a Fallback
// over it, repeats a package's prefix in one chain of wrapped errors.
func TestOnePrefixPerLayer(t *testing.T) {
	scripts := map[string][]openaitest.Reply{
		"auth":          {openaitest.Error(http.StatusUnauthorized, "bad key")},
		"server":        {openaitest.ServerError(), openaitest.ServerError(), openaitest.ServerError(), openaitest.ServerError()},
		"context":       {openaitest.ContextLength(), openaitest.ContextLength(), openaitest.ContextLength()},
		"retry after":   {openaitest.RetryAfter(http.StatusServiceUnavailable, time.Hour)},
		"unreadable":    {openaitest.Text("no"), openaitest.Text("no"), openaitest.Text(""), openaitest.Text(""), openaitest.Text(""), openaitest.Text(""), openaitest.Text("")},
		"malformed":     {openaitest.Malformed(), openaitest.Malformed(), openaitest.Malformed(), openaitest.Malformed(), openaitest.Malformed(), openaitest.Malformed(), openaitest.Malformed()},
		"huge":          {openaitest.Huge(8 << 20), openaitest.Huge(8 << 20), openaitest.Text(""), openaitest.Text(""), openaitest.Text(""), openaitest.Text(""), openaitest.Text("")},
		"cut by length": {openaitest.Length(`{"t":"a`), openaitest.Length(`{"t":"a`), openaitest.Length(`{"t":"a`), openaitest.Length(`{"t":"a`), openaitest.Length(`{"t":"a`)},
	}
	for name, replies := range scripts {
		srv := openaitest.NewServer(t)
		srv.Enqueue(replies...)
		cfg := llm.Config{APIKey: "k", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), MaxAttempts: 2}
		var tr translate.Translator = translate.NewLLM(cfg.NewClient(), translate.LLMOptions{})
		tr = translate.Fallback(tr, translate.Func(func(context.Context, translate.Request) (*translate.Response, error) {
			return nil, fmt.Errorf("translate: the fallback is down too: %w", llm.ErrServer)
		}))
		_, err := tr.Translate(context.Background(), sampleRequest())
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		// A Fallback lists each translator's error after "(n) "; each of
		// those chains has each prefix once at most.
		for _, chain := range regexp.MustCompile(`(?:^|; |: )\(\d+\) `).Split(err.Error(), -1) {
			for _, prefix := range []string{"translate: ", "llm: ", "khabar: "} {
				if n := strings.Count(chain, prefix); n > 1 {
					t.Errorf("%s: %q appears %d times in %q", name, prefix, n, chain)
				}
			}
		}
	}
}
