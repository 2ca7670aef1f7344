package khabar

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/offline"
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
	a, err := an.Parser.ParseContext(ctx, text)
	if err != nil {
		return nil, err
	}
	return an.AnalyzeArticle(ctx, a, ref)
}

// AnalyzeArticle extracts from an article already parsed.
func (an *Analyzer) AnalyzeArticle(ctx context.Context, a *article.Article, ref time.Time) (*Document, error) {
	ex := an.Extractor
	if ex == nil {
		var err error
		if ex, err = offline.New(offline.Options{}); err != nil {
			return nil, fmt.Errorf("khabar: %w", err)
		}
	}
	res, err := entities.Extract(ctx, ex, a, entities.Options{Reference: ref})
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

// The JSON object of the command-line contract. Each part of the text is
// an object with its "span" and, computed when marshalling, its "text";
// lists of positions (a paragraph's sentences, an entity's mentions, the
// summary's sentences) are lists of spans. The extraction's objects are
// the entities types' own JSON with the text added.

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
	entities.Entity
	Linked bool `json:"linked"`
}

type jsonMention struct {
	entities.Mention
	Text string `json:"text"`
}

type jsonRole struct {
	entities.RoleCue
	Text string `json:"text"`
}

type jsonQuote struct {
	entities.Quote
	Text string `json:"text"`
	// Speaker is the main speaker (Speakers[0]), or null: the contract's
	// first form, kept for its readers.
	Speaker *entities.Speaker `json:"speaker"`
}

type jsonDate struct {
	entities.DateMention
	Text      string             `json:"text"`
	Precision entities.Precision `json:"precision"`
}

type jsonDocument struct {
	ID         string             `json:"id"`
	Text       string             `json:"text"`
	Lang       string             `json:"lang"`
	Dir        article.Direction  `json:"dir"`
	Title      *jsonText          `json:"title"`
	Datelines  []jsonText         `json:"datelines"`
	Paragraphs []jsonParagraph    `json:"paragraphs"`
	Duplicates []jsonText         `json:"duplicates"`
	Entities   []jsonEntity       `json:"entities"`
	Mentions   []jsonMention      `json:"mentions"`
	Roles      []jsonRole         `json:"roles"`
	Quotes     []jsonQuote        `json:"quotes"`
	Dates      []jsonDate         `json:"dates"`
	Summary    *summarize.Summary `json:"summary"`
	Page       *jsonPage          `json:"page,omitempty"`
}

// MarshalJSON encodes d as the command-line tool's JSON object: "id",
// "text" (the source every span indexes), "lang", "dir", "title" (null when
// the article has none), "datelines", "paragraphs", "duplicates",
// "entities", "mentions", "roles", "quotes", "dates" and "summary" (null
// when there is none). Every list is present. A span out of range for the
// source (from a faulty Extractor) is an error.
func (d *Document) MarshalJSON() ([]byte, error) {
	a := d.Article
	if a == nil {
		return nil, fmt.Errorf("khabar: document %q has no article", d.ID)
	}
	src := a.Source
	var bad error // the first span out of range
	text := func(s article.Span) string {
		if s.Start < 0 || s.Start > s.End || s.End > len(src) {
			if bad == nil {
				bad = fmt.Errorf("khabar: document %q: span %v is out of range for %d bytes of source", d.ID, s, len(src))
			}
			return ""
		}
		return src[s.Start:s.End]
	}
	texts := func(spans []article.Span) []jsonText {
		out := make([]jsonText, len(spans))
		for i, s := range spans {
			out[i] = jsonText{s, text(s)}
		}
		return out
	}
	out := jsonDocument{
		ID: d.ID, Text: src, Lang: a.Lang.String(), Dir: a.Dir,
		Datelines:  texts(a.Datelines),
		Paragraphs: make([]jsonParagraph, len(a.Paragraphs)),
		Duplicates: texts(a.Duplicates),
		Entities:   []jsonEntity{},
		Mentions:   []jsonMention{},
		Roles:      []jsonRole{},
		Quotes:     []jsonQuote{},
		Dates:      []jsonDate{},
		Summary:    d.Summary,
	}
	if !a.Title.Empty() {
		out.Title = &jsonText{a.Title, text(a.Title)}
	}
	for i, p := range a.Paragraphs {
		jp := jsonParagraph{Span: p.Span, Sentences: make([]article.Span, len(p.Sentences))}
		for k, s := range p.Sentences {
			jp.Sentences[k] = s.Span
		}
		if pg := a.Page; pg != nil && i < len(pg.Paragraphs) && !pg.Paragraphs[i].Empty() {
			jp.HTML = &pg.Paragraphs[i]
		}
		out.Paragraphs[i] = jp
	}
	if a.Page != nil {
		out.Page = newJSONPage(a.Page)
	}
	if r := d.Extraction; r != nil {
		for _, e := range r.Entities {
			e.Mentions = orEmpty(e.Mentions)
			for _, m := range e.Mentions {
				text(m)
			}
			out.Entities = append(out.Entities, jsonEntity{e, e.Linked()})
		}
		for _, m := range r.Mentions {
			out.Mentions = append(out.Mentions, jsonMention{m, text(m.Span)})
		}
		for _, rc := range r.Roles {
			out.Roles = append(out.Roles, jsonRole{rc, text(rc.Span)})
		}
		for _, q := range r.Quotes {
			q.Speakers = orEmpty(q.Speakers)
			text(q.Cue)
			for _, sp := range q.Speakers {
				text(sp.Span)
			}
			out.Quotes = append(out.Quotes, jsonQuote{q, text(q.Span), q.Speaker()})
		}
		for _, dm := range r.Dates {
			out.Dates = append(out.Dates, jsonDate{dm, text(dm.Span), dm.Value.Precision})
		}
	}
	if bad != nil {
		return nil, bad
	}
	return json.Marshal(out)
}

