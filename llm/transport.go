package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/internal/retry"
)

// Backoff of a retry the server gave no wait for: full jitter under a
// ceiling that starts at baseDelay and doubles up to maxDelay.
const (
	defaultBaseDelay = 500 * time.Millisecond
	defaultMaxDelay  = 8 * time.Second
)

// Transport is an openai.HTTPDoer that makes go-openai's requests survive
// real servers. Config.NewClient installs one; build one with
// Config.Transport to put it under a hand-made openai.ClientConfig.
//
// Retries: it retries connection errors, attempts that time out and the
// statuses 408, 409, 429 and 5xx; a response header x-should-retry: true or
// false overrides that decision. It waits as the server says
// (retry-after-ms, then Retry-After in seconds or as an HTTP date) or else
// backs off exponentially with full jitter, and makes at most MaxAttempts
// attempts. A server that asks for a wait longer than MaxRetryWait, or
// past the request context's deadline, gets no retry: Do returns a
// *RetryAfterError that carries the wait. Without a server-given wait, a
// backoff that would pass the deadline returns the last response at once.
// Each retry sends the body again through req.GetBody; a request whose
// body cannot be rewound is not retried. When the request's context
// carries a retry budget (the back ends of this module set one per
// article), each retry draws from it and none is made once it is spent.
//
// Bounds: each attempt, headers and body together, must end within
// AttemptTimeout. Reply bodies are read whole within the attempt (streamed
// replies, and file downloads, are handed on as they come, still under the
// attempt's deadline) and may be at most MaxReplyBytes long: a longer one
// fails with ErrTooLarge and is not read further.
//
// Secrets: the API key (the one the Transport was built with, and the
// bearer or api-key header of each request) is replaced by "[REDACTED]" in
// reply bodies and transport errors, wherever it stands as a whole token;
// a key shorter than 8 characters is taken for a placeholder (local
// servers accept "x") and left alone. Logs hold the method, path, status,
// attempt and wait, never headers, bodies or the query.
//
// The zero Transport uses http.DefaultClient and the defaults of Config.
// A Transport is safe for concurrent use once configured.
type Transport struct {
	// Doer sends each attempt; nil means http.DefaultClient.
	Doer openai.HTTPDoer
	// MaxAttempts, AttemptTimeout, MaxReplyBytes, MaxRetryWait and Logger
	// are as in Config.
	MaxAttempts    int
	AttemptTimeout time.Duration
	MaxReplyBytes  int64
	MaxRetryWait   time.Duration
	Logger         *slog.Logger

	// secret is the configured key; see WithSecret.
	secret string
	// Test hooks: nil or zero means the real clock, math/rand/v2 and the
	// default delays.
	rand                func() float64
	sleep               func(ctx context.Context, d time.Duration) error
	now                 func() time.Time
	baseDelay, maxDelay time.Duration
}

// WithSecret returns a copy of t that also scrubs secret (besides the key
// each request carries in its headers).
func (t *Transport) WithSecret(secret string) *Transport {
	c := *t
	c.secret = secret
	return &c
}

