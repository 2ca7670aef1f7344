package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"

	openai "github.com/sashabaranov/go-openai"
	"github.com/sashabaranov/go-openai/jsonschema"
)

// Schema is the JSON Schema a structured reply must follow.
type Schema struct {
	// Name names the schema in the request (letters, digits, _ and -).
	Name string
	// Definition is the schema document; it must marshal to a JSON object.
	// nil means JSON mode only, with no schema.
	Definition json.Marshaler
	// Strict asks the server to enforce the schema exactly (OpenAI's strict
	// mode wants every property required and no additional properties).
	Strict bool

	// check validates decoded replies when the schema was built by SchemaFor
	// or FromDefinition.
	check *jsonschema.Definition
}

// SchemaFor builds a strict Schema from the Go type T with go-openai's
// jsonschema package: exported fields, json tags (omitempty makes a field
// optional), and description and enum tags.
func SchemaFor[T any](name string) (Schema, error) {
	var zero T
	def, err := jsonschema.GenerateSchemaForType(zero)
	if err != nil {
		return Schema{}, fmt.Errorf("llm: schema for %T: %w", zero, err)
	}
	return FromDefinition(name, def), nil
}

// MustSchemaFor is SchemaFor for package-level schemas of fixed types; it
// panics if T cannot be described, which is a programming error.
func MustSchemaFor[T any](name string) Schema {
	s, err := SchemaFor[T](name)
	if err != nil {
		panic(err)
	}
	return s
}

// FromDefinition returns a strict Schema for a hand-written definition;
// replies are validated against it.
func FromDefinition(name string, def *jsonschema.Definition) Schema {
	return Schema{Name: name, Definition: def, Strict: true, check: def}
}

// Validator is implemented by reply types that check themselves after
// decoding; a non-nil error makes the reply an ErrBadReply.
type Validator interface {
	Validate() error
}

// JSON sends chat requests that must be answered with one JSON object and
// decodes the answers. It asks for response_format json_schema when Schema
// has a Definition; when the server answers 400 or 422 to that, it falls
// back to json_object mode and then to no response format, with the schema
// in an extra system message, and remembers the mode that worked for later
// calls.
//
// A JSON is safe for concurrent use once configured.
type JSON struct {
	// Client sends the requests.
	Client ChatCompleter
	// Schema is the schema of the replies.
	Schema Schema
	// BadReplyRetries is how many times a reply that is not as requested is
	// asked for again; 0 means 1, a negative number means never.
	BadReplyRetries int

	mode atomic.Int32
}

// SchemaUnsupported reports whether the server rejected a schema request and
// the JSON fell back to a weaker mode.
func (j *JSON) SchemaUnsupported() bool { return j.mode.Load() > modeSchema }

// Complete sends req with the response format set and decodes the reply
// into out, a non-nil pointer. The reply must be one JSON object (a
// Markdown code fence or a sentence around it is tolerated) that passes the schema, and
// out's Validate method if it has one; finish_reason must be "stop" (or
// empty). Otherwise Complete asks again, BadReplyRetries times, and then
// returns an error that matches ErrBadReply. Other errors are classified
// (see Classify). A reply cut by the token limit is not asked for again;
// its error matches ErrTruncated too. On success out holds the decoded reply; on failure it is
// unchanged. req is not modified.
func (j *JSON) Complete(ctx context.Context, req openai.ChatCompletionRequest, out any) (openai.ChatCompletionResponse, error) {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return openai.ChatCompletionResponse{}, fmt.Errorf("llm: Complete needs a non-nil pointer, got %T", out)
	}
	retries := j.BadReplyRetries
	if retries == 0 {
		retries = 1
	}
	var lastErr error
	var resp openai.ChatCompletionResponse
	for try := 0; try <= max(retries, 0); try++ {
		var err error
		resp, err = j.send(ctx, req)
		if err != nil {
			err = Classify(err)
			if errors.Is(err, ErrBadReply) {
				lastErr = err
				continue
			}
			return resp, err
		}
		v := reflect.New(rv.Type().Elem())
		if err := j.decode(resp, v.Interface()); err != nil {
			if errors.Is(err, ErrTruncated) {
				return resp, err // the same request would be cut again
			}
			lastErr = err
			continue
		}
		rv.Elem().Set(v.Elem())
		return resp, nil
	}
	return resp, lastErr
}

// Response format modes, from the most to the least constrained.
const (
	modeSchema int32 = iota // response_format json_schema
	modeObject              // response_format json_object, schema in a system message
	modeNone                // no response_format, schema in a system message
)

// Prepare returns req with the response format Complete would ask for
// first (json_schema, or a weaker mode once the server refused it), for
// callers that send the request another way, such as a batch file.
func (j *JSON) Prepare(req openai.ChatCompletionRequest) openai.ChatCompletionRequest {
	return j.prepare(req, j.startMode())
}

