package summarize_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
	"golang.org/x/text/language"
)

func readSeed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func parse(tb testing.TB, text string) *article.Article {
	tb.Helper()
	a, err := article.Parse(text)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func TestExtractiveConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer { return summarize.Extractive{} })
}

func TestExtractiveWholeSentencesConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer { return summarize.Extractive{WholeSentences: true} })
}

func TestFuncConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer {
		return summarize.Func(summarize.Extractive{}.Summarize)
	})
}

func TestCacheConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer {
		return summarize.Cache(summarize.NewLRU(4))(summarize.Extractive{})
	})
}

// countingLimiter lets every request through and counts them.
type countingLimiter struct{ n atomic.Int64 }

func (l *countingLimiter) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.n.Add(1)
	return nil
}

func TestRateLimitConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer {
		return summarize.RateLimit(&countingLimiter{})(summarize.Extractive{})
	})
}

// failing is a summarizer that always fails with err.
func failing(err error) summarize.Summarizer {
	return summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		return nil, err
	})
}

var errDown = errors.New("test: server down")

func TestFallbackConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer {
		return summarize.Fallback(failing(errDown), summarize.Extractive{})
	})
}

func TestChainConformance(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer {
		return summarize.Chain(
			summarize.RateLimit(&countingLimiter{}),
			summarize.Cache(nil),
			summarize.WithFallback(summarize.Extractive{}),
		)(failing(errDown))
	})
}

func TestBudgetLimits(t *testing.T) {
	tests := []struct {
		name           string
		b              summarize.Budget
		words          int
		wantS, wantW   int
		wantInvalidErr bool
	}{
		{name: "zero", b: summarize.Budget{}, words: 100, wantS: summarize.DefaultSentences},
		{name: "sentences", b: summarize.Budget{Sentences: 2}, words: 100, wantS: 2},
		{name: "words", b: summarize.Budget{Words: 40}, words: 100, wantW: 40},
		{name: "ratio", b: summarize.Budget{Ratio: 0.25}, words: 101, wantW: 26},
		{name: "ratio tiny", b: summarize.Budget{Ratio: 0.001}, words: 10, wantW: 1},
		{name: "ratio and words", b: summarize.Budget{Ratio: 0.5, Words: 30}, words: 100, wantW: 30},
		{name: "all", b: summarize.Budget{Sentences: 4, Ratio: 0.1, Words: 30}, words: 100, wantS: 4, wantW: 10},
		{name: "negative", b: summarize.Budget{Words: -1}, wantInvalidErr: true},
		{name: "ratio over one", b: summarize.Budget{Ratio: 1.01}, wantInvalidErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.b.Validate()
			if got := errors.Is(err, summarize.ErrInvalidRequest); got != tt.wantInvalidErr {
				t.Fatalf("Validate() = %v, want invalid %v", err, tt.wantInvalidErr)
			}
			if err != nil {
				return
			}
			s, w := tt.b.Limits(tt.words)
			if diff := cmp.Diff([2]int{tt.wantS, tt.wantW}, [2]int{s, w}); diff != "" {
				t.Errorf("Limits(%d) mismatch (-want +got):\n%s", tt.words, diff)
			}
		})
	}
}

func TestStyleText(t *testing.T) {
	for _, s := range []summarize.Style{summarize.Prose, summarize.Bullets} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got summarize.Style
		if err := got.UnmarshalText(b); err != nil || got != s {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, s)
		}
	}
	var s summarize.Style
	if err := s.UnmarshalText([]byte("haiku")); err == nil {
		t.Error(`UnmarshalText("haiku") succeeded`)
	}
	if _, err := summarize.Style(9).MarshalText(); err == nil {
		t.Error("MarshalText(Style(9)) succeeded")
	}
}

func TestExtractiveBullets(t *testing.T) {
	a := parse(t, readSeed(t))
	sum, err := summarize.Extractive{}.Summarize(context.Background(),
		summarize.Request{Article: a, Budget: summarize.Budget{Sentences: 2}, Style: summarize.Bullets})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(sum.Text, "\n")
	if len(lines) != len(sum.Sentences) || len(lines) != 2 {
		t.Fatalf("bullets text has %d lines for %d sentences:\n%s", len(lines), len(sum.Sentences), sum.Text)
	}
	for i, l := range lines {
		if want := "- " + strings.TrimSpace(a.Text(sum.Sentences[i])); l != want {
			t.Errorf("line %d = %q, want %q", i, l, want)
		}
	}
}

func TestExtractiveSkipsTitleAndDuplicates(t *testing.T) {
	a := parse(t, readSeed(t))
	sum, err := summarize.Extractive{}.Summarize(context.Background(),
		summarize.Request{Article: a, Budget: summarize.Budget{Ratio: 1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sum.Sentences {
		if s.Overlaps(a.Title) {
			t.Errorf("summary sentence %v overlaps the title %v", s, a.Title)
		}
		for _, d := range a.Duplicates {
			if s.Overlaps(d) {
				t.Errorf("summary sentence %v overlaps duplicate paragraph %v", s, d)
			}
		}
	}
	if sum.Lang != a.Lang {
		t.Errorf("Lang = %v, want the article's %v", sum.Lang, a.Lang)
	}
}

func TestExtractiveWordBudget(t *testing.T) {
	a := parse(t, readSeed(t))
	for _, words := range []int{1, 7, 30, 60, 61, 200} {
		for _, whole := range []bool{false, true} {
			sum, err := summarize.Extractive{WholeSentences: whole}.Summarize(context.Background(),
				summarize.Request{Article: a, Budget: summarize.Budget{Words: words}})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, s := range sum.Sentences {
				n += summarize.WordCount(a, s)
			}
			if n > words {
				t.Errorf("Words %d whole %v: %d words", words, whole, n)
			}
			if !whole && n != words && sum.Truncated {
				t.Errorf("Words %d: truncated summary has %d words, want the budget filled", words, n)
			}
			if n == 0 {
				t.Errorf("Words %d whole %v: empty summary", words, whole)
			}
		}
	}
}

func TestExtractiveTargetIgnored(t *testing.T) {
	a := parse(t, readSeed(t))
	sum, err := summarize.Extractive{}.Summarize(context.Background(),
		summarize.Request{Article: a, Target: language.English})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Lang != a.Lang || sum.Model != "" {
		t.Errorf("Lang, Model = %v, %q; want %v, \"\"", sum.Lang, sum.Model, a.Lang)
	}
}
