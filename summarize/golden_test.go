package summarize_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenSummary is the golden file's shape: the request's budget and the
// summary's spans, text and flags.
type goldenSummary struct {
	Budget    summarize.Budget `json:"budget"`
	Sentences []article.Span   `json:"sentences"`
	Text      string           `json:"text"`
	Truncated bool             `json:"truncated,omitempty"`
}

// TestGoldenSeed pins the offline summary of the seed article. Regenerate
// with go test ./summarize/ -run GoldenSeed -update after a deliberate
// change to the method.
func TestGoldenSeed(t *testing.T) {
	a := parse(t, readSeed(t))
	var got []goldenSummary
	for _, b := range []summarize.Budget{{}, {Sentences: 1}, {Words: 60}, {Ratio: 0.3}} {
		sum, err := summarize.Extractive{}.Summarize(context.Background(), summarize.Request{Article: a, Budget: b})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, goldenSummary{b, sum.Sentences, sum.Text, sum.Truncated})
	}
	const path = "testdata/seed-ar-iran-belarus.summary.json"
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var want []goldenSummary
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed summary mismatch (-want +got):\n%s", diff)
	}
}