// Do sends req, retrying and bounding it as described on Transport.
func (t *Transport) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	doer := t.Doer
	if doer == nil {
		doer = http.DefaultClient
	}
	maxAttempts := t.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = DefaultMaxAttempts
	}
	secrets := t.secrets(req)
	rewindable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	b := retry.BudgetFrom(ctx)
	attemptReq := req
	for attempt := 1; ; attempt++ {
		resp, err := t.attempt(doer, attemptReq, secrets)
		if !t.shouldRetry(ctx, resp, err) || attempt >= maxAttempts || !rewindable {
			return resp, t.finishErr(err, attempt, secrets)
		}
		wait, asked := t.wait(attempt, resp)
		limit := t.maxRetryWait()
		if dl, ok := ctx.Deadline(); ok {
			if left := dl.Sub(t.clock()); left < limit {
				limit = max(left, 0)
			}
		}
		if wait > limit {
			if asked {
				return nil, t.retryAfter(resp, wait, limit)
			}
			return resp, t.finishErr(err, attempt, secrets)
		}
		if !b.Spend() {
			return resp, t.finishErr(err, attempt, secrets)
		}
		status := 0
		if resp != nil {
			status = resp.StatusCode
			resp.Body.Close()
		}
		if t.Logger != nil {
			t.Logger.LogAttrs(ctx, slog.LevelDebug, "llm: retrying request",
				slog.String("method", req.Method), slog.String("path", req.URL.Path),
				slog.Int("status", status), slog.Int("attempt", attempt), slog.Duration("wait", wait))
		}
		if err := t.pause(ctx, wait); err != nil {
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

// attempt sends one attempt under the attempt timeout and reads its body
// (up to the size limit) within it.
func (t *Transport) attempt(doer openai.HTTPDoer, req *http.Request, secrets []string) (*http.Response, error) {
	parent := req.Context()
	ctx, cancel := context.WithCancelCause(parent)
	timeout := t.attemptTimeout()
	var timer *time.Timer
	if timeout > 0 {
		timer = time.AfterFunc(timeout, func() { cancel(errAttemptTimeout) })
	}
	done := func() {
		if timer != nil {
			timer.Stop()
		}
		cancel(nil)
	}
	timedOut := func() bool { return context.Cause(ctx) == errAttemptTimeout && parent.Err() == nil }

	resp, err := doer.Do(req.WithContext(ctx))
	if err != nil {
		late := timedOut()
		done()
		if late {
			return nil, t.timeoutError(timeout)
		}
		return nil, err
	}
	limit := t.maxReplyBytes()
	if resp.StatusCode < 300 && (isStream(req, resp) || isDownload(req)) {
		if isDownload(req) {
			limit = -1
		}
		resp.Body = &boundBody{rc: resp.Body, limit: limit, done: done, timedOut: timedOut, t: t, timeout: timeout}
		return resp, nil
	}
	if limit > 0 && resp.ContentLength > limit {
		resp.Body.Close()
		done()
		return nil, tooLarge(limit)
	}
	body, rerr := readAtMost(resp.Body, limit)
	resp.Body.Close()
	late := timedOut()
	done()
	switch {
	case rerr == errOverLimit:
		return nil, tooLarge(limit)
	case rerr != nil && late:
		return nil, t.timeoutError(timeout)
	case rerr != nil:
		return nil, rerr
	}
	body = scrubBytes(body, secrets)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

// isStream reports whether resp is a server-sent event stream.
func isStream(req *http.Request, resp *http.Response) bool {
	return strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") ||
		req.Header.Get("Accept") == "text/event-stream"
}

// isDownload reports whether req fetches a file's content (a batch output
// file), which may be far larger than a reply.
func isDownload(req *http.Request) bool {
	return req.Method == http.MethodGet && strings.HasSuffix(req.URL.Path, "/content")
}

var errOverLimit = errors.New("over limit")

// readAtMost reads r to its end, failing with errOverLimit past limit
// bytes (limit < 0: no limit).
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	if limit < 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err == nil && int64(len(b)) > limit {
		return nil, errOverLimit
	}
	return b, err
}

func tooLarge(limit int64) error {
	return &Error{Kind: ErrTooLarge, Detail: fmt.Sprintf("more than %d bytes", limit)}
}

func (t *Transport) timeoutError(d time.Duration) error {
	return &Error{Kind: ErrTimeout, Detail: fmt.Sprintf("no complete reply within the attempt timeout of %v", d)}
}

// boundBody is a streamed body under the attempt's deadline and the size
// limit.
type boundBody struct {
	rc          io.ReadCloser
	read, limit int64 // limit < 0: no limit
	done        func()
	timedOut    func() bool
	t           *Transport
	timeout     time.Duration
}

func (b *boundBody) Read(p []byte) (int, error) {
	if b.limit >= 0 && b.read > b.limit {
		return 0, tooLarge(b.limit)
	}
	n, err := b.rc.Read(p)
	b.read += int64(n)
	if b.limit >= 0 && b.read > b.limit {
		return n, tooLarge(b.limit)
	}
	if err != nil && err != io.EOF && b.timedOut() {
		err = b.t.timeoutError(b.timeout)
	}
	return n, err
}

func (b *boundBody) Close() error {
	err := b.rc.Close()
	b.done()
	return err
}

// shouldRetry reports whether the outcome of one attempt calls for another.
func (t *Transport) shouldRetry(ctx context.Context, resp *http.Response, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		return errors.Is(err, ErrTimeout) || isConnError(err)
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

// wait returns how long to wait before the attempt after attempt, and
// whether the server asked for it.
func (t *Transport) wait(attempt int, resp *http.Response) (time.Duration, bool) {
	if resp != nil {
		if d, ok := t.serverWait(resp.Header); ok {
			return d, true
		}
	}
	base, maxDelay := t.baseDelay, t.maxDelay
	if base <= 0 {
		base = defaultBaseDelay
	}
	if maxDelay <= 0 {
		maxDelay = defaultMaxDelay
	}
	ceiling := base
	for i := 1; i < attempt && ceiling < maxDelay; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, maxDelay)
	r := rand.Float64
	if t.rand != nil {
		r = t.rand
	}
	return time.Duration(r() * float64(ceiling)), false
}

// serverWait reads retry-after-ms, then Retry-After (seconds or HTTP date).
func (t *Transport) serverWait(h http.Header) (time.Duration, bool) {
	if v := h.Get("retry-after-ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 && ms < 1e12 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 && s < 1e9 {
		return time.Duration(s * float64(time.Second)), true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(t.clock()), 0), true
	}
	return 0, false
}

// retryAfter returns the *RetryAfterError for resp, whose body it closes.
func (t *Transport) retryAfter(resp *http.Response, wait, limit time.Duration) error {
	e := &RetryAfterError{Wait: wait, Limit: limit, StatusCode: resp.StatusCode}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	var api struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &api) == nil && api.Error.Message != "" {
		e.Message = api.Error.Message
	} else {
		e.Message = strings.TrimSpace(string(body))
	}
	if len(e.Message) > 200 {
		cut := 200
		for cut > 0 && !utf8.RuneStart(e.Message[cut]) {
			cut--
		}
		e.Message = e.Message[:cut] + "…"
	}
	return e // the body was scrubbed when it was read
}

