package summarize

import (
	"strings"
	"testing"
)

// FuzzReadSummary: the summary reader never panics, and every sentence it
// reads is trimmed and not empty.
func FuzzReadSummary(f *testing.F) {
	for _, s := range []string{`{"sentences":["A.","B."]}`, `{"summary":"A. B."}`, `[{"sentence":"- A"}]`,
		"```json\n{\"sentences\":[\"A\"", `{"task":"summarize","x":"1. y"}`, `{}`, `[[[[`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := readSummary(s)
		if ok != (len(out) > 0) {
			t.Fatalf("readSummary(%q) = %q, %t", s, out, ok)
		}
		for _, sent := range out {
			if sent == "" || sent != strings.TrimSpace(sent) {
				t.Fatalf("readSummary(%q): sentence %q not trimmed or empty", s, sent)
			}
		}
	})
}
