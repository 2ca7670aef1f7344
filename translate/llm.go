package translate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/llm"
	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ChatCompleter is the one method of *openai.Client that LLM calls. An
// *openai.Client configured for OpenAI, Azure OpenAI, Ollama, vLLM or a
// llama.cpp server satisfies it, and so does a fake.
type ChatCompleter interface {
	CreateChatCompletion(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error)
}

// LLM defaults used when a field of LLM is zero.
const (
	// DefaultBudget is the estimated input tokens of segment text per
	// request (see llm.EstimateTokens): an article of about 6 KB of Arabic
	// goes in one request.
	DefaultBudget = 3000
	// DefaultConcurrency is the number of requests in flight per Translate.
	DefaultConcurrency = 4
	// DefaultReasks is the number of times missing segments are asked for
	// again.
	DefaultReasks = 2
	// DefaultModel is the model asked for when Model is empty.
	DefaultModel = "gpt-4o-mini"
)

// LLM is a Translator over an OpenAI-compatible chat model. It sends the
// segments as one JSON document in the user message (the system prompt is
// a fixed text with the two language names and holds no article text),
// splits requests under a token budget with bounded concurrency, and asks
// for a JSON reply under a JSON schema, or in JSON mode when the server
// does not take schemas.
//
// It checks every reply: each ID once, non-empty. Segments that are
// missing, or that look merged into a neighbour, are asked for again, up to
// Reasks times; a reply that is not the requested JSON is rejected and asked
// for again the same way. Only then does Translate fail, with a
// *MissingError that lists the missing IDs. The response holds the
// segments in request order and a glossary compliance report.
//
// Set Client; zero fields mean the defaults. An LLM is safe for
// concurrent use once configured; do not change its fields afterwards.
type LLM struct {
	// Client sends the requests; wrap it in a retrying HTTP client for
	// production use (see the examples).
	Client ChatCompleter
	// Model is the model name sent with each request; "" means
	// DefaultModel.
	Model string
	// Budget caps the estimated tokens of segment text in one request;
	// 0 means DefaultBudget. A segment over the budget goes alone.
	Budget int
	// Concurrency caps the requests in flight; 0 means DefaultConcurrency.
	Concurrency int
	// Reasks is how many times missing segments are asked for again;
	// 0 means DefaultReasks, a negative number means never.
	Reasks int
	// Temperature is sent with each request (0 is the server's default).
	Temperature float32

	once sync.Once
	js   *llm.JSON
}

func (t *LLM) init() {
	t.once.Do(func() {
		t.js = replyJSON()
		t.js.Client = t.Client
	})
}

// replyJSON returns the structured-reply helper for translation replies.
func replyJSON() *llm.JSON { return &llm.JSON{Schema: replySchema} }

