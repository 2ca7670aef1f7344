package main

import (
	"context"
	"fmt"
	"time"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/llmextract"
	"github.com/khabar-go/khabar/entities/offline"
)

// cmdExtract prints the JSON object of one article, or with -jsonl one JSON
// object per input line.
func cmdExtract(ctx context.Context, e env, c *command, o *opts, args []string) error {
	if !o.json {
		return usageError(e, c, "-json=false: extract writes JSON only; for a readable report, run khabar report")
	}
	if err := conflicts(e, c, o, [2]string{"json", "jsonl"}); err != nil {
		return err
	}
	for _, f := range []string{"skip-blank", "workers"} {
		if err := needs(e, c, o, f, o.jsonl, "-jsonl"); err != nil {
			return err
		}
	}
	if err := needs(e, c, o, "timeout", o.llm, "-llm"); err != nil {
		return err
	}
	an := khabar.Analyzer{Parser: o.parser()}
	var lm *languageModel
	if o.llm {
		var err error
		if lm, err = newLanguageModel(e, c, o); err != nil {
			return err
		}
		off, err := offline.New(offline.Options{})
		if err != nil {
			return err
		}
		an.Extractor = entities.Chain(off, llmextract.New(lm.client, llmextract.Options{
			Model: lm.model,
			OnFindings: func(f *llmextract.Findings) {
				if len(f.Dropped) > 0 {
					fmt.Fprintf(e.stderr, "khabar: the language model gave %d item(s) not found in the text; dropped\n", len(f.Dropped))
				}
			},
		}))
	}
	analyze := func(ctx context.Context, text, url, contentType string, ref time.Time) (doc *khabar.Document, err error) {
		if lm == nil {
			return analyzeText(ctx, &an, text, url, contentType, ref)
		}
		err = lm.do(ctx, func(ctx context.Context) (err error) {
			doc, err = analyzeText(ctx, &an, text, url, contentType, ref)
			return err
		})
		return doc, err
	}
	if o.jsonl {
		if len(args) > 0 {
			return usageError(e, c, "-jsonl reads standard input and takes no file")
		}
		return runBatch(ctx, e, o.lineOptions(), o.workers, func(ctx context.Context, it item) (any, error) {
			return analyze(ctx, it.in.text, "", "", it.ref)
		})
	}
	in, err := readInput(e, c, o, args)
	if err != nil {
		return err
	}
	doc, err := analyze(ctx, in.text, in.url, in.contentType, in.reference(o.ref.t))
	if err != nil {
		return err
	}
	doc.ID = in.id
	return writeJSON(e.stdout, doc)
}
