package entities

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/khabar-go/khabar/article"
)

// Result is what extraction finds in one article. All spans point into the
// article's Source, and every list is sorted by span start (Entities by
// their first mention).
type Result struct {
	Mentions []Mention `json:"mentions"`
	Entities []Entity  `json:"entities"`
	// Roles are the title and role cues of the article («الرئيس الروسي»,
	// «وزير الخارجية», "President") and whom each refers to. Quotes read
	// them to name a speaker given by role.
	Roles  []RoleCue     `json:"roles"`
	Quotes []Quote       `json:"quotes"`
	Dates  []DateMention `json:"dates"`
}

// Clone returns a copy of r that shares no slice with it (the strings are
// shared; they are immutable). A nil r gives an empty Result.
func (r *Result) Clone() *Result {
	if r == nil {
		return &Result{}
	}
	out := &Result{
		Mentions: slices.Clone(r.Mentions),
		Entities: slices.Clone(r.Entities),
		Roles:    slices.Clone(r.Roles),
		Quotes:   slices.Clone(r.Quotes),
		Dates:    slices.Clone(r.Dates),
	}
	for i := range out.Entities {
		e := &out.Entities[i]
		e.Mentions = slices.Clone(e.Mentions)
		if e.Coord != nil {
			c := *e.Coord
			e.Coord = &c
		}
	}
	for i := range out.Quotes {
		out.Quotes[i].Speakers = slices.Clone(out.Quotes[i].Speakers)
	}
	return out
}

// Options tune one extraction. The zero Options is valid.
type Options struct {
	// Reference is the date that relative and yearless dates are resolved
	// against, usually the article's publication date. The zero time means
	// there is none: such dates keep the precision they were written with.
	Reference time.Time
}

// Extractor is one step of extraction: it finds entities, quotes or dates
// in an article and returns them together with what earlier steps found.
//
// in holds the earlier steps' result; it is never nil (an empty Result for
// the first step) and must not be modified: an Extractor returns a new
// Result (see Clone and Merge). A step that needs what an earlier one
// finds (quotes need mentions and roles to name speakers) reads it from
// in, so a caller's own mentions reach it without any step running again.
//
// Implementations must be safe for concurrent use, must not modify the
// article, and must return ctx.Err() (wrapped) soon after ctx is done.
// The entitiestest package checks an implementation against this contract.
type Extractor interface {
	Extract(ctx context.Context, a *article.Article, in *Result, opts Options) (*Result, error)
}

// ExtractorFunc adapts an ordinary function to the Extractor interface.
type ExtractorFunc func(ctx context.Context, a *article.Article, in *Result, opts Options) (*Result, error)

// Extract calls f(ctx, a, in, opts).
func (f ExtractorFunc) Extract(ctx context.Context, a *article.Article, in *Result, opts Options) (*Result, error) {
	return f(ctx, a, in, opts)
}

// Chain returns an Extractor that runs steps in order, each seeing the
// result of the ones before it: Chain(recognizer, quotes, dates) is the
// offline pipeline, and appending an LLM-backed step adds what the model
// finds. A nil step is an error when the chain runs.
func Chain(steps ...Extractor) Extractor {
	steps = slices.Clone(steps)
	return ExtractorFunc(func(ctx context.Context, a *article.Article, in *Result, opts Options) (*Result, error) {
		if in == nil {
			in = &Result{}
		}
		r := in
		for i, s := range steps {
			if s == nil {
				return nil, fmt.Errorf("entities: chain step %d is nil", i)
			}
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("entities: %w", err)
			}
			next, err := s.Extract(ctx, a, r, opts)
			if err != nil {
				return nil, err
			}
			if next == nil {
				return nil, fmt.Errorf("entities: chain step %d returned no result", i)
			}
			r = next
		}
		if r == in {
			r = in.Clone()
		}
		return r, nil
	})
}

// Extract runs ex on a with an empty starting result.
func Extract(ctx context.Context, ex Extractor, a *article.Article, opts Options) (*Result, error) {
	if ex == nil {
		return nil, errors.New("entities: nil extractor")
	}
	if a == nil {
		return nil, ErrNilArticle
	}
	return ex.Extract(ctx, a, &Result{}, opts)
}

// ErrNilArticle is returned by extractors given a nil article.
var ErrNilArticle = errors.New("entities: nil article")

