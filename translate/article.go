package translate

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
)

// TitleID is the segment ID that Article gives the title; datelines are
// "d1", "d2", ... (see DatelineID) and paragraphs "p1", "p2", ... (see
// ParagraphID), in source order.
const TitleID = "t"

// ParagraphID returns the segment ID of the i-th paragraph (from 0): "p1"
// for 0.
func ParagraphID(i int) string { return "p" + strconv.Itoa(i+1) }

// DatelineID returns the segment ID of the i-th dateline (from 0): "d1"
// for 0.
func DatelineID(i int) string { return "d" + strconv.Itoa(i+1) }

// ArticleTranslation is an article's translation aligned to its source:
// the title, the datelines (datelines, bylines, dates and credits) and each
// paragraph with the span of its source text.
type ArticleTranslation struct {
	// Source and Target are the languages translated from and into.
	Source language.Tag `json:"source"`
	Target language.Tag `json:"target"`
	// Title is the translated title; Title.ID is "" when the article has
	// none.
	Title Part `json:"title"`
	// Datelines are the translated datelines («القاهرة - أ ف ب», "By Jane
	// Doe", a date line), one per dateline of the article, in order.
	Datelines []Part `json:"datelines"`
	// Paragraphs are the translated paragraphs, one per paragraph of the
	// article, in order.
	Paragraphs []Part `json:"paragraphs"`
	// Glossary reports glossary compliance (see CheckGlossary).
	Glossary []TermUse `json:"glossary,omitempty"`
}

// Parts returns the title (when there is one), the datelines and the
// paragraphs in the order of their source text.
func (t *ArticleTranslation) Parts() []Part {
	var out []Part
	if t.Title.ID != "" {
		out = append(out, t.Title)
	}
	out = append(out, t.Datelines...)
	out = append(out, t.Paragraphs...)
	slices.SortStableFunc(out, func(a, b Part) int { return a.Span.Start - b.Span.Start })
	return out
}

// Part is one translated piece of an article.
type Part struct {
	// ID is the segment ID ("t", "d1", "p1", ...).
	ID string `json:"id"`
	// Span is the source text's span in the article's Source.
	Span article.Span `json:"span"`
	// Text is the translation.
	Text string `json:"text"`
}

// Article translates a's title, datelines and paragraphs into target with
// t, with the glossary terms given (an earlier term wins over a later one
// for the same source; khabar.Glossary builds terms from an article's
// linked entities). It returns every part, aligned, or an error; never a
// shorter article.
func Article(ctx context.Context, t Translator, a *article.Article, target language.Tag, glossary ...Term) (*ArticleTranslation, error) {
	req := ArticleRequest(a, target, glossary...)
	resp, err := t.Translate(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := CheckResponse(req, resp); err != nil {
		return nil, err
	}
	out := &ArticleTranslation{Source: a.Lang, Target: target, Glossary: resp.Glossary,
		Datelines: []Part{}, Paragraphs: []Part{}}
	if out.Glossary == nil {
		out.Glossary = CheckGlossary(req, resp)
	}
	parts := articleParts(a)
	if len(parts) != len(resp.Segments) {
		return nil, fmt.Errorf("translate: %d parts translated, want %d", len(resp.Segments), len(parts))
	}
	for i, p := range parts {
		p.Text = resp.Segments[i].Text
		switch p.ID[0] {
		case 't':
			out.Title = p
		case 'd':
			out.Datelines = append(out.Datelines, p)
		default:
			out.Paragraphs = append(out.Paragraphs, p)
		}
	}
	return out, nil
}

// articleParts returns the title, datelines and paragraphs of a with their
// IDs and spans, in source order.
func articleParts(a *article.Article) []Part {
	parts := make([]Part, 0, 1+len(a.Datelines)+len(a.Paragraphs))
	if !a.Title.Empty() {
		parts = append(parts, Part{ID: TitleID, Span: a.Title})
	}
	for i, d := range a.Datelines {
		parts = append(parts, Part{ID: DatelineID(i), Span: d})
	}
	for i, p := range a.Paragraphs {
		parts = append(parts, Part{ID: ParagraphID(i), Span: p.Span})
	}
	slices.SortStableFunc(parts, func(x, y Part) int { return x.Span.Start - y.Span.Start })
	return parts
}

// ArticleRequest returns the Request that Article sends for a: one segment
// per part, in source order.
func ArticleRequest(a *article.Article, target language.Tag, glossary ...Term) Request {
	req := Request{Source: a.Lang, Target: target, Glossary: uniqueTerms(glossary)}
	for _, p := range articleParts(a) {
		req.Segments = append(req.Segments, Segment{ID: p.ID, Text: a.Text(p.Span)})
	}
	return req
}
