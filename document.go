package khabar

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/summarize"
)

// Analyzer runs the whole offline pipeline on one article: parsing,
// extraction and an extractive summary. The zero Analyzer uses the offline
// defaults of each package. An Analyzer is safe for concurrent use if its
// Extractor and Summarizer are.
type Analyzer struct {
	// Parser parses the text; the zero Parser uses the defaults.
	Parser article.Parser
	// Extractor finds entities, quotes and dates; nil means the offline
	// extractor of package entities.
	Extractor entities.Extractor
	// Summarizer writes the summary; nil means the offline extractive
	// summarizer with its default budget.
	Summarizer summarize.Summarizer
}

// Document is one analysed article. Its JSON encoding is the object of the
// command-line contract (DESIGN.md): every list present, spans as [start, end]
// byte offsets into Article.Source.
type Document struct {
	// ID is the caller's identifier for the article; it may be empty.
	ID string
	// Article is the parsed article.
	Article *article.Article
	// Extraction holds entities, mentions, quotes and dates.
	Extraction *entities.Result
	// Summary is the extractive summary; nil when there is none.
	Summary *summarize.Summary
}

// Analyze parses text and extracts from it. ref is the reference date for
// relative and yearless dates, usually the publication date; the zero time
// means none. A parse error is returned as is (see package article for its
// types); an extraction or summary error is wrapped.
func (an *Analyzer) Analyze(ctx context.Context, text string, ref time.Time) (*Document, error) {
	a, err := an.Parser.Parse(text)
	if err != nil {
		return nil, err
	}
	return an.AnalyzeArticle(ctx, a, ref)
}

// AnalyzeArticle extracts from an article already parsed.
func (an *Analyzer) AnalyzeArticle(ctx context.Context, a *article.Article, ref time.Time) (*Document, error) {
	ex := an.Extractor
	if ex == nil {
		ex = entities.Offline{}
	}
	res, err := ex.Extract(ctx, a, entities.Options{Reference: ref})
	if err != nil {
		return nil, fmt.Errorf("khabar: extract: %w", err)
	}
	doc := &Document{Article: a, Extraction: res}
	if len(a.Paragraphs) == 0 {
		return doc, nil
	}
	sum := an.Summarizer
	if sum == nil {
		sum = summarize.Extractive{}
	}
	s, err := sum.Summarize(ctx, summarize.Request{Article: a})
	if err != nil {
		return nil, fmt.Errorf("khabar: summarize: %w", err)
	}
	doc.Summary = s
	return doc, nil
}

type jsonText struct {
	Span article.Span `json:"span"`
	Text string       `json:"text"`
}

type jsonParagraph struct {
	Span      article.Span   `json:"span"`
	Sentences []article.Span `json:"sentences"`
	HTML      *article.Span  `json:"html,omitempty"` // a page's paragraphs: the span in the page
}

type jsonEntity struct {
	Kind     entities.Kind   `json:"kind"`
	Name     string          `json:"name"`
	Country  string          `json:"country"`
	Wikidata string          `json:"wikidata,omitempty"`
	Linked   bool            `json:"linked"`
	Coord    *entities.Coord `json:"coord,omitempty"`
	Mentions []article.Span  `json:"mentions"`
}

type jsonMention struct {
	Span   article.Span  `json:"span"`
	Text   string        `json:"text"`
	Kind   entities.Kind `json:"kind"`
	Entity int           `json:"entity"`
}

type jsonSpeaker struct {
	Name   string        `json:"name"`
	Entity int           `json:"entity"`
	Span   *article.Span `json:"span,omitempty"`
}

type jsonQuote struct {
	Span    article.Span       `json:"span"`
	Text    string             `json:"text"`
	Kind    entities.QuoteKind `json:"kind"`
	Speaker *jsonSpeaker       `json:"speaker"`
	Cue     *article.Span      `json:"cue,omitempty"`
}

type jsonDate struct {
	Span      article.Span       `json:"span"`
	Text      string             `json:"text"`
	Value     string             `json:"value"`
	Precision entities.Precision `json:"precision"`
	// End is the last day of a range of days, when the expression is one.
	End string `json:"end,omitempty"`
}

type jsonSummary struct {
	Sentences []article.Span `json:"sentences"`
}

type jsonDocument struct {
	ID         string            `json:"id"`
	Lang       string            `json:"lang"`
	Dir        article.Direction `json:"dir"`
	Title      *jsonText         `json:"title"`
	Datelines  []jsonText        `json:"datelines"`
	Paragraphs []jsonParagraph   `json:"paragraphs"`
	Duplicates []article.Span    `json:"duplicates"`
	Entities   []jsonEntity      `json:"entities"`
	Mentions   []jsonMention     `json:"mentions"`
	Quotes     []jsonQuote       `json:"quotes"`
	Dates      []jsonDate        `json:"dates"`
	Summary    jsonSummary       `json:"summary"`
	Text       string            `json:"text,omitempty"` // a page's: the text spans index
	Page       *jsonPage         `json:"page,omitempty"`
}

