package summarize

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize/internal/rank"
)

// Extractive is the offline extractive summarizer: it chooses whole
// sentences of the article's body and returns them as spans, in source
// order. It works for Arabic, Persian and English, needs no model and no
// network, and is deterministic: the same request gives the same summary.
//
// Each body sentence is scored by its position (a strong lead prior), its
// centrality (cosine similarity of its tf-isf vector over light stems to
// the centroid of the other sentences), its overlap with the title and a
// length prior against fragments. Sentences are then picked greedily by
// maximal marginal relevance, so a sentence that repeats a chosen one loses
// its place, until the budget is spent. The title, datelines and duplicate
// paragraphs are never chosen.
//
// Extractive cannot translate: Request.Target is ignored and Summary.Lang
// is the article's language.
//
// A word budget is used to the full: when the whole sentences chosen leave
// words over, the best sentence left out is cut at a word boundary to fill
// them and Summary.Truncated is set, unless WholeSentences is set. (Scores
// such as ROUGE at a fixed length reward a full budget; a reader may prefer
// whole sentences.) A budget smaller than any sentence always gives the
// start of the best sentence; with WholeSentences, Summary.Text then ends
// in "…" so that a reader sees the cut.
//
// The zero Extractive is ready to use and safe for concurrent use.
type Extractive struct {
	// WholeSentences keeps a word-budgeted summary to whole sentences,
	// leaving part of the budget unused rather than cutting a sentence,
	// unless no sentence fits: the start of the best one is then given,
	// marked with "…" in Summary.Text.
	WholeSentences bool
}

// candidate is a body sentence that may be chosen.
type candidate struct {
	s     article.Sentence
	words int
}

// Summarize implements Summarizer.
func (e Extractive) Summarize(ctx context.Context, req Request) (*Summary, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	if err := req.Budget.Validate(); err != nil {
		return nil, err
	}
	a, err := ResolveArticle(req)
	if err != nil {
		return nil, err
	}
	f := newFeaturizer(a)
	defer f.free()
	var cands []candidate
	var sents []rank.Sentence
	total := 0
	for i, p := range a.Paragraphs {
		if i%ctxEvery == ctxEvery-1 && ctx.Err() != nil {
			return nil, fmt.Errorf("summarize: %w", ctx.Err())
		}
		for _, s := range p.Sentences {
			terms, words := f.terms(s)
			if words == 0 {
				continue
			}
			total += words
			cands = append(cands, candidate{s, words})
			sents = append(sents, rank.Sentence{Terms: terms, Words: words})
		}
	}
	if len(cands) == 0 {
		return nil, ErrNoSentences
	}
	var title []int32
	for _, s := range a.TitleSentences {
		t, _ := f.terms(s)
		title = append(title, t...)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("summarize: %w", err)
	}
	maxSent, maxWords := req.Budget.Limits(total)
	chosen, next := rank.Select(sents, title, len(f.vocab), maxSent, maxWords, e.WholeSentences, rank.Default)
	sum := &Summary{Article: a, Lang: a.Lang}
	sum.Sentences = make([]article.Span, 0, len(chosen)+1)
	used := 0
	for _, c := range chosen {
		sum.Sentences = append(sum.Sentences, cands[c].s.Span)
		used += cands[c].words
	}
	if next >= 0 && maxWords > used && (!e.WholeSentences || len(chosen) == 0) {
		// Fill the rest of the word budget with the start of the best
		// sentence that did not fit.
		if cut := cutWords(a, cands[next].s, maxWords-used); !cut.Empty() {
			sum.Sentences = insertSpan(sum.Sentences, cut)
			sum.Truncated = true
		}
	}
	sum.Text = joinSpans(a.Source, sum.Sentences, req.Style)
	if sum.Truncated && e.WholeSentences {
		// The one sentence there is had to be cut: show it.
		sum.Text += "…"
	}
	return sum, nil
}

// featurizer maps tokens to term ids over one article.
type featurizer struct {
	a     *article.Article
	vocab map[string]int32 // light stem to term id
	seen  map[string]int32 // article stem to term id, -1 for a stop word
}

// featurizers recycles featurizers and their maps across calls.
var featurizers = sync.Pool{New: func() any {
	return &featurizer{vocab: make(map[string]int32, 256), seen: make(map[string]int32, 256)}
}}

func newFeaturizer(a *article.Article) *featurizer {
	f := featurizers.Get().(*featurizer)
	f.a = a
	return f
}

// free returns f to the pool.
func (f *featurizer) free() {
	f.a = nil
	if len(f.seen) > 4096 {
		return // do not keep the maps of a huge article alive
	}
	clear(f.vocab)
	clear(f.seen)
	featurizers.Put(f)
}

// term returns the term id of word token t, or -1 for a stop word or a
// stem too short to count.
func (f *featurizer) term(t article.Token) int32 {
	st := f.a.Stem(t)
	if id, ok := f.seen[st]; ok {
		return id
	}
	id := int32(-1)
	if !rank.IsStopword(f.a.Key(t)) && !rank.IsStopword(st) {
		if ls := rank.Stem(st); len(ls) >= 2 && !rank.IsStopword(ls) {
			var ok bool
			if id, ok = f.vocab[ls]; !ok {
				id = int32(len(f.vocab))
				f.vocab[ls] = id
			}
		}
	}
	f.seen[st] = id
	return id
}

// terms returns the term ids of s's content words and its word count.
func (f *featurizer) terms(s article.Sentence) ([]int32, int) {
	toks := f.a.SentenceTokens(s)
	ids := make([]int32, 0, len(toks))
	words := 0
	for _, t := range toks {
		if t.Kind == article.Punct {
			continue
		}
		words++
		if t.Kind != article.Word {
			continue
		}
		if id := f.term(t); id >= 0 {
			ids = append(ids, id)
		}
	}
	return ids, words
}

// ctxEvery is how many paragraphs pass between two looks at the context.
const ctxEvery = 256

// cutWords returns the prefix of s that holds its first n words, ending at
// the end of the n-th word token.
func cutWords(a *article.Article, s article.Sentence, n int) article.Span {
	out := article.Span{Start: s.Start, End: s.Start}
	words := 0
	for _, t := range a.SentenceTokens(s) {
		if t.Kind == article.Punct {
			continue
		}
		if words == n {
			break
		}
		words++
		out.End = t.End
	}
	if words > 0 {
		// Start at the first token, not at leading space.
		out.Start = a.SentenceTokens(s)[0].Start
		if out.Start > out.End {
			out.Start = out.End
		}
	}
	return out
}

// insertSpan inserts s into the sorted, non-overlapping spans.
func insertSpan(spans []article.Span, s article.Span) []article.Span {
	i := len(spans)
	for i > 0 && spans[i-1].Start > s.Start {
		i--
	}
	spans = append(spans, article.Span{})
	copy(spans[i+1:], spans[i:])
	spans[i] = s
	return spans
}

// joinSpans joins the text of spans: with a space for Prose, as "- "
// lines for Bullets.
func joinSpans(src string, spans []article.Span, style Style) string {
	var b strings.Builder
	for i, s := range spans {
		t := strings.TrimSpace(s.In(src))
		if style == Bullets {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("- ")
		} else if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}
