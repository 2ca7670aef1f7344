package summarize_test

import (
	"context"
	"errors"
	"testing"
	"unicode/utf8"

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