// orEmpty returns s, or an empty slice when s is nil: the contract's lists
// are always present.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// MarshalJSON encodes d as the command-line tool's JSON object.
func (d *Document) MarshalJSON() ([]byte, error) {
	a := d.Article
	if a == nil {
		return nil, fmt.Errorf("khabar: document %q has no article", d.ID)
	}
	src := a.Source
	var bad error // the first span out of range, from a faulty Extractor
	text := func(s article.Span) string {
		if s.Start < 0 || s.Start > s.End || s.End > len(src) {
			if bad == nil {
				bad = fmt.Errorf("khabar: document %q: span %v is out of range for %d bytes of source", d.ID, s, len(src))
			}
			return ""
		}
		return src[s.Start:s.End]
	}
	out := jsonDocument{
		ID:         d.ID,
		Lang:       a.Lang.String(),
		Dir:        a.Dir,
		Datelines:  make([]jsonText, 0, len(a.Datelines)),
		Paragraphs: make([]jsonParagraph, 0, len(a.Paragraphs)),
		Duplicates: orEmpty(a.Duplicates),
		Entities:   []jsonEntity{},
		Mentions:   []jsonMention{},
		Quotes:     []jsonQuote{},
		Dates:      []jsonDate{},
		Summary:    jsonSummary{Sentences: []article.Span{}},
	}
	if !a.Title.Empty() {
		out.Title = &jsonText{Span: a.Title, Text: text(a.Title)}
	}
	for _, s := range a.Datelines {
		out.Datelines = append(out.Datelines, jsonText{Span: s, Text: text(s)})
	}
	for k, p := range a.Paragraphs {
		jp := jsonParagraph{Span: p.Span, Sentences: make([]article.Span, len(p.Sentences))}
		for i, s := range p.Sentences {
			jp.Sentences[i] = s.Span
		}
		if pg := a.Page; pg != nil && k < len(pg.Paragraphs) && !pg.Paragraphs[k].Empty() {
			jp.HTML = &pg.Paragraphs[k]
		}
		out.Paragraphs = append(out.Paragraphs, jp)
	}
	if a.Page != nil {
		out.Text, out.Page = a.Source, newJSONPage(a.Page)
	}
	if r := d.Extraction; r != nil {
		for _, e := range r.Entities {
			out.Entities = append(out.Entities, jsonEntity{
				Kind: e.Kind, Name: e.Name, Country: e.Country, Wikidata: e.Wikidata,
				Linked: e.Linked(), Coord: e.Coord,
				Mentions: orEmpty(e.Mentions),
			})
		}
		for _, m := range r.Mentions {
			out.Mentions = append(out.Mentions, jsonMention{Span: m.Span, Text: text(m.Span), Kind: m.Kind, Entity: m.Entity})
		}
		for _, q := range r.Quotes {
			jq := jsonQuote{Span: q.Span, Text: text(q.Span), Kind: q.Kind}
			if sp := q.Speaker; sp != nil {
				jq.Speaker = &jsonSpeaker{Name: sp.Name, Entity: sp.Entity}
				if !sp.Span.Empty() {
					s := sp.Span
					jq.Speaker.Span = &s
				}
			}
			if !q.Cue.Empty() {
				c := q.Cue
				jq.Cue = &c
			}
			out.Quotes = append(out.Quotes, jq)
		}
		for _, dm := range r.Dates {
			jd := jsonDate{Span: dm.Span, Text: text(dm.Span), Value: dm.Value.String(), Precision: dm.Value.Precision}
			if dm.End.Precision != 0 {
				jd.End = dm.End.String()
			}
			out.Dates = append(out.Dates, jd)
		}
	}
	if d.Summary != nil {
		out.Summary.Sentences = orEmpty(d.Summary.Sentences)
	}
	if bad != nil {
		return nil, bad
	}
	return json.Marshal(out)
}

// jsonPage is the "page" object of a document read from a web page.
type jsonPage struct {
	URL       string   `json:"url"`
	Site      string   `json:"site"`
	Title     string   `json:"title"`
	Author    []string `json:"author"`
	Published string   `json:"published"`
	Modified  string   `json:"modified"`
	Lang      string   `json:"lang"`
}

func newJSONPage(p *article.Page) *jsonPage {
	// A time that is midnight UTC is a date alone.
	when := func(t time.Time) string {
		switch {
		case t.IsZero():
			return ""
		case t.Location() == time.UTC && t.Equal(t.Truncate(24*time.Hour)):
			return t.Format(time.DateOnly)
		}
		return t.Format(time.RFC3339)
	}
	return &jsonPage{URL: p.URL, Site: p.Site, Title: p.Title, Author: orEmpty(p.Authors),
		Published: when(p.Published), Modified: when(p.Modified), Lang: p.Lang.String()}
}
