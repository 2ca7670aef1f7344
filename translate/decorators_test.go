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
	c.Put("x", r("x"))
	c.Put("y", r("y"))
	c.Get("x") // y is now the least recently used
	c.Put("z", r("z"))
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
	variants := map[string]translate.Request{"text": req1("y"), "target": base, "source": base, "glossary": base,
		"two segments": {Target: language.English, Segments: []translate.Segment{{ID: "a", Text: "x"}, {ID: "b", Text: ""}}},
		// Field boundaries count: ID "a"+text "x" is not ID "ax"+text "".
		"boundary": {Target: language.English, Segments: []translate.Segment{{ID: "ax", Text: ""}}},
	}
	v := variants["target"]
	v.Target = language.French
	variants["target"] = v
	v = variants["source"]
	v.Source = language.Arabic
	variants["source"] = v
	v = variants["glossary"]
	v.Glossary = []translate.Term{{Source: "x", Target: "X"}}
	variants["glossary"] = v
	k0, ok := translate.CacheKey(base)
	if !ok {
		t.Fatal("CacheKey(valid request) reported false")
	}
	for name, v := range variants {
		if k, ok := translate.CacheKey(v); !ok || k == k0 {
			t.Errorf("%s: key %q, %v; want a key other than the base request's", name, k, ok)
		}
	}
	if k, _ := translate.CacheKey(req1("x")); k != k0 {
		t.Errorf("equal requests have keys %q and %q", k0, k)
	}
	// Texts that are not valid UTF-8 are hashed byte for byte, not
	// replaced with U+FFFD first.
	k1, _ := translate.CacheKey(req1("a\xff"))
	k2, _ := translate.CacheKey(req1("a\xfe"))
	if k1 == k2 {
		t.Error("two invalid UTF-8 texts share a key")
	}
	bad := base
	bad.Target = language.Und
	if k, ok := translate.CacheKey(bad); ok {
		t.Errorf("CacheKey(invalid request) = %q, true; want false", k)
	}
}

func TestCacheHits(t *testing.T) {
	var calls int
	c := translate.Cache(translate.NewLRU(8))(echo(&calls))
	ctx := context.Background()
	for _, text := range []string{"x", "x", "y", "x"} {
		resp, err := c.Translate(ctx, req1(text))
		if err != nil {
			t.Fatal(err)
		}
		if want := "<" + text + ">"; resp.Segments[0].Text != want {
			t.Errorf("text = %q, want %q", resp.Segments[0].Text, want)
		}
	}
	if calls != 2 {
		t.Errorf("%d calls, want 2 (x and y once each)", calls)
	}
	// An invalid request is passed on, not cached.
	bad := req1("x")
	bad.Target = language.Und
	for range 2 {
		if _, err := c.Translate(ctx, bad); !errors.Is(err, translate.ErrInvalidRequest) {
			t.Errorf("invalid request: err = %v, want ErrInvalidRequest", err)
		}
	}
	if calls != 4 {
		t.Errorf("%d calls, want 4: invalid requests reach the translator each time", calls)
	}
	// A done context is refused, even for a cached request.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.Translate(cctx, req1("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("done context: err = %v, want context.Canceled", err)
	}
}

func TestCacheDoesNotStoreErrors(t *testing.T) {
	var calls int
	down := errors.New("down")
	c := translate.Cache(nil)(translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		calls++
		if calls == 1 {
			return nil, down
		}
		return echo(new(int)).Translate(ctx, req)
	}))
	if _, err := c.Translate(context.Background(), req1("x")); !errors.Is(err, down) {
		t.Fatalf("first call: %v, want %v", err, down)
	}
	if _, err := c.Translate(context.Background(), req1("x")); err != nil || calls != 2 {
		t.Fatalf("second call: %v after %d calls, want nil after 2", err, calls)
	}
}

func TestCacheSkipsFailures(t *testing.T) {
	var calls int
	fail := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		calls++
		return &translate.Response{}, nil // breaks the contract: no segments
	})
	c := translate.Cache(nil)(fail)
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
	_, err := translate.RateLimit(errLimiter{limited})(echo(&calls)).Translate(context.Background(), req1("x"))
	if !errors.Is(err, limited) || calls != 0 {
		t.Errorf("error = %v after %d calls, want the limiter's error and no call", err, calls)
	}
	l := &countLimiter{}
	if _, err := translate.RateLimit(l)(echo(&calls)).Translate(context.Background(), req1("x")); err != nil || l.n.Load() != 1 {
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

func TestFallbackSeveral(t *testing.T) {
	var b, c int
	errA, errB := errors.New("a down"), errors.New("b down")
	fail := func(err error, calls *int) translate.Translator {
		return translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			*calls++
			return nil, err
		})
	}
	// Tried in order until one succeeds; later ones are not asked.
	var a, d int
	resp, err := translate.Fallback(fail(errA, &a), fail(errB, &b), echo(&c), echo(&d)).Translate(context.Background(), req1("x"))
	if err != nil || resp.Segments[0].Text != "<x>" || a != 1 || b != 1 || c != 1 || d != 0 {
		t.Errorf("Fallback: %v, %v (calls %d %d %d %d, want 1 1 1 0)", resp, err, a, b, c, d)
	}
	// A response that breaks the contract counts as a failure.
	empty := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		return &translate.Response{}, nil
	})
	if resp, err := translate.Fallback(empty, echo(&c)).Translate(context.Background(), req1("x")); err != nil || resp.Segments[0].Text != "<x>" {
		t.Errorf("broken primary: %v, %v; want the fallback's answer", resp, err)
	}
	// All fail: every error is reachable.
	_, err = translate.Fallback(fail(errA, &a), fail(errB, &b)).Translate(context.Background(), req1("x"))
	if !errors.Is(err, errA) || !errors.Is(err, errB) {
		t.Errorf("all failing: %v does not wrap both errors", err)
	}
	// WithFallback makes the decorated translator the primary.
	a, b = 0, 0
	_, err = translate.WithFallback(fail(errB, &b))(fail(errA, &a)).Translate(context.Background(), req1("x"))
	if !errors.Is(err, errA) || !errors.Is(err, errB) || a != 1 || b != 1 {
		t.Errorf("WithFallback: %v (calls %d, %d)", err, a, b)
	}
}

func TestFallbackStops(t *testing.T) {
	var fb int
	tests := []struct {
		name    string
		primary translate.Translator
		cancel  bool
		want    error
	}{
		{"done context, primary wraps it", translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			return nil, fmt.Errorf("primary: %w", ctx.Err())
		}), true, context.Canceled},
		{"done context, primary hides it", translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			return nil, errors.New("connection reset")
		}), true, context.Canceled},
		{"primary says invalid", translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			return nil, fmt.Errorf("%w: too long", translate.ErrInvalidRequest)
		}), false, translate.ErrInvalidRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fb = 0
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				cancel()
			}
			_, err := translate.Fallback(tt.primary, echo(&fb)).Translate(ctx, req1("x"))
			if !errors.Is(err, tt.want) || fb != 0 {
				t.Errorf("err = %v after %d fallback calls; want one matching %v and no call", err, fb, tt.want)
			}
		})
	}
}

func TestChainOrder(t *testing.T) {
	var log []string
	mw := func(name string) translate.Decorator {
		return func(next translate.Translator) translate.Translator {
			return translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
				log = append(log, name)
				return next.Translate(ctx, req)
			})
		}
	}
	var calls int
	translate.Chain(mw("outer"), mw("inner"))(echo(&calls)).Translate(context.Background(), req1("x"))
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
