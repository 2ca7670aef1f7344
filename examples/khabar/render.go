package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
)

// cmdRender writes an HTML page of the article with its mentions, quotes and
// dates marked.
func cmdRender(ctx context.Context, e env, c *command, o *opts, args []string) error {
	doc, _, err := analyzeArgs(ctx, e, c, o, args)
	if err != nil {
		return err
	}
	return writeHTML(e.stdout, doc)
}

// mark is one annotated span and the CSS class and tooltip it gets.
type mark struct {
	span  article.Span
	class string
	title string
}

// writeHTML renders each block (title, datelines, paragraphs, duplicates)
// with its marks. Marks may nest or overlap: every stretch between two
// boundaries gets the classes of all marks that cover it.
func writeHTML(w io.Writer, doc *khabar.Document) error {
	a, r := doc.Article, doc.Extraction
	var marks []mark
	for _, m := range r.Mentions {
		title := m.Kind.String()
		if m.Entity >= 0 && m.Entity < len(r.Entities) {
			en := r.Entities[m.Entity]
			title = fmt.Sprintf("%s: %s %s %s", m.Kind, en.Name, en.Country, en.Wikidata)
		}
		marks = append(marks, mark{m.Span, "ent " + strings.ToLower(m.Kind.String()), title})
	}
	for _, q := range r.Quotes {
		title := q.Kind.String()
		if sp := q.Speaker(); sp != nil {
			title += ": " + sp.Name
		}
		marks = append(marks, mark{q.Span, "quote", title})
		if !q.Cue.Empty() {
			marks = append(marks, mark{q.Cue, "cue", "speech cue"})
		}
	}
	for _, d := range r.Dates {
		marks = append(marks, mark{d.Span, "date", d.Value.String()})
	}

	type block struct {
		span  article.Span
		class string
	}
	var blocks []block
	if !a.Title.Empty() {
		blocks = append(blocks, block{a.Title, "title"})
	}
	for _, s := range a.Datelines {
		blocks = append(blocks, block{s, "dateline"})
	}
	for _, p := range a.Paragraphs {
		blocks = append(blocks, block{p.Span, "para"})
	}
	for _, s := range a.Duplicates {
		blocks = append(blocks, block{s, "dup"})
	}
	slices.SortFunc(blocks, func(x, y block) int { return x.span.Start - y.span.Start })

	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\" dir=\"%s\">\n<head><meta charset=\"utf-8\"><title>%s</title>\n<style>%s</style></head>\n<body>\n",
		a.Lang, a.Dir, html.EscapeString(doc.ID), css)
	for _, bl := range blocks {
		tag := "p"
		if bl.class == "title" {
			tag = "h1"
		}
		fmt.Fprintf(&b, `<%s class="%s">`, tag, bl.class)
		writeMarked(&b, a.Source, bl.span, marks)
		fmt.Fprintf(&b, "</%s>\n", tag)
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarked writes src[span] with the marks that fall inside it.
func writeMarked(b *strings.Builder, src string, span article.Span, marks []mark) {
	cuts := []int{span.Start, span.End}
	var in []mark
	for _, m := range marks {
		if m.span.Overlaps(span) {
			in = append(in, m)
			cuts = append(cuts, max(m.span.Start, span.Start), min(m.span.End, span.End))
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	for i := 0; i+1 < len(cuts); i++ {
		piece := article.Span{Start: cuts[i], End: cuts[i+1]}
		var classes, titles []string
		for _, m := range in {
			if m.span.Contains(piece) {
				classes = append(classes, m.class)
				titles = append(titles, m.title)
			}
		}
		t := html.EscapeString(src[piece.Start:piece.End])
		if len(classes) == 0 {
			b.WriteString(t)
			continue
		}
		fmt.Fprintf(b, `<span class="%s" title="%s">%s</span>`, html.EscapeString(strings.Join(classes, " ")), html.EscapeString(strings.Join(titles, " | ")), t)
	}
}

const css = `body{font:18px/1.7 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}
.dup{opacity:.45;text-decoration:line-through}.dateline{color:#666;font-style:italic}
.ent{border-radius:3px;padding:0 2px}.per{background:#fde68a}.loc{background:#bbf7d0}
.org{background:#bfdbfe}.misc{background:#e9d5ff}.quote{border-bottom:2px solid #f97316}
.cue{font-weight:bold}.date{background:#fecaca}`
