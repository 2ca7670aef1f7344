package summarize

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/khabar-go/khabar/article"
	"golang.org/x/text/language"
)

// Summarizer summarizes an article.
//
// Summarize must not modify req, req.Article or anything they point at. An
// implementation documents whether it is safe for concurrent use; all the
// implementations and decorators in this package are. Implementations return
// an error wrapping ErrInvalidRequest when the request cannot be summarized
// (no input, empty input, a bad budget), and honour ctx: once ctx is done they
// return an error that wraps ctx.Err().
//
// The package summarizetest checks an implementation against this contract.
type Summarizer interface {
	Summarize(ctx context.Context, req Request) (*Summary, error)
}

// Func adapts an ordinary function to the Summarizer interface. A Func is as
// safe for concurrent use as the function it wraps.
type Func func(ctx context.Context, req Request) (*Summary, error)

// Summarize calls f(ctx, req).
func (f Func) Summarize(ctx context.Context, req Request) (*Summary, error) { return f(ctx, req) }

// Request is what to summarize and how. The zero values of Budget, Target
// and Style mean the defaults. Summarizers and decorators never modify a
// Request or the article it points at.
type Request struct {
	// Article is the article to summarize. When it is nil, Text is parsed
	// with article.Parse and the summary's spans point into Text.
	Article *article.Article `json:"article,omitempty"`

	// Text is the article text, used only when Article is nil.
	Text string `json:"text,omitempty"`

	// Budget bounds the summary's length.
	Budget Budget `json:"budget"`

	// Target is the language the summary is wanted in. The zero Tag
	// (language.Und) means the article's language. An extractive summarizer
	// cannot translate: it returns the article's sentences and reports their
	// language in Summary.Lang.
	Target language.Tag `json:"target"`

	// Style is the summary's shape: prose or bullet points.
	Style Style `json:"style"`
}

// DefaultSentences is the number of sentences in a summary whose Budget is
// zero.
const DefaultSentences = 3

// Budget bounds a summary's length. Set one of its fields; when several are
// set, every one of them applies. The zero Budget means DefaultSentences
// sentences.
//
// Words are counted as the article counts them: word and number tokens,
// not punctuation (see WordCount).
type Budget struct {
	// Sentences is the largest number of sentences.
	Sentences int `json:"sentences,omitempty"`
	// Words is the largest number of words.
	Words int `json:"words,omitempty"`
	// Ratio is the largest fraction of the article's body words, in (0, 1].
	Ratio float64 `json:"ratio,omitempty"`
}

// IsZero reports whether b is the zero Budget.
func (b Budget) IsZero() bool { return b == Budget{} }

// Validate returns an error wrapping ErrInvalidRequest if a field of b is
// negative, Ratio is above 1, or Ratio is not a number.
func (b Budget) Validate() error {
	switch {
	case b.Sentences < 0:
		return fmt.Errorf("%w: negative sentence budget %d", ErrInvalidRequest, b.Sentences)
	case b.Words < 0:
		return fmt.Errorf("%w: negative word budget %d", ErrInvalidRequest, b.Words)
	case math.IsNaN(b.Ratio) || b.Ratio < 0 || b.Ratio > 1:
		return fmt.Errorf("%w: ratio %v is not in [0, 1]", ErrInvalidRequest, b.Ratio)
	}
	return nil
}

// Limits returns the sentence and word limits b sets for an article of
// words body words, with 0 meaning "no limit". The zero Budget gives
// DefaultSentences sentences. A positive ratio gives at least one word.
func (b Budget) Limits(words int) (maxSentences, maxWords int) {
	if b.IsZero() {
		return DefaultSentences, 0
	}
	maxSentences, maxWords = b.Sentences, b.Words
	if b.Ratio > 0 {
		w := int(math.Ceil(b.Ratio * float64(words)))
		if w < 1 {
			w = 1
		}
		if maxWords == 0 || w < maxWords {
			maxWords = w
		}
	}
	return maxSentences, maxWords
}

