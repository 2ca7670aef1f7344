package entities

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
)

func TestOfflineExtract(t *testing.T) {
	a, mentions, ents := seedArticle(t)
	ref := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	res, err := Offline{}.Extract(context.Background(), a, Options{Reference: ref})
	if err != nil {
		t.Fatal(err)
	}
	// Extract is the sum of its parts: the same mentions, entities, quotes
	// and dates as the functions it calls.
	if len(mentions) == 0 || len(ents) == 0 {
		t.Fatal("FindEntities found nothing in the seed")
	}
	if diff := cmp.Diff(mentions, res.Mentions); diff != "" {
		t.Errorf("Extract mentions differ from FindEntities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ents, res.Entities); diff != "" {
		t.Errorf("Extract entities differ from FindEntities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(FindQuotes(a, mentions, ents), res.Quotes); diff != "" {
		t.Errorf("Extract quotes differ from FindQuotes (-want +got):\n%s", diff)
	}
	dates := FindDates(a, ref)
	if len(res.Dates) != len(dates) {
		t.Fatalf("Extract found %d dates, FindDates %d", len(res.Dates), len(dates))
	}
	for i := range dates {
		if res.Dates[i] != dates[i] {
			t.Errorf("date %d: Extract %+v, FindDates %+v", i, res.Dates[i], dates[i])
		}
	}
}

func TestOfflineExtractCanceled(t *testing.T) {
	a, _, _ := seedArticle(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Offline{}.Extract(ctx, a, Options{})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("Extract on a canceled context = %v, %v; want nil, context.Canceled", res, err)
	}
	if err != nil && !strings.HasPrefix(err.Error(), "entities: ") {
		t.Errorf("Extract error %q has no package prefix", err)
	}
}

func TestOfflineExtractNilArticle(t *testing.T) {
	res, err := Offline{}.Extract(context.Background(), nil, Options{})
	if err == nil || res != nil {
		t.Errorf("Extract(nil article) = %v, %v; want nil and an error", res, err)
	}
	// The parts are nil-safe too, as FindDates and FindQuotes document.
	if m, e := FindEntities(nil); m != nil || e != nil {
		t.Errorf("FindEntities(nil) = %v, %v; want nil, nil", m, e)
	}
	if got := ResolveRole(nil, nil, article.Span{}); got != -1 {
		t.Errorf("ResolveRole(nil, ...) = %d, want -1", got)
	}
	if q, d := FindSpeech(nil, nil, nil), FindDates(nil, time.Time{}); q != nil || d != nil {
		t.Errorf("FindSpeech(nil), FindDates(nil) = %v, %v; want nil, nil", q, d)
	}
}

// BenchmarkQuotesAndDatesSeed measures quotes and dates together on the
// seed, entities found beforehand: the target is under 50 µs.
func BenchmarkQuotesAndDatesSeed(b *testing.B) {
	a, mentions, ents := seedArticle(b)
	ref := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		FindQuotes(a, mentions, ents)
		FindDates(a, ref)
	}
}

// BenchmarkOfflineExtractSeed measures the whole offline extraction of the
// parsed seed: entities, quotes and dates.
func BenchmarkOfflineExtractSeed(b *testing.B) {
	a, _, _ := seedArticle(b)
	ctx := context.Background()
	opts := Options{Reference: time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Offline{}).Extract(ctx, a, opts); err != nil {
			b.Fatal(err)
		}
	}
}
