package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
)

// cmdSummarize prints a summary of one article: offline and extractive by
// default, from a language model with -llm.
func cmdSummarize(ctx context.Context, e env, c *command, o *opts, args []string) error {
	if err := conflicts(e, c, o, [2]string{"sentences", "words"}); err != nil {
		return err
	}
	if err := needs(e, c, o, "to", o.llm, "-llm: the offline summary keeps the article's language"); err != nil {
		return err
	}
	if err := needs(e, c, o, "timeout", o.llm, "-llm: the offline summary needs no model"); err != nil {
		return err
	}
	req := summarize.Request{Budget: summarize.Budget{Sentences: o.sentences, Words: o.words}}
	if err := req.Budget.Validate(); err != nil {
		return usageError(e, c, "%v", err)
	}
	if o.bullets {
		req.Style = summarize.Bullets
	}
	if o.to != "" {
		tag, err := parseTarget(e, c, o.to)
		if err != nil {
			return err
		}
		req.Target = tag
	}
	// Whole sentences within a word budget; the one cut sentence, when
	// none fits, ends in "…".
	var s summarize.Summarizer = summarize.Extractive{WholeSentences: true}
	var lm *languageModel
	if o.llm {
		var err error
		if lm, err = newLanguageModel(e, c, o); err != nil {
			return err
		}
		s = summarize.NewLLM(lm.client, summarize.LLMOptions{Model: lm.model})
	}
	in, err := readInput(e, c, o, args)
	if err != nil {
		return err
	}
	a, err := parseArticle(o.parser(), in.text, in.url, in.contentType)
	if err != nil {
		return err
	}
	req.Article = a

	var sum *summarize.Summary
	work := func(ctx context.Context) (err error) {
		sum, err = s.Summarize(ctx, req)
		return err
	}
	if lm != nil {
		err = lm.do(ctx, work)
	} else {
		err = work(ctx)
	}
	if err != nil {
		if errors.Is(err, summarize.ErrNoSentences) {
			return fmt.Errorf("nothing to summarise: %w", err)
		}
		return err
	}
	text := sum.Text
	if sum.Truncated && !strings.HasSuffix(text, "…") {
		text += "…" // a model's summary cut to the budget
	}
	if o.json {
		out := struct {
			Sentences []article.Span `json:"sentences"`
			Text      string         `json:"text"`
			Lang      string         `json:"lang"`
			Truncated bool           `json:"truncated,omitempty"`
			Model     string         `json:"model,omitempty"`
		}{append([]article.Span{}, sum.Sentences...), text, sum.Lang.String(), sum.Truncated, sum.Model}
		return writeJSON(e.stdout, out)
	}
	_, err = fmt.Fprintln(e.stdout, text)
	return err
}