// Translate implements Translator.
func (t *LLM) Translate(ctx context.Context, req Request) (*Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if t.Client == nil {
		return nil, errors.New("translate: LLM has no Client")
	}
	t.init()
	out, chunks := plan(req, t.Budget)
	conc := t.Concurrency
	if conc <= 0 {
		conc = DefaultConcurrency
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(chunks))
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	var failOnce sync.Once
	var cause error // the hard error that cancelled the other chunks
	for c, idx := range chunks {
		if len(chunks) == 1 {
			errs[c] = t.chunk(ctx, req, idx, out)
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
			if err := t.chunk(ctx, req, idx, out); err != nil {
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
		sizes[k] = llm.EstimateTokens(req.Segments[i].Text) + segmentOverhead
	}
	if budget <= 0 {
		budget = DefaultBudget
	}
	ranges := llm.Chunk(sizes, budget)
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

// chunk translates the segments at idx into out, re-asking for missing
// ones.
func (t *LLM) chunk(ctx context.Context, req Request, idx []int, out []Segment) error {
	reasks := t.Reasks
	if reasks == 0 {
		reasks = DefaultReasks
	}
	pending := idx
	var lastErr error
	for round := 0; round <= max(reasks, 0) && len(pending) > 0; round++ {
		got, err := t.ask(ctx, req, pending)
		if err != nil && len(pending) > 1 &&
			(errors.Is(err, llm.ErrContextLength) || errors.Is(err, llm.ErrTruncated)) {
			// Too long for the model's context or output limit: ask for
			// each half on its own.
			h := len(pending) / 2
			first := t.chunk(ctx, req, pending[:h], out)
			var me *MissingError
			if first != nil && !errors.As(first, &me) {
				return first
			}
			return joinChunkErrors([]error{first, t.chunk(ctx, req, pending[h:], out)})
		}
		if err != nil {
			if errors.Is(err, llm.ErrBadReply) {
				lastErr = err
				continue
			}
			return fmt.Errorf("translate: %w", err)
		}
		pending = accept(req, pending, got, out)
	}
	if len(pending) > 0 {
		ids := make([]string, len(pending))
		for k, i := range pending {
			ids[k] = req.Segments[i].ID
		}
		return &MissingError{IDs: ids, Err: lastErr}
	}
	return nil
}

// accept copies the good translations of got into out and returns the
// indexes still to ask for: missing or empty ones, ones given twice with
// different texts, and a neighbour that looks as if a missing segment was
// merged into it.
func accept(req Request, pending []int, got []Segment, out []Segment) []int {
	byID := make(map[string]string, len(got))
	folded := make(map[string]string, len(got))
	conflict := map[string]bool{} // IDs given twice with different texts
	for _, s := range got {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		if prev, dup := byID[s.ID]; !dup {
			byID[s.ID] = s.Text
		} else if prev != s.Text {
			conflict[s.ID] = true
		}
		if f := strings.ToLower(s.ID); folded[f] == "" {
			folded[f] = s.Text
		}
	}
	// An ID the model changed in case only ("P1" for "p1") still counts.
	for _, i := range pending {
		id := req.Segments[i].ID
		if _, ok := byID[id]; !ok {
			if tr, ok := folded[strings.ToLower(id)]; ok {
				byID[id] = tr
			}
		}
	}
	// Length ratios of the answered segments, to spot merges.
	ratios := make([]float64, 0, len(pending))
	for _, i := range pending {
		if tr, ok := byID[req.Segments[i].ID]; ok {
			ratios = append(ratios, float64(len(tr))/float64(len(req.Segments[i].Text)))
		}
	}
	median := 0.0
	if len(ratios) >= 3 {
		slices.Sort(ratios)
		median = ratios[len(ratios)/2]
	}
	var again []int
	suspect := make(map[int]bool)
	for k, i := range pending {
		if _, ok := byID[req.Segments[i].ID]; ok {
			continue
		}
		// A missing segment may have been merged into the one before or
		// after it: re-ask a neighbour that is much longer than usual.
		for _, nk := range []int{k - 1, k + 1} {
			if nk < 0 || nk >= len(pending) || median == 0 {
				continue
			}
			n := pending[nk]
			if tr, ok := byID[req.Segments[n].ID]; ok &&
				float64(len(tr))/float64(len(req.Segments[n].Text)) > 1.6*median {
				suspect[n] = true
			}
		}
	}
	for _, i := range pending {
		tr, ok := byID[req.Segments[i].ID]
		if !ok || suspect[i] || conflict[req.Segments[i].ID] {
			again = append(again, i)
			continue
		}
		out[i].Text = tr
	}
	return again
}

// ask sends one request for the segments at idx and returns the reply's
// segments.
func (t *LLM) ask(ctx context.Context, req Request, idx []int) ([]Segment, error) {
	model := t.Model
	if model == "" {
		model = DefaultModel
	}
	chat, err := buildChat(model, t.Temperature, req, idx)
	if err != nil {
		return nil, err
	}
	var reply wireReply
	if _, err := t.js.Complete(ctx, chat, &reply); err != nil {
		return nil, err
	}
	return reply, nil
}

// buildChat returns the chat request for the segments of req at idx: the
// fixed system prompt, and the segments with the glossary terms that occur
// in them as a JSON document in the user message.
func buildChat(model string, temperature float32, req Request, idx []int) (openai.ChatCompletionRequest, error) {
	w := wireRequest{Segments: make([]Segment, len(idx))}

	from := ""
	if req.Source != language.Und {
		from = languageName(req.Source)
	}
	var keys []string
	for k, i := range idx {
		w.Segments[k] = req.Segments[i]
		if len(req.Glossary) > 0 {
			keys = append(keys, article.Key(req.Segments[i].Text))
		}
	}
	for _, term := range req.Glossary {
		k := article.Key(term.Source)
		if k == "" {
			continue
		}
		for _, sk := range keys {
			if strings.Contains(sk, k) {
				w.Glossary = append(w.Glossary, term)
				break
			}
		}
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
		chat, err := buildChat("", 0, req, idx)
		if err != nil {
			continue
		}
		for _, m := range chat.Messages {
			total += llm.EstimateTokens(m.Content)
		}
		total += llm.EstimateTokens(string(schema))
		for _, i := range idx {
			content += llm.EstimateTokens(req.Segments[i].Text)
		}
	}
	return total - content, content
}
