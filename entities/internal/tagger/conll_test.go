package tagger

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Sentence
		errLine int // 0: no error
	}{
		{
			name: "two sentences",
			in:   "قال\tO\nبوتين\tB-PER\n\nفي\tO\nموسكو\tB-LOC\n",
			want: []Sentence{
				{Words: []string{"قال", "بوتين"}, Labels: []Label{O, BPER}},
				{Words: []string{"في", "موسكو"}, Labels: []Label{O, BLOC}},
			},
		},
		{
			name: "crlf, spaces and extra blank lines",
			in:   "\r\n\r\nالأمم O\r\nالمتحدة I-ORG\r\n\r\n\r\n",
			want: []Sentence{{Words: []string{"الأمم", "المتحدة"}, Labels: []Label{O, IORG}}},
		},
		{name: "empty", in: ""},
		{name: "no label", in: "كلمة\tO\nكلمة\n", errLine: 2},
		{name: "unknown label", in: "كلمة\tB-GPE\n", errLine: 1},
		{name: "trailing tab", in: "كلمة\t\n", errLine: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tt.in))
			if tt.errLine != 0 {
				var se *SyntaxError
				if !errors.As(err, &se) || se.Line != tt.errLine {
					t.Fatalf("ReadCoNLL() error = %v, want *SyntaxError at line %d", err, tt.errLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadCoNLL() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("قال\tO\nبوتين\tB-PER\n\nفي\tO\n")
	f.Add("a b c\tI-MISC\r\n\n\n")
	f.Add("\t\nx\tO")
	f.Add("x B-LOC\ny\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Labels) {
				t.Fatalf("sentence with %d words and %d labels", len(s.Words), len(s.Labels))
			}
		}
		// What was read is written back and read again unchanged.
		var buf bytes.Buffer
		if err := WriteCoNLL(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCoNLL(&buf)
		if err != nil {
			t.Fatalf("re-reading written output: %v", err)
		}
		if diff := cmp.Diff(sents, again); diff != "" {
			t.Fatalf("round trip mismatch (-first +second):\n%s", diff)
		}
	})
}
