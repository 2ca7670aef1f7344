package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Retry defaults used when a RetryClient field is zero.
const (
	DefaultMaxAttempts   = 4
	DefaultBaseDelay     = 500 * time.Millisecond
	DefaultMaxDelay      = 8 * time.Second
	DefaultMaxServerWait = 60 * time.Second
)

// RetryClient is an openai.HTTPDoer that retries failed requests the way the
// server asks. It retries connection errors and the statuses 408, 409, 429
// and 5xx; a response header x-should-retry: true or false overrides that
// decision. It waits as the server says (retry-after-ms, then Retry-After in
// seconds or as an HTTP date, when within MaxServerWait) or else backs off
// exponentially with full jitter, and it makes at most MaxAttempts attempts.
// It never waits past the request context's deadline: when the wait would
// pass it, it returns the last response or error at once.
//
// Each retry sends the request body again through req.GetBody (which
// http.NewRequest sets for in-memory bodies); a request whose body cannot be
// rewound is not retried. Discarded response bodies are drained and closed.
//
// The zero RetryClient uses http.DefaultClient and the defaults above. A
// RetryClient is safe for concurrent use once configured.
type RetryClient struct {
	// Doer sends each attempt; nil means http.DefaultClient.
	Doer openai.HTTPDoer
	// MaxAttempts bounds the attempts, the first included; 0 means
	// DefaultMaxAttempts, 1 disables retries.
	MaxAttempts int
	// BaseDelay is the backoff ceiling of the first retry, doubled for each
	// further retry; 0 means DefaultBaseDelay.
	BaseDelay time.Duration
	// MaxDelay caps the backoff ceiling; 0 means DefaultMaxDelay.
	MaxDelay time.Duration
	// MaxServerWait is the longest server-requested wait that is honoured;
	// a longer one falls back to backoff. 0 means DefaultMaxServerWait.
	MaxServerWait time.Duration
	// Rand returns a number in [0, 1) for the jitter; nil means math/rand/v2.
	Rand func() float64
	// Sleep waits for d or until ctx is done; nil means the package's
	// Sleep. Tests inject a fake.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now returns the current time, for Retry-After dates and deadlines;
	// nil means time.Now.
	Now func() time.Time
	// AttemptTimeout, when > 0, bounds the wait for each attempt's
	// response headers: an attempt that has not answered by then is
	// abandoned and retried like a connection error (a hung server). The
	// body may take longer. 0 means no bound beyond the request context.
	AttemptTimeout time.Duration
	// Logger receives one Debug record per retry (method, path, status,
	// attempt, wait); nil means no logging. Headers, bodies and the query
	// are never logged.
	Logger *slog.Logger

	// secret is replaced by "[REDACTED]" in error response bodies and
	// transport errors.
	secret string
}

// Do sends req, retrying as described on RetryClient.
func (c *RetryClient) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	doer := c.Doer
	if doer == nil {
		doer = http.DefaultClient
	}
	maxAttempts := c.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = DefaultMaxAttempts
	}
	attemptReq := req
	for attempt := 1; ; attempt++ {
		resp, err := c.do(doer, attemptReq)
		if !c.shouldRetry(ctx, resp, err) || attempt >= maxAttempts ||
			(req.Body != nil && req.Body != http.NoBody && req.GetBody == nil) {
			return c.finish(resp, err)
		}
		wait := c.wait(attempt, resp)
		if dl, ok := ctx.Deadline(); ok && c.now().Add(wait).After(dl) {
			return c.finish(resp, err)
		}
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		discard(resp)
		if c.Logger != nil {
			c.Logger.LogAttrs(ctx, slog.LevelDebug, "llm: retrying request",
				slog.String("method", req.Method), slog.String("path", req.URL.Path),
				slog.Int("status", status), slog.Int("attempt", attempt), slog.Duration("wait", wait))
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("llm: waiting to retry: %w", err)
		}
		attemptReq = req
		if req.GetBody != nil {
			body, gerr := req.GetBody()
			if gerr != nil {
				return nil, fmt.Errorf("llm: rewinding request body: %w", gerr)
			}
			attemptReq = req.Clone(ctx)
			attemptReq.Body = body
		}
	}
}

