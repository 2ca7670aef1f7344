package entities

import (
	"context"
	"errors"
	"testing"
	"time"
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
	if len(res.Mentions) != len(mentions) || len(res.Entities) != len(ents) {
		t.Errorf("Extract found %d mentions and %d entities, FindEntities %d and %d",
			len(res.Mentions), len(res.Entities), len(mentions), len(ents))
	}
	if got, want := len(res.Quotes), len(FindQuotes(a, mentions, ents)); got != want {
		t.Errorf("Extract found %d quotes, FindQuotes %d", got, want)
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
