// Package offline is the extraction pipeline that needs no network: the
// embedded recognizer, then quotations, then dates, each a step of an
// entities.Chain that the caller may replace or extend.
package offline

import (
	"context"
	"fmt"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/dates"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/entities/quotes"
)

// Options configure New. The zero Options gives the default pipeline.
type Options struct {
	// Recognizer finds entities; nil means ner.DefaultRecognizer. Use
	// ner.NewRecognizer for other options (no tagger, extra records), or
	// Entities for a recognizer of your own.
	Recognizer *ner.Recognizer
	// Entities, when not nil, replaces the recognizer step: any Extractor
	// that finds mentions, entities and role cues.
	Entities entities.Extractor
	// Speech adds reported speech without quotation marks (quotations of
	// kind Indirect; see quotes.FindSpeech).
	Speech bool
}

// New returns the offline pipeline: entities.Chain(recognizer,
// quotes.Finder, dates.Finder). It fails only when the embedded data of
// the default recognizer cannot be loaded.
func New(opts Options) (entities.Extractor, error) {
	first := opts.Entities
	if first == nil {
		r := opts.Recognizer
		if r == nil {
			var err error
			if r, err = ner.DefaultRecognizer(); err != nil {
				return nil, fmt.Errorf("offline: %w", err)
			}
		}
		first = r
	}
	return entities.Chain(first, quotes.Finder{Speech: opts.Speech}, dates.Finder{}), nil
}

// Extract runs the default pipeline on a: what New(Options{}) returns,
// started with an empty result.
func Extract(ctx context.Context, a *article.Article, opts entities.Options) (*entities.Result, error) {
	ex, err := New(Options{})
	if err != nil {
		return nil, err
	}
	return entities.Extract(ctx, ex, a, opts)
}
