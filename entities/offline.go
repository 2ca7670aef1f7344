package entities

import (
	"context"
	"errors"
	"fmt"

	"github.com/khabar-go/khabar/article"
)

// Offline is the offline Extractor: the embedded gazetteers and tagger for
// entities, speech cues for quotes, and the calendar rules for dates. It
// needs no network. The zero Offline is ready to use and safe for
// concurrent use.
type Offline struct{}

// Extract finds the mentions, entities, quotes and dates of a. It fails
// when ctx is done (the error wraps ctx.Err()), when a is nil, or when the
// embedded data cannot be loaded (see DefaultRecognizer).
func (Offline) Extract(ctx context.Context, a *article.Article, opts Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	if a == nil {
		return nil, errors.New("entities: nil article")
	}
	r, err := DefaultRecognizer()
	if err != nil {
		return nil, err
	}
	res := r.Recognize(a)
	// FindQuotes, with res for the role speakers it has to look up, so
	// that the article is not recognised twice.
	return &Result{
		Mentions: res.Mentions,
		Entities: res.Entities,
		Quotes:   findQuotes(a, res.Mentions, res.Entities, false, res),
		Dates:    FindDates(a, opts.Reference),
	}, nil
}
