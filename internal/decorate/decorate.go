// Package decorate holds the logic shared by the typed decorators of the
// summarize and translate packages: composing decorators, caching and rate
// limiting a function of a request. Those packages keep their own exported
// types and decide what is cached and copied; this package only runs it.
package decorate

import (
	"context"
	"fmt"
)

// Func is the shape of Summarize and Translate: one request, one response.
type Func[Req, Resp any] func(context.Context, Req) (Resp, error)

// Chain composes ds so that the first is the outermost: Chain(a, b, c)(x)
// is a(b(c(x))).
func Chain[T any, D ~func(T) T](ds ...D) D {
	return func(x T) T {
		for i := len(ds) - 1; i >= 0; i-- {
			x = ds[i](x)
		}
		return x
	}
}

// RateLimit returns next behind wait: wait runs before each request, and
// when it fails the request is not made and its error is returned, wrapped
// as "<name>: rate limit: ...".
func RateLimit[Req, Resp any](name string, wait func(context.Context) error, next Func[Req, Resp]) Func[Req, Resp] {
	return func(ctx context.Context, req Req) (Resp, error) {
		if err := wait(ctx); err != nil {
			var zero Resp
			return zero, fmt.Errorf("%s: rate limit: %w", name, err)
		}
		return next(ctx, req)
	}
}

// Store holds responses by key; it must be safe for concurrent use.
type Store[Resp any] interface {
	Get(key string) (Resp, bool)
	Put(key string, resp Resp)
}

// Cache describes a response cache in front of a Func.
type Cache[Req, Resp any] struct {
	// Name starts the errors, as in "summarize".
	Name string
	// Store holds the responses.
	Store Store[Resp]
	// Key returns the key of req, or false when req is not to be cached.
	Key func(Req) (string, bool)
	// Copy returns a copy of resp for req that the receiver may keep or
	// modify: what a hit returns and what is stored.
	Copy func(resp Resp, req Req) Resp
	// Keep reports whether a successful resp is to be stored; nil means
	// every one is.
	Keep func(req Req, resp Resp) bool
}

// Wrap returns next behind the cache. It fails at once, with an error
// wrapping ctx.Err(), when ctx is done. A hit returns a copy of the stored
// response; a miss asks next and stores a copy of what it returns without
// error, so the caller's response and the stored one are never the same.
func (c Cache[Req, Resp]) Wrap(next Func[Req, Resp]) Func[Req, Resp] {
	return func(ctx context.Context, req Req) (Resp, error) {
		var zero Resp
		if err := ctx.Err(); err != nil {
			return zero, fmt.Errorf("%s: cache: %w", c.Name, err)
		}
		key, ok := c.Key(req)
		if ok {
			if resp, hit := c.Store.Get(key); hit {
				return c.Copy(resp, req), nil
			}
		}
		resp, err := next(ctx, req)
		if err != nil {
			return zero, err
		}
		if ok && (c.Keep == nil || c.Keep(req, resp)) {
			c.Store.Put(key, c.Copy(resp, req))
		}
		return resp, nil
	}
}