func (t *Transport) attemptTimeout() time.Duration {
	switch {
	case t.AttemptTimeout == 0:
		return DefaultAttemptTimeout
	case t.AttemptTimeout < 0:
		return 0
	}
	return t.AttemptTimeout
}

func (t *Transport) maxReplyBytes() int64 {
	switch {
	case t.MaxReplyBytes == 0:
		return DefaultMaxReplyBytes
	case t.MaxReplyBytes < 0:
		return -1
	}
	return t.MaxReplyBytes
}

func (t *Transport) maxRetryWait() time.Duration {
	if t.MaxRetryWait <= 0 {
		return DefaultMaxRetryWait
	}
	return t.MaxRetryWait
}

func (t *Transport) clock() time.Time {
	if t.now != nil {
		return t.now()
	}
	return time.Now()
}

func (t *Transport) pause(ctx context.Context, d time.Duration) error {
	if t.sleep != nil {
		return t.sleep(ctx, d)
	}
	return retry.Sleep(ctx, d)
}

// finishErr returns the final error with the secrets scrubbed from its
// text, and the attempts counted in a timeout.
func (t *Transport) finishErr(err error, attempts int, secrets []string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if attempts > 1 && errors.As(err, &e) && e.Kind == ErrTimeout {
		return &Error{Kind: ErrTimeout, Detail: fmt.Sprintf("%s, on each of %d attempts", e.Detail, attempts)}
	}
	if msg := err.Error(); scrub(msg, secrets) != msg {
		return &redactedError{msg: scrub(msg, secrets), err: err}
	}
	return err
}

// secrets returns the keys to scrub for req: the configured one and the
// one in its headers, those of at least minSecret bytes.
func (t *Transport) secrets(req *http.Request) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) >= minSecret && !containsString(out, s) {
			out = append(out, s)
		}
	}
	add(t.secret)
	if a := req.Header.Get("Authorization"); len(a) > len("Bearer ") && strings.EqualFold(a[:len("Bearer ")], "Bearer ") {
		add(a[len("Bearer "):])
	}
	add(req.Header.Get(openai.AzureAPIKeyHeader))
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const (
	redacted = "[REDACTED]"
	// minSecret is the shortest key that is scrubbed: shorter ones are
	// placeholders ("x", "ollama"), and scrubbing them letter by letter
	// would make every message unreadable.
	minSecret = 8
)

// scrub replaces each secret in s that stands as a whole token: not
// preceded or followed by a letter, digit, '-' or '_'.
func scrub(s string, secrets []string) string {
	for _, sec := range secrets {
		if !strings.Contains(s, sec) {
			continue
		}
		var b strings.Builder
		rest := s
		for {
			i := strings.Index(rest, sec)
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := i + len(sec)
			before, _ := utf8.DecodeLastRuneInString(rest[:i])
			after, _ := utf8.DecodeRuneInString(rest[j:])
			whole := (i == 0 || !isTokenRune(before)) && (j == len(rest) || !isTokenRune(after))
			b.WriteString(rest[:i])
			if whole {
				b.WriteString(redacted)
			} else {
				b.WriteString(sec)
			}
			rest = rest[j:]
		}
		s = b.String()
	}
	return s
}

func scrubBytes(b []byte, secrets []string) []byte {
	for _, sec := range secrets {
		if bytes.Contains(b, []byte(sec)) {
			return []byte(scrub(string(b), secrets))
		}
	}
	return b
}

// isTokenRune reports whether r can continue a key: a letter, a digit,
// '-' or '_'.
func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
}

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

// errAttemptTimeout is the cause of an attempt abandoned at its timeout.
var errAttemptTimeout = errors.New("llm: attempt timeout")
