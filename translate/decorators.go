package translate

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"

	"github.com/khabar-go/khabar/internal/decorate"
	"github.com/khabar-go/khabar/internal/lru"
)

// Decorator wraps a Translator in another that adds a behaviour.
// Decorators never modify the request they pass on.
type Decorator func(Translator) Translator

// Chain composes decorators: Chain(a, b, c)(t) is a(b(c(t))), so the first
// decorator is the outermost one and sees each request first.
func Chain(ds ...Decorator) Decorator { return decorate.Chain(ds...) }

// Store holds responses by key for Cache. Implementations must be safe for
// concurrent use. A Store may keep the response it is given, which Cache
// never modifies afterwards, and return it from Get. A Store should not be
// shared by caches in front of different translators, since keys name
// requests, not translators.
type Store interface {
	// Get returns the response stored under key, if any.
	Get(key string) (*Response, bool)
	// Put stores resp under key.
	Put(key string, resp *Response)
}

// DefaultCacheSize is the capacity of the LRU that Cache uses when given a
// nil Store.
const DefaultCacheSize = 1024

// Cache returns a Decorator that answers repeated requests from store and
// stores each successful response there. Only responses that pass
// CheckResponse are stored, and invalid requests are passed on uncached.
// The key is a hash of the request's segments, languages and glossary (see
// CacheKey). Cached responses are returned as copies, so a caller that
// modifies one does not modify the cache. A nil store means a new LRU of
// DefaultCacheSize entries. The translator it returns is safe for
// concurrent use if the wrapped one is.
func Cache(store Store) Decorator {
	if store == nil {
		store = NewLRU(DefaultCacheSize)
	}
	c := decorate.Cache[Request, *Response]{Name: "translate", Store: store, Key: CacheKey,
		Copy: func(resp *Response, _ Request) *Response { return resp.clone() },
		Keep: func(req Request, resp *Response) bool { return CheckResponse(req, resp) == nil }}
	return func(next Translator) Translator { return Func(c.Wrap(next.Translate)) }
}

// CacheKey returns the key Cache uses for req: the hex SHA-256 of its
// segments (IDs and texts, in order), its Source and Target languages and
// its glossary. Every text is hashed byte for byte with its length, so
// distinct requests get distinct keys. It reports false when req is
// invalid (see Request.Validate).
func CacheKey(req Request) (string, bool) {
	if req.Validate() != nil {
		return "", false
	}
	h := sha256.New()
	writeInt(h, len(req.Segments))
	for _, s := range req.Segments {
		writeString(h, s.ID)
		writeString(h, s.Text)
	}
	writeString(h, req.Source.String())
	writeString(h, req.Target.String())
	writeInt(h, len(req.Glossary))
	for _, t := range req.Glossary {
		writeString(h, t.Source)
		writeString(h, t.Target)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

func writeInt(h hash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

func writeString(h hash.Hash, s string) {
	writeInt(h, len(s))
	h.Write([]byte(s))
}

// LRU is an in-memory Store that keeps the most recently used responses.
// It is safe for concurrent use.
type LRU struct {
	c *lru.Cache[*Response]
}

// NewLRU returns an LRU that holds at most size responses (at least one).
func NewLRU(size int) *LRU {
	return &LRU{c: lru.New[*Response](size)}
}

// Get returns the response stored under key and marks it recently used.
func (c *LRU) Get(key string) (*Response, bool) { return c.c.Get(key) }

// Put stores resp under key, dropping the least recently used response
// when the LRU is full.
func (c *LRU) Put(key string, resp *Response) { c.c.Put(key, resp) }

// Len returns the number of responses held.
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
// returned, wrapped. The translator it returns is safe for concurrent use
// if the wrapped one is.
func RateLimit(l Limiter) Decorator {
	return func(next Translator) Translator {
		return Func(decorate.RateLimit("translate", l.Wait, next.Translate))
	}
}

// Fallback returns a Translator that asks primary and, when primary fails,
// each of fallbacks in turn until one succeeds — typically an LLM
// translator backed by another provider. A response that does not pass
// CheckResponse counts as a failure. It does not fall back when ctx is done
// (the error then wraps ctx.Err()) or when the request is invalid (an
// invalid request is refused before any translator is asked; its error
// wraps ErrInvalidRequest), since the next translator would fail the same
// way. When all fail the error wraps every translator's error. It is safe
// for concurrent use if all the translators are.
func Fallback(primary Translator, fallbacks ...Translator) Translator {
	fs := []decorate.Func[Request, *Response]{primary.Translate}
	for _, t := range fallbacks {
		fs = append(fs, t.Translate)
	}
	isInvalid := func(err error) bool { return errors.Is(err, ErrInvalidRequest) }
	next := decorate.Fallback("translate", "translators", fs, CheckResponse, isInvalid)
	return Func(func(ctx context.Context, req Request) (*Response, error) {
		if err := req.Validate(); err != nil {
			return nil, err
		}
		return next(ctx, req)
	})
}

// WithFallback returns a Decorator form of Fallback, for Chain: the
// decorated translator is the primary one, tried before fallbacks.
func WithFallback(fallbacks ...Translator) Decorator {
	return func(primary Translator) Translator { return Fallback(primary, fallbacks...) }
}
