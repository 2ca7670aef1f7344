package translate_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/translate"
	"golang.org/x/text/language"
)

func echo(calls *int) translate.Translator {
	return translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		*calls++
		if err := req.Validate(); err != nil {
			return nil, err
		}
		resp := &translate.Response{}
		for _, s := range req.Segments {
			resp.Segments = append(resp.Segments, translate.Segment{ID: s.ID, Text: "<" + s.Text + ">"})
		}
		return resp, nil
	})
}

func req1(text string) translate.Request {
	return translate.Request{Target: language.English, Segments: []translate.Segment{{ID: "a", Text: text}}}
}

func TestLRU(t *testing.T) {
	c := translate.NewLRU(2)
	r := func(s string) *translate.Response {
		return &translate.Response{Segments: []translate.Segment{{ID: "a", Text: s}}}
	}
	c.Set("x", r("x"))
	c.Set("y", r("y"))
	c.Get("x") // y is now the least recently used
	c.Set("z", r("z"))
	var got []string
	for _, k := range []string{"x", "y", "z"} {
		if _, ok := c.Get(k); ok {
			got = append(got, k)
		}
	}
	if diff := cmp.Diff([]string{"x", "z"}, got); diff != "" {
		t.Errorf("kept keys (-want +got):\n%s", diff)
	}
	if c.Len() != 2 {
		t.Errorf("Len() = %d, want 2", c.Len())
	}
}

func TestCacheKeyDistinguishes(t *testing.T) {
	base := req1("x")
	variants := []translate.Request{req1("y"), base, base, base}
	variants[1].Target = language.French
	variants[2].Source = language.Arabic
	variants[3].Glossary = []translate.Term{{Source: "x", Target: "X"}}
	k0, _ := translate.CacheKey(base)
	for i, v := range variants {
		if k, _ := translate.CacheKey(v); k == k0 {
			t.Errorf("variant %d has the same key as the base request", i)
		}
	}
}

func TestCacheSkipsFailures(t *testing.T) {
	var calls int
	fail := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		calls++
		return &translate.Response{}, nil // breaks the contract: no segments
	})
	c := translate.Cache(fail, nil)
	c.Translate(context.Background(), req1("x"))
	c.Translate(context.Background(), req1("x"))
	if calls != 2 {
		t.Errorf("%d calls, want 2: a response that fails CheckResponse is not cached", calls)
	}
}

type errLimiter struct{ err error }

func (l errLimiter) Wait(context.Context) error { return l.err }

func TestRateLimit(t *testing.T) {
	var calls int
	limited := errors.New("limit exceeded")
	_, err := translate.RateLimit(echo(&calls), errLimiter{limited}).Translate(context.Background(), req1("x"))
	if !errors.Is(err, limited) || calls != 0 {
		t.Errorf("error = %v after %d calls, want the limiter's error and no call", err, calls)
	}
	l := &countLimiter{}
	if _, err := translate.RateLimit(echo(&calls), l).Translate(context.Background(), req1("x")); err != nil || l.n.Load() != 1 {
		t.Errorf("error = %v, waits = %d; want nil and 1", err, l.n.Load())
	}
}

func TestFallback(t *testing.T) {
	var a, b int
	down := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		a++
		return nil, errors.New("down")
	})
	resp, err := translate.Fallback(down, echo(&b)).Translate(context.Background(), req1("x"))
	if err != nil || resp.Segments[0].Text != "<x>" || a != 1 || b != 1 {
		t.Errorf("Fallback: %v, %v (calls %d, %d)", resp, err, a, b)
	}
	// An invalid request stops before any call.
	a, b = 0, 0
	bad := req1("x")
	bad.Target = language.Und
	if _, err := translate.Fallback(down, echo(&b)).Translate(context.Background(), bad); !errors.Is(err, translate.ErrInvalidRequest) || a+b != 0 {
		t.Errorf("invalid request: %v after %d calls", err, a+b)
	}
	// All failing: the errors are joined.
	_, err = translate.Fallback(down, down).Translate(context.Background(), req1("x"))
	if err == nil || strings.Count(err.Error(), "down") != 2 {
		t.Errorf("all failing: error = %v, want both errors", err)
	}
}

func TestChainOrder(t *testing.T) {
	var log []string
	mw := func(name string) translate.Middleware {
		return func(next translate.Translator) translate.Translator {
			return translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
				log = append(log, name)
				return next.Translate(ctx, req)
			})
		}
	}
	var calls int
	translate.Chain(echo(&calls), mw("outer"), mw("inner")).Translate(context.Background(), req1("x"))
	if diff := cmp.Diff([]string{"outer", "inner"}, log); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestCheckGlossary(t *testing.T) {
	req := translate.Request{Target: language.English,
		Segments: []translate.Segment{{ID: "a", Text: "زار بزشكیان مينسك"}, {ID: "b", Text: "في مينسك"}, {ID: "c", Text: "لا شيء"}},
		Glossary: []translate.Term{{Source: "مينسك", Target: "Minsk"}, {Source: "بزشكيان", Target: "Pezeshkian"}, {Source: "طهران", Target: "Tehran"}}}
	resp := &translate.Response{Segments: []translate.Segment{{ID: "a", Text: "pezeshkian visited minsk"}, {ID: "b", Text: "in Minsk"}, {ID: "c", Text: "nothing"}}}
	got := translate.CheckGlossary(req, resp)
	want := []translate.TermUse{
		{Term: req.Glossary[0], Segments: []string{"a", "b"}},
		// The Persian yeh in the text matches the Arabic yeh of the term.
		{Term: req.Glossary[1], Segments: []string{"a"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckGlossary (-want +got):\n%s", diff)
	}
	resp.Segments[1].Text = "in the capital"
	got = translate.CheckGlossary(req, resp)
	if diff := cmp.Diff([]string{"b"}, got[0].Missed); diff != "" || got[0].Kept() {
		t.Errorf("missed (-want +got):\n%s", diff)
	}
}

func TestMissingErrorMessage(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &translate.MissingError{IDs: []string{"p2", "p7"}})
	var me *translate.MissingError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), "p2, p7") {
		t.Errorf("error %q", err)
	}
}
