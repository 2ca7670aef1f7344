package translate

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzWireReply checks the reply parser: it never panics, and what it
// accepts round-trips through the request encoder.
func FuzzWireReply(f *testing.F) {
	for _, s := range []string{`{"t":"a","p1":"b"}`, `{}`, `[]`, `{"t":1}`, `{"t":"a"`, `{"a":"\u0645","a":"x"}`, `null`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r wireReply
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			return
		}
		enc, err := wireRequest{Segments: r}.marshal()
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !utf8.ValidString(enc) && utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from valid input")
		}
		var back struct {
			Texts json.RawMessage `json:"texts"`
		}
		if err := json.Unmarshal([]byte(enc), &back); err != nil {
			t.Fatalf("request %q does not parse: %v", enc, err)
		}
		var again wireReply
		if err := json.Unmarshal(back.Texts, &again); err != nil {
			t.Fatalf("texts %q do not parse: %v", back.Texts, err)
		}
		if len(again) != len(r) {
			t.Fatalf("round trip: %d segments, want %d", len(again), len(r))
		}
		for i := range r {
			if again[i] != r[i] {
				t.Fatalf("round trip: %q, want %q", again[i], r[i])
			}
		}
	})
}

func TestWireReplyShapes(t *testing.T) {
	want := wireReply{{ID: "t", Text: "a"}, {ID: "p1", Text: "b"}}
	for _, s := range []string{
		`{"t":"a","p1":"b"}`,
		`{"texts":{"t":"a","p1":"b"}}`,
		`[{"id":"t","text":"a"},{"id":"p1","text":"b"}]`,
		`{"segments":[{"id":"t","text":"a"},{"id":"p1","translation":"b"}]}`,
		`{" t ":"a","p1":"b"}`,
	} {
		var got wireReply
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Errorf("%s: %v", s, err)
			continue
		}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%s: got %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{`"text"`, `{"t":1}`, `{"a":{"b":{"t":"x"}}}`, `[1,2]`} {
		var got wireReply
		if err := json.Unmarshal([]byte(s), &got); err == nil {
			t.Errorf("%s: accepted as %v", s, got)
		}
	}
}
