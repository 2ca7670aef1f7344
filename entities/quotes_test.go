package entities

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
	"github.com/khabar-go/khabar/entities/internal/quotes"
	"github.com/khabar-go/khabar/entities/internal/tagger"
)

var updateQuotes = flag.Bool("update-quotes", false, "rewrite testdata/seed.quotes.golden and seed.speech.golden from the current output")

// seedArticle parses the seed article and finds its entities.
func seedArticle(tb testing.TB) (*article.Article, []Mention, []Entity) {
	tb.Helper()
	a := parseFile(tb, "testdata/seed.txt")
	ms, es := FindEntities(a)
	return a, ms, es
}

// quoteGold is the quotes part of testdata/seed.gold.json.
type quoteGold struct {
	Quotes []struct {
		Text    string `json:"text"`
		Span    [2]int `json:"span"`
		Speaker string `json:"speaker"`
		Kind    string `json:"kind"`
	} `json:"quotes"`
}

// TestFindQuotesSeed checks the seed's quotations against its gold
// annotation: span, kind and speaker of all nine, with entities from
// FindEntities.
func TestFindQuotesSeed(t *testing.T) {
	a, ms, es := seedArticle(t)
	b, err := os.ReadFile("testdata/seed.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g quoteGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Span                [2]int
		Text, Kind, Speaker string
	}
	var want, got []row
	for _, q := range g.Quotes {
		want = append(want, row{q.Span, q.Text, q.Kind, q.Speaker})
	}
	for _, q := range FindQuotes(a, ms, es) {
		if q.Kind == Indirect {
			continue // the gold lists marked quotations only
		}
		r := row{Span: [2]int{q.Span.Start, q.Span.End}, Text: a.Text(q.Span), Kind: q.Kind.String()}
		if q.Speaker != nil {
			r.Speaker = q.Speaker.Name
		}
		got = append(got, r)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FindQuotes(seed) mismatch (-want +got):\n%s", diff)
	}
}

// TestFindQuotesSeedGolden pins every detail of the seed's quotations
// (cues, speaker spans, entity links) in testdata/seed.quotes.golden.
// Regenerate with go test ./entities -run SeedGolden -update-quotes.
func TestFindQuotesSeedGolden(t *testing.T) {
	a, ms, es := seedArticle(t)
	var sb strings.Builder
	for _, q := range FindQuotes(a, ms, es) {
		fmt.Fprintf(&sb, "%v %s %q\n\tcue %v %q\n", q.Span, q.Kind, a.Text(q.Span), q.Cue, a.Text(q.Cue))
		if sp := q.Speaker; sp != nil {
			fmt.Fprintf(&sb, "\tspeaker %q entity %d from %v %q\n", sp.Name, sp.Entity, sp.Span, a.Text(sp.Span))
		} else {
			fmt.Fprintf(&sb, "\tno speaker\n")
		}
	}
	checkGolden(t, "testdata/seed.quotes.golden", sb.String(), *updateQuotes, "-update-quotes")
}

// TestFindQuotesTypes checks that the internal packages' enums mirror the
// public ones, since FindQuotes and Recognize convert between them by
// value.
func TestFindQuotesTypes(t *testing.T) {
	pairs := []struct {
		name      string
		pub, priv uint8
	}{
		{"PER", uint8(PER), uint8(quotes.PER)},
		{"LOC", uint8(LOC), uint8(quotes.LOC)},
		{"ORG", uint8(ORG), uint8(quotes.ORG)},
		{"MISC", uint8(MISC), uint8(quotes.MISC)},
		{"gazetteer PER", uint8(PER), uint8(gazetteer.PER)},
		{"gazetteer LOC", uint8(LOC), uint8(gazetteer.LOC)},
		{"gazetteer ORG", uint8(ORG), uint8(gazetteer.ORG)},
		{"tagger PER", uint8(PER), uint8(tagger.PER)},
		{"tagger LOC", uint8(LOC), uint8(tagger.LOC)},
		{"tagger ORG", uint8(ORG), uint8(tagger.ORG)},
		{"tagger MISC", uint8(MISC), uint8(tagger.MISC)},
		{"Direct", uint8(Direct), uint8(quotes.Direct)},
		{"Partial", uint8(Partial), uint8(quotes.Partial)},
		{"Term", uint8(Term), uint8(quotes.Term)},
		{"Indirect", uint8(Indirect), uint8(quotes.Indirect)},
	}
	for _, p := range pairs {
		if p.pub != p.priv {
			t.Errorf("%s: entities value %d, internal value %d", p.name, p.pub, p.priv)
		}
	}
}

