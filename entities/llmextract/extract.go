package llmextract

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

var _ entities.Extractor = (*Extractor)(nil)

// Extract implements entities.Extractor: it finds (see Find) and adds the
// findings to in as Options.Mode says. Entities the model names are not
// linked to records (their ID is empty; Name is the model's English name);
// a further mention of an entity in in joins that entity. A quotation's
// speaker is the entity whose mention the speaker's text is, when there is
// one. Date values are read with entities.ParseDate; a value that does not
// read drops the date.
func (x *Extractor) Extract(ctx context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
	if a == nil {
		return nil, fmt.Errorf("llmextract: %w", entities.ErrNilArticle)
	}
	f, err := x.Find(ctx, a, opts.Reference)
	if err != nil {
		return nil, err
	}
	out := compose(a, in, f, x.opts.Mode)
	if x.opts.OnFindings != nil {
		x.opts.OnFindings(f)
	}
	return out, nil
}

// compose returns in plus the findings of f that mode lets in; the others
// go to f.Dropped.
func compose(a *article.Article, in *entities.Result, f *Findings, mode Mode) *entities.Result {
	out := in.Clone()
	drop := func(it Item, reason string) {
		it.Reason = reason
		f.Dropped = append(f.Dropped, it)
	}
	// The entity each mention text of in names, by key.
	known := map[string]int{}
	for _, m := range out.Mentions {
		if k := article.Key(a.Text(m.Span)); m.Entity >= 0 {
			if _, ok := known[k]; !ok {
				known[k] = m.Entity
			}
		}
	}
	overlaps := func(spans []article.Span, sp article.Span) bool {
		for _, s := range spans {
			if s.Overlaps(sp) {
				return true
			}
		}
		return false
	}
	taken := make([]article.Span, 0, len(out.Mentions))
	for _, m := range out.Mentions {
		taken = append(taken, m.Span)
	}
	added := map[[2]string]int{} // kind and name of the model's entities -> index
	for _, it := range f.Items {
		if it.Type != EntityItem || overlaps(taken, it.Span) {
			continue
		}
		idx, ok := known[article.Key(a.Text(it.Span))]
		if !ok && mode == Corroborated {
			drop(it, "no earlier step found this entity")
			continue
		}
		if !ok {
			var kind entities.Kind
			if kind.UnmarshalText([]byte(it.Kind)) != nil {
				kind = entities.MISC
			}
			name := cmp.Or(it.Name, a.Text(it.Span))
			key := [2]string{kind.String(), name}
			if idx, ok = added[key]; !ok {
				idx = len(out.Entities)
				added[key] = idx
				out.Entities = append(out.Entities, entities.Entity{Kind: kind, Name: name})
			}
		}
		out.Mentions = append(out.Mentions, entities.Mention{Span: it.Span, Kind: out.Entities[idx].Kind, Entity: idx})
		out.Entities[idx].Mentions = append(out.Entities[idx].Mentions, it.Span)
		taken = append(taken, it.Span)
	}

	quotes := make([]article.Span, 0, len(out.Quotes))
	for _, q := range out.Quotes {
		quotes = append(quotes, q.Span)
	}
	for _, it := range f.Items {
		if it.Type != QuoteItem || overlaps(quotes, it.Span) {
			continue
		}
		q := entities.Quote{Span: it.Span, Kind: entities.Direct}
		if it.Kind == "partial" {
			q.Kind = entities.Partial
		}
		if it.SpeakerStatus != Unaligned {
			q.Speakers = []entities.Speaker{speaker(a, out, it.SpeakerSpan)}
		}
		if mode == Corroborated && (len(q.Speakers) == 0 || q.Speakers[0].Entity < 0) {
			drop(it, "no earlier step found the speaker")
			continue
		}
		out.Quotes = append(out.Quotes, q)
		quotes = append(quotes, it.Span)
	}

	dates := make([]article.Span, 0, len(out.Dates))
	for _, d := range out.Dates {
		dates = append(dates, d.Span)
	}
	for _, it := range f.Items {
		if it.Type != DateItem {
			continue
		}
		v, err := entities.ParseDate(it.Value)
		if err != nil || v.Precision == 0 {
			drop(it, fmt.Sprintf("date value %q does not read", it.Value))
			continue
		}
		if overlaps(dates, it.Span) {
			continue
		}
		if mode == Corroborated {
			drop(it, "no earlier step found this date")
			continue
		}
		out.Dates = append(out.Dates, entities.DateMention{Span: it.Span, Value: v})
		dates = append(dates, it.Span)
	}
	slices.SortStableFunc(f.Dropped, func(p, q Item) int { return p.Span.Start - q.Span.Start })
	out.Sort()
	return out
}

// speaker returns the speaker whose text is at sp: the entity of the
// mention that overlaps it, or a description.
func speaker(a *article.Article, r *entities.Result, sp article.Span) entities.Speaker {
	s := entities.Speaker{Kind: entities.Description, Span: sp, Entity: -1, Name: a.Text(sp)}
	for _, m := range r.Mentions {
		if !m.Span.Overlaps(sp) || m.Entity < 0 {
			continue
		}
		e := r.Entities[m.Entity]
		s.Span, s.Entity, s.Name = m.Span, m.Entity, e.Name
		switch e.Kind {
		case entities.PER:
			s.Kind = entities.Person
		case entities.ORG, entities.LOC:
			s.Kind = entities.Organisation
		}
		break
	}
	return s
}
