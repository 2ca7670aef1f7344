package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/khabar-go/khabar"
)

// cmdExtract prints the JSON object of one article, or with -jsonl one JSON
// object per input line.
func cmdExtract(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "extract", "[-json] [-ref DATE] [FILE] | -jsonl [-ref DATE]")
	fs.Bool("json", true, "print one JSON object (the default; accepted for clarity)")
	jsonl := fs.Bool("jsonl", false, `read JSON lines {"id","text","published"?,"ref"?} from standard input`)
	ref := refFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var an khabar.Analyzer
	if *jsonl {
		if fs.NArg() > 0 {
			fmt.Fprintln(e.stderr, "khabar extract: -jsonl reads standard input and takes no file")
			return errUsage
		}
		return runBatch(ctx, e, ref.t, func(ctx context.Context, it item) (any, error) {
			doc, err := analyzeText(ctx, &an, it.text, "", "", it.ref)
			if err != nil {
				return nil, err
			}
			doc.ID = idString(it.id)
			return doc, nil
		})
	}
	in, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	doc, err := analyzeText(ctx, &an, in.text, in.url, in.contentType, in.reference(ref.t))
	if err != nil {
		return err
	}
	doc.ID = in.id
	return writeJSON(e.stdout, doc)
}

// idString returns a JSON id as a string: the string itself, or the JSON
// text of a number or other value.
func idString(id json.RawMessage) string {
	var s string
	if json.Unmarshal(id, &s) == nil {
		return s
	}
	if string(id) == "null" {
		return ""
	}
	return string(id)
}
