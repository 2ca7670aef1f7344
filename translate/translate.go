package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Translator translates segments of text from one language into another.
//
// Contract, checked by translatetest.Run: Translate returns one translated
// segment for every segment of the request, with the same ID, in the same
// order, and a non-empty text for every segment whose text is not blank, or
// it returns an error; it never returns a shorter, merged or reordered list.
// It does not modify the request. An empty request gives an empty response.
// A request with an empty or repeated ID, or no Target, fails with an error
// matching ErrInvalidRequest. Once ctx is done it fails with an error that
// wraps ctx.Err(), unless it can answer in full without waiting.
// Implementations are safe for concurrent use.
type Translator interface {
	Translate(ctx context.Context, req Request) (*Response, error)
}

// Request is a translation request.
type Request struct {
	// Segments are the texts to translate, each with an ID unique in the
	// request.
	Segments []Segment `json:"segments"`
	// Source is the language of the segments; language.Und lets the
	// translator decide.
	Source language.Tag `json:"source"`
	// Target is the language to translate into. It is required.
	Target language.Tag `json:"target"`
	// Glossary holds terms whose translation is fixed: where Source occurs
	// in a segment, its translation should contain Target.
	Glossary []Term `json:"glossary,omitempty"`
}

// Segment is one text with an ID: a title, a paragraph, a sentence.
type Segment struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Term is one glossary entry: a name or phrase and its fixed translation.
type Term struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// Response is the result of a translation.
type Response struct {
	// Segments are the translations, one per request segment, in request
	// order and with the request's IDs.
	Segments []Segment `json:"segments"`
	// Glossary reports, for each glossary term that occurs in the source,
	// where its translation was kept and where it was missed (see
	// CheckGlossary).
	Glossary []TermUse `json:"glossary,omitempty"`
}

// Func adapts a function to the Translator interface.
type Func func(ctx context.Context, req Request) (*Response, error)

// Translate calls f(ctx, req).
func (f Func) Translate(ctx context.Context, req Request) (*Response, error) { return f(ctx, req) }

// ErrInvalidRequest is matched by errors for requests that break the
// Request rules: an empty or repeated segment ID, no Target.
var ErrInvalidRequest = errors.New("translate: invalid request")

// MissingError reports segments that did not come back translated after
// every re-ask. Test for it with errors.As.
type MissingError struct {
	// IDs are the IDs of the missing segments, in request order.
	IDs []string
	// Err is the last error that stood in the way, or nil when the server
	// kept answering without these segments.
	Err error
}

// Error lists the missing IDs.
func (e *MissingError) Error() string {
	s := fmt.Sprintf("translate: no translation for %d segment(s): %s", len(e.IDs), strings.Join(e.IDs, ", "))
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the last underlying error.
func (e *MissingError) Unwrap() error { return e.Err }

// Validate checks req against the Request rules; its errors match
// ErrInvalidRequest.
func (req Request) Validate() error {
	if req.Target == language.Und {
		return fmt.Errorf("%w: no target language", ErrInvalidRequest)
	}
	seen := make(map[string]bool, len(req.Segments))
	for i, s := range req.Segments {
		if s.ID == "" {
			return fmt.Errorf("%w: segment %d has no ID", ErrInvalidRequest, i)
		}
		if seen[s.ID] {
			return fmt.Errorf("%w: segment ID %q repeated", ErrInvalidRequest, s.ID)
		}
		seen[s.ID] = true
	}
	return nil
}

// CheckResponse checks resp against req: one non-empty segment per
// non-blank request segment, same IDs, same order. Translators and
// decorators use it to refuse a response that breaks the contract.
func CheckResponse(req Request, resp *Response) error {
	if resp == nil {
		return errors.New("translate: nil response")
	}
	if len(resp.Segments) != len(req.Segments) {
		return fmt.Errorf("translate: %d segments in response, want %d", len(resp.Segments), len(req.Segments))
	}
	var missing []string
	for i, s := range req.Segments {
		got := resp.Segments[i]
		if got.ID != s.ID {
			return fmt.Errorf("translate: response segment %d has ID %q, want %q", i, got.ID, s.ID)
		}
		if strings.TrimSpace(got.Text) == "" && strings.TrimSpace(s.Text) != "" {
			missing = append(missing, s.ID)
		}
	}
	if missing != nil {
		return &MissingError{IDs: missing}
	}
	return nil
}

// clone returns a deep copy of resp.
func (resp *Response) clone() *Response {
	if resp == nil {
		return nil
	}
	c := &Response{Segments: append([]Segment(nil), resp.Segments...)}
	for _, u := range resp.Glossary {
		u.Segments = append([]string(nil), u.Segments...)
		u.Missed = append([]string(nil), u.Missed...)
		c.Glossary = append(c.Glossary, u)
	}
	return c
}
