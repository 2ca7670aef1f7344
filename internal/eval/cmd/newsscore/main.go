// Command newsscore scores khabar on the annotated development articles:
// entities, quotations and speakers, dates. The articles are read from the
// folder -news names (they are not in the repository); the gold, spans and
// values only, is in internal/eval/gold.
//
//	go run ./internal/eval/cmd/newsscore -news ../shared/data/news-ar [-part dev|dev2|dev3|devall|heldout|heldout2|heldoutall|fresh|unread|all] [-bin PATH] [-v]
//
// With -bin, the articles go through that khabar binary's `extract -jsonl`
// (any version of the tool); without it, through the library in this
// process, as the tool runs it. -v lists every error, on the development
// parts only: the held-out parts are scored in aggregate and never shown.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/internal/eval"
)

func main() {
	news := flag.String("news", "", "folder of the articles (required)")
	gold := flag.String("gold", "internal/eval/gold/news-ar", "folder of the gold annotation and split.json")
	part := flag.String("part", "dev", "articles to score: dev, dev2, dev3, devall (the three), heldout, heldout2, heldoutall (both), fresh (annotated after the last fix), unread (the held-out parts and fresh) or all")
	bin := flag.String("bin", "", "khabar binary to run (extract -jsonl); empty: the library in this process")
	verbose := flag.Bool("v", false, "list every error (development part only)")
	only := flag.String("only", "", "score this article file only (development part)")
	flag.Parse()
	if err := run(*news, *gold, *part, *bin, *only, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "newsscore:", err)
		os.Exit(1)
	}
}

func run(news, goldDir, part, bin, only string, verbose bool) error {
	if news == "" {
		return errors.New("-news is required")
	}
	split, err := eval.LoadSplit(goldDir)
	if err != nil {
		return err
	}
	files, ok := split.Part(part)
	if !ok {
		return fmt.Errorf("-part %q: want dev, dev2, dev3, devall, heldout, heldout2, heldoutall, fresh, unread or all", part)
	}
	if (verbose || only != "") && !eval.Shown(part) {
		return errors.New("-v and -only show articles: the development parts only")
	}
	if only != "" {
		files = []string{only}
	}
	golds, texts, err := eval.LoadGold(goldDir, news, files)
	if err != nil {
		return err
	}
	outs, err := analyse(bin, golds, texts)
	if err != nil {
		return err
	}
	var total eval.Counts
	for i, g := range golds {
		c, misses := eval.Score(g, texts[i], outs[i])
		total.Add(c)
		if verbose {
			for _, m := range misses {
				fmt.Printf("%s %v %-17s «%s»  want: %s  got: %s\n", g.File, m.Span, m.What, clip(texts[i][m.Span.Start:m.Span.End]), m.Want, m.Got)
			}
		}
	}
	fmt.Printf("%s part, %d articles\n%s", part, len(golds), total.Report())
	return nil
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// analyse returns the tool's output for each article.
func analyse(bin string, golds []eval.Gold, texts []string) ([]eval.Output, error) {
	var raw [][]byte
	if bin == "" {
		var an khabar.Analyzer
		for i, g := range golds {
			ref, err := time.Parse(time.DateOnly, g.Published)
			if err != nil {
				return nil, fmt.Errorf("%s: published: %w", g.File, err)
			}
			doc, err := an.Analyze(context.Background(), texts[i], ref)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", g.File, err)
			}
			b, err := json.Marshal(doc)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", g.File, err)
			}
			raw = append(raw, b)
		}
	} else {
		var in bytes.Buffer
		enc := json.NewEncoder(&in)
		for i, g := range golds {
			if err := enc.Encode(map[string]string{"id": g.File, "text": texts[i], "ref": g.Published}); err != nil {
				return nil, err
			}
		}
		cmd := exec.Command(bin, "extract", "-jsonl")
		cmd.Stdin = &in
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", bin, err)
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			raw = append(raw, append([]byte(nil), sc.Bytes()...))
		}
		if len(raw) != len(golds) {
			return nil, fmt.Errorf("%s wrote %d lines for %d articles", bin, len(raw), len(golds))
		}
	}
	outs := make([]eval.Output, len(raw))
	for i, b := range raw {
		if err := json.Unmarshal(b, &outs[i]); err != nil {
			return nil, fmt.Errorf("%s: output: %w", golds[i].File, err)
		}
	}
	return outs, nil
}
