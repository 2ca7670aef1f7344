package translate

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
)

// Store is the storage of a Cache. Implementations are safe for concurrent
// use; they may keep the response they are given, which is never modified
// afterwards, and return it from Get.
type Store interface {
	Get(key string) (*Response, bool)
	Set(key string, resp *Response)
}

// Cache returns a Translator that answers a request it has answered before
// from store, and otherwise asks t and stores the answer. Only successful
// responses that pass CheckResponse are stored. A nil store means an LRU of
// DefaultCacheSize entries. Callers get their own copy of a cached
// response.
func Cache(t Translator, store Store) Translator {
	if store == nil {
		store = NewLRU(DefaultCacheSize)
	}
	return Func(func(ctx context.Context, req Request) (*Response, error) {
		key, err := CacheKey(req)
		if err != nil {
			return t.Translate(ctx, req)
		}
		if resp, ok := store.Get(key); ok {
			return resp.clone(), nil
		}
		resp, err := t.Translate(ctx, req)
		if err != nil {
			return nil, err
		}
		if CheckResponse(req, resp) == nil {
			store.Set(key, resp.clone())
		}
		return resp, nil
	})
}

// CacheKey returns the cache key of req: a SHA-256 of its segments,
// languages and glossary.
func CacheKey(req Request) (string, error) {
	b, err := json.Marshal(struct {
		S []Segment
		F string
		T string
		G []Term
	}{req.Segments, req.Source.String(), req.Target.String(), req.Glossary})
	if err != nil {
		return "", fmt.Errorf("translate: cache key: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// DefaultCacheSize is the capacity of the LRU that Cache uses by default.
const DefaultCacheSize = 1024

// LRU is an in-memory Store that keeps the most recently used entries. It
// is safe for concurrent use.
type LRU struct {
	mu    sync.Mutex
	size  int
	order *list.List
	items map[string]*list.Element
}

type lruEntry struct {
	key  string
	resp *Response
}

// NewLRU returns an LRU holding up to size entries (at least 1).
func NewLRU(size int) *LRU {
	return &LRU{size: max(size, 1), order: list.New(), items: map[string]*list.Element{}}
}

// Get returns the entry for key and marks it used.
func (c *LRU) Get(key string) (*Response, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).resp, true
}

// Set stores resp under key, evicting the least recently used entry when
// full.
func (c *LRU) Set(key string, resp *Response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.Value.(*lruEntry).resp = resp
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&lruEntry{key, resp})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*lruEntry).key)
	}
}

// Len returns the number of entries.
func (c *LRU) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// Limiter paces calls. *rate.Limiter from golang.org/x/time/rate
// satisfies it.
type Limiter interface {
	Wait(ctx context.Context) error
}

// RateLimit returns a Translator that waits for l before each call to t.
func RateLimit(t Translator, l Limiter) Translator {
	return Func(func(ctx context.Context, req Request) (*Response, error) {
		if err := l.Wait(ctx); err != nil {
			return nil, fmt.Errorf("translate: rate limit: %w", err)
		}
		return t.Translate(ctx, req)
	})
}

// Fallback returns a Translator that asks each translator in turn until one
// succeeds with a response that passes CheckResponse. Invalid requests and
// a done context stop it at once. When all fail, the error joins theirs.
func Fallback(ts ...Translator) Translator {
	return Func(func(ctx context.Context, req Request) (*Response, error) {
		if err := req.Validate(); err != nil {
			return nil, err
		}
		var errs []error
		for _, t := range ts {
			resp, err := t.Translate(ctx, req)
			if err == nil {
				err = CheckResponse(req, resp)
			}
			if err == nil {
				return resp, nil
			}
			errs = append(errs, err)
			if ctx.Err() != nil || errors.Is(err, ErrInvalidRequest) {
				break
			}
		}
		if len(errs) == 0 {
			return nil, errors.New("translate: Fallback of no translators")
		}
		return nil, errors.Join(errs...)
	})
}

// Middleware wraps a Translator.
type Middleware func(Translator) Translator

// Chain wraps t in the middlewares, the first outermost:
// Chain(t, a, b) is a(b(t)).
func Chain(t Translator, mws ...Middleware) Translator {
	for i := len(mws) - 1; i >= 0; i-- {
		t = mws[i](t)
	}
	return t
}

// WithCache is Cache as a Middleware.
func WithCache(store Store) Middleware {
	return func(t Translator) Translator { return Cache(t, store) }
}

// WithRateLimit is RateLimit as a Middleware.
func WithRateLimit(l Limiter) Middleware {
	return func(t Translator) Translator { return RateLimit(t, l) }
}

// WithFallback is Fallback as a Middleware: the wrapped translator first,
// then the others.
func WithFallback(others ...Translator) Middleware {
	return func(t Translator) Translator { return Fallback(append([]Translator{t}, others...)...) }
}
