package summarize_test

import (
	"context"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
)

// FuzzExtractive summarizes arbitrary text with arbitrary budgets and
// checks the span invariants and the budget.
func FuzzExtractive(f *testing.F) {
	f.Add(readSeed(f), 0, 0, uint8(0))
	f.Add(exampleText, 2, 0, uint8(0))
	f.Add(exampleText, 0, 7, uint8(1))
	f.Add("عنوان\n\nجملة أولى. جملة ثانية؟ جملة ثالثة!", 1, 3, uint8(0))
	f.Add("تیتر\n\nاین یک جمله است. و این جمله دوم.", 0, 0, uint8(1))
	f.Add("", 0, 0, uint8(0))
	f.Add("a\x00b", 1, 1, uint8(0))
	f.Add("\xff\xfe broken", 1, 1, uint8(0))
	f.Fuzz(func(t *testing.T, text string, sentences, words int, style uint8) {
		req := summarize.Request{
			Text:   text,
			Budget: summarize.Budget{Sentences: sentences % 50, Words: words % 500},
			Style:  summarize.Style(style % 2),
		}
		for _, s := range []summarize.Summarizer{summarize.Extractive{}, summarize.Extractive{WholeSentences: true}} {
			sum, err := s.Summarize(context.Background(), req)
			if err != nil {
				if !errors.Is(err, summarize.ErrInvalidRequest) {
					t.Fatalf("error %v does not wrap ErrInvalidRequest", err)
				}
				continue
			}
			src := sum.Article.Source
			end, words := 0, 0
			for i, sp := range sum.Sentences {
				if sp.Start < end || sp.End < sp.Start || sp.End > len(src) {
					t.Fatalf("Sentences[%d] = %v: out of order or range (len %d)", i, sp, len(src))
				}
				if (sp.Start < len(src) && !utf8.RuneStart(src[sp.Start])) || (sp.End < len(src) && !utf8.RuneStart(src[sp.End])) {
					t.Fatalf("Sentences[%d] = %v not on UTF-8 boundaries", i, sp)
				}
				end = sp.End
				words += summarize.WordCount(sum.Article, sp)
			}
			checkBodySentences(t, sum)
			maxS, maxW := req.Budget.Limits(0)
			if maxS > 0 && len(sum.Sentences) > maxS {
				t.Fatalf("%d sentences, budget %d", len(sum.Sentences), maxS)
			}
			if maxW > 0 && words > maxW {
				t.Fatalf("%d words, budget %d", words, maxW)
			}
		}
	})
}

// checkBodySentences checks that every span of an extractive summary is a
// body sentence of the article it was parsed into (a sentence of one of
// its paragraphs: not the title, a dateline or a repeated paragraph); when the summary is Truncated, exactly one
// of them may instead be the start of a body sentence, cut after a token.
func checkBodySentences(t *testing.T, sum *summarize.Summary) {
	t.Helper()
	a := sum.Article
	body := map[article.Span]article.Sentence{}
	starts := map[int]article.Sentence{}
	for _, p := range a.Paragraphs {
		for _, s := range p.Sentences {
			if s.Part != article.BodyPart {
				t.Fatalf("paragraph sentence %v has part %v", s.Span, s.Part)
			}
			body[s.Span] = s
			starts[a.Tokens[s.First].Start] = s
		}
	}
	cuts := 0
	for i, sp := range sum.Sentences {
		if _, ok := body[sp]; ok {
			continue
		}
		s, ok := starts[sp.Start]
		if !ok || !sum.Truncated || !endsAToken(a, s, sp.End) || sp.End >= s.End {
			t.Fatalf("Sentences[%d] = %v %q is not a body sentence of the parse (nor, Truncated %v, a cut one)",
				i, sp, a.Text(sp), sum.Truncated)
		}
		cuts++
	}
	if sum.Truncated && cuts != 1 {
		t.Fatalf("Truncated, with %d cut sentences, want 1", cuts)
	}
}

// endsAToken reports whether a token of sentence s ends at end.
func endsAToken(a *article.Article, s article.Sentence, end int) bool {
	for _, tok := range a.SentenceTokens(s) {
		if tok.End == end {
			return true
		}
	}
	return false
}
