// Package decorate holds the logic shared by the typed decorators of the
// summarize and translate packages: composing decorators, caching, rate
// limiting and falling back over functions of a request. Those packages keep their own exported
// types and decide what is cached and copied; this package only runs it.
package decorate

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// Fallback returns a Func that asks each of fs in turn until one succeeds.
// check, when not nil, turns a response that breaks the contract into an
// error, which counts as a failure. It does not try the next one when ctx
// is done (the error then wraps ctx.Err()) or when final reports true for
// the error (a request that the next would refuse the same way). When all
// fail, the error wraps every one of their errors. Errors are "<name>: …"
// once: the inner errors' own "<name>: " prefix is not repeated.
func Fallback[Req, Resp any](name, noun string, fs []Func[Req, Resp], check func(Req, Resp) error, final func(error) bool) Func[Req, Resp] {
	return func(ctx context.Context, req Req) (Resp, error) {
		var zero Resp
		var errs []error
		for _, f := range fs {
			resp, err := f(ctx, req)
			if err == nil && check != nil {
				err = check(req, resp)
			}
			if err == nil {
				return resp, nil
			}
			errs = append(errs, err)
			if cerr := ctx.Err(); cerr != nil {
				if errors.Is(err, cerr) {
					return zero, err
				}
				return zero, &failures{name: name, head: cerr.Error() + " after", errs: errs, cause: cerr}
			}
			if final != nil && final(err) {
				return zero, err
			}
		}
		if len(errs) == 1 {
			return zero, errs[0]
		}
		return zero, &failures{name: name, head: fmt.Sprintf("all %d %s failed", len(errs), noun), errs: errs}
	}
}

// failures is the error of a Fallback whose every choice failed.
type failures struct {
	name, head string
	errs       []error
	cause      error // the context's error, or nil
}

// Error lists the errors, numbered, each without the package prefix that
// the message starts with already.
func (f *failures) Error() string {
	var b strings.Builder
	b.WriteString(f.name + ": " + f.head + ": ")
	for i, err := range f.errs {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "(%d) %s", i+1, strings.TrimPrefix(err.Error(), f.name+": "))
	}
	return b.String()
}

// Unwrap returns the errors and the context's error.
func (f *failures) Unwrap() []error {
	if f.cause != nil {
		return append(f.errs[:len(f.errs):len(f.errs)], f.cause)
	}
	return f.errs
}
