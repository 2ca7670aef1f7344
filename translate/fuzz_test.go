package translate

import (
	"testing"
	"unicode/utf8"
)

// FuzzReadReply checks the reply reader: it never panics, it reads only
// requested ids, and what it reads round-trips through the request
// encoder (the "texts" of an echoed request read back the same).
func FuzzReadReply(f *testing.F) {
	for _, s := range []string{`{"t":"a","p1":"b"}`, `{}`, `[]`, `{"t":1}`, `{"t":"a"`, `{"a":"\u0645","a":"x"}`, `null`,
		`[{"id":"P1","text":"b"}]`, "```json\n{\"texts\":{\"t\":\"a\"}}\n```", `{"x":{"y":{"t":"deep"}}}`} {
		f.Add(s)
	}
	ids := []string{"t", "p1", "p2", "x-3"}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := readReply(s, ids)
		if !ok {
			return
		}
		var segs []Segment
		for _, id := range ids {
			text, ok := got.texts[id]
			if ok {
				segs = append(segs, Segment{ID: id, Text: text})
			}
		}
		if len(segs) != len(got.texts) {
			t.Fatalf("readReply(%q) read ids that were not requested: %v", s, got.texts)
		}
		enc, err := wireRequest{Segments: segs}.marshal()
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !utf8.ValidString(enc) && utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from valid input")
		}
		again, ok := readReply(enc, ids)
		if !ok || len(again.texts) != len(segs) {
			t.Fatalf("round trip of %q: %v, %v", enc, again.texts, ok)
		}
		for _, sg := range segs {
			if again.texts[sg.ID] != sg.Text && utf8.ValidString(sg.Text) {
				t.Fatalf("round trip: %q, want %q", again.texts[sg.ID], sg.Text)
			}
		}
	})
}
