package quotes_test

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/entities/quotes"
	"github.com/khabar-go/khabar/internal/golden"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/corpus.golden from the current output")

// corpusItem is one news item of testdata/corpus: its id (file name
// without .txt, and its number in the file when the file holds several)
// and its text.
type corpusItem struct {
	id, text string
}

// readCorpus reads the items of testdata/corpus/*.txt, in file order: the
// items of a file are separated by a line "---".
func readCorpus(tb testing.TB) []corpusItem {
	tb.Helper()
	files, err := filepath.Glob("testdata/corpus/*.txt")
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Fatal("no corpus files in testdata/corpus")
	}
	var items []corpusItem
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		parts := strings.Split(string(b), "\n---\n")
		for i, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				tb.Fatalf("%s: item %d is empty", f, i+1)
			}
			items = append(items, corpusItem{id: fmt.Sprintf("%s/%d", name, i+1), text: p + "\n"})
		}
	}
	return items
}

// quoteLine writes q of article a as one line of the golden: the item id,
// kind, implicit flag, the quoted text, the cue and the speakers, each
// with its kind, text as written and (when linked and different) name.
func quoteLine(id string, a *article.Article, q entities.Quote) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s | %s", id, q.Kind)
	if q.Implicit {
		b.WriteString(" implicit")
	}
	fmt.Fprintf(&b, " | «%s»", oneLine(a.Text(q.Span)))
	if q.Cue != (article.Span{}) {
		fmt.Fprintf(&b, " | cue %s", oneLine(a.Text(q.Cue)))
	}
	for _, s := range q.Speakers {
		text := oneLine(a.Text(s.Span))
		fmt.Fprintf(&b, " | %s %s", s.Kind, text)
		if s.Name != text {
			fmt.Fprintf(&b, " (%s)", s.Name)
		}
		if s.Entity < 0 {
			b.WriteString(" -")
		}
	}
	return b.String()
}

// oneLine replaces the line breaks of s (a quotation over paragraphs)
// with " ¶ ".
func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n\n", " ¶ ")
}

// TestCorpusGolden runs the offline way of finding quotations (the
// default recognizer, then quotes.Finder with reported speech) on every
// item of testdata/corpus and compares the quotations with
// testdata/corpus.golden. It also checks that Find and FindSpeech agree
// with the Finder, and that Find without names still finds the same
// quotations (speakers may differ). The golden pins behaviour, right or
// wrong: the wrong lines are listed in testdata/corpus.known-wrong, and
// the test fails when one of them is no longer in the output, so that a
// fix is seen and the list updated.
func TestCorpusGolden(t *testing.T) {
	r, err := ner.DefaultRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var out strings.Builder
	lines := map[string]bool{}
	for _, it := range readCorpus(t) {
		a, err := article.Parse(it.text)
		if err != nil {
			t.Fatalf("%s: %v", it.id, err)
		}
		res := r.Recognize(a)
		got, err := quotes.Finder{Speech: true}.Extract(ctx, a, res, entities.Options{})
		if err != nil {
			t.Fatalf("%s: %v", it.id, err)
		}
		fmt.Fprintf(&out, "## %s %s\n", it.id, oneLine(a.Text(a.Title)))
		for _, q := range got.Quotes {
			l := quoteLine(it.id, a, q)
			lines[l] = true
			out.WriteString(l + "\n")
		}
		// FindSpeech is the Finder's list; Find is it without Indirect.
		speech := quotes.FindSpeech(a, res)
		if diff := cmp.Diff(got.Quotes, speech); diff != "" {
			t.Errorf("%s: FindSpeech differs from Finder.Extract (-extract +speech):\n%s", it.id, diff)
		}
		direct := slices.DeleteFunc(slices.Clone(speech), func(q entities.Quote) bool { return q.Kind == entities.Indirect })
		if diff := cmp.Diff(direct, quotes.Find(a, res), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Find differs from FindSpeech without Indirect (-speech +find):\n%s", it.id, diff)
		}
		// Without names, the same quotations are found with the same kinds
		// where they are marked and not names.
		for _, q := range quotes.Find(a, nil) {
			if len(q.Speakers) > 0 && q.Kind == entities.Term {
				t.Errorf("%s: a term with a speaker without names: %s", it.id, quoteLine(it.id, a, q))
			}
		}
	}
	golden.Check(t, "testdata/corpus.golden", out.String(), *updateCorpus, "-update-corpus")
	checkKnownWrong(t, "testdata/corpus.known-wrong", lines)
}

// missingQuote reads a known-wrong entry «id | missing «text»».
func missingQuote(line string) (id, text string, ok bool) {
	id, rest, ok := strings.Cut(line, " | missing «")
	if !ok || !strings.HasSuffix(rest, "»") {
		return "", "", false
	}
	return id, strings.TrimSuffix(rest, "»"), true
}

// checkKnownWrong reads the list of golden lines known to be wrong (a
// golden line, " => ", what is right; # starts a comment) and reports each
// listed line that the output no longer has. An entry «id | missing
// «text»» is a quotation the output lacks: it is reported when found.
func checkKnownWrong(t *testing.T, path string, lines map[string]bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		line, right, ok := strings.Cut(l, " => ")
		if !ok || strings.TrimSpace(right) == "" {
			t.Errorf("%s:%d: want «golden line => what is right», got %q", path, n, l)
			continue
		}
		if id, text, ok := missingQuote(line); ok {
			for l := range lines {
				if strings.HasPrefix(l, id+" | ") && strings.Contains(l, " | «"+text+"»") {
					t.Errorf("%s:%d: the quotation listed as missing is found (fixed? update the list):\n%s\nright: %s", path, n, l, right)
				}
			}
			continue
		}
		if !lines[line] {
			t.Errorf("%s:%d: the output no longer has this wrong line (fixed? update the list):\n%s\nright: %s", path, n, line, right)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
