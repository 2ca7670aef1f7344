package article

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// dump renders a parse as text, one element a line, for golden files.
func dump(a *Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "lang %v\ndir %v\n", a.Lang, a.Dir)
	sents := func(ss []Sentence) {
		for _, s := range ss {
			fmt.Fprintf(&b, "  sentence %v tokens [%d,%d) %s\n", s.Span, s.First, s.Last, a.Text(s.Span))
		}
	}
	if a.Title.Empty() {
		fmt.Fprintf(&b, "title none\n")
	} else {
		fmt.Fprintf(&b, "title %v %s\n", a.Title, a.Text(a.Title))
		sents(a.TitleSentences)
	}
	for _, d := range a.Datelines {
		fmt.Fprintf(&b, "dateline %v %s\n", d, a.Text(d))
	}
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "paragraph %v\n", p.Span)
		sents(p.Sentences)
	}
	for _, d := range a.Duplicates {
		fmt.Fprintf(&b, "duplicate %v\n", d)
	}
	for i, t := range a.Tokens {
		fmt.Fprintf(&b, "token %d %v %s %q key %q", i, t.Span, t.Kind, a.Text(t.Span), a.Key(t))
		if a.Stem(t) != a.Key(t) {
			fmt.Fprintf(&b, " stem %q at %v", a.Stem(t), a.StemSpan(t))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// testArticle is one test article under testdata.
type testArticle struct {
	path, text string
}

// testArticles reads the test articles, testdata/*.txt.
func testArticles(tb testing.TB) []testArticle {
	tb.Helper()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no test articles: %v", err)
	}
	arts := make([]testArticle, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		arts[i] = testArticle{f, string(b)}
	}
	return arts
}

// mustParse parses text and checks the parse's invariants, failing the
// test on an error from either.
func mustParse(tb testing.TB, text string) *Article {
	tb.Helper()
	a, err := Parse(text)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	if err := a.Validate(); err != nil {
		tb.Fatalf("Validate: %v", err)
	}
	return a
}

// TestGolden parses every article under testdata and compares the full
// parse with testdata/golden/NAME.golden (rewrite with -update).
func TestGolden(t *testing.T) {
	for _, f := range testArticles(t) {
		name := strings.TrimSuffix(filepath.Base(f.path), ".txt")
		t.Run(name, func(t *testing.T) {
			got := dump(mustParse(t, f.text))
			golden := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("parse of %s differs from %s (-want +got):\n%s", f.path, golden, diff)
			}
		})
	}
}

// TestSeedGold checks the seed article against its hand-made annotation:
// the title, the 15 paragraphs and the repeated lead, as byte spans.
func TestSeedGold(t *testing.T) {
	src, err := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/seed-ar-iran-belarus.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Title      string `json:"title"`
		Paragraphs []Span `json:"paragraphs"`
		Duplicates []Span `json:"duplicate_paragraphs"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	a, err := Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Text(a.Title); got != gold.Title {
		t.Errorf("title = %q, want %q", got, gold.Title)
	}
	var paras []Span
	for _, p := range a.Paragraphs {
		paras = append(paras, p.Span)
	}
	if diff := cmp.Diff(gold.Paragraphs, paras); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(gold.Duplicates, a.Duplicates); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
	if a.Lang.String() != "ar" || a.Dir != RTL {
		t.Errorf("lang, dir = %v, %v; want ar, rtl", a.Lang, a.Dir)
	}
}
