package summarize

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"

	"github.com/khabar-go/khabar/internal/decorate"
	"github.com/khabar-go/khabar/internal/lru"
)

// Decorator wraps a Summarizer in another that adds a behaviour. Decorators
// never modify the request they pass on.
type Decorator func(Summarizer) Summarizer

// Chain composes decorators: Chain(a, b, c)(s) is a(b(c(s))), so the first
// decorator is the outermost one and sees each request first.
func Chain(ds ...Decorator) Decorator { return decorate.Chain(ds...) }

// Store holds summaries by key for Cache. Implementations must be safe for
// concurrent use. A Store should not be shared by caches in front of
// different summarizers, since keys name requests, not summarizers.
type Store interface {
	// Get returns the summary stored under key, if any.
	Get(key string) (*Summary, bool)
	// Put stores s under key.
	Put(key string, s *Summary)
}

// Cache returns a Decorator that answers repeated requests from store and
// stores each successful summary there. The key is a hash of the article's
// source text and the request's budget, target language and style (see
// CacheKey). Cached summaries are returned as copies, so a caller that
// modifies one does not modify the cache. A nil store means a new LRU of
// 1024 entries. The summarizer it returns is safe for concurrent use if the
// wrapped one is.
func Cache(store Store) Decorator {
	if store == nil {
		store = NewLRU(1024)
	}
	c := decorate.Cache[Request, *Summary]{Name: "summarize", Store: store, Key: CacheKey, Copy: copySummary}
	return func(next Summarizer) Summarizer { return Func(c.Wrap(next.Summarize)) }
}

// copySummary returns a copy of s with its own Sentences. When req carries
// an article with the same source, the copy points at it.
func copySummary(s *Summary, req Request) *Summary {
	c := *s
	if s.Sentences != nil {
		c.Sentences = append(s.Sentences[:0:0], s.Sentences...)
	}
	if req.Article != nil && s.Article != nil && req.Article.Source == s.Article.Source {
		c.Article = req.Article
	}
	return &c
}

// CacheKey returns the key Cache uses for req: the hex SHA-256 of the
// article's source text (req.Article.Source, or req.Text), the budget, the
// target language and the style. It reports false when req has no input.
func CacheKey(req Request) (string, bool) {
	src := req.Text
	if req.Article != nil {
		src = req.Article.Source
	}
	if src == "" {
		return "", false
	}
	h := sha256.New()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(len(src)))
	h.Write(b[:])
	h.Write([]byte(src))
	sum := h.Sum(nil)
	return fmt.Sprintf("%s|s%d|w%d|r%x|%s|%d", hex.EncodeToString(sum),
		req.Budget.Sentences, req.Budget.Words, math.Float64bits(req.Budget.Ratio),
		req.Target, req.Style), true
}

// LRU is an in-memory Store that keeps the most recently used summaries.
// It is safe for concurrent use.
type LRU struct {
	c *lru.Cache[*Summary]
}

// NewLRU returns an LRU that holds at most size summaries (at least one).
func NewLRU(size int) *LRU {
	return &LRU{c: lru.New[*Summary](size)}
}

// Get returns the summary stored under key and marks it recently used.
func (c *LRU) Get(key string) (*Summary, bool) { return c.c.Get(key) }

// Put stores s under key, dropping the least recently used summary when
// the LRU is full.
func (c *LRU) Put(key string, s *Summary) { c.c.Put(key, s) }

// Len returns the number of summaries held.
func (c *LRU) Len() int { return c.c.Len() }

// Limiter paces requests. *rate.Limiter from golang.org/x/time/rate
// satisfies it. Implementations must be safe for concurrent use.
type Limiter interface {
	// Wait blocks until a request may go, or returns an error when ctx is
	// done first (or the wait cannot succeed).
	Wait(ctx context.Context) error
}

// RateLimit returns a Decorator that waits on l before passing each request
// on. When the wait fails the request is not made and the error is
// returned, wrapped. The summarizer it returns is safe for concurrent use if
// the wrapped one is.
func RateLimit(l Limiter) Decorator {
	return func(next Summarizer) Summarizer {
		return Func(decorate.RateLimit("summarize", l.Wait, next.Summarize))
	}
}

// Fallback returns a Summarizer that asks primary and, when primary fails,
// each of fallbacks in turn until one succeeds — typically an LLM
// summarizer backed by the offline Extractive one. It does not fall back
// when ctx is done (the error then wraps ctx.Err()) or when the request is
// invalid (the error wraps ErrInvalidRequest), since the next summarizer
// would fail the same way. When all fail the error wraps every
// summarizer's error. It is safe for concurrent use if all the summarizers
// are.
func Fallback(primary Summarizer, fallbacks ...Summarizer) Summarizer {
	fs := []decorate.Func[Request, *Summary]{primary.Summarize}
	for _, s := range fallbacks {
		fs = append(fs, s.Summarize)
	}
	return Func(decorate.Fallback("summarize", "summarizers", fs, nil, isInvalid))
}

// WithFallback returns a Decorator form of Fallback, for Chain: the
// decorated summarizer is the primary one, tried before fallbacks.
func WithFallback(fallbacks ...Summarizer) Decorator {
	return func(primary Summarizer) Summarizer { return Fallback(primary, fallbacks...) }
}
