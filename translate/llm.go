package translate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/internal/retry"
	"github.com/khabar-go/khabar/llm"
)

// Defaults of LLMOptions.
const (
	// DefaultModel is the model asked for when neither the options nor
	// the client name one.
	DefaultModel = "gpt-4o-mini"
	// DefaultMaxInputTokens is the estimated input tokens of segment text
	// per request (see chat.EstimateTokens): an article of about 6 KB of
	// Arabic goes in one request.
	DefaultMaxInputTokens = 3000
	// DefaultConcurrency is the number of requests in flight per Translate.
	DefaultConcurrency = 4
	// DefaultReasks is the number of times missing segments are asked for
	// again.
	DefaultReasks = 2
)

// LLMOptions configure an LLM translator. The zero LLMOptions means the
// defaults.
type LLMOptions struct {
	// Model is the model name sent with each request; "" means the
	// client's model (an *llm.Client has one), or DefaultModel.
	Model string
	// MaxInputTokens caps the estimated tokens of segment text in one
	// request; 0 means DefaultMaxInputTokens. A segment over the cap goes
	// alone.
	MaxInputTokens int
	// Concurrency caps the requests in flight; 0 means DefaultConcurrency.
	Concurrency int
	// Reasks is how many times missing segments are asked for again;
	// 0 means DefaultReasks, a negative number means never.
	Reasks int
	// RetryBudget caps the extra requests of one Translate call: the
	// transport's retries (when the client runs over an llm.Transport),
	// re-asks, and requests split or sent per segment. 0 means twice the
	// number of segments to translate; a negative number means none.
	RetryBudget int
	// Temperature is sent with each request (0 is the server's default).
	Temperature float32
}

// LLM is a Translator over an OpenAI-compatible chat model. It sends the
// segments as one JSON document in the user message (the system prompt is
// a fixed text with the two language names and holds no article text),
// splits requests under a token budget with bounded concurrency, and asks
// for a JSON reply under a JSON schema, or in JSON mode when the server
// does not take schemas.
//
// It reads replies in every shape a model sends (see the package
// documentation) and checks them: each ID once, non-empty. Segments that
// are missing, or that look merged into a neighbour, are asked for again,
// up to Reasks times; a reply that cannot be read at all is asked for
// again, and after two such replies each segment still missing is asked
// for alone, in plain text. A request too long for the model's context or
// output is split in halves. All of it stays within the RetryBudget. Only
// then does Translate fail, with a *MissingError that lists the missing
// IDs (and wraps llm.ErrBudget when the budget ran out). The response
// holds the segments in request order and a glossary compliance report.
//
// An LLM is safe for concurrent use.
type LLM struct {
	client llm.ChatCompleter
	opts   LLMOptions
	js     *chat.JSON
}

// NewLLM returns an LLM translator that calls client.
func NewLLM(client llm.ChatCompleter, opts LLMOptions) *LLM {
	opts.Model = chat.ModelOf(client, opts.Model, DefaultModel)
	if opts.MaxInputTokens <= 0 {
		opts.MaxInputTokens = DefaultMaxInputTokens
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.Reasks == 0 {
		opts.Reasks = DefaultReasks
	}
	return &LLM{client: client, opts: opts, js: &chat.JSON{Client: client, Schema: replySchema}}
}

// Translate implements Translator.
func (t *LLM) Translate(ctx context.Context, req Request) (*Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if t.client == nil {
		return nil, errors.New("translate: LLM has no client")
	}
	out, chunks := plan(req, t.opts.MaxInputTokens)
	n := 0
	for _, c := range chunks {
		n += len(c)
	}
	limit := t.opts.RetryBudget
	if limit == 0 {
		limit = 2 * n
	}
	b := retry.NewBudget(limit)
	ctx = retry.WithBudget(ctx, b)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(chunks))
	sem := make(chan struct{}, t.opts.Concurrency)
	var wg sync.WaitGroup
	var failOnce sync.Once
	var cause error // the hard error that cancelled the other chunks
	for c, idx := range chunks {
		if len(chunks) == 1 {
			errs[c] = t.chunk(ctx, req, idx, out, true)
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[c] = fmt.Errorf("translate: %w", ctx.Err())
				return
			}
			defer func() { <-sem }()
			if err := t.chunk(ctx, req, idx, out, true); err != nil {
				errs[c] = err
				var me *MissingError
				if !errors.As(err, &me) {
					failOnce.Do(func() { cause = err; cancel() })
				}
			}
		}()
	}
	wg.Wait()
	if cause != nil {
		return nil, cause
	}
	if err := joinChunkErrors(errs); err != nil {
		return nil, err
	}
	resp := &Response{Segments: out}
	resp.Glossary = CheckGlossary(req, resp)
	return resp, nil
}

