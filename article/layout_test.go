package article

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestBlankLead checks the lead-byte table that normHash and sameText skip
// blanks by: every blank rune starts with a byte it marks, with the class
// that byte's marks claim.
func TestBlankLead(t *testing.T) {
	var want [256]uint8
	for r := range rune(utf8.MaxRune + 1) {
		if !isBlank(r) || !utf8.ValidRune(r) {
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		switch b := buf[0]; {
		case n == 1:
			want[b] = 1
		case b == 0xD8:
			if r != 0x061C {
				t.Errorf("blank %U starts with D8, which the table keeps for U+061C only", r)
			}
			want[b] = 3
		default:
			want[b] = 2
		}
	}
	if want != blankLead {
		for b := range want {
			if want[b] != blankLead[b] {
				t.Errorf("blankLead[%#x] = %d, want %d", b, blankLead[b], want[b])
			}
		}
	}
}

// TestDatelineLimits checks where datelines may be taken: at most two
// credit or byline lines before the title, at most three dateline lines
// at the head of the body, a credit line at its end, and never the only
// line left for the text.
func TestDatelineLimits(t *testing.T) {
	tests := []struct {
		name, in        string
		title           string
		datelines, body []string
	}{
		{"a byline alone is the text", "By Jane Doe",
			"", nil, []string{"By Jane Doe"}},
		{"the last line stays text", "By Jane Doe\nReuters",
			"", []string{"By Jane Doe"}, []string{"Reuters"}},
		{"two lines before the title", "Reuters\nBy Jane Doe\nRail strike ends\n\nTrain drivers ended their strike on Friday.",
			"Rail strike ends", []string{"Reuters", "By Jane Doe"}, []string{"Train drivers ended their strike on Friday."}},
		{"not three", "Reuters\nAFP\nBy Jane Doe\nRail strike ends\n\nTrain drivers ended their strike on Friday.",
			"By Jane Doe", []string{"Reuters", "AFP"}, []string{"Rail strike ends", "Train drivers ended their strike on Friday."}},
		{"three at the head of the body, not four",
			"Rail strike ends\n\nLONDON (Reuters) -\nBy Jane Doe\nFriday 3 May 2024\nUpdated 4 May 2024\nTrain drivers ended their strike on Friday.\n\nServices resume.",
			"Rail strike ends", []string{"LONDON (Reuters) -", "By Jane Doe", "Friday 3 May 2024"},
			[]string{"Updated 4 May 2024", "Train drivers ended their strike on Friday.", "Services resume."}},
		{"a dateline that is all the body stays text", "Rail strike ends\n\nLONDON (Reuters) -",
			"Rail strike ends", nil, []string{"LONDON (Reuters) -"}},
		{"a credit line at the end", "Rail strike ends\n\nTrain drivers ended their strike on Friday.\n\nReuters",
			"Rail strike ends", []string{"Reuters"}, []string{"Train drivers ended their strike on Friday."}},
		{"a credit line that is all the body stays text", "Rail strike ends\n\nReuters",
			"Rail strike ends", nil, []string{"Reuters"}},
		{"a dateline opening the only paragraph", "Rail strike ends\n\nالقاهرة - أعلن الوزير اليوم أن الخطة جاهزة.",
			"Rail strike ends", []string{"القاهرة -"}, []string{"أعلن الوزير اليوم أن الخطة جاهزة."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.in)
			var datelines, body []string
			for _, d := range a.Datelines {
				datelines = append(datelines, a.Text(d))
			}
			for _, p := range a.Paragraphs {
				body = append(body, a.Text(p.Span))
			}
			if got := a.Text(a.Title); got != tt.title {
				t.Errorf("title %q, want %q", got, tt.title)
			}
			if diff := cmp.Diff(tt.datelines, datelines); diff != "" {
				t.Errorf("datelines (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.body, body); diff != "" {
				t.Errorf("paragraphs (-want +got):\n%s", diff)
			}
		})
	}
}
