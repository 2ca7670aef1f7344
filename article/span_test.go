package article

import (
	"encoding/json"
	"testing"
)

func TestSpanRelations(t *testing.T) {
	s := Span{10, 20}
	tests := []struct {
		t                  Span
		contains, overlaps bool
	}{
		{Span{10, 20}, true, true},
		{Span{12, 18}, true, true},
		{Span{10, 10}, true, false}, // empty, at the start
		{Span{20, 20}, true, false}, // empty, at the end
		{Span{9, 20}, false, true},
		{Span{10, 21}, false, true},
		{Span{0, 10}, false, false},  // ends where s starts
		{Span{20, 30}, false, false}, // starts where s ends
		{Span{19, 30}, false, true},
		{Span{0, 11}, false, true},
	}
	for _, tt := range tests {
		if got := s.Contains(tt.t); got != tt.contains {
			t.Errorf("%v.Contains(%v) = %v", s, tt.t, got)
		}
		if got := s.Overlaps(tt.t); got != tt.overlaps {
			t.Errorf("%v.Overlaps(%v) = %v", s, tt.t, got)
		}
		if got := tt.t.Overlaps(s); got != tt.overlaps {
			t.Errorf("%v.Overlaps(%v) = %v", tt.t, s, got)
		}
	}
}

func TestSpanJSON(t *testing.T) {
	for in, ok := range map[string]bool{
		"[0,0]": true, "[3,7]": true, "[7,7]": true,
		"[-1,3]": false, "[4,3]": false, "[0]": true, `"x"`: false,
	} {
		var s Span
		err := json.Unmarshal([]byte(in), &s)
		if (err == nil) != ok {
			t.Errorf("Unmarshal(%s) = %v, %v; want ok %v", in, s, err, ok)
		}
	}
}

// TestSentenceAt checks SentenceAt and ParagraphAt at every byte of an
// article against a linear search.
func TestSentenceAt(t *testing.T) {
	// Sentences with blanks between them and without (the last two).
	a := mustParse(t, "العنوان هنا\n\nوصل الوفد أمس. وبدأت المحادثات.\n\nوصل الوفد أمس. وبدأت المحادثات.\n\nثم غادر الجميع.  وانتهى الاجتماع.وبدأ الحوار.")
	if len(a.Duplicates) != 1 || len(a.Paragraphs) != 2 {
		t.Fatalf("%d paragraphs, %d duplicates", len(a.Paragraphs), len(a.Duplicates))
	}
	for pos := -2; pos <= len(a.Source)+2; pos++ {
		want := -1
		for i, s := range a.Sentences {
			if s.Start <= pos && pos < s.End {
				want = i
			}
		}
		if got := a.SentenceAt(pos); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", pos, got, want)
		}
		want = -1
		for i, p := range a.Paragraphs {
			if p.Start <= pos && pos < p.End {
				want = i
			}
		}
		if got := a.ParagraphAt(pos); got != want {
			t.Errorf("ParagraphAt(%d) = %d, want %d", pos, got, want)
		}
	}
}
