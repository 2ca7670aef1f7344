package llmextract

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/internal/retry"
	"github.com/khabar-go/khabar/llm"
)

// Defaults of Options.
const (
	// DefaultModel is the model asked for when neither the options nor
	// the client name one.
	DefaultModel = "gpt-4o-mini"
	// DefaultMaxInputTokens is the estimated tokens of article text per
	// request (see chat.EstimateTokens); a longer article goes in chunks
	// of whole parts (title, datelines, paragraphs).
	DefaultMaxInputTokens = 2000
	// DefaultConcurrency is the number of requests in flight per article.
	DefaultConcurrency = 4
)

// Mode says how the model's findings join what earlier steps found.
type Mode uint8

// Modes.
const (
	// Add keeps what earlier steps found and adds what the model finds
	// that overlaps none of it: mentions (a further mention of an entity
	// the earlier steps know joins that entity), quotations and dates.
	Add Mode = iota
	// Corroborated keeps what earlier steps found and adds only what they
	// corroborate: further mentions of the entities they found, and
	// quotations whose speaker is one of their mentions. The rest of the
	// model's findings are dropped and reported.
	Corroborated
)

// Options configure an Extractor. The zero Options means the defaults.
type Options struct {
	// Model is the model name; "" means the client's model (an
	// *llm.Client has one), or DefaultModel.
	Model string
	// MaxInputTokens caps the estimated tokens of article text in one
	// request; 0 means DefaultMaxInputTokens.
	MaxInputTokens int
	// Concurrency caps the requests in flight; 0 means DefaultConcurrency.
	Concurrency int
	// RetryBudget caps the extra requests (the transport's retries and the
	// re-asks) of one article; 0 means twice the number of chunks, a
	// negative number means none.
	RetryBudget int
	// Mode says how the findings join the earlier steps' result.
	Mode Mode
	// OnFindings, when set, is called at the end of each Extract with
	// what the model found and what was dropped, from the calling
	// goroutine.
	OnFindings func(*Findings)
}

// Item is one thing the model found, grounded in the article.
type Item struct {
	Type ItemType
	// Text is the item's text as the model wrote it.
	Text string
	// Span is where the text is in the article's Source (zero when
	// Status is Unaligned).
	Span article.Span
	// Status says how the text was found.
	Status Status
	// Kind is the entity kind ("PER", "LOC", "ORG", "MISC") or the
	// quotation kind ("direct", "partial") the model gave.
	Kind string
	// Name is an entity's English name as the model gave it.
	Name string
	// Value is a date's ISO 8601 value as the model gave it.
	Value string
	// Speaker is a quotation's speaker as the model wrote it, and
	// SpeakerSpan and SpeakerStatus where it was found: the occurrence
	// nearest the quotation.
	Speaker       string
	SpeakerSpan   article.Span
	SpeakerStatus Status
	// Reason says why a dropped item was dropped.
	Reason string
}

// Findings is what the model found in one article.
type Findings struct {
	// Items are the items found in the article, sorted by span: an entity
	// once per place its name is written.
	Items []Item
	// Dropped are the items left out: not found in the article (Status
	// Unaligned: invented, or rewritten past recognition), a date value
	// that does not read, or, in Corroborated mode, findings the earlier
	// steps do not corroborate.
	Dropped []Item
	// Cut counts the chunks whose reply was cut by the token limit; the
	// items read whole from them are kept.
	Cut int
}

// Extractor is an entities.Extractor backed by an OpenAI-compatible chat
// model, in the manner of langextract: it asks the model for people,
// places, organisations (with English names), quotations with their
// speakers, and dates with ISO values, each with the exact text it comes
// from, and grounds every item in the article: the text is looked for
// exactly, then word by word by normalisation key (clitics allowed), then
// fuzzily within a sentence. Items that cannot be found are dropped and
// reported (see Findings); an offset the model gives only breaks ties.
// Long articles go in chunks of whole paragraphs under a token budget.
//
// The article travels as data in the user message; the system prompt is
// fixed. An Extractor is safe for concurrent use.
type Extractor struct {
	client llm.ChatCompleter
	opts   Options
	js     *chat.JSON
}

// New returns an Extractor that calls client.
func New(client llm.ChatCompleter, opts Options) *Extractor {
	opts.Model = chat.ModelOf(client, opts.Model, DefaultModel)
	if opts.MaxInputTokens <= 0 {
		opts.MaxInputTokens = DefaultMaxInputTokens
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	schema, err := chat.SchemaFor[wireReply]("extraction")
	if err != nil {
		schema = chat.Schema{Name: "extraction"} // the type is fixed; JSON mode then
	}
	return &Extractor{client: client, opts: opts, js: &chat.JSON{Client: client, Schema: schema}}
}

// Find asks the model about a and returns what it found, grounded. ref,
// when not zero, is the date relative dates are resolved against.
func (x *Extractor) Find(ctx context.Context, a *article.Article, ref time.Time) (*Findings, error) {
	if a == nil {
		return nil, errors.New("llmextract: nil article")
	}
	if x.client == nil {
		return nil, errors.New("llmextract: Extractor has no client")
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("llmextract: %w", err)
	}
	regions := chunks(a, x.opts.MaxInputTokens)
	limit := x.opts.RetryBudget
	if limit == 0 {
		limit = 2 * len(regions)
	}
	ctx = retry.WithBudget(ctx, retry.NewBudget(limit))
	al := newAligner(a)
	results := make([]*Findings, len(regions))
	errs := make([]error, len(regions))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, x.opts.Concurrency)
	var wg sync.WaitGroup
	for i, region := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = fmt.Errorf("llmextract: %w", ctx.Err())
				return
			}
			defer func() { <-sem }()
			results[i], errs[i] = x.chunk(ctx, al, region, ref)
			if errs[i] != nil {
				cancel()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	out := &Findings{}
	seen := map[[3]int]bool{}
	for _, f := range results {
		for _, it := range f.Items {
			k := [3]int{int(it.Type), it.Span.Start, it.Span.End}
			if !seen[k] {
				seen[k] = true
				out.Items = append(out.Items, it)
			}
		}
		out.Dropped = append(out.Dropped, f.Dropped...)
		out.Cut += f.Cut
	}
	slices.SortStableFunc(out.Items, func(p, q Item) int {
		return cmp.Or(p.Span.Start-q.Span.Start, q.Span.End-p.Span.End, int(p.Type)-int(q.Type))
	})
	return out, nil
}

