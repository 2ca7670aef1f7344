package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/translate"
)

// cmdTranslate translates articles through the language model of the
// environment: one file, JSON lines, or JSON lines through the provider's
// batch API.
func cmdTranslate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "translate", "-to LANG [-json] FILE | -to LANG -jsonl | -to LANG -batch STATE")
	to := fs.String("to", "", "target `LANG` (BCP 47, e.g. en); required")
	asJSON := fs.Bool("json", false, "print the aligned translation as JSON")
	jsonl := fs.Bool("jsonl", false, `read JSON lines {"id","text"} from standard input, write one translation per line`)
	batch := fs.String("batch", "", "translate JSON lines from standard input through the provider's batch API, resumable from the `STATE` file")
	poll := fs.Duration("poll", translate.DefaultPollInterval, "with -batch, the wait between polls of the batch")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *to == "" {
		fmt.Fprintln(e.stderr, "khabar translate: -to LANG is required")
		return errUsage
	}
	target, err := parseTarget(e, "translate", *to)
	if err != nil {
		return err
	}
	if (*jsonl || *batch != "") && fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, "khabar translate: -jsonl and -batch read standard input and take no file")
		return errUsage
	}
	cfg, err := llmConfig(e)
	if err != nil {
		return err
	}
	client := cfg.NewClient()
	tr := &translate.LLM{Client: client, Model: cfg.Model}

	switch {
	case *batch != "":
		return translateBatch(ctx, e, translate.Batch{Client: client, Model: cfg.Model, StatePath: *batch, PollInterval: *poll}, target)
	case *jsonl:
		return runBatch(ctx, e, time.Time{}, func(ctx context.Context, it item) (any, error) {
			a, ents, err := parseAndLink(it.text)
			if err != nil {
				return nil, err
			}
			t, err := translate.Article(ctx, tr, a, ents, target)
			if err != nil {
				return nil, err
			}
			return translationLine{ID: idString(it.id), ArticleTranslation: t}, nil
		})
	}
	in, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	a, ents, err := parseAndLink(in.text)
	if err != nil {
		return err
	}
	t, err := translate.Article(ctx, tr, a, ents, target)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, t)
	}
	writeAligned(e.stdout, a, t)
	return nil
}

// translationLine is one output line of a JSON-lines translation.
type translationLine struct {
	ID string `json:"id"`
	*translate.ArticleTranslation
}

// parseAndLink parses text and finds its entities, whose linked names make
// the translation's glossary.
func parseAndLink(text string) (*article.Article, []entities.Entity, error) {
	a, err := parseArticle(text, "", "")
	if err != nil {
		return nil, nil, err
	}
	_, ents := ner.FindEntities(a)
	return a, ents, nil
}

// writeAligned prints each source block followed by its translation.
func writeAligned(w io.Writer, a *article.Article, t *translate.ArticleTranslation) {
	parts := t.Paragraphs
	if t.Title.ID != "" {
		parts = append([]translate.Part{t.Title}, parts...)
	}
	for _, p := range parts {
		fmt.Fprintf(w, "%s\n%s\n\n", oneLine(a.Text(p.Span)), p.Text)
	}
	for _, g := range t.Glossary {
		if len(g.Missed) > 0 {
			fmt.Fprintf(w, "glossary: %q → %q not kept in %v\n", g.Term.Source, g.Term.Target, g.Missed)
		}
	}
}

// translateBatch reads JSON lines from standard input and translates them
// through the provider's batch API, writing one line per input line.
func translateBatch(ctx context.Context, e env, b translate.Batch, target language.Tag) error {
	type parsed struct {
		it   item
		a    *article.Article
		ents []entities.Entity
		err  error
	}
	items := make(chan item, 64)
	readErr := make(chan error, 1)
	go func() { readErr <- readItems(ctx, e.stdin, time.Time{}, items) }()
	var all []parsed
	var jobs []translate.Job
	for it := range items {
		p := parsed{it: it, err: it.err}
		if p.err == nil {
			p.a, p.ents, p.err = parseAndLink(it.text)
		}
		if p.err == nil {
			jobs = append(jobs, translate.Job{ID: fmt.Sprint(it.n), Request: translate.ArticleRequest(p.a, p.ents, target)})
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
	enc := json.NewEncoder(e.stdout)
	failed := 0
	for _, p := range all {
		var line any
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
				t, p.err = translate.Article(ctx, done, p.a, p.ents, target)
				line = translationLine{ID: idString(p.it.id), ArticleTranslation: t}
			}
		}
		if p.err != nil {
			failed++
			line = failure{ID: p.it.id, Line: p.it.n, Error: p.err.Error()}
		}
		if err := enc.Encode(line); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
	}
	return batchFailures(e, failed)
}
