package summarize_test

import (
	"context"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/summarize"
)

// TestWholeSentencesMarkTheCut: with WholeSentences, a word budget gives
// whole sentences with no mark, or, when no sentence fits, the one cut
// sentence ending in "…"; without it, Text is never marked.
func TestWholeSentencesMarkTheCut(t *testing.T) {
	a := parse(t, readSeed(t))
	for _, words := range []int{1, 5, 20, 60, 200} {
		for _, whole := range []bool{false, true} {
			sum, err := summarize.Extractive{WholeSentences: whole}.Summarize(context.Background(),
				summarize.Request{Article: a, Budget: summarize.Budget{Words: words}})
			if err != nil {
				t.Fatal(err)
			}
			marked := strings.HasSuffix(sum.Text, "…")
			if want := whole && sum.Truncated; marked != want {
				t.Errorf("Words %d whole %v: text %q marked %v, want %v", words, whole, sum.Text, marked, want)
			}
			if whole && sum.Truncated && len(sum.Sentences) != 1 {
				t.Errorf("Words %d: %d spans beside a cut sentence", words, len(sum.Sentences))
			}
		}
	}
	sum, err := summarize.Extractive{WholeSentences: true}.Summarize(context.Background(),
		summarize.Request{Article: a, Budget: summarize.Budget{Words: 1}})
	if err != nil || !sum.Truncated {
		t.Fatalf("Words 1: %v, truncated %v; want the start of a sentence", err, sum != nil && sum.Truncated)
	}
}
