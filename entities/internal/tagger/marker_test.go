package tagger

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWithMarker checks that a model with a Marker tags a document as the
// same model given the Marker's flags does, and that flags no model was
// trained with leave a model trained without them as it was.
func TestWithMarker(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		{"قال", "الرئيس", "فلاديمير", "بوتين", "إن", "موسكو", "ترحب"},
		{"وزار", "وفد", "من", "حركة", "حماس", "القاهرة", "أمس"},
	}
	mark := func(words []string) []Flags {
		f := make([]Flags, len(words))
		for i, w := range words {
			if w == "موسكو" || w == "القاهرة" {
				f[i] = FlagBegin(LOC)
			}
		}
		return f
	}
	ext := [][]Flags{mark(sents[0]), mark(sents[1])}
	given, err := m.TagDocument(context.Background(), sents, ext)
	if err != nil {
		t.Fatal(err)
	}
	marked, err := m.WithMarker(mark).TagDocument(context.Background(), sents, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(given, marked); diff != "" {
		t.Errorf("WithMarker differs from the marks given (-given +marked):\n%s", diff)
	}
	if got, want := m.WithMarker(mark).Tag(sents[0], nil), m.Tag(sents[0], ext[0]); !cmp.Equal(got, want) {
		t.Errorf("Tag with a Marker = %v, want %v", got, want)
	}
}
