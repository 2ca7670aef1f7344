package summarize

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/article"
)

// devArticle is one article of the development set in testdata/dev: a text
// written for this package and reference extractive summaries chosen by
// its author. The set is tiny and self-made; it checks that the method is
// sane, it does not measure it.
type devArticle struct {
	name string
	a    *article.Article
	refs []string
}

func loadDev(t testing.TB) []devArticle {
	t.Helper()
	files, err := filepath.Glob("testdata/dev/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev articles: %v", err)
	}
	var out []devArticle
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(string(text))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		ref, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".ref")
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, r := range strings.Split(strings.TrimSpace(string(ref)), "\n\n") {
			refs = append(refs, strings.TrimSpace(r))
		}
		out = append(out, devArticle{filepath.Base(f), a, refs})
	}
	return out
}

// leadSummary returns the first body sentences of a while they fit in
// words words (at least one sentence), the baseline to beat.
func leadSummary(a *article.Article, words int) string {
	var parts []string
	n := 0
	for _, p := range a.Paragraphs {
		for _, s := range p.Sentences {
			if inDateline(a, s.Span) {
				continue
			}
			w := WordCount(a, s.Span)
			if n > 0 && n+w > words {
				return strings.Join(parts, " ")
			}
			parts = append(parts, a.Text(s.Span))
			n += w
		}
	}
	return strings.Join(parts, " ")
}

// devScores returns the mean ROUGE-1 and ROUGE-2 F1 of lead and of the
// Extractive summarizer over the dev set, each summary cut to the mean
// reference length in tokens. Lead gets one sentence past the budget so
// the cut leaves it at full length, as a lead baseline is usually scored.
func devScores(t testing.TB, set []devArticle) (lead1, lead2, ext1, ext2 float64) {
	t.Helper()
	for _, d := range set {
		length := 0
		for _, r := range d.refs {
			length += len(rougeTokens(r))
		}
		length /= len(d.refs)
		lead := leadSummary(d.a, length+40)
		sum, err := Extractive{}.Summarize(context.Background(), Request{Article: d.a, Budget: Budget{Words: length}})
		if err != nil {
			t.Fatalf("%s: %v", d.name, err)
		}
		l1, l2 := rougeMulti(lead, d.refs, 1, length), rougeMulti(lead, d.refs, 2, length)
		e1, e2 := rougeMulti(sum.Text, d.refs, 1, length), rougeMulti(sum.Text, d.refs, 2, length)
		if testing.Verbose() {
			t.Logf("%-16s len %3d  lead R1 %.3f R2 %.3f  extractive R1 %.3f R2 %.3f", d.name, length, l1, l2, e1, e2)
		}
		lead1 += l1
		lead2 += l2
		ext1 += e1
		ext2 += e2
	}
	n := float64(len(set))
	return lead1 / n, lead2 / n, ext1 / n, ext2 / n
}

// TestDevROUGE checks that the extractive summarizer is not worse than
// lead on the dev set. Run with -v to see the scores.
func TestDevROUGE(t *testing.T) {
	l1, l2, e1, e2 := devScores(t, loadDev(t))
	t.Logf("dev set mean F1: lead R1 %.3f R2 %.3f; extractive R1 %.3f R2 %.3f", l1, l2, e1, e2)
	if e1 < l1 {
		t.Errorf("extractive ROUGE-1 F1 %.3f is below lead's %.3f", e1, l1)
	}
}
