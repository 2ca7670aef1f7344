package llmextract

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

func seed(t testing.TB) *article.Article {
	t.Helper()
	b, err := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func whole(a *article.Article) article.Span { return article.Span{End: len(a.Source)} }

func TestAlignAll(t *testing.T) {
	a := seed(t)
	al := newAligner(a)
	tests := []struct {
		text   string
		texts  []string // the text at each span found
		status Status
	}{
		// Four times in the paragraphs; the repeated lead is a duplicate,
		// outside every paragraph.
		{"مينسك", []string{"مينسك", "مينسك", "مينسك", "مينسك"}, Exact},
		// The clitic و stays out of the span of وإيران.
		{"إيران", []string{"إيران", "إيران", "إيران", "إيران"}, Exact},
		// A whole word only: not in بيلاروسيا, nor in روسية.
		{"روسيا", []string{"روسيا", "روسيا", "روسيا"}, Exact},
		// The seed writes a Persian yeh.
		{"بزشكيان", []string{"بزشكیان", "بزشكیان", "بزشكیان", "بزشكیان"}, Normalized},
		{"ألكسندر لوكاشينكو", []string{"ألكسندر لوكاشينكو"}, Exact},
		{"زيلينسكي", nil, Unaligned},
		{"", nil, Unaligned},
	}
	for _, tt := range tests {
		spans, st := al.all(tt.text, whole(a))
		var got []string
		for _, sp := range spans {
			got = append(got, a.Text(sp))
		}
		if diff := cmp.Diff(tt.texts, got); diff != "" || st != tt.status {
			t.Errorf("all(%q): status %v, want %v; spans (-want +got):\n%s", tt.text, st, tt.status, diff)
		}
	}
}

func TestAlignOne(t *testing.T) {
	a := seed(t)
	al := newAligner(a)
	second := strings.Index(a.Source, "وأضاف لوكاشينكو")
	tests := []struct {
		name   string
		text   string
		hint   int
		want   string // the text at the span found
		status Status
		near   int // the span must start at or after this offset
	}{
		{"quote as written", "نحن مستعدون لمناقشة أي موضوع، فلا يوجد موضوع مغلق لدينا", -1,
			"نحن مستعدون لمناقشة أي موضوع، فلا يوجد موضوع مغلق لدينا", Exact, 0},
		{"name nearest the hint", "لوكاشينكو", second, "لوكاشينكو", Exact, second},
		{"a wrong hint past the end breaks no tie", "لوكاشينكو", len(a.Source) + 500, "لوكاشينكو", Exact, 0},
		{"without the tanween", "ننقص شيئا", -1, "ننقص شيئًا", Normalized, 0},
		{"a name misspelt", "لوكاشنكو", -1, "لوكاشينكو", Fuzzy, 0},
		{"a quotation misquoted", "نحن جاهزون لمناقشة أي موضوع، فلا يوجد موضوع مغلق عندنا", -1,
			"نحن مستعدون لمناقشة أي موضوع، فلا يوجد موضوع مغلق", Fuzzy, 0},
		{"an invented quotation", "سنقاطع كل المفاوضات مع الغرب حتى إشعار آخر", -1, "", Unaligned, 0},
		{"an invented name", "فلاديمير زيلينسكي", -1, "", Unaligned, 0},
	}
	for _, tt := range tests {
		sp, st := al.one(tt.text, whole(a), tt.hint, article.Span{})
		if got := a.Text(sp); got != tt.want || st != tt.status || (st != Unaligned && sp.Start < tt.near) {
			t.Errorf("%s: one(%q) = %q at %v, %v; want %q, %v", tt.name, tt.text, got, sp, st, tt.want, tt.status)
		}
	}
}

// TestAlignInRegion: a region limits the search, and fuzzy alignment stays
// within it.
func TestAlignInRegion(t *testing.T) {
	a := seed(t)
	al := newAligner(a)
	p := a.Paragraphs[len(a.Paragraphs)-1].Span // the last paragraph names خامنئي
	if _, st := al.one("مينسك", p, -1, article.Span{}); st != Unaligned {
		t.Errorf("مينسك found in a paragraph without it")
	}
	if sp, st := al.one("خامنئي", p, -1, article.Span{}); st != Exact || !p.Contains(sp) {
		t.Errorf("خامنئي: %v %v, want an exact span in %v", sp, st, p)
	}
}

func TestSimilarity(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"abc", "abc", 1}, {"abc", "abd", 1 - 1.0/3}, {"", "", 1}, {"ab", "", 0}, {"لوكاشينكو", "لوكاشنكو", 1 - 1.0/9},
	} {
		if got := similarity(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
