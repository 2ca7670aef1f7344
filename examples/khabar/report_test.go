package main

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/summarize"
)

// reportText is the article of TestWriteReport, written for it.
const reportText = `Rail strike ends

Train drivers ended their strike on Friday, union leader Jane Doe said in Leeds. "We won the pay rise we asked for," she told reporters.
A rail operator spokesman said on 12 June that "services are back to normal".`

// TestWriteReport checks the whole report on a document built by hand, so
// that every line is known: the counts in the headings, each entity with
// its kind, name, link and forms, each quote with its kind and speaker,
// each date with its value and precision, and the summary.
func TestWriteReport(t *testing.T) {
	a, err := article.Parse(reportText)
	if err != nil {
		t.Fatal(err)
	}
	span := func(s string) article.Span {
		i := strings.Index(reportText, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return article.Span{Start: i, End: i + len(s)}
	}
	doe, doe2, leeds := span("Jane Doe"), span("she"), span("Leeds")
	res := &entities.Result{
		Mentions: []entities.Mention{
			{Span: doe, Kind: entities.PER, Entity: 0},
			{Span: leeds, Kind: entities.LOC, Entity: 1},
		},
		Entities: []entities.Entity{
			{Kind: entities.PER, Name: "Jane Doe", Mentions: []article.Span{doe, doe2}},
			{Kind: entities.LOC, Name: "Leeds", Country: "GB", Wikidata: "Q39121", ID: "g:2644688", Mentions: []article.Span{leeds}},
		},
		Quotes: []entities.Quote{
			{Span: span("We won the pay rise we asked for,"), Kind: entities.Direct,
				Speakers: []entities.Speaker{{Kind: entities.Person, Span: doe2, Entity: 0, Name: "Jane Doe"}}},
			{Span: span("services are back to normal"), Kind: entities.Partial},
		},
		Dates: []entities.DateMention{
			{Span: span("Friday"), Value: entities.Date{Year: 2024, Month: 5, Day: 3, Precision: entities.Day}},
			{Span: span("12 June"), Value: entities.Date{Month: 6, Day: 12, Precision: entities.Day}},
		},
	}
	first := a.Paragraphs[0].Sentences[0].Span
	doc := &khabar.Document{ID: "strike", Article: a, Extraction: res, Summary: &summarize.Summary{Article: a, Sentences: []article.Span{first}}}

	var b strings.Builder
	writeReport(&b, doc, time.Time{})
	want := `khabar report: strike

Title:      Rail strike ends
Language:   en (ltr)
Structure:  2 paragraphs, 3 sentences, 51 tokens, 0 repeated paragraphs set aside, 0 datelines

Entities (2, from 2 mentions)
  PER  Jane Doe                     [not linked] ×2  Jane Doe, she
  LOC  Leeds                        [GB Q39121]  ×1  Leeds

Quotes (2)
  direct   Jane Doe: «We won the pay rise we asked for,»
  partial  (no speaker): «services are back to normal»

Dates (2)
  Friday                           → 2024-05-03 (day)
  12 June                          → --06-12 (day)
  (no reference date: yearless dates keep their month and day; give one with -ref YYYY-MM-DD)

Summary (1 sentences)
  - Train drivers ended their strike on Friday, union leader Jane Doe said in Leeds.
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}

	// With a reference date, the note on yearless dates goes and the
	// reference is shown; an article with nothing found has zero counts
	// and no summary.
	empty := &khabar.Document{ID: "empty", Article: a, Extraction: &entities.Result{}}
	b.Reset()
	writeReport(&b, empty, time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC))
	want = `khabar report: empty

Title:      Rail strike ends
Language:   en (ltr)
Reference:  2024-05-06 (relative and yearless dates are resolved against it)
Structure:  2 paragraphs, 3 sentences, 51 tokens, 0 repeated paragraphs set aside, 0 datelines

Entities (0, from 0 mentions)

Quotes (0)

Dates (0)
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("report of nothing found (-want +got):\n%s", diff)
	}
}