// Decode checks a reply obtained another way (a batch output line) as
// Complete does and decodes it into out, a non-nil pointer; its errors
// match ErrBadReply.
func (j *JSON) Decode(resp openai.ChatCompletionResponse, out any) error {
	return j.decode(resp, out)
}

func (j *JSON) startMode() int32 {
	m := j.mode.Load()
	if m == modeSchema && j.Schema.Definition == nil {
		m = modeObject
	}
	return m
}

// send sends one request, falling back from json_schema to json_object to
// no response format while the server answers 400 or 422 to the format,
// and remembers the mode that worked.
func (j *JSON) send(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error) {
	start := j.startMode()
	for mode := start; ; mode++ {
		resp, err := j.Client.CreateChatCompletion(ctx, j.prepare(req, mode))
		if mode < modeNone && isFormatRejected(err) {
			continue
		}
		if err == nil && mode > start {
			j.mode.CompareAndSwap(start, mode)
		}
		return resp, err
	}
}

// prepare sets the response format of mode on a copy of req; in the weaker
// modes the schema goes in a system message after the caller's leading
// system messages, before any user content.
func (j *JSON) prepare(req openai.ChatCompletionRequest, mode int32) openai.ChatCompletionRequest {
	switch mode {
	case modeSchema:
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name:   j.Schema.Name,
				Schema: j.Schema.Definition,
				Strict: j.Schema.Strict,
			},
		}
		return req
	case modeObject:
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	default:
		req.ResponseFormat = nil
	}
	note := "Reply with one JSON object and nothing else."
	if j.Schema.Definition != nil {
		if schema, err := json.Marshal(j.Schema.Definition); err == nil {
			note = "Reply with one JSON object that conforms to this JSON Schema:\n" + string(schema)
		}
	}
	i := 0
	for i < len(req.Messages) && req.Messages[i].Role == openai.ChatMessageRoleSystem {
		i++
	}
	msgs := make([]openai.ChatCompletionMessage, 0, len(req.Messages)+1)
	msgs = append(msgs, req.Messages[:i]...)
	msgs = append(msgs, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleSystem, Content: note})
	req.Messages = append(msgs, req.Messages[i:]...)
	return req
}

// decode checks one reply and decodes it into dst.
func (j *JSON) decode(resp openai.ChatCompletionResponse, dst any) error {
	if len(resp.Choices) == 0 {
		return BadReply("no choices in reply", nil)
	}
	ch := resp.Choices[0]
	switch ch.FinishReason {
	case "", openai.FinishReasonStop, openai.FinishReasonNull:
	case openai.FinishReasonLength:
		return BadReply(`finish_reason "length"`, ErrTruncated)
	default:
		return BadReply(fmt.Sprintf("finish_reason %q", ch.FinishReason), nil)
	}
	if ch.Message.Refusal != "" {
		return BadReply("model refused", nil)
	}
	content := []byte(strings.TrimSpace(ch.Message.Content))
	if !json.Valid(content) {
		content = extractObject(ch.Message.Content)
	}
	if len(content) == 0 || content[0] != '{' {
		// "null" or an array would decode into a struct without error.
		return BadReply("not a JSON object", nil)
	}
	if j.Schema.check != nil {
		var data any
		if err := json.Unmarshal(content, &data); err != nil {
			return BadReply("not JSON", err)
		}
		if !jsonschema.Validate(*j.Schema.check, data) {
			return BadReply("reply does not match schema "+j.Schema.Name, nil)
		}
	}
	if err := json.Unmarshal(content, dst); err != nil {
		return BadReply("not JSON of the requested shape", err)
	}
	if v, ok := dst.(Validator); ok {
		if err := v.Validate(); err != nil {
			return BadReply("invalid reply", err)
		}
	}
	return nil
}

// extractObject returns the JSON object of a reply that is not JSON as a
// whole: the inside of a Markdown code fence around it, or the span from
// its first "{" to its last "}" when that alone is valid JSON (a model that
// wrapped its object in a sentence). Otherwise it returns the reply.
func extractObject(s string) []byte {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "```") && strings.HasSuffix(t, "```") && len(t) >= 6 {
		t = t[3 : len(t)-3]
		t = strings.TrimPrefix(t, "json")
		t = strings.TrimSpace(t)
	}
	if !json.Valid([]byte(t)) {
		i, k := strings.IndexByte(t, '{'), strings.LastIndexByte(t, '}')
		if i >= 0 && k > i && json.Valid([]byte(t[i:k+1])) {
			t = t[i : k+1]
		}
	}
	return []byte(t)
}

// isFormatRejected reports whether err is a 400 or 422 that is not about
// the context length: the answer of a server that does not take the
// response format.
func isFormatRejected(err error) bool {
	status, code, msg := apiFailure(err)
	return (status == http.StatusBadRequest || status == http.StatusUnprocessableEntity) &&
		code != "context_length_exceeded" && !isContextLengthMessage(msg)
}
