package main

import (
	"context"

	"github.com/khabar-go/khabar"
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
	an := khabar.Analyzer{Parser: o.parser()}
	if o.jsonl {
		if len(args) > 0 {
			return usageError(e, c, "-jsonl reads standard input and takes no file")
		}
		return runBatch(ctx, e, o.lineOptions(), o.workers, func(ctx context.Context, it item) (any, error) {
			return analyzeText(ctx, &an, it.in.text, "", "", it.ref)
		})
	}
	in, err := readInput(e, c, o, args)
	if err != nil {
		return err
	}
	doc, err := analyzeText(ctx, &an, in.text, in.url, in.contentType, in.reference(o.ref.t))
	if err != nil {
		return err
	}
	doc.ID = in.id
	return writeJSON(e.stdout, doc)
}
