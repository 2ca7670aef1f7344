package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
)

// cmdReport prints a readable report on one article (the sample when no
// file is given).
func cmdReport(ctx context.Context, e env, c *command, o *opts, args []string) error {
	doc, ref, err := analyzeArgs(ctx, e, c, o, args)
	if err != nil {
		return err
	}
	writeReport(e.stdout, doc, ref)
	return nil
}

// analyzeArgs reads the article named by args and analyses it, for a
// command that takes [-ref DATE] and the input flags. It returns the
// reference date it used for dates: -ref, else the input's publication
// date, else the zero time.
func analyzeArgs(ctx context.Context, e env, c *command, o *opts, args []string) (doc *khabar.Document, ref time.Time, err error) {
	in, err := readInput(e, c, o, args)
	if err != nil {
		return nil, ref, err
	}
	an := khabar.Analyzer{Parser: o.parser()}
	ref = in.reference(o.ref.t)
	doc, err = analyzeText(ctx, &an, in.text, in.url, in.contentType, ref)
	if err != nil {
		return nil, ref, err
	}
	ref = pageReference(doc.Article, ref)
	doc.ID = in.id
	return doc, ref, nil
}

// writeReport prints doc for a person to read.
func writeReport(w io.Writer, doc *khabar.Document, ref time.Time) {
	a, r := doc.Article, doc.Extraction
	text := func(s article.Span) string { return oneLine(a.Source[s.Start:s.End]) }
	sentences := 0
	for _, p := range a.Paragraphs {
		sentences += len(p.Sentences)
	}
	fmt.Fprintf(w, "khabar report: %s\n\n", doc.ID)
	if a.Title.Empty() {
		fmt.Fprintln(w, "Title:      (none)")
	} else {
		fmt.Fprintf(w, "Title:      %s\n", text(a.Title))
	}
	fmt.Fprintf(w, "Language:   %s (%s)\n", a.Lang, a.Dir)
	if !ref.IsZero() {
		fmt.Fprintf(w, "Reference:  %s (relative and yearless dates are resolved against it)\n", ref.Format("2006-01-02"))
	}
	fmt.Fprintf(w, "Structure:  %d paragraphs, %d sentences, %d tokens, %d repeated paragraphs set aside, %d datelines\n",
		len(a.Paragraphs), sentences, len(a.Tokens), len(a.Duplicates), len(a.Datelines))
	for _, d := range a.Datelines {
		fmt.Fprintf(w, "Dateline:   %s\n", text(d))
	}

	sep := ", "
	if a.Dir == article.RTL {
		sep = "، "
	}
	fmt.Fprintf(w, "\nEntities (%d, from %d mentions)\n", len(r.Entities), len(r.Mentions))
	for _, en := range r.Entities {
		var forms []string
		seen := map[string]bool{}
		for _, m := range en.Mentions {
			if t := text(m); !seen[t] {
				seen[t] = true
				forms = append(forms, t)
			}
		}
		link := "not linked"
		if en.Linked() {
			link = strings.TrimSpace(strings.Join([]string{en.Country, en.Wikidata}, " "))
			if link == "" {
				link = "linked"
			}
		}
		fmt.Fprintf(w, "  %-4s %-28s %-12s ×%d  %s\n", en.Kind, en.Name, "["+link+"]", len(en.Mentions), strings.Join(forms, sep))
	}

	fmt.Fprintf(w, "\nQuotes (%d)\n", len(r.Quotes))
	for _, q := range r.Quotes {
		who := "(no speaker)"
		if sp := q.Speaker(); sp != nil {
			who = sp.Name
		}
		fmt.Fprintf(w, "  %-8s %s: «%s»\n", q.Kind, who, clip(text(q.Span), 90))
	}

	fmt.Fprintf(w, "\nDates (%d)\n", len(r.Dates))
	for _, d := range r.Dates {
		fmt.Fprintf(w, "  %-32s → %s (%s)\n", text(d.Span), d.Value, d.Value.Precision)
	}
	yearless := false
	for _, d := range r.Dates {
		yearless = yearless || d.Value.Year == 0
	}
	if ref.IsZero() && yearless {
		fmt.Fprintln(w, "  (no reference date: yearless dates keep their month and day; give one with -ref YYYY-MM-DD)")
	}

	if doc.Summary != nil {
		fmt.Fprintf(w, "\nSummary (%d sentences)\n", len(doc.Summary.Sentences))
		for _, s := range doc.Summary.Sentences {
			fmt.Fprintf(w, "  - %s\n", text(s))
		}
	}
}

// oneLine folds line breaks and runs of white space into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
