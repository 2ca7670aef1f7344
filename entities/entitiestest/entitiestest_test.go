package entitiestest_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/entitiestest"
	"github.com/khabar-go/khabar/entities/offline"
)

// good is the offline pipeline, which keeps the contract.
func good(t testing.TB) entities.Extractor {
	ex, err := offline.New(offline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestOfflinePasses(t *testing.T) {
	entitiestest.Run(t, func(t *testing.T) entities.Extractor { return good(t) })
}

// wrap returns an extractor that runs the offline pipeline and then
// breaks its result with f.
func wrap(ex entities.Extractor, f func(a *article.Article, r *entities.Result)) entities.Extractor {
	return entities.ExtractorFunc(func(ctx context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
		r, err := ex.Extract(ctx, a, in, opts)
		if err == nil {
			f(a, r)
		}
		return r, err
	})
}

// TestCatchesBroken checks that each rule catches an extractor broken in
// that rule.
func TestCatchesBroken(t *testing.T) {
	ex := good(t)
	n := 0
	broken := map[entitiestest.Rule]entities.Extractor{
		entitiestest.Spans: wrap(ex, func(a *article.Article, r *entities.Result) {
			r.Mentions[0].Span.End = len(a.Source) + 1
		}),
		entitiestest.Kinds: wrap(ex, func(_ *article.Article, r *entities.Result) { r.Mentions[0].Kind = 9 }),
		entitiestest.Indexes: wrap(ex, func(_ *article.Article, r *entities.Result) {
			r.Mentions[len(r.Mentions)-1].Entity = len(r.Entities)
		}),
		entitiestest.Terms: wrap(ex, func(_ *article.Article, r *entities.Result) {
			r.Quotes = append(r.Quotes, entities.Quote{Span: r.Quotes[0].Span, Kind: entities.Term, Speakers: []entities.Speaker{{Kind: entities.Person, Entity: -1}}})
			r.Quotes = r.Quotes[len(r.Quotes)-1:]
		}),
		entitiestest.Prior: entities.ExtractorFunc(func(ctx context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
			return ex.Extract(ctx, a, &entities.Result{}, opts)
		}),
		entitiestest.Context: entities.ExtractorFunc(func(_ context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
			return ex.Extract(context.Background(), a, in, opts)
		}),
		entitiestest.NoMutation: entities.ExtractorFunc(func(ctx context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
			if a != nil && len(a.Paragraphs) > 1 {
				a.Paragraphs = a.Paragraphs[:1]
			}
			return ex.Extract(ctx, a, in, opts)
		}),
		entitiestest.NilArticle: entities.ExtractorFunc(func(ctx context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
			if a == nil {
				return &entities.Result{}, nil
			}
			return ex.Extract(ctx, a, in, opts)
		}),
		entitiestest.Deterministic: wrap(ex, func(_ *article.Article, r *entities.Result) {
			n++
			if n%2 == 0 {
				r.Dates = nil
			}
		}),
		entitiestest.Concurrent: func() entities.Extractor {
			// Shared state that changes the result once calls overlap
			// (atomic, so that -race runs of this test stay clean).
			var calls atomic.Int32
			return wrap(ex, func(_ *article.Article, r *entities.Result) {
				if calls.Add(1) > 1 {
					r.Quotes = nil
				}
			})
		}(),
	}
	if len(broken) != len(entitiestest.Rules) {
		t.Fatalf("%d broken extractors for %d rules", len(broken), len(entitiestest.Rules))
	}
	for _, rule := range entitiestest.Rules {
		t.Run(string(rule), func(t *testing.T) {
			err := entitiestest.CheckRule(context.Background(), broken[rule], rule)
			var f *entitiestest.Failure
			if !errors.As(err, &f) || f.Rule != rule {
				t.Errorf("CheckRule(%s) on an extractor broken in it = %v, want a %s failure", rule, err, rule)
			}
		})
	}
	// Check joins the failures of every rule.
	err := entitiestest.Check(context.Background(), broken[entitiestest.Kinds])
	var f *entitiestest.Failure
	if !errors.As(err, &f) || f.Rule != entitiestest.Kinds {
		t.Errorf("Check(broken kinds) = %v, want a Kinds failure among its errors", err)
	}
	if !slices.Contains(entitiestest.Rules, entitiestest.Concurrent) {
		t.Error("Rules lacks Concurrent")
	}
}