// Style is a summary's shape.
type Style uint8

// Styles.
const (
	Prose   Style = iota // running text
	Bullets              // one bullet point per line
)

// String returns "prose" or "bullets".
func (s Style) String() string {
	switch s {
	case Prose:
		return "prose"
	case Bullets:
		return "bullets"
	}
	return fmt.Sprintf("Style(%d)", uint8(s))
}

// MarshalText encodes s as its String.
func (s Style) MarshalText() ([]byte, error) {
	if s > Bullets {
		return nil, fmt.Errorf("summarize: unknown style %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes "prose" or "bullets".
func (s *Style) UnmarshalText(b []byte) error {
	switch string(b) {
	case "prose":
		*s = Prose
	case "bullets":
		*s = Bullets
	default:
		return fmt.Errorf("summarize: unknown style %q", b)
	}
	return nil
}

// Summary is a summary of an article.
//
// An extractive summary lists the chosen sentences as spans into
// Article.Source, in source order, and Text joins their text. A generated
// (LLM) summary has no Sentences; Text is what the model wrote. A Summary
// belongs to the caller, who may modify it; the Article it points at is
// shared and must not be modified.
type Summary struct {
	// Article is the article the spans point into: the request's, or the
	// one parsed from Request.Text. It is not in the JSON, which holds the
	// spans only: a decoded Summary has a nil Article, and the caller sets
	// it to the article the summary was made from.
	Article *article.Article `json:"-"`

	// Sentences are the chosen sentences of an extractive summary, sorted
	// and non-overlapping. When Truncated is set, one of them is only the
	// start of a sentence, cut at a word boundary.
	Sentences []article.Span `json:"sentences"`

	// Text is the summary's text. For an extractive summary it is the
	// sentences joined by a space (Prose) or as "- " lines (Bullets).
	Text string `json:"text"`

	// Lang is the language of Text.
	Lang language.Tag `json:"lang"`

	// Model names the language model that wrote Text; it is empty for an
	// extractive summary.
	Model string `json:"model,omitempty"`

	// Truncated reports that the summary holds a sentence cut at a word
	// boundary to fit the word budget: for an extractive summary, the start
	// of a sentence filling the words left over (see Extractive); for a
	// generated one, a first sentence longer than the whole budget.
	Truncated bool `json:"truncated,omitempty"`
}

// Errors. Test for them with errors.Is.
var (
	// ErrInvalidRequest means the request cannot be summarized: it has no
	// input, its input is empty or not text, or its budget is invalid.
	// Parse errors from the article package are wrapped too.
	ErrInvalidRequest = errors.New("summarize: invalid request")

	// ErrNoSentences means the article has no body sentence to summarize.
	// It wraps ErrInvalidRequest.
	ErrNoSentences = fmt.Errorf("%w: article has no sentences", ErrInvalidRequest)
)

// ResolveArticle returns req.Article, or parses req.Text when it is nil.
// Errors wrap ErrInvalidRequest and, for a text that fails to parse, the
// article package's error. Implementations of Summarizer may use it.
func ResolveArticle(req Request) (*article.Article, error) {
	if req.Article != nil {
		return req.Article, nil
	}
	if req.Text == "" {
		return nil, fmt.Errorf("%w: neither article nor text", ErrInvalidRequest)
	}
	a, err := article.Parse(req.Text)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidRequest, err)
	}
	return a, nil
}

// WordCount returns the number of word and number tokens of a that lie in
// span s: the unit of Budget.Words.
func WordCount(a *article.Article, s article.Span) int {
	i := sort.Search(len(a.Tokens), func(i int) bool { return a.Tokens[i].Start >= s.Start })
	n := 0
	for _, t := range a.Tokens[i:] {
		if t.Start >= s.End {
			break
		}
		if t.End <= s.End && t.Kind != article.Punct {
			n++
		}
	}
	return n
}

func isInvalid(err error) bool { return errors.Is(err, ErrInvalidRequest) }
