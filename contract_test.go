package khabar_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/golden"
)

var updateContract = flag.Bool("update-contract", false, "rewrite testdata/contract.golden.json and the README's example from the current output")

// contractText is the small article whose JSON object the README shows.
const contractText = "وزير الخارجية السعودي يلتقي نظيره الفرنسي في باريس\n\n" +
	"باريس - واس\n\n" +
	"التقى وزير الخارجية السعودي عادل الجبير نظيره الفرنسي لوران فابيوس في باريس أمس الثلاثاء. " +
	"وقال الجبير: «العلاقات بين البلدين قوية»."

var spanRE = regexp.MustCompile(`\[\s*(-?\d+),\s*(-?\d+)\s*\]`)

// TestContract pins the JSON object of the command-line contract on a
// small article, and keeps the README's example equal to it: the README
// shows what the types write, regenerated with -update-contract.
func TestContract(t *testing.T) {
	var an khabar.Analyzer
	doc, err := an.Analyze(context.Background(), contractText, time.Date(2015, 7, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	doc.ID = "example"
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	// Spans on one line each: [start, end].
	got := spanRE.ReplaceAllString(string(b), "[$1, $2]") + "\n"
	golden.Check(t, "testdata/contract.golden.json", got, *updateContract, "-update-contract")

	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- contract:begin -->\n```json\n", "```\n<!-- contract:end -->"
	i, j := bytes.Index(readme, []byte(begin)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no contract block between %q and %q", begin, end)
	}
	if *updateContract {
		readme = append(append(append([]byte{}, readme[:i+len(begin)]...), got...), readme[j:]...)
		if err := os.WriteFile("README.md", readme, 0o644); err != nil {
			t.Fatal(err)
		}
		j = bytes.Index(readme, []byte(end))
	}
	if diff := cmp.Diff(got, string(readme[i+len(begin):j])); diff != "" {
		t.Errorf("README's JSON example differs from the output (run go test -run TestContract -update-contract) (-want +got):\n%s", diff)
	}
}

// TestDocumentRoundTrip checks that a Document survives its JSON whole:
// article, extraction and summary.
func TestDocumentRoundTrip(t *testing.T) {
	sample, err := os.ReadFile("examples/khabar/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"contract": contractText, "sample": string(sample)} {
		var an khabar.Analyzer
		doc, err := an.Analyze(context.Background(), text, time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		doc.ID = name
		if len(doc.Extraction.Quotes) == 0 || len(doc.Extraction.Dates) == 0 || len(doc.Extraction.Entities) == 0 {
			t.Fatalf("%s: the test needs quotes, dates and entities", name)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var back khabar.Document
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		opts := cmp.Options{cmp.AllowUnexported(article.Article{}, article.Token{}), cmp.Comparer(func(x, y language.Tag) bool { return x == y })}
		if diff := cmp.Diff(doc, &back, opts); diff != "" {
			t.Errorf("%s: round trip mismatch (-want +got):\n%s", name, diff)
		}
	}
	// A layout that does not match the text is refused.
	var an khabar.Analyzer
	doc, err := an.Analyze(context.Background(), contractText, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var back khabar.Document
	bad := strings.Replace(string(b), `"text":"وزير`, `"text":"xوزير`, 1)
	if err := json.Unmarshal([]byte(bad), &back); err == nil {
		t.Error("a document whose text does not match its layout decoded without error")
	}
}