// plan returns the response segments with IDs (and blank texts copied),
// and the indexes of the non-blank segments grouped into requests under
// budget.
func plan(req Request, budget int) ([]Segment, [][]int) {
	out := make([]Segment, len(req.Segments))
	var todo []int
	for i, s := range req.Segments {
		out[i] = Segment{ID: s.ID}
		if strings.TrimSpace(s.Text) == "" {
			out[i].Text = s.Text
			continue
		}
		todo = append(todo, i)
	}
	sizes := make([]int, len(todo))
	for k, i := range todo {
		sizes[k] = chat.EstimateTokens(req.Segments[i].Text) + segmentOverhead
	}
	if budget <= 0 {
		budget = DefaultMaxInputTokens
	}
	ranges := chat.Chunk(sizes, budget)
	chunks := make([][]int, len(ranges))
	for c, r := range ranges {
		chunks[c] = todo[r.Start:r.End]
	}
	return out, chunks
}

// joinChunkErrors returns the first hard error, or one MissingError for all
// chunks that lack segments, or nil.
func joinChunkErrors(errs []error) error {
	var missing *MissingError
	for _, err := range errs {
		if err == nil {
			continue
		}
		var me *MissingError
		if !errors.As(err, &me) {
			return err
		}
		if missing == nil {
			missing = &MissingError{}
		}
		missing.IDs = append(missing.IDs, me.IDs...)
		if me.Err != nil {
			missing.Err = me.Err
		}
	}
	if missing != nil {
		return missing
	}
	return nil
}

// chunk translates the segments at idx into out. Its first request is
// free when free is set; every other one draws on the call's budget.
func (t *LLM) chunk(ctx context.Context, req Request, idx []int, out []Segment, free bool) error {
	b := retry.BudgetFrom(ctx)
	pending := idx
	var lastErr error
	unreadable := 0
	for round := 0; len(pending) > 0; round++ {
		if unreadable >= 2 {
			// The model does not answer in JSON: ask for each segment
			// alone, in plain text.
			return t.plain(ctx, req, pending, out, lastErr)
		}
		if round > 0 && (round > t.opts.Reasks || t.opts.Reasks < 0) {
			break
		}
		if !free && !b.Spend() {
			return &MissingError{IDs: ids(req, pending), Err: budgetError(b, lastErr)}
		}
		free = false
		content, err := t.ask(ctx, req, pending)
		truncated := errors.Is(err, llm.ErrTruncated)
		if err != nil && !truncated {
			if errors.Is(err, llm.ErrContextLength) && len(pending) > 1 {
				return t.split(ctx, req, pending, out)
			}
			if errors.Is(err, llm.ErrBadReply) {
				lastErr, unreadable = err, unreadable+1
				continue
			}
			if b.Exhausted() {
				err = budgetError(b, err)
			}
			return fmt.Errorf("translate: %w", err)
		}
		got, ok := readReply(content, ids(req, pending))
		if !ok {
			if truncated && len(pending) > 1 {
				// Cut before a single translation was whole: ask for
				// less at a time.
				return t.split(ctx, req, pending, out)
			}
			lastErr, unreadable = &llm.Error{Kind: llm.ErrBadReply, Detail: "no requested id in the reply", Err: err}, unreadable+1
			if truncated {
				lastErr = err
			}
			continue
		}
		pending = accept(req, pending, got, out)
		if truncated {
			lastErr = err
		}
	}
	if len(pending) > 0 {
		return &MissingError{IDs: ids(req, pending), Err: lastErr}
	}
	return nil
}

// split translates the two halves of pending on their own: the answer to a
// request too long for the model's context or output limit.
func (t *LLM) split(ctx context.Context, req Request, pending []int, out []Segment) error {
	h := len(pending) / 2
	first := t.chunk(ctx, req, pending[:h], out, false)
	var me *MissingError
	if first != nil && !errors.As(first, &me) {
		return first
	}
	return joinChunkErrors([]error{first, t.chunk(ctx, req, pending[h:], out, false)})
}

// plain asks for each segment at idx alone, in plain text, and fills in the
// translations that come back non-empty.
func (t *LLM) plain(ctx context.Context, req Request, idx []int, out []Segment, lastErr error) error {
	b := retry.BudgetFrom(ctx)
	var missing []int
	for k, i := range idx {
		if !b.Spend() {
			missing = append(missing, idx[k:]...)
			lastErr = budgetError(b, lastErr)
			break
		}
		resp, err := t.client.CreateChatCompletion(ctx, t.plainChat(req, i))
		if err != nil {
			err = llm.Classify(err)
			if !errors.Is(err, llm.ErrBadReply) {
				return fmt.Errorf("translate: %w", err)
			}
			missing, lastErr = append(missing, i), err
			continue
		}
		content, err := chat.Content(resp)
		text := readPlain(content, req.Segments[i].ID)
		if err != nil || strings.TrimSpace(text) == "" {
			if err == nil {
				err = &llm.Error{Kind: llm.ErrBadReply, Detail: "empty translation"}
			}
			missing, lastErr = append(missing, i), err
			continue
		}
		out[i].Text = text
	}
	if len(missing) > 0 {
		return &MissingError{IDs: ids(req, missing), Err: lastErr}
	}
	return nil
}