// TestFindQuotesHandMentions runs FindQuotes on a hand-built article with
// hand-made mentions: no paragraphs (lines are used), a speaker linked by
// its mention, a carried-over speaker and a term.
func TestFindQuotesHandMentions(t *testing.T) {
	src := "وقال بوتين: «لن نتراجع».\nوأضاف: «الغرب يتحمل المسؤولية».\nوسيطرت جبهة «النصرة» على المدينة."
	a := &article.Article{Source: src}
	at := strings.Index(src, "بوتين")
	ms := []Mention{{Span: article.Span{Start: at, End: at + len("بوتين")}, Kind: PER, Entity: 0}}
	es := []Entity{{Kind: PER, Name: "Vladimir Putin", Country: "RU", ID: "p:putin", Mentions: []article.Span{ms[0].Span}}}
	putin := &Speaker{Span: ms[0].Span, Entity: 0, Name: "Vladimir Putin"}
	want := []Quote{
		{Span: span(a, "لن نتراجع"), Kind: Direct, Speaker: putin, Cue: span(a, "قال")},
		{Span: span(a, "الغرب يتحمل المسؤولية"), Kind: Direct, Speaker: putin, Cue: span(a, "أضاف")},
		{Span: span(a, "النصرة"), Kind: Term},
	}
	if diff := cmp.Diff(want, FindQuotes(a, ms, es)); diff != "" {
		t.Errorf("FindQuotes mismatch (-want +got):\n%s", diff)
	}
	if got := FindQuotes(nil, nil, nil); got != nil {
		t.Errorf("FindQuotes(nil) = %v, want nil", got)
	}
	if got := FindQuotes(&article.Article{Source: "no quotation here"}, nil, nil); got != nil {
		t.Errorf("FindQuotes(no marks) = %v, want nil", got)
	}
}

// TestFindSpeechSeed checks that FindSpeech returns FindQuotes's
// quotations unchanged, plus reported speech, and pins the reported
// clauses of the seed in testdata/seed.speech.golden (regenerate with
// -update-quotes).
func TestFindSpeechSeed(t *testing.T) {
	a, ms, es := seedArticle(t)
	marked := FindQuotes(a, ms, es)
	all := FindSpeech(a, ms, es)
	var kept []Quote
	var sb strings.Builder
	for _, q := range all {
		if q.Kind != Indirect {
			kept = append(kept, q)
			continue
		}
		who := "-"
		if q.Speaker != nil {
			who = q.Speaker.Name
		}
		fmt.Fprintf(&sb, "%v %q\n\tcue %q speaker %q\n", q.Span, a.Text(q.Span), a.Text(q.Cue), who)
	}
	if diff := cmp.Diff(marked, kept); diff != "" {
		t.Errorf("FindSpeech changed the marked quotations (-FindQuotes +FindSpeech):\n%s", diff)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Span.Start > all[i].Span.Start {
			t.Errorf("FindSpeech: %v before %v, not sorted", all[i-1].Span, all[i].Span)
		}
	}
	checkGolden(t, "testdata/seed.speech.golden", sb.String(), *updateQuotes, "-update-quotes")
}

