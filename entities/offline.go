package entities

import (
	"context"

	"github.com/khabar-go/khabar/article"
)

// Offline is the offline Extractor: the embedded gazetteers and tagger for
// entities, speech cues for quotes, and the calendar rules for dates. It
// needs no network. The zero Offline is ready to use and safe for
// concurrent use.
type Offline struct{}

// Extract finds the mentions, entities, quotes and dates of a. It fails only
// when ctx is done.
func (Offline) Extract(ctx context.Context, a *article.Article, opts Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	mentions, ents := FindEntities(a)
	return &Result{
		Mentions: mentions,
		Entities: ents,
		Quotes:   FindQuotes(a, mentions, ents),
		Dates:    FindDates(a, opts.Reference),
	}, nil
}