// chunks returns the regions of a sent in one request each: runs of whole
// parts (title, datelines, paragraphs, in source order) under the token
// budget.
func chunks(a *article.Article, budget int) []article.Span {
	var parts []article.Span
	if !a.Title.Empty() {
		parts = append(parts, a.Title)
	}
	parts = append(parts, a.Datelines...)
	for _, p := range a.Paragraphs {
		parts = append(parts, p.Span)
	}
	slices.SortFunc(parts, func(p, q article.Span) int { return p.Start - q.Start })
	sizes := make([]int, len(parts))
	for i, p := range parts {
		sizes[i] = chat.EstimateTokens(a.Text(p))
	}
	var out []article.Span
	for _, r := range chat.Chunk(sizes, budget) {
		out = append(out, article.Span{Start: parts[r.Start].Start, End: parts[r.End-1].End})
	}
	return out
}

// chunk asks about one region and grounds the reply's items in it.
func (x *Extractor) chunk(ctx context.Context, al *aligner, region article.Span, ref time.Time) (*Findings, error) {
	task := wireTask{Text: al.a.Text(region)}
	if !ref.IsZero() {
		task.ReferenceDate = ref.Format(time.DateOnly)
	}
	user, err := task.marshal()
	if err != nil {
		return nil, fmt.Errorf("llmextract: %w", err)
	}
	req := openai.ChatCompletionRequest{Model: x.opts.Model, Messages: []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: systemPrompt},
		{Role: openai.ChatMessageRoleUser, Content: user},
	}}
	b := retry.BudgetFrom(ctx)
	var last error
	for try := 0; ; try++ {
		if try == 2 {
			return nil, fmt.Errorf("llmextract: %w", last)
		}
		if try > 0 && !b.Spend() {
			return nil, fmt.Errorf("llmextract: %w", &llm.Error{Kind: llm.ErrBudget,
				Detail: fmt.Sprintf("%d retries and re-asks for this article", b.Limit()), Err: last})
		}
		content, err := x.js.Ask(ctx, req)
		cut := errors.Is(err, llm.ErrTruncated)
		if err != nil && !cut {
			if errors.Is(err, llm.ErrBadReply) {
				last = err
				continue
			}
			return nil, fmt.Errorf("llmextract: %w", err)
		}
		items, ok := readItems(content)
		if !ok {
			last = &llm.Error{Kind: llm.ErrBadReply, Detail: "no JSON in the reply"}
			if cut {
				last = err
			}
			continue
		}
		f := ground(al, region, items)
		if cut {
			f.Cut = 1
		}
		return f, nil
	}
}

// ground finds the items in region.
func ground(al *aligner, region article.Span, items []rawItem) *Findings {
	f := &Findings{}
	for _, r := range items {
		it := Item{Type: r.typ, Text: r.text, Kind: r.kind, Name: r.name, Value: r.value, Speaker: r.speaker}
		hint := -1
		if r.hint >= 0 && r.hint < region.Len() {
			hint = region.Start + r.hint
		}
		if r.typ == EntityItem {
			spans, st := al.all(r.text, region)
			if st == Unaligned {
				// A name spelt a little differently: every place where the
				// article writes the name it was taken for.
				if sp, ok := al.fuzzy(r.text, region, hint); ok {
					spans, _ = al.all(al.a.Text(sp), region)
					if len(spans) == 0 {
						spans = []article.Span{sp}
					}
					st = Fuzzy
				}
			}
			if st == Unaligned {
				it.Reason = "not in the text"
				f.Dropped = append(f.Dropped, it)
				continue
			}
			for _, sp := range spans {
				it.Span, it.Status = sp, st
				f.Items = append(f.Items, it)
			}
			continue
		}
		it.Span, it.Status = al.one(r.text, region, hint, article.Span{})
		if it.Status == Unaligned {
			it.Reason = "not in the text"
			f.Dropped = append(f.Dropped, it)
			continue
		}
		if r.typ == QuoteItem && r.speaker != "" {
			it.SpeakerSpan, it.SpeakerStatus = al.one(r.speaker, region, it.Span.Start, it.Span)
		}
		f.Items = append(f.Items, it)
	}
	return f
}
