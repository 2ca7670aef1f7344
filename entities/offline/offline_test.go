package offline_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/dates"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/entities/offline"
	"github.com/khabar-go/khabar/entities/quotes"
)

var ref = time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)

func seedArticle(tb testing.TB) *article.Article {
	tb.Helper()
	b, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		tb.Fatal(err)
	}
	a, err := article.Parse(string(b))
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// TestExtractIsItsParts checks that the pipeline finds what its parts find
// alone: the recognizer's mentions, entities and roles, quotes.Find's
// quotations and dates.FindDates's dates.
func TestExtractIsItsParts(t *testing.T) {
	a := seedArticle(t)
	res, err := offline.Extract(context.Background(), a, entities.Options{Reference: ref})
	if err != nil {
		t.Fatal(err)
	}
	r, err := ner.DefaultRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	want := r.Recognize(a)
	if len(want.Mentions) == 0 || len(want.Entities) == 0 {
		t.Fatal("the recognizer found nothing in the seed")
	}
	want.Quotes = quotes.Find(a, want)
	want.Dates = dates.FindDates(a, ref)
	if len(want.Quotes) == 0 || len(want.Dates) == 0 {
		t.Fatal("no quotes or dates in the seed")
	}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("Extract differs from its parts (-parts +Extract):\n%s", diff)
	}
}

// TestOwnMentions checks that a caller's own recognizer replaces the
// embedded one: its mentions name the speakers, and the embedded
// recognizer does not run (its mentions would be there otherwise).
func TestOwnMentions(t *testing.T) {
	src := "وقال المتحدث خالد العتيبي: «الوضع مستقر».\nوأضاف: «لا داعي للقلق»."
	a, err := article.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "خالد العتيبي")
	sp := article.Span{Start: at, End: at + len("خالد العتيبي")}
	mine := entities.ExtractorFunc(func(ctx context.Context, a *article.Article, in *entities.Result, _ entities.Options) (*entities.Result, error) {
		return entities.Merge(in, &entities.Result{
			Mentions: []entities.Mention{{Span: sp, Kind: entities.PER, Entity: 0}},
			Entities: []entities.Entity{{Kind: entities.PER, Name: "Khalid al-Otaibi", Country: "SA", Mentions: []article.Span{sp}}},
		}), nil
	})
	ex, err := offline.New(offline.Options{Entities: mine})
	if err != nil {
		t.Fatal(err)
	}
	res, err := entities.Extract(context.Background(), ex, a, entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Mentions) != 1 || len(res.Quotes) != 2 {
		t.Fatalf("got %d mentions and %d quotes, want 1 and 2: %+v", len(res.Mentions), len(res.Quotes), res)
	}
	for _, q := range res.Quotes {
		if s := q.Speaker(); s == nil || s.Name != "Khalid al-Otaibi" || s.Entity != 0 {
			t.Errorf("quote %q speaker = %+v, want Khalid al-Otaibi (entity 0)", a.Text(q.Span), s)
		}
	}
}

func TestExtractCanceled(t *testing.T) {
	a := seedArticle(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := offline.Extract(ctx, a, entities.Options{})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("Extract on a canceled context = %v, %v; want nil, context.Canceled", res, err)
	}
}

func TestExtractNilArticle(t *testing.T) {
	res, err := offline.Extract(context.Background(), nil, entities.Options{})
	if !errors.Is(err, entities.ErrNilArticle) || res != nil {
		t.Errorf("Extract(nil article) = %v, %v; want nil, ErrNilArticle", res, err)
	}
	// The parts are nil-safe too, as they document.
	if m, e := ner.FindEntities(nil); m != nil || e != nil {
		t.Errorf("FindEntities(nil) = %v, %v; want nil, nil", m, e)
	}
	if q, d := quotes.FindSpeech(nil, nil), dates.FindDates(nil, time.Time{}); q != nil || d != nil {
		t.Errorf("FindSpeech(nil), FindDates(nil) = %v, %v; want nil, nil", q, d)
	}
}

// BenchmarkQuotesAndDatesSeed measures quotes and dates together on the
// seed, entities found beforehand: the target is under 50 µs.
func BenchmarkQuotesAndDatesSeed(b *testing.B) {
	a := seedArticle(b)
	r, err := ner.DefaultRecognizer()
	if err != nil {
		b.Fatal(err)
	}
	res := r.Recognize(a)
	b.ReportAllocs()
	for b.Loop() {
		quotes.Find(a, res)
		dates.FindDates(a, ref)
	}
}

// BenchmarkExtractSeed measures the whole offline extraction of the
// parsed seed: entities, quotes and dates.
func BenchmarkExtractSeed(b *testing.B) {
	a := seedArticle(b)
	ex, err := offline.New(offline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	opts := entities.Options{Reference: ref}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := entities.Extract(ctx, ex, a, opts); err != nil {
			b.Fatal(err)
		}
	}
}
