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
// has a Definition and falls back to json_object mode, with the schema in an
// extra system message, once a server answers 400 to a schema request; it
// remembers that fallback for later calls.
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

	noSchema atomic.Bool
}

// SchemaUnsupported reports whether the server rejected a schema request and
// the JSON fell back to JSON mode.
func (j *JSON) SchemaUnsupported() bool { return j.noSchema.Load() }

// Complete sends req with the response format set and decodes the reply
// into out, a non-nil pointer. The reply must be one JSON object (a
// surrounding Markdown code fence is tolerated) that passes the schema, and
// out's Validate method if it has one; finish_reason must be "stop" (or
// empty). Otherwise Complete asks again, BadReplyRetries times, and then
// returns an error that matches ErrBadReply. Other errors are classified
// (see Classify). On success out holds the decoded reply; on failure it is
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
			lastErr = err
			continue
		}
		rv.Elem().Set(v.Elem())
		return resp, nil
	}
	return resp, lastErr
}

// Prepare returns req with the response format Complete would ask for
// first (json_schema, or json_object once the server refused schemas), for
// callers that send the request another way, such as a batch file.
func (j *JSON) Prepare(req openai.ChatCompletionRequest) openai.ChatCompletionRequest {
	if j.Schema.Definition != nil && !j.noSchema.Load() {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name:   j.Schema.Name,
				Schema: j.Schema.Definition,
				Strict: j.Schema.Strict,
			},
		}
		return req
	}
	req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	return req
}

// Decode checks a reply obtained another way (a batch output line) as
// Complete does and decodes it into out, a non-nil pointer; its errors
// match ErrBadReply.
func (j *JSON) Decode(resp openai.ChatCompletionResponse, out any) error {
	return j.decode(resp, out)
}

// send sends one request, falling back from json_schema to json_object on
// a 400.
func (j *JSON) send(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error) {
	if j.Schema.Definition != nil && !j.noSchema.Load() {
		resp, err := j.Client.CreateChatCompletion(ctx, j.Prepare(req))
		if !isBadRequest(err) {
			return resp, err
		}
		resp, err = j.sendJSONMode(ctx, req)
		if err == nil {
			j.noSchema.Store(true)
		}
		return resp, err
	}
	return j.sendJSONMode(ctx, req)
}

func (j *JSON) sendJSONMode(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error) {
	r := req
	r.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	if j.Schema.Definition != nil {
		schema, err := json.Marshal(j.Schema.Definition)
		if err != nil {
			return openai.ChatCompletionResponse{}, fmt.Errorf("llm: marshalling schema %q: %w", j.Schema.Name, err)
		}
		// The schema goes in a system message after the caller's leading
		// system messages, before any user content.
		i := 0
		for i < len(req.Messages) && req.Messages[i].Role == openai.ChatMessageRoleSystem {
			i++
		}
		msgs := make([]openai.ChatCompletionMessage, 0, len(req.Messages)+1)
		msgs = append(msgs, req.Messages[:i]...)
		msgs = append(msgs, openai.ChatCompletionMessage{
			Role:    openai.ChatMessageRoleSystem,
			Content: "Reply with one JSON object that conforms to this JSON Schema:\n" + string(schema),
		})
		r.Messages = append(msgs, req.Messages[i:]...)
	}
	return j.Client.CreateChatCompletion(ctx, r)
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
		return BadReply(`reply cut short (finish_reason "length")`, nil)
	default:
		return BadReply(fmt.Sprintf("finish_reason %q", ch.FinishReason), nil)
	}
	if ch.Message.Refusal != "" {
		return BadReply("model refused", nil)
	}
	content := stripFence(ch.Message.Content)
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

// stripFence removes a Markdown code fence around a JSON reply.
func stripFence(s string) []byte {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "```") && strings.HasSuffix(t, "```") && len(t) >= 6 {
		t = t[3 : len(t)-3]
		t = strings.TrimPrefix(t, "json")
		t = strings.TrimSpace(t)
	}
	return []byte(t)
}

func isBadRequest(err error) bool {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode == http.StatusBadRequest && !isContextLengthMessage(apiErr.Message) &&
			apiErr.Code != "context_length_exceeded"
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode == http.StatusBadRequest && !isContextLengthMessage(string(reqErr.Body))
	}
	return false
}
