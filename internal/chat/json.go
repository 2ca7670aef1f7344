package chat

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"

	openai "github.com/sashabaranov/go-openai"
	"github.com/sashabaranov/go-openai/jsonschema"

	"github.com/khabar-go/khabar/llm"
)

// Schema is the JSON Schema a structured reply is asked to follow. The
// server may enforce it; the back ends read replies leniently all the same
// (see FindJSON), since many servers do not.
type Schema struct {
	// Name names the schema in the request (letters, digits, _ and -).
	Name string
	// Definition is the schema document; it must marshal to a JSON object.
	// nil means JSON mode only, with no schema.
	Definition json.Marshaler
	// Strict asks the server to enforce the schema exactly (OpenAI's strict
	// mode wants every property required and no additional properties).
	Strict bool
}

// SchemaFor builds a strict Schema from the Go type T with go-openai's
// jsonschema package: exported fields, json tags (omitempty makes a field
// optional), and description and enum tags.
func SchemaFor[T any](name string) (Schema, error) {
	var zero T
	def, err := jsonschema.GenerateSchemaForType(zero)
	if err != nil {
		return Schema{}, fmt.Errorf("chat: schema for %T: %w", zero, err)
	}
	return Schema{Name: name, Definition: def, Strict: true}, nil
}

// JSON sends chat requests that ask for a JSON reply. It asks for
// response_format json_schema when Schema has a Definition; when the server
// answers 400 or 422 to that, it falls back to json_object mode and then to
// no response format, with the schema in an extra system message, and
// remembers the mode that worked for later calls.
//
// A JSON is safe for concurrent use once configured.
type JSON struct {
	// Client sends the requests.
	Client llm.ChatCompleter
	// Schema is the schema of the replies.
	Schema Schema

	mode atomic.Int32
}

// SchemaUnsupported reports whether the server rejected a schema request and
// the JSON fell back to a weaker mode.
func (j *JSON) SchemaUnsupported() bool { return j.mode.Load() > modeSchema }

// Response format modes, from the most to the least constrained.
const (
	modeSchema int32 = iota // response_format json_schema
	modeObject              // response_format json_object, schema in a system message
	modeNone                // no response_format, schema in a system message
)

// Ask sends req once (with the response format fallback described on
// JSON) and returns the reply's content, checked by Content. Errors are
// classified (see llm.Classify). A reply cut by the token limit returns its
// content and an error matching llm.ErrTruncated, so the caller may keep
// what came. req is not modified.
func (j *JSON) Ask(ctx context.Context, req openai.ChatCompletionRequest) (string, error) {
	resp, err := j.send(ctx, req)
	if err != nil {
		return "", llm.Classify(err)
	}
	return Content(resp)
}

// Content returns the content of a reply's first choice. Its errors match
// llm.ErrBadReply: no choice, a refusal, a finish reason other than "stop"
// (for "length", the error matches llm.ErrTruncated and the content cut
// short is returned with it).
func Content(resp openai.ChatCompletionResponse) (string, error) {
	if len(resp.Choices) == 0 {
		return "", &llm.Error{Kind: llm.ErrBadReply, Detail: "no choices in reply"}
	}
	ch := resp.Choices[0]
	if ch.Message.Refusal != "" {
		return "", &llm.Error{Kind: llm.ErrBadReply, Detail: "model refused"}
	}
	switch ch.FinishReason {
	case "", openai.FinishReasonStop, openai.FinishReasonNull:
		return ch.Message.Content, nil
	case openai.FinishReasonLength:
		return ch.Message.Content, &llm.Error{Kind: llm.ErrTruncated, Detail: `finish_reason "length"`}
	}
	return "", &llm.Error{Kind: llm.ErrBadReply, Detail: fmt.Sprintf("finish_reason %q", ch.FinishReason)}
}

// Prepare returns req with the response format Ask would ask for first
// (json_schema, or a weaker mode once the server refused it), for callers
// that send the request another way, such as a batch file.
func (j *JSON) Prepare(req openai.ChatCompletionRequest) openai.ChatCompletionRequest {
	return j.prepare(req, j.startMode())
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
		if mode < modeNone && llm.FormatRejected(err) {
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

// maxOpeners bounds the brackets FindJSON tries as the start of a JSON
// value in prose, so that a long reply full of brackets costs linear time.
const maxOpeners = 8

// FindJSON returns the JSON value (an object or an array) of a model's
// reply: the reply itself when it is JSON, else the inside of a Markdown
// code fence anywhere in it, else the first balanced {…} or […] in it that
// is valid JSON (a model that wrapped its answer in prose). It returns nil
// when there is none.
func FindJSON(content string) []byte {
	t := strings.TrimSpace(content)
	if isJSONValue(t) {
		return []byte(t)
	}
	if i := strings.Index(t, "```"); i >= 0 {
		inner := t[i+3:]
		if k := strings.Index(inner, "```"); k >= 0 {
			inner = inner[:k]
		}
		// Drop the fence's language tag ("json", "JSON", "jsonc").
		if nl := strings.IndexByte(inner, '\n'); nl >= 0 && !strings.ContainsAny(inner[:nl], "{[") {
			inner = inner[nl+1:]
		}
		inner = strings.TrimSpace(inner)
		if isJSONValue(inner) {
			return []byte(inner)
		}
		if v := firstBalanced(inner); v != nil {
			return v
		}
	}
	return firstBalanced(t)
}

func isJSONValue(s string) bool {
	return s != "" && (s[0] == '{' || s[0] == '[') && json.Valid([]byte(s))
}

// firstBalanced returns the first {…} or […] of s, found by bracket
// matching outside JSON strings, that is valid JSON; it stops at a bracket
// that is never closed.
func firstBalanced(s string) []byte {
	tries := 0
	for i := 0; i < len(s) && tries < maxOpeners; i++ {
		if s[i] != '{' && s[i] != '[' {
			continue
		}
		tries++
		end := matchBracket(s, i)
		if end < 0 {
			// Never closed: the reply is cut (or broken) from here on;
			// what is inside is not a value of its own.
			return nil
		}
		if v := s[i : end+1]; json.Valid([]byte(v)) {
			return []byte(v)
		}
	}
	return nil
}

// matchBracket returns the index of the bracket that closes the one at
// s[i], skipping JSON strings, or -1.
func matchBracket(s string, i int) int {
	depth, inString, escaped := 0, false, false
	for k := i; k < len(s); k++ {
		c := s[k]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}