func FuzzFindQuotes(f *testing.F) {
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("وقال بوتين: «لن نتراجع».\n«ونحن مستعدون\nوأضاف: \"نعم")
	f.Add(`"Yes," Lukashenko said. 'No,' he added. Iran's "deal"`)
	f.Add("عراقچی گفت: «ایران به دنبال جنگ نیست».")
	f.Fuzz(func(t *testing.T, text string) {
		a, err := article.Parse(text)
		if err != nil {
			return
		}
		ms, es := FindEntities(a)
		qs := FindSpeech(a, ms, es)
		src := a.Source
		check := func(what string, s article.Span) {
			t.Helper()
			if s.Start < 0 || s.Start > s.End || s.End > len(src) {
				t.Fatalf("%s span %v out of range [0,%d]", what, s, len(src))
			}
			if s.Start < len(src) && !utf8.RuneStart(src[s.Start]) || s.End < len(src) && !utf8.RuneStart(src[s.End]) {
				t.Fatalf("%s span %v not on UTF-8 boundaries", what, s)
			}
		}
		for i, q := range qs {
			check("quote", q.Span)
			check("cue", q.Cue)
			if q.Span.Empty() {
				t.Fatalf("quote %d is empty", i)
			}
			if i > 0 && qs[i-1].Span.Start > q.Span.Start {
				t.Fatalf("quotes not sorted: %v before %v", qs[i-1].Span, q.Span)
			}
			if q.Kind == Term && q.Speaker != nil {
				t.Fatalf("term %v has a speaker", q.Span)
			}
			if sp := q.Speaker; sp != nil {
				check("speaker", sp.Span)
				if sp.Entity < -1 || sp.Entity >= len(es) {
					t.Fatalf("speaker entity %d out of range [-1,%d)", sp.Entity, len(es))
				}
				if sp.Entity >= 0 && sp.Name != es[sp.Entity].Name {
					t.Fatalf("speaker name %q is not its entity's %q", sp.Name, es[sp.Entity].Name)
				}
			}
		}
	})
}

func ExampleFindQuotes() {
	src := "ونقلت الوكالة عن لوكاشينكو قوله: «نحن مستعدون لمناقشة أي موضوع».\n" +
		"وأضاف: «لا يوجد موضوع مغلق لدينا».\n" +
		"وسيطرت جبهة «النصرة» على المدينة."
	a, err := article.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	ms, es := FindEntities(a)
	for _, q := range FindQuotes(a, ms, es) {
		who := "-"
		if q.Speaker != nil {
			who = q.Speaker.Name
		}
		fmt.Printf("%s | %s | %s\n", q.Kind, who, a.Text(q.Span))
	}
	// Output:
	// direct | Alexander Lukashenko | نحن مستعدون لمناقشة أي موضوع
	// direct | Alexander Lukashenko | لا يوجد موضوع مغلق لدينا
	// term | - | النصرة
}

func BenchmarkFindQuotes(b *testing.B) {
	a, ms, es := seedArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		FindQuotes(a, ms, es)
	}
}

// TestFindQuotesRoleFallback checks that a role the quick resolver cannot
// settle (two Iranians named, neither with a title) is resolved through the
// linker's knowledge of office holders.
func TestFindQuotesRoleFallback(t *testing.T) {
	src := "التقى مسعود بزشكيان وعلي خامنئي في طهران.\nوقال الرئيس الإيراني: «نحن مستعدون للحوار مع الجميع»."
	a, err := article.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	ms, es := FindEntities(a)
	qs := FindQuotes(a, ms, es)
	if len(qs) != 1 || qs[0].Speaker == nil {
		t.Fatalf("FindQuotes = %+v, want one quotation with a speaker", qs)
	}
	sp := qs[0].Speaker
	if got, want := a.Text(sp.Span), "الرئيس الإيراني"; got != want {
		t.Errorf("speaker span text = %q, want %q", got, want)
	}
	if sp.Name != "Masoud Pezeshkian" || sp.Entity < 0 {
		t.Errorf("speaker = %q (entity %d), want Masoud Pezeshkian linked", sp.Name, sp.Entity)
	}
	// Extract hands its own recognition to the role lookup: same answer.
	res, err := Offline{}.Extract(context.Background(), a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(qs, res.Quotes); diff != "" {
		t.Errorf("Extract quotes differ from FindQuotes (-want +got):\n%s", diff)
	}
}
