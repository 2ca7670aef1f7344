package translate

import (
	"context"
	"fmt"
	"strconv"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"golang.org/x/text/language"
)

// TitleID is the segment ID that Article gives the title; paragraphs are
// "p1", "p2", ... in order (see ParagraphID).
const TitleID = "t"

// ParagraphID returns the segment ID of the i-th paragraph (from 0): "p1"
// for 0.
func ParagraphID(i int) string { return "p" + strconv.Itoa(i+1) }

// ArticleTranslation is an article's translation aligned to its source:
// the title and each paragraph with the span of its source text.
type ArticleTranslation struct {
	// Source and Target are the languages translated from and into.
	Source language.Tag `json:"source"`
	Target language.Tag `json:"target"`
	// Title is the translated title; Title.ID is "" when the article has
	// none.
	Title Part `json:"title"`
	// Paragraphs are the translated paragraphs, one per paragraph of the
	// article, in order.
	Paragraphs []Part `json:"paragraphs"`
	// Glossary reports glossary compliance (see CheckGlossary).
	Glossary []TermUse `json:"glossary,omitempty"`
}

// Part is one translated piece of an article.
type Part struct {
	// ID is the segment ID ("t", "p1", ...).
	ID string `json:"id"`
	// Span is the source text's span in the article's Source.
	Span article.Span `json:"span"`
	// Text is the translation.
	Text string `json:"text"`
}

// Article translates a's title and paragraphs into target with t, sending
// a glossary built from the linked entities in ents (see
// GlossaryFromEntities) plus the user's terms, which win over entity terms
// for the same source. It returns every paragraph, aligned, or an error;
// never a shorter article.
func Article(ctx context.Context, t Translator, a *article.Article, ents []entities.Entity, target language.Tag, glossary ...Term) (*ArticleTranslation, error) {
	req := ArticleRequest(a, ents, target, glossary...)
	resp, err := t.Translate(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := CheckResponse(req, resp); err != nil {
		return nil, err
	}
	out := &ArticleTranslation{Source: a.Lang, Target: target, Glossary: resp.Glossary}
	if out.Glossary == nil {
		out.Glossary = CheckGlossary(req, resp)
	}
	segs := resp.Segments
	if !a.Title.Empty() {
		out.Title = Part{ID: TitleID, Span: a.Title, Text: segs[0].Text}
		segs = segs[1:]
	}
	if len(segs) != len(a.Paragraphs) {
		return nil, fmt.Errorf("translate: %d paragraphs translated, want %d", len(segs), len(a.Paragraphs))
	}
	out.Paragraphs = make([]Part, len(segs))
	for i, p := range a.Paragraphs {
		out.Paragraphs[i] = Part{ID: segs[i].ID, Span: p.Span, Text: segs[i].Text}
	}
	return out, nil
}

// ArticleRequest returns the Request that Article sends for a.
func ArticleRequest(a *article.Article, ents []entities.Entity, target language.Tag, glossary ...Term) Request {
	req := Request{Source: a.Lang, Target: target,
		Glossary: mergeGlossary(GlossaryFromEntities(a, ents), glossary)}
	if !a.Title.Empty() {
		req.Segments = append(req.Segments, Segment{ID: TitleID, Text: a.Text(a.Title)})
	}
	for i, p := range a.Paragraphs {
		req.Segments = append(req.Segments, Segment{ID: ParagraphID(i), Text: a.Text(p.Span)})
	}
	return req
}
