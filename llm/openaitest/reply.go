package openaitest

import (
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Reply is the server's answer to one chat completion request: a message,
// an error status, or a fault. The zero Reply answers an empty message with
// finish_reason "stop".
type Reply struct {
	// Content is the assistant message content.
	Content string
	// FinishReason is the choice's finish reason; "" means "stop".
	FinishReason openai.FinishReason

	// Status, when not 0 or 200, makes the reply an error response with
	// that status and an OpenAI error body built from ErrMessage, ErrType
	// and ErrCode.
	Status     int
	ErrMessage string
	ErrType    string
	ErrCode    string

	// Header holds extra response headers (Retry-After, retry-after-ms,
	// x-should-retry, ...).
	Header http.Header

	// RawBody, when set, is sent verbatim as the response body with Status
	// (200 when 0) instead of a well-formed reply: a malformed body.
	RawBody string

	// Hang makes the server send nothing and wait until the client gives up
	// (the request context is done) or the server is closed.
	Hang bool

	// StallBody makes the server send the headers of a 200 reply and the
	// first bytes of its body, then wait until the client gives up: a
	// server that stalls mid-reply.
	StallBody bool

	// BodySize, when > 0, makes the server answer with a well-formed 200
	// reply of about that many bytes, written as it goes (the server holds
	// none of it in memory): a model that will not stop.
	BodySize int64

	// Chunks are the content pieces of a streamed reply; nil means Content
	// cut into pieces of a few words.
	Chunks []string
	// CutAfter, when > 0, cuts a streamed reply after that many content
	// chunks: the connection is aborted with no finish reason and no
	// [DONE].
	CutAfter int
}

// Text returns a reply whose message content is s.
func Text(s string) Reply { return Reply{Content: s} }

// JSON returns a reply whose message content is v marshalled as JSON. If v
// cannot be marshalled the reply is a 500 error saying so.
func JSON(v any) Reply {
	b, err := json.Marshal(v)
	if err != nil {
		return Error(http.StatusInternalServerError, "openaitest: marshalling reply: "+err.Error())
	}
	return Reply{Content: string(b)}
}

// Length returns a reply cut by the token limit: content s with
// finish_reason "length".
func Length(s string) Reply {
	return Reply{Content: s, FinishReason: openai.FinishReasonLength}
}

// Error returns an error reply with the given status and message.
func Error(status int, message string) Reply {
	typ := "server_error"
	if status < 500 {
		typ = "invalid_request_error"
	}
	return Reply{Status: status, ErrMessage: message, ErrType: typ}
}

// RateLimited returns a 429 reply that asks the client to wait d, both as
// retry-after-ms and as Retry-After in whole seconds (rounded up).
func RateLimited(d time.Duration) Reply {
	r := Error(http.StatusTooManyRequests, "Rate limit reached; please try again later.")
	r.ErrType, r.ErrCode = "requests", "rate_limit_exceeded"
	r.Header = http.Header{}
	r.Header.Set("retry-after-ms", strconv.FormatInt(d.Milliseconds(), 10))
	r.Header.Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
	return r
}

// ServerError returns a 500 reply.
func ServerError() Reply {
	return Error(http.StatusInternalServerError, "The server had an error while processing your request.")
}

// Unavailable returns a 503 reply.
func Unavailable() Reply {
	return Error(http.StatusServiceUnavailable, "The engine is currently overloaded, please try again later.")
}

// ContextLength returns the 400 reply of a request longer than the model's
// context window (code context_length_exceeded).
func ContextLength() Reply {
	r := Error(http.StatusBadRequest, "This model's maximum context length is 8192 tokens. Please reduce the length of the messages.")
	r.ErrCode = "context_length_exceeded"
	return r
}

// Hang returns a reply that never comes: the server waits until the client
// gives up.
func Hang() Reply { return Reply{Hang: true} }

// StallAfterHeaders returns a reply whose headers come at once and whose
// body stops after a few bytes until the client gives up.
func StallAfterHeaders() Reply { return Reply{StallBody: true} }

// Huge returns a 200 reply whose body is n bytes long.
func Huge(n int64) Reply { return Reply{BodySize: n} }

// RetryAfter returns an error reply with status (429 or 503) and a
// Retry-After header of d in whole seconds (rounded up), and no
// retry-after-ms: the form most servers send.
func RetryAfter(status int, d time.Duration) Reply {
	r := Error(status, "Please retry after "+strconv.Itoa(int(math.Ceil(d.Seconds())))+" seconds.")
	if status == http.StatusTooManyRequests {
		r.ErrType, r.ErrCode = "requests", "rate_limit_exceeded"
	}
	r.Header = http.Header{}
	r.Header.Set("Retry-After", strconv.Itoa(int(math.Ceil(d.Seconds()))))
	return r
}

// Malformed returns a 200 reply whose body is cut-off JSON.
func Malformed() Reply {
	return Reply{RawBody: `{"id":"chatcmpl-malformed","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis`}
}

// CutStream returns a streamed reply of content s that is cut after n
// content chunks.
func CutStream(s string, n int) Reply { return Reply{Content: s, CutAfter: n} }
