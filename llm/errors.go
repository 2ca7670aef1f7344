package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Error kinds, shared by every LLM back end of the module (summarize,
// translate, entities/llmextract). Test for them with errors.Is; an *Error
// matches its Kind, and a *RetryAfterError matches ErrRateLimited or
// ErrServer.
var (
	// ErrRateLimited means the server answered 429 after every retry.
	ErrRateLimited = errors.New("llm: rate limited")
	// ErrContextLength means the request is longer than the model's context
	// window (code context_length_exceeded).
	ErrContextLength = errors.New("llm: context length exceeded")
	// ErrBadReply means the reply is not as requested: a malformed response
	// body, or content that cannot be read as what was asked for.
	ErrBadReply = errors.New("llm: reply not as requested")
	// ErrTruncated is a reply cut short by the token limit (finish_reason
	// "length"); it matches ErrBadReply too. Asking again for the same
	// thing will not help; asking for less may.
	ErrTruncated = errors.New("llm: reply cut short")
	// ErrTooLarge is a reply over the size limit (Config.MaxReplyBytes);
	// it matches ErrBadReply too. The body is not read past the limit.
	ErrTooLarge = errors.New("llm: reply too large")
	// ErrServer means the server failed: 5xx after every retry, or a
	// connection or stream cut mid-way.
	ErrServer = errors.New("llm: server failure")
	// ErrTimeout means no complete reply came within the attempt timeout
	// (Config.AttemptTimeout), headers and body together, on every
	// attempt; it matches ErrServer too.
	ErrTimeout = errors.New("llm: no reply in time")
	// ErrAuth means the server refused the credentials (401 or 403).
	ErrAuth = errors.New("llm: authentication failed")
	// ErrBudget means a call stopped because its budget of retries and
	// re-asks was spent (twice the segments of an article, by default).
	ErrBudget = errors.New("llm: retry budget spent")
)

// parents lists the kinds that a kind matches besides itself.
var parents = map[error]error{
	ErrTruncated: ErrBadReply,
	ErrTooLarge:  ErrBadReply,
	ErrTimeout:   ErrServer,
}

// Error is a classified LLM failure. errors.Is(err, Kind) holds (and, for
// ErrTruncated, ErrTooLarge and ErrTimeout, their broader kind), and the
// underlying error (an *openai.APIError, an *openai.RequestError, ...) is
// reachable with errors.As.
type Error struct {
	// Kind is one of the Err* kinds of this package.
	Kind error
	// Detail says what was wrong, in words; it may be empty.
	Detail string
	// Err is the underlying error, or nil.
	Err error
}

// Error returns the kind, the detail and the underlying error, with the
// package's "llm: " prefix once, at the start.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind.Error())
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "llm: "))
	}
	return b.String()
}

// Unwrap returns the kind, its broader kind if any, and the underlying
// error.
func (e *Error) Unwrap() []error {
	out := []error{e.Kind}
	if p := parents[e.Kind]; p != nil {
		out = append(out, p)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// RetryAfterError reports a server that asked the client to wait (with
// Retry-After or retry-after-ms) longer than it may: past
// Config.MaxRetryWait, or past the request context's deadline. Rather than
// wait or give up silently, the Transport returns this error at once, so
// the caller knows when to come back. It matches ErrRateLimited for a 429
// and ErrServer for a 5xx.
type RetryAfterError struct {
	// Wait is how long the server asked to wait.
	Wait time.Duration
	// Limit is the longest wait the client would make: Config.MaxRetryWait,
	// or the time left before the deadline when that is shorter.
	Limit time.Duration
	// StatusCode is the HTTP status of the reply that asked to wait.
	StatusCode int
	// Message is the server's error message, with the API key removed.
	Message string
}

// Error says how long the server asked to wait.
func (e *RetryAfterError) Error() string {
	s := fmt.Sprintf("llm: server asks to retry after %v, longer than the %v the client may wait (status %d",
		e.Wait, e.Limit, e.StatusCode)
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s + ")"
}

// Unwrap returns ErrRateLimited for a 429, ErrServer for other statuses.
func (e *RetryAfterError) Unwrap() error {
	if e.StatusCode == http.StatusTooManyRequests {
		return ErrRateLimited
	}
	return ErrServer
}

// Classify maps an error from go-openai (or from a Transport under it) onto
// an *Error of one of the kinds above. Context errors, errors already
// classified (an *Error or a *RetryAfterError) and errors of no known kind
// are returned as they are; nil stays nil.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	var ra *RetryAfterError
	if errors.As(err, &e) || errors.As(err, &ra) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	status, code, msg := apiFailure(err)
	switch {
	case code == "context_length_exceeded" || isContextLengthMessage(msg):
		return &Error{Kind: ErrContextLength, Err: err}
	case status == http.StatusTooManyRequests:
		return &Error{Kind: ErrRateLimited, Err: err}
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return &Error{Kind: ErrAuth, Err: err}
	case status >= 500:
		return &Error{Kind: ErrServer, Err: err}
	case status == 0 && isMalformed(err):
		return &Error{Kind: ErrBadReply, Detail: "malformed response body", Err: err}
	case status == 0 && isConnError(err):
		return &Error{Kind: ErrServer, Detail: "connection failed", Err: err}
	}
	return err
}

// FormatRejected reports whether err is a 400 or 422 that is not about the
// context length: the answer of a server that does not take a request's
// response_format.
func FormatRejected(err error) bool {
	status, code, msg := apiFailure(err)
	return (status == http.StatusBadRequest || status == http.StatusUnprocessableEntity) &&
		code != "context_length_exceeded" && !isContextLengthMessage(msg)
}

// apiFailure returns the HTTP status, the error code and the message of
// the *openai.APIError or *openai.RequestError in err; status is 0 when
// there is neither.
func apiFailure(err error) (status int, code, msg string) {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		code, _ = apiErr.Code.(string)
		return apiErr.HTTPStatusCode, code, apiErr.Message
	case errors.As(err, &reqErr):
		return reqErr.HTTPStatusCode, "", string(reqErr.Body)
	}
	return 0, "", ""
}

// isMalformed reports whether err comes from decoding a response body that
// is not the JSON it should be (go-openai returns the decoder's error as is;
// a 200 body cut short decodes to io.ErrUnexpectedEOF).
func isMalformed(err error) bool {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	return errors.As(err, &se) || errors.As(err, &te) || err == io.ErrUnexpectedEOF
}

func isContextLengthMessage(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "context_length_exceeded") ||
		strings.Contains(m, "maximum context length") ||
		strings.Contains(m, "context length exceeded")
}
