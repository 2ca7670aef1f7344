package entities

import (
	"context"
	"time"

	"github.com/khabar-go/khabar/article"
)

// Result is what an Extractor finds in one article. All spans point into
// the article's Source, and every list is sorted by span start.
type Result struct {
	Mentions []Mention
	Entities []Entity
	Quotes   []Quote
	Dates    []DateMention
}

// Options tune one extraction. The zero Options is valid.
type Options struct {
	// Reference is the date that relative and yearless dates are resolved
	// against, usually the article's publication date. The zero time means
	// there is none: such dates keep the precision they were written with.
	Reference time.Time
}

// Extractor finds entities, quotes and dates in an article. Implementations
// must be safe for concurrent use and must not modify the article.
type Extractor interface {
	Extract(ctx context.Context, a *article.Article, opts Options) (*Result, error)
}

// ExtractorFunc adapts an ordinary function to the Extractor interface.
type ExtractorFunc func(ctx context.Context, a *article.Article, opts Options) (*Result, error)

// Extract calls f(ctx, a, opts).
func (f ExtractorFunc) Extract(ctx context.Context, a *article.Article, opts Options) (*Result, error) {
	return f(ctx, a, opts)
}