// Merge returns base plus what add finds that base does not have: add's
// mentions that overlap none of base's (with their entities), quotes that
// overlap none of base's quotes, dates that overlap none of base's dates,
// and role cues that overlap none of base's roles. Indexes are remapped
// and every list sorted again. Neither argument is modified; either may be
// nil.
//
// Merge is how a step adds to the result so far, and how an LLM-backed
// extractor's findings join the offline ones.
func Merge(base, add *Result) *Result {
	out := base.Clone()
	if add == nil {
		return out
	}
	// Entities of add that keep at least one mention, renumbered after
	// base's.
	newIndex := make([]int, len(add.Entities))
	for i := range newIndex {
		newIndex[i] = -1
	}
	taken := spansOf(out.Mentions, func(m Mention) article.Span { return m.Span })
	for _, m := range add.Mentions {
		if overlapsAny(taken, m.Span) {
			continue
		}
		if m.Entity >= 0 && m.Entity < len(add.Entities) {
			if newIndex[m.Entity] < 0 {
				e := add.Entities[m.Entity]
				e.Mentions = nil
				if e.Coord != nil {
					c := *e.Coord
					e.Coord = &c
				}
				newIndex[m.Entity] = len(out.Entities)
				out.Entities = append(out.Entities, e)
			}
			k := newIndex[m.Entity]
			out.Entities[k].Mentions = append(out.Entities[k].Mentions, m.Span)
			m.Entity = k
		} else {
			m.Entity = -1
		}
		out.Mentions = append(out.Mentions, m)
	}
	remap := func(i int) int {
		if i >= 0 && i < len(newIndex) {
			return newIndex[i]
		}
		return -1
	}
	roles := spansOf(out.Roles, func(r RoleCue) article.Span { return r.Span })
	for _, rc := range add.Roles {
		if !overlapsAny(roles, rc.Span) {
			rc.Entity = remap(rc.Entity)
			out.Roles = append(out.Roles, rc)
		}
	}
	quotes := spansOf(out.Quotes, func(q Quote) article.Span { return q.Span })
	for _, q := range add.Quotes {
		if overlapsAny(quotes, q.Span) {
			continue
		}
		q.Speakers = slices.Clone(q.Speakers)
		for i := range q.Speakers {
			q.Speakers[i].Entity = remap(q.Speakers[i].Entity)
		}
		out.Quotes = append(out.Quotes, q)
	}
	dates := spansOf(out.Dates, func(d DateMention) article.Span { return d.Span })
	for _, d := range add.Dates {
		if !overlapsAny(dates, d.Span) {
			out.Dates = append(out.Dates, d)
		}
	}
	out.Sort()
	return out
}

// Sort puts every list of r in order: mentions, roles, quotes and dates by
// span, each entity's mentions by span, and entities by their first
// mention, with every entity index remapped.
func (r *Result) Sort() {
	bySpan := func(a, b article.Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) }
	for i := range r.Entities {
		slices.SortFunc(r.Entities[i].Mentions, bySpan)
	}
	order := make([]int, len(r.Entities))
	for i := range order {
		order[i] = i
	}
	first := func(i int) int {
		if m := r.Entities[i].Mentions; len(m) > 0 {
			return m[0].Start
		}
		return int(^uint(0) >> 1)
	}
	slices.SortStableFunc(order, func(a, b int) int { return first(a) - first(b) })
	newIndex := make([]int, len(order))
	ents := make([]Entity, len(order))
	for to, from := range order {
		newIndex[from] = to
		ents[to] = r.Entities[from]
	}
	r.Entities = ents
	remap := func(i int) int {
		if i >= 0 && i < len(newIndex) {
			return newIndex[i]
		}
		return -1
	}
	for i := range r.Mentions {
		r.Mentions[i].Entity = remap(r.Mentions[i].Entity)
	}
	for i := range r.Roles {
		r.Roles[i].Entity = remap(r.Roles[i].Entity)
	}
	for i := range r.Quotes {
		for j := range r.Quotes[i].Speakers {
			r.Quotes[i].Speakers[j].Entity = remap(r.Quotes[i].Speakers[j].Entity)
		}
	}
	slices.SortStableFunc(r.Mentions, func(a, b Mention) int { return bySpan(a.Span, b.Span) })
	slices.SortStableFunc(r.Roles, func(a, b RoleCue) int { return bySpan(a.Span, b.Span) })
	slices.SortStableFunc(r.Quotes, func(a, b Quote) int { return bySpan(a.Span, b.Span) })
	slices.SortStableFunc(r.Dates, func(a, b DateMention) int { return bySpan(a.Span, b.Span) })
}

// spanIndex answers "does this span overlap one of mine?" in O(log n):
// the spans sorted by start, and the greatest end among each prefix.
type spanIndex struct {
	spans  []article.Span
	maxEnd []int
}

func spansOf[T any](xs []T, span func(T) article.Span) *spanIndex {
	ix := &spanIndex{spans: make([]article.Span, len(xs)), maxEnd: make([]int, len(xs))}
	for i, x := range xs {
		ix.spans[i] = span(x)
	}
	slices.SortFunc(ix.spans, func(a, b article.Span) int { return a.Start - b.Start })
	m := -1
	for i, s := range ix.spans {
		m = max(m, s.End)
		ix.maxEnd[i] = m
	}
	return ix
}

// overlapsAny reports whether s shares a byte with a span of ix.
func overlapsAny(ix *spanIndex, s article.Span) bool {
	// The spans that start before s ends.
	n, _ := slices.BinarySearchFunc(ix.spans, s.End, func(t article.Span, end int) int {
		if t.Start < end {
			return -1
		}
		return 1
	})
	return n > 0 && ix.maxEnd[n-1] > s.Start
}

// AddQuotes adds to r the quotations of qs that overlap none of r's, and
// sorts r again. Speakers' entity indexes must refer to r.Entities.
func (r *Result) AddQuotes(qs ...Quote) {
	have := spansOf(r.Quotes, func(q Quote) article.Span { return q.Span })
	for _, q := range qs {
		if !overlapsAny(have, q.Span) {
			r.Quotes = append(r.Quotes, q)
		}
	}
	r.Sort()
}

// AddDates adds to r the date mentions of ds that overlap none of r's, and
// sorts r again.
func (r *Result) AddDates(ds ...DateMention) {
	have := spansOf(r.Dates, func(d DateMention) article.Span { return d.Span })
	for _, d := range ds {
		if !overlapsAny(have, d.Span) {
			r.Dates = append(r.Dates, d)
		}
	}
	r.Sort()
}
