package llm

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Error kinds. Test for them with errors.Is; an *Error matches its Kind.
var (
	// ErrRateLimited means the server answered 429 after every retry.
	ErrRateLimited = errors.New("llm: rate limited")
	// ErrContextLength means the request is longer than the model's context
	// window (code context_length_exceeded).
	ErrContextLength = errors.New("llm: context length exceeded")
	// ErrBadReply means the reply is not as requested: a malformed response
	// body, content that is not JSON or fails the schema or validation, or
	// content cut short (finish_reason "length").
	ErrBadReply = errors.New("llm: reply not as requested")
	// ErrServer means the server failed (5xx after every retry, or a
	// connection or stream cut mid-way).
	ErrServer = errors.New("llm: server failure")
	// ErrAuth means the server refused the credentials (401 or 403).
	ErrAuth = errors.New("llm: authentication failed")
	// ErrTruncated is matched, along with ErrBadReply, by a reply cut short
	// by the token limit (finish_reason "length"): asking again for the
	// same thing will not help, asking for less may.
	ErrTruncated = errors.New("llm: reply cut short")
)

// Error is a classified LLM failure. errors.Is(err, Kind) holds, and the
// underlying error (an *openai.APIError, an *openai.RequestError, ...) is
// reachable with errors.As.
type Error struct {
	// Kind is one of ErrRateLimited, ErrContextLength, ErrBadReply,
	// ErrServer or ErrAuth.
	Kind error
	// Detail says what was wrong, for ErrBadReply in particular.
	Detail string
	// Err is the underlying error, or nil.
	Err error
}

// Error returns the kind, the detail and the underlying error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind.Error())
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the kind and the underlying error.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// BadReply returns an ErrBadReply error with a detail and an optional cause.
func BadReply(detail string, err error) error {
	return &Error{Kind: ErrBadReply, Detail: detail, Err: err}
}

// Classify maps an error from go-openai onto an *Error of one of the kinds
// above. Context errors, errors already classified and errors of no known
// kind are returned as they are; nil stays nil.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
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
