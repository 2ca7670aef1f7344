package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
)

// cmdSummarize prints a summary of one article: offline and extractive by
// default, from a language model with -llm.
func cmdSummarize(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "summarize", "[-sentences N | -words N] [-json] [-llm] [-to LANG] FILE")
	sentences := fs.Int("sentences", 0, "at most `N` sentences (default 3 when -words is not given)")
	words := fs.Int("words", 0, "at most `N` words")
	asJSON := fs.Bool("json", false, `print {"sentences": [[s, e], ...], "text": "..."}`)
	useLLM := fs.Bool("llm", false, "summarise with the language model of OPENAI_BASE_URL and KHABAR_MODEL")
	to := fs.String("to", "", "target `LANG` of an -llm summary (BCP 47, e.g. en); default the article's")
	bullets := fs.Bool("bullets", false, "bullet points instead of prose")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	req := summarize.Request{Budget: summarize.Budget{Sentences: *sentences, Words: *words}}
	if *bullets {
		req.Style = summarize.Bullets
	}
	if *to != "" {
		tag, err := parseTarget(e, "summarize", *to)
		if err != nil {
			return err
		}
		req.Target = tag
	}
	if err := req.Budget.Validate(); err != nil {
		fmt.Fprintf(e.stderr, "khabar summarize: %v\n", err)
		return errUsage
	}
	if *to != "" && !*useLLM {
		fmt.Fprintln(e.stderr, "khabar summarize: -to needs -llm: the offline summary keeps the article's language")
		return errUsage
	}
	in, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	a, err := parseArticle(in.text, in.url, in.contentType)
	if err != nil {
		return err
	}
	req.Article = a

	var s summarize.Summarizer = summarize.Extractive{}
	if *useLLM {
		cfg, err := llmConfig(e)
		if err != nil {
			return err
		}
		s = summarize.NewLLM(cfg.NewClient(), summarize.LLMOptions{Model: cfg.Model})
	}
	sum, err := s.Summarize(ctx, req)
	if err != nil {
		if errors.Is(err, summarize.ErrNoSentences) {
			return fmt.Errorf("nothing to summarise: %w", err)
		}
		return err
	}
	if *asJSON {
		out := struct {
			Sentences []article.Span `json:"sentences"`
			Text      string         `json:"text"`
			Lang      string         `json:"lang"`
			Model     string         `json:"model,omitempty"`
		}{append([]article.Span{}, sum.Sentences...), sum.Text, sum.Lang.String(), sum.Model}
		return writeJSON(e.stdout, out)
	}
	_, err = fmt.Fprintln(e.stdout, sum.Text)
	return err
}
