package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/translate"
)

// cmdTranslate translates articles through the language model of the
// environment: one file, JSON lines, or JSON lines through the provider's
// batch API.
func cmdTranslate(ctx context.Context, e env, c *command, o *opts, args []string) error {
	if err := conflicts(e, c, o, [2]string{"jsonl", "batch"}, [2]string{"json", "jsonl"}, [2]string{"json", "batch"}); err != nil {
		return err
	}
	lines := o.jsonl || o.batch != ""
	if err := needs(e, c, o, "poll", o.batch != "", "-batch"); err != nil {
		return err
	}
	if err := needs(e, c, o, "skip-blank", lines, "-jsonl or -batch"); err != nil {
		return err
	}
	if err := needs(e, c, o, "workers", o.jsonl, "-jsonl"); err != nil {
		return err
	}
	if o.to == "" {
		return usageError(e, c, "-to LANG is required")
	}
	target, err := parseTarget(e, c, o.to)
	if err != nil {
		return err
	}
	if lines && len(args) > 0 {
		return usageError(e, c, "-jsonl and -batch read standard input and take no file")
	}
	lm, err := newLanguageModel(e, c, o)
	if err != nil {
		return err
	}
	tr := translate.NewLLM(lm.client, translate.LLMOptions{})
	p := o.parser()

	switch {
	case o.batch != "":
		b := translate.Batch{Client: lm.client, Model: lm.model, StatePath: o.batch, PollInterval: o.poll}
		return translateBatch(ctx, e, p, o.lineOptions(), b, target)
	case o.jsonl:
		workers := o.workers
		if workers <= 0 {
			workers = 4 // the work waits on the network, not the CPU
		}
		return runBatch(ctx, e, o.lineOptions(), workers, func(ctx context.Context, it item) (any, error) {
			a, ents, err := parseAndLink(p, it.in.text)
			if err != nil {
				return nil, err
			}
			var t *translate.ArticleTranslation
			err = lm.do(ctx, func(ctx context.Context) (err error) {
				t, err = translate.Article(ctx, tr, a, target, khabar.Glossary(a, ents)...)
				return err
			})
			return t, err
		})
	}
	in, err := readInput(e, c, o, args)
	if err != nil {
		return err
	}
	a, ents, err := parseAndLink(p, in.text)
	if err != nil {
		return err
	}
	var t *translate.ArticleTranslation
	err = lm.do(ctx, func(ctx context.Context) (err error) {
		t, err = translate.Article(ctx, tr, a, target, khabar.Glossary(a, ents)...)
		return err
	})
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(e.stdout, t)
	}
	writeAligned(e.stdout, a, t)
	return nil
}

// parseAndLink parses text and finds its entities, whose linked names make
// the translation's glossary.
func parseAndLink(p article.Parser, text string) (*article.Article, []entities.Entity, error) {
	a, err := parseArticle(p, text, "", "")
	if err != nil {
		return nil, nil, err
	}
	_, ents := ner.FindEntities(a)
	return a, ents, nil
}

// writeAligned prints each source block (title, datelines, paragraphs)
// followed by its translation.
func writeAligned(w io.Writer, a *article.Article, t *translate.ArticleTranslation) {
	for _, p := range t.Parts() {
		fmt.Fprintf(w, "%s\n%s\n\n", oneLine(a.Text(p.Span)), p.Text)
	}
	for _, g := range t.Glossary {
		if len(g.Missed) > 0 {
			fmt.Fprintf(w, "glossary: %q → %q not kept in %v\n", g.Term.Source, g.Term.Target, g.Missed)
		}
	}
}

// translateBatch reads JSON lines from standard input and translates them
// through the provider's batch API, writing one line per input line as
// runBatch does. It holds every line until the batch is done.
func translateBatch(ctx context.Context, e env, parser article.Parser, lo lineOptions, b translate.Batch, target language.Tag) error {
	type parsed struct {
		it   item
		a    *article.Article
		ents []entities.Entity
		err  error
	}
	items := make(chan item, 64)
	readErr := make(chan error, 1)
	go func() { readErr <- readItems(ctx, e, e.stdin, lo, items) }()
	var all []parsed
	var jobs []translate.Job
	for it := range items {
		p := parsed{it: it, err: it.err}
		if p.err == nil {
			p.a, p.ents, p.err = parseAndLink(parser, it.in.text)
		}
		if p.err == nil {
			jobs = append(jobs, translate.Job{ID: fmt.Sprint(it.n), Request: translate.ArticleRequest(p.a, target, khabar.Glossary(p.a, p.ents)...)})
		}
		all = append(all, p)
	}
	if err := <-readErr; err != nil {
		return err
	}
	if e.stderrIsTerminal {
		b.OnPoll = func(bt openai.Batch) {
			fmt.Fprintf(e.stderr, "\rbatch %s: %s, %d of %d requests done, %d failed ", bt.ID, bt.Status,
				bt.RequestCounts.Completed, bt.RequestCounts.Total, bt.RequestCounts.Failed)
		}
	}
	results, err := b.Run(ctx, jobs)
	if e.stderrIsTerminal {
		fmt.Fprintln(e.stderr)
	}
	if err != nil {
		return err
	}
	byID := make(map[string]translate.Result, len(results))
	for _, r := range results {
		byID[r.ID] = r
	}
	w := bufio.NewWriter(e.stdout)
	failed := 0
	for _, p := range all {
		var line []byte
		if p.err == nil {
			r := byID[fmt.Sprint(p.it.n)]
			p.err = r.Err
			if p.err == nil && r.Response == nil {
				p.err = fmt.Errorf("the batch returned nothing for line %d", p.it.n)
			}
			if p.err == nil {
				// Align the batch's response with the article as Article does.
				done := translate.Func(func(context.Context, translate.Request) (*translate.Response, error) { return r.Response, nil })
				var t *translate.ArticleTranslation
				if t, p.err = translate.Article(ctx, done, p.a, target, khabar.Glossary(p.a, p.ents)...); p.err == nil {
					line, p.err = lineObject(p.it.id, p.it.n, t)
				}
			}
		}
		if p.err != nil {
			failed++
			line = failureLine(p.it.id, p.it.n, p.err)
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return batchFailures(e, failed)
}