// do sends one attempt, bounded by AttemptTimeout.
func (c *RetryClient) do(doer openai.HTTPDoer, req *http.Request) (*http.Response, error) {
	if c.AttemptTimeout <= 0 {
		return doer.Do(req)
	}
	ctx, cancel := context.WithCancelCause(req.Context())
	timer := time.AfterFunc(c.AttemptTimeout, func() { cancel(errAttemptTimeout) })
	resp, err := doer.Do(req.WithContext(ctx))
	if !timer.Stop() && err == nil {
		// The timer fired as the headers came in: the attempt's context,
		// which the body needs, is cancelled or about to be.
		discard(resp)
		resp, err = nil, errAttemptTimeout
	}
	if err != nil {
		cancel(nil)
		if (err == errAttemptTimeout || context.Cause(ctx) == errAttemptTimeout) && req.Context().Err() == nil {
			return nil, &url.Error{Op: req.Method, URL: req.URL.Redacted(), Err: errAttemptTimeout}
		}
		return nil, err
	}
	// The attempt's context lives until the body is closed.
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: func() { cancel(nil) }}
	return resp, nil
}

// errAttemptTimeout is the error of an abandoned attempt; it is a
// net.Error with Timeout() true, so it is retried.
var errAttemptTimeout error = attemptTimeoutError{}

type attemptTimeoutError struct{}

func (attemptTimeoutError) Error() string   { return "llm: no response within the attempt timeout" }
func (attemptTimeoutError) Timeout() bool   { return true }
func (attemptTimeoutError) Temporary() bool { return true }

type cancelBody struct {
	io.ReadCloser
	cancel func()
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// shouldRetry reports whether the outcome of one attempt calls for another.
func (c *RetryClient) shouldRetry(ctx context.Context, resp *http.Response, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		return isConnError(err)
	}
	switch strings.ToLower(resp.Header.Get("x-should-retry")) {
	case "true":
		return true
	case "false":
		return false
	}
	s := resp.StatusCode
	return s == http.StatusRequestTimeout || s == http.StatusConflict ||
		s == http.StatusTooManyRequests || s >= 500
}

// wait returns how long to wait before the attempt after attempt.
func (c *RetryClient) wait(attempt int, resp *http.Response) time.Duration {
	maxServer := c.MaxServerWait
	if maxServer <= 0 {
		maxServer = DefaultMaxServerWait
	}
	if resp != nil {
		if d, ok := c.serverWait(resp.Header); ok && d <= maxServer {
			return d
		}
	}
	base, maxDelay := c.BaseDelay, c.MaxDelay
	if base <= 0 {
		base = DefaultBaseDelay
	}
	if maxDelay <= 0 {
		maxDelay = DefaultMaxDelay
	}
	ceiling := base
	for i := 1; i < attempt && ceiling < maxDelay; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, maxDelay)
	r := rand.Float64
	if c.Rand != nil {
		r = c.Rand
	}
	return time.Duration(r() * float64(ceiling))
}

// serverWait reads retry-after-ms, then Retry-After (seconds or HTTP date).
func (c *RetryClient) serverWait(h http.Header) (time.Duration, bool) {
	if v := h.Get("retry-after-ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(c.now()), 0), true
	}
	return 0, false
}

func (c *RetryClient) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *RetryClient) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	return Sleep(ctx, d)
}

// Sleep waits for d, or until ctx is done and then returns ctx.Err(). A d
// of zero or less does not wait.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// finish returns the final outcome, with the secret scrubbed from an error
// response body and from a transport error.
func (c *RetryClient) finish(resp *http.Response, err error) (*http.Response, error) {
	if c.secret == "" {
		return resp, err
	}
	if err != nil {
		if strings.Contains(err.Error(), c.secret) {
			err = &redactedError{msg: strings.ReplaceAll(err.Error(), c.secret, redacted), err: err}
		}
		return resp, err
	}
	if resp.StatusCode >= 400 && resp.Body != nil {
		body, rerr := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
		body = bytes.ReplaceAll(body, []byte(c.secret), []byte(redacted))
		if rerr != nil {
			body = append(body, " (body truncated: read error)"...)
		}
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
	}
	return resp, nil
}

const (
	redacted     = "[REDACTED]"
	maxErrorBody = 1 << 20
)

// redactedError is a transport error whose text held the secret. It keeps
// the original reachable only through errors.Is on sentinel values, not
// through its text.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Is lets errors.Is see through to the sentinels of the original (for
// example context.DeadlineExceeded) without exposing its text.
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }

// discard drains a little of a discarded response body and closes it, so
// the connection can be reused.
func discard(resp *http.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

// isConnError reports whether err is a network failure worth retrying (a
// refused or reset connection, a timeout, a connection closed early), not a
// cancelled context or a permanent error such as a bad URL or certificate.
func isConnError(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}
