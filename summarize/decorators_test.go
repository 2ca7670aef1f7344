package summarize_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/khabar-go/khabar/summarize"
	"golang.org/x/text/language"
)

// counting wraps a summarizer and counts its calls.
type counting struct {
	next summarize.Summarizer
	n    atomic.Int64
}

func (c *counting) Summarize(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
	c.n.Add(1)
	return c.next.Summarize(ctx, req)
}

func TestCacheHits(t *testing.T) {
	inner := &counting{next: summarize.Extractive{}}
	s := summarize.Cache(summarize.NewLRU(8))(inner)
	seed := readSeed(t)
	a := parse(t, seed)
	ctx := context.Background()
	first, err := s.Summarize(ctx, summarize.Request{Article: a})
	if err != nil {
		t.Fatal(err)
	}
	// Same source, as text or as another parse: a hit.
	for _, req := range []summarize.Request{{Article: a}, {Article: parse(t, seed)}} {
		got, err := s.Summarize(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != first.Text {
			t.Errorf("cached text differs")
		}
		if got.Article != req.Article {
			t.Errorf("cached summary does not point at the request's article")
		}
	}
	if n := inner.n.Load(); n != 1 {
		t.Errorf("inner summarizer called %d times, want 1", n)
	}
	// A different budget, style or target: a miss.
	for _, req := range []summarize.Request{
		{Article: a, Budget: summarize.Budget{Sentences: 1}},
		{Article: a, Style: summarize.Bullets},
		{Article: a, Target: language.English},
		{Text: seed + " "},
	} {
		if _, err := s.Summarize(ctx, req); err != nil {
			t.Fatal(err)
		}
	}
	if n := inner.n.Load(); n != 5 {
		t.Errorf("inner summarizer called %d times, want 5", n)
	}
}

func TestCacheReturnsCopies(t *testing.T) {
	s := summarize.Cache(nil)(summarize.Extractive{})
	a := parse(t, readSeed(t))
	x, err := s.Summarize(context.Background(), summarize.Request{Article: a})
	if err != nil {
		t.Fatal(err)
	}
	want := x.Sentences[0]
	x.Sentences[0].Start = -7
	y, err := s.Summarize(context.Background(), summarize.Request{Article: a})
	if err != nil {
		t.Fatal(err)
	}
	if y.Sentences[0] != want {
		t.Errorf("modifying a returned summary modified the cache: got %v, want %v", y.Sentences[0], want)
	}
}

func TestCacheDoesNotStoreErrors(t *testing.T) {
	calls := 0
	s := summarize.Cache(nil)(summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		calls++
		if calls == 1 {
			return nil, errDown
		}
		return summarize.Extractive{}.Summarize(ctx, req)
	}))
	req := summarize.Request{Text: readSeed(t)}
	if _, err := s.Summarize(context.Background(), req); !errors.Is(err, errDown) {
		t.Fatalf("first call: %v, want errDown", err)
	}
	if _, err := s.Summarize(context.Background(), req); err != nil {
		t.Fatalf("second call: %v", err)
	}
}

func TestLRUEvicts(t *testing.T) {
	c := summarize.NewLRU(2)
	for i := range 3 {
		c.Put(fmt.Sprint(i), &summarize.Summary{Text: fmt.Sprint(i)})
	}
	if _, ok := c.Get("0"); ok {
		t.Error("oldest entry not evicted")
	}
	c.Get("1") // 1 is now the most recent
	c.Put("3", &summarize.Summary{})
	if _, ok := c.Get("2"); ok {
		t.Error("least recently used entry not evicted")
	}
	if s, ok := c.Get("1"); !ok || s.Text != "1" {
		t.Errorf("Get(1) = %v, %v", s, ok)
	}
	if c.Len() != 2 {
		t.Errorf("Len = %d, want 2", c.Len())
	}
}

// refusing is a Limiter that refuses every request.
type refusing struct{}

var errLimited = errors.New("test: over the limit")

func (refusing) Wait(context.Context) error { return errLimited }

func TestRateLimitWaits(t *testing.T) {
	inner := &counting{next: summarize.Extractive{}}
	if _, err := summarize.RateLimit(refusing{})(inner).Summarize(context.Background(),
		summarize.Request{Text: readSeed(t)}); !errors.Is(err, errLimited) {
		t.Errorf("err = %v, want errLimited", err)
	}
	if inner.n.Load() != 0 {
		t.Error("request passed on although the limiter refused it")
	}
	l := &countingLimiter{}
	s := summarize.RateLimit(l)(inner)
	for range 3 {
		if _, err := s.Summarize(context.Background(), summarize.Request{Text: readSeed(t)}); err != nil {
			t.Fatal(err)
		}
	}
	if l.n.Load() != 3 || inner.n.Load() != 3 {
		t.Errorf("limiter waited %d times, summarizer called %d times; want 3, 3", l.n.Load(), inner.n.Load())
	}
}

func TestFallback(t *testing.T) {
	ctx := context.Background()
	req := summarize.Request{Text: readSeed(t)}
	fb := &counting{next: summarize.Extractive{}}

	// Primary succeeds: no fallback.
	if _, err := summarize.Fallback(summarize.Extractive{}, fb).Summarize(ctx, req); err != nil || fb.n.Load() != 0 {
		t.Errorf("primary ok: err %v, fallback calls %d", err, fb.n.Load())
	}
	// Primary fails: fallback.
	if sum, err := summarize.Fallback(failing(errDown), fb).Summarize(ctx, req); err != nil || sum == nil || fb.n.Load() != 1 {
		t.Errorf("primary down: err %v, fallback calls %d", err, fb.n.Load())
	}
	// Invalid request: no fallback.
	if _, err := summarize.Fallback(summarize.Extractive{}, fb).Summarize(ctx, summarize.Request{}); !errors.Is(err, summarize.ErrInvalidRequest) || fb.n.Load() != 1 {
		t.Errorf("invalid: err %v, fallback calls %d", err, fb.n.Load())
	}
	// Both fail: both errors reachable.
	errOther := errors.New("test: other")
	_, err := summarize.Fallback(failing(errDown), failing(errOther)).Summarize(ctx, req)
	if !errors.Is(err, errDown) || !errors.Is(err, errOther) {
		t.Errorf("both down: err %v does not wrap both", err)
	}
	// Canceled context: no fallback.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = summarize.Fallback(failing(context.Canceled), fb).Summarize(cctx, req)
	if !errors.Is(err, context.Canceled) || fb.n.Load() != 1 {
		t.Errorf("canceled: err %v, fallback calls %d", err, fb.n.Load())
	}
}

func TestChainOrder(t *testing.T) {
	var order []string
	mark := func(name string) summarize.Decorator {
		return func(next summarize.Summarizer) summarize.Summarizer {
			return summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
				order = append(order, name)
				return next.Summarize(ctx, req)
			})
		}
	}
	s := summarize.Chain(mark("a"), mark("b"), mark("c"))(summarize.Extractive{})
	if _, err := s.Summarize(context.Background(), summarize.Request{Text: readSeed(t)}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(order); got != "[a b c]" {
		t.Errorf("order = %s, want [a b c]", got)
	}
}