// UnmarshalJSON decodes what MarshalJSON writes. The article is parsed
// again from "text" and must agree with the title, datelines, paragraphs
// and duplicates of the JSON; the extraction and the summary are read as
// they are.
func (d *Document) UnmarshalJSON(b []byte) error {
	var j jsonDocument
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("khabar: document: %w", err)
	}
	a, err := article.Parser{MaxBytes: article.MaxMaxBytes}.Parse(j.Text)
	if err != nil {
		return fmt.Errorf("khabar: document %q: %w", j.ID, err)
	}
	same := a.Lang.String() == j.Lang && a.Dir == j.Dir && len(a.Paragraphs) == len(j.Paragraphs) &&
		(j.Title == nil) == a.Title.Empty() && (j.Title == nil || j.Title.Span == a.Title) &&
		slices.Equal(a.Datelines, spansOf(j.Datelines)) && slices.Equal(a.Duplicates, spansOf(j.Duplicates))
	for i := 0; same && i < len(a.Paragraphs); i++ {
		p, jp := a.Paragraphs[i], j.Paragraphs[i]
		same = p.Span == jp.Span && len(p.Sentences) == len(jp.Sentences)
		for k := 0; same && k < len(p.Sentences); k++ {
			same = p.Sentences[k].Span == jp.Sentences[k]
		}
	}
	if !same {
		return fmt.Errorf("khabar: document %q: its layout does not match the parse of its text", j.ID)
	}
	if j.Page != nil {
		a.Page = j.Page.page(j.Paragraphs)
	}
	r := &entities.Result{}
	for _, e := range j.Entities {
		r.Entities = append(r.Entities, e.Entity)
	}
	for _, m := range j.Mentions {
		r.Mentions = append(r.Mentions, m.Mention)
	}
	for _, rc := range j.Roles {
		r.Roles = append(r.Roles, rc.RoleCue)
	}
	for _, q := range j.Quotes {
		if len(q.Speakers) == 0 {
			q.Speakers = nil // written [] for the contract
		}
		r.Quotes = append(r.Quotes, q.Quote)
	}
	for _, dm := range j.Dates {
		r.Dates = append(r.Dates, dm.DateMention)
	}
	*d = Document{ID: j.ID, Article: a, Extraction: r, Summary: j.Summary}
	if d.Summary != nil {
		d.Summary.Article = a
	}
	return nil
}

func spansOf(ts []jsonText) []article.Span {
	out := make([]article.Span, len(ts))
	for i, t := range ts {
		out[i] = t.Span
	}
	return out
}

// orEmpty returns s, or an empty slice when s is nil: the contract's lists
// are always present.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
	Charset   string   `json:"charset,omitempty"`
}

// A page time that is midnight UTC is written as a date alone.
func pageTime(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Location() == time.UTC && t.Equal(t.Truncate(24*time.Hour)):
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

func newJSONPage(p *article.Page) *jsonPage {
	return &jsonPage{URL: p.URL, Site: p.Site, Title: p.Title, Author: orEmpty(p.Authors),
		Published: pageTime(p.Published), Modified: pageTime(p.Modified), Lang: p.Lang.String(), Charset: p.Charset}
}

// page decodes the page object and the paragraphs' "html" spans; a value
// that does not parse is left zero.
func (j *jsonPage) page(paras []jsonParagraph) *article.Page {
	when := func(s string) time.Time {
		for _, l := range []string{time.RFC3339Nano, time.DateOnly} {
			if t, err := time.Parse(l, s); err == nil {
				return t
			}
		}
		return time.Time{}
	}
	p := &article.Page{URL: j.URL, Site: j.Site, Title: j.Title, Published: when(j.Published), Modified: when(j.Modified),
		Charset: j.Charset, Paragraphs: make([]article.Span, len(paras))}
	if len(j.Author) > 0 {
		p.Authors = j.Author
	}
	p.Lang, _ = language.Parse(j.Lang)
	for i, jp := range paras {
		if jp.HTML != nil {
			p.Paragraphs[i] = *jp.HTML
		}
	}
	return p
}
