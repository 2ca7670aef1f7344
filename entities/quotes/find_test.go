package quotes_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/entities/quotes"
	"github.com/khabar-go/khabar/internal/golden"
)

var updateQuotes = flag.Bool("update-quotes", false, "rewrite testdata/seed.quotes.golden and seed.speech.golden from the current output")

// seedArticle parses the seed article and recognizes its entities.
func seedArticle(tb testing.TB) (*article.Article, *entities.Result) {
	tb.Helper()
	a := parseFile(tb, "../testdata/seed.txt")
	return a, recognize(tb, a)
}

// recognize returns what the default recognizer finds in a.
func recognize(tb testing.TB, a *article.Article) *entities.Result {
	tb.Helper()
	r, err := ner.DefaultRecognizer()
	if err != nil {
		tb.Fatal(err)
	}
	return r.Recognize(a)
}

// parseFile parses the article in file.
func parseFile(tb testing.TB, file string) *article.Article {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	a, err := article.Parse(string(b))
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// span returns the span of the first occurrence of s in a.Source.
func span(a *article.Article, s string) article.Span {
	i := strings.Index(a.Source, s)
	if i < 0 {
		return article.Span{}
	}
	return article.Span{Start: i, End: i + len(s)}
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
	a, res := seedArticle(t)
	b, err := os.ReadFile("../testdata/seed.gold.json")
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
	for _, q := range quotes.Find(a, res) {
		if q.Kind == entities.Indirect {
			continue // the gold lists marked quotations only
		}
		r := row{Span: [2]int{q.Span.Start, q.Span.End}, Text: a.Text(q.Span), Kind: q.Kind.String()}
		if q.Speaker() != nil {
			r.Speaker = q.Speaker().Name
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
	a, res := seedArticle(t)
	var sb strings.Builder
	for _, q := range quotes.Find(a, res) {
		fmt.Fprintf(&sb, "%v %s %q\n\tcue %v %q\n", q.Span, q.Kind, a.Text(q.Span), q.Cue, a.Text(q.Cue))
		if sp := q.Speaker(); sp != nil {
			fmt.Fprintf(&sb, "\tspeaker %q entity %d from %v %q\n", sp.Name, sp.Entity, sp.Span, a.Text(sp.Span))
		} else {
			fmt.Fprintf(&sb, "\tno speaker\n")
		}
	}
	golden.Check(t, "../testdata/seed.quotes.golden", sb.String(), *updateQuotes, "-update-quotes")
}

// TestFindQuotesHandMentions runs FindQuotes on a hand-built article with
// hand-made mentions: no paragraphs (lines are used), a speaker linked by
// its mention, a carried-over speaker and a term.
func TestFindQuotesHandMentions(t *testing.T) {
	src := "وقال بوتين: «لن نتراجع».\nوأضاف: «الغرب يتحمل المسؤولية».\nوسيطرت جبهة «النصرة» على المدينة."
	a := &article.Article{Source: src}
	at := strings.Index(src, "بوتين")
	ms := []entities.Mention{{Span: article.Span{Start: at, End: at + len("بوتين")}, Kind: entities.PER, Entity: 0}}
	es := []entities.Entity{{Kind: entities.PER, Name: "Vladimir Putin", Country: "RU", ID: "p:putin", Mentions: []article.Span{ms[0].Span}}}
	putin := []entities.Speaker{{Kind: entities.Person, Span: ms[0].Span, Entity: 0, Name: "Vladimir Putin"}}
	want := []entities.Quote{
		{Span: span(a, "لن نتراجع"), Kind: entities.Direct, Speakers: putin, Cue: span(a, "قال")},
		{Span: span(a, "الغرب يتحمل المسؤولية"), Kind: entities.Direct, Speakers: putin, Cue: span(a, "أضاف")},
		{Span: span(a, "النصرة"), Kind: entities.Term},
	}
	if diff := cmp.Diff(want, quotes.Find(a, &entities.Result{Mentions: ms, Entities: es})); diff != "" {
		t.Errorf("Find mismatch (-want +got):\n%s", diff)
	}
	if got := quotes.Find(nil, nil); got != nil {
		t.Errorf("Find(nil) = %v, want nil", got)
	}
	if got := quotes.Find(&article.Article{Source: "no quotation here"}, nil); got != nil {
		t.Errorf("Find(no marks) = %v, want nil", got)
	}
}

// TestFindSpeechSeed checks that FindSpeech returns FindQuotes's
// quotations unchanged, plus reported speech, and pins the reported
// clauses of the seed in testdata/seed.speech.golden (regenerate with
// -update-quotes).
func TestFindSpeechSeed(t *testing.T) {
	a, res := seedArticle(t)
	marked := quotes.Find(a, res)
	all := quotes.FindSpeech(a, res)
	var kept []entities.Quote
	var sb strings.Builder
	for _, q := range all {
		if q.Kind != entities.Indirect {
			kept = append(kept, q)
			continue
		}
		who := "-"
		if q.Speaker() != nil {
			who = q.Speaker().Name
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
	golden.Check(t, "../testdata/seed.speech.golden", sb.String(), *updateQuotes, "-update-quotes")
}

func FuzzFindQuotes(f *testing.F) {
	b, err := os.ReadFile("../testdata/seed.txt")
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
		res := recognize(t, a)
		es := res.Entities
		qs := quotes.FindSpeech(a, res)
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
			if q.Kind == entities.Term && q.Speaker() != nil {
				t.Fatalf("term %v has a speaker", q.Span)
			}
			if sp := q.Speaker(); sp != nil {
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

func ExampleFind() {
	src := "ونقلت الوكالة عن لوكاشينكو قوله: «نحن مستعدون لمناقشة أي موضوع».\n" +
		"وأضاف: «لا يوجد موضوع مغلق لدينا».\n" +
		"وسيطرت جبهة «النصرة» على المدينة."
	a, err := article.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := ner.DefaultRecognizer()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range quotes.Find(a, r.Recognize(a)) {
		who := "-"
		if q.Speaker() != nil {
			who = q.Speaker().Name
		}
		fmt.Printf("%s | %s | %s\n", q.Kind, who, a.Text(q.Span))
	}
	// Output:
	// direct | Alexander Lukashenko | نحن مستعدون لمناقشة أي موضوع
	// direct | Alexander Lukashenko | لا يوجد موضوع مغلق لدينا
	// term | - | النصرة
}

func BenchmarkFindQuotes(b *testing.B) {
	a, res := seedArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		quotes.Find(a, res)
	}
}

// TestFindQuotesRoleFallback checks that a role the quick resolver cannot
// settle (two Iranians named, neither with a title) is resolved through the
// recognizer's role cues, which know office holders.
func TestFindQuotesRoleFallback(t *testing.T) {
	src := "التقى مسعود بزشكيان وعلي خامنئي في طهران.\nوقال الرئيس الإيراني: «نحن مستعدون للحوار مع الجميع»."
	a, err := article.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	qs := quotes.Find(a, recognize(t, a))
	if len(qs) != 1 || qs[0].Speaker() == nil {
		t.Fatalf("FindQuotes = %+v, want one quotation with a speaker", qs)
	}
	sp := qs[0].Speaker()
	if got, want := a.Text(sp.Span), "الرئيس الإيراني"; got != want {
		t.Errorf("speaker span text = %q, want %q", got, want)
	}
	if sp.Name != "Masoud Pezeshkian" || sp.Entity < 0 {
		t.Errorf("speaker = %q (entity %d), want Masoud Pezeshkian linked", sp.Name, sp.Entity)
	}
	// The Finder as a step after the recognizer: same answer.
	r, err := ner.DefaultRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	res, err := entities.Extract(context.Background(), entities.Chain(r, quotes.Finder{}), a, entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(qs, res.Quotes); diff != "" {
		t.Errorf("Chain(recognizer, Finder) quotes differ from Find (-want +got):\n%s", diff)
	}
}

// TestFindQuotesEnglishArticle runs the default recognizer and Find on an
// English article written for the test: two quotations from a named person
// speaking in a city (the city is never the speaker, whether the
// recognizer finds the person or not) and a partial quotation from a
// farmers' federation, which is its speaker.
func TestFindQuotesEnglishArticle(t *testing.T) {
	a := parseFile(t, "testdata/en-levy.txt")
	res := recognize(t, a)
	type row struct{ Text, Kind, Speaker, SpeakerKind string }
	var got []row
	for _, q := range quotes.Find(a, res) {
		r := row{Text: a.Text(q.Span), Kind: q.Kind.String()}
		if sp := q.Speaker(); sp != nil {
			r.Speaker, r.SpeakerKind = a.Text(sp.Span), sp.Kind.String()
		}
		got = append(got, r)
	}
	want := []row{
		{"We cannot plant at these prices, and nobody in the ministry has told us how we are supposed to feed our families,", "direct", "Grace Wanjiru", "person"},
		{"If the levy stays, the stores will be empty by June,", "direct", "Grace Wanjiru", "person"},
		{"a tax on hunger", "partial", "Kenya Farmers Federation", "organisation"},
		{"The money goes back to the farmer,", "direct", "Peter Otieno", "person"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find(en-levy) mismatch (-want +got):\n%s", diff)
	}
}

// TestFinderContext checks that the Finder honours its context.
func TestFinderContext(t *testing.T) {
	a, res := seedArticle(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (quotes.Finder{}).Extract(ctx, a, res, entities.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract with a cancelled context: err = %v, want context.Canceled", err)
	}
}