// budgetError reports a spent budget, wrapping the last error.
func budgetError(b *retry.Budget, last error) error {
	return &llm.Error{Kind: llm.ErrBudget,
		Detail: fmt.Sprintf("%d retries and re-asks for this article", b.Limit()), Err: last}
}

// ids returns the IDs of the segments of req at idx.
func ids(req Request, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = req.Segments[i].ID
	}
	return out
}

// accept copies the good translations of got into out and returns the
// indexes still to ask for: missing or empty ones, ones given twice with
// different texts, and a neighbour that looks as if a missing segment was
// merged into it.
func accept(req Request, pending []int, got reading, out []Segment) []int {
	text := func(i int) (string, bool) {
		id := req.Segments[i].ID
		tr, ok := got.texts[id]
		return tr, ok && strings.TrimSpace(tr) != ""
	}
	// Length ratios of the answered segments, to spot merges.
	ratios := make([]float64, 0, len(pending))
	for _, i := range pending {
		if tr, ok := text(i); ok {
			ratios = append(ratios, float64(len(tr))/float64(len(req.Segments[i].Text)))
		}
	}
	median := 0.0
	if len(ratios) >= 3 {
		slices.Sort(ratios)
		median = ratios[len(ratios)/2]
	}
	suspect := make(map[int]bool)
	for k, i := range pending {
		if _, ok := text(i); ok {
			continue
		}
		// A missing segment may have been merged into the one before or
		// after it: re-ask a neighbour that is much longer than usual.
		for _, nk := range []int{k - 1, k + 1} {
			if nk < 0 || nk >= len(pending) || median == 0 {
				continue
			}
			n := pending[nk]
			if tr, ok := text(n); ok && float64(len(tr))/float64(len(req.Segments[n].Text)) > 1.6*median {
				suspect[n] = true
			}
		}
	}
	var again []int
	for _, i := range pending {
		tr, ok := text(i)
		if !ok || suspect[i] || got.conflict[req.Segments[i].ID] {
			again = append(again, i)
			continue
		}
		out[i].Text = tr
	}
	return again
}

// ask sends one request for the segments at idx and returns the reply's
// content.
func (t *LLM) ask(ctx context.Context, req Request, idx []int) (string, error) {
	creq, err := buildChat(t.opts.Model, t.opts.Temperature, req, idx)
	if err != nil {
		return "", err
	}
	return t.js.Ask(ctx, creq)
}

// plainChat returns the plain-text request for segment i of req.
func (t *LLM) plainChat(req Request, i int) openai.ChatCompletionRequest {
	from := ""
	if req.Source != language.Und {
		from = languageName(req.Source)
	}
	return openai.ChatCompletionRequest{Model: t.opts.Model, Temperature: t.opts.Temperature,
		Messages: messages(plainPrompt(from, languageName(req.Target)), req.Segments[i].Text)}
}

// buildChat returns the chat request for the segments of req at idx: the
// fixed system prompt, and the segments with the glossary terms that occur
// in them as a JSON document in the user message.
func buildChat(model string, temperature float32, req Request, idx []int) (openai.ChatCompletionRequest, error) {
	w := wireRequest{Segments: make([]Segment, len(idx)), Glossary: termsFor(req, idx)}
	for k, i := range idx {
		w.Segments[k] = req.Segments[i]
	}
	from := ""
	if req.Source != language.Und {
		from = languageName(req.Source)
	}
	user, err := w.marshal()
	if err != nil {
		return openai.ChatCompletionRequest{}, err
	}
	return openai.ChatCompletionRequest{Model: model, Temperature: temperature,
		Messages: messages(systemPrompt(from, languageName(req.Target)), user)}, nil
}

// messages returns the fixed system prompt and the user data.
func messages(system, user string) []openai.ChatCompletionMessage {
	return []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: system},
		{Role: openai.ChatMessageRoleUser, Content: user},
	}
}

// languageName returns the English name of tag ("Arabic"), or its BCP 47
// code when it has none.
func languageName(tag language.Tag) string {
	if n := display.English.Tags().Name(tag); n != "" {
		return n
	}
	return tag.String()
}

// PromptOverhead estimates (with the same token estimate that budgets
// requests) the tokens that LLM sends for req beyond its segment texts —
// system prompt, JSON framing, IDs, glossary, language names and the JSON
// schema of the reply — and the tokens of the segment texts themselves,
// over all the requests req is split into.
func PromptOverhead(req Request) (overhead, content int) {
	_, chunks := plan(req, 0)
	schema, _ := json.Marshal(replySchema.Definition)
	total := 0
	for _, idx := range chunks {
		creq, err := buildChat("", 0, req, idx)
		if err != nil {
			continue
		}
		for _, m := range creq.Messages {
			total += chat.EstimateTokens(m.Content)
		}
		total += chat.EstimateTokens(string(schema))
		for _, i := range idx {
			content += chat.EstimateTokens(req.Segments[i].Text)
		}
	}
	return total - content, content
}
