package ner

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

var langEvalErrors = flag.Bool("lang-eval-errors", false, "TestOwnArticles: list every missed and spurious mention")

// goldMention is a hand-marked name of a test article.
type goldMention struct {
	span article.Span
	kind entities.Kind
}

// readMarked reads a test article whose names are marked [KIND words]:
// it returns the article text without the marks (and without the comment
// lines that begin with #) and the marked spans in it.
func readMarked(t testing.TB, path string) (string, []goldMention) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	src := strings.TrimSpace(strings.Join(lines, "\n"))
	var text strings.Builder
	var gold []goldMention
	for len(src) > 0 {
		i := strings.IndexByte(src, '[')
		if i < 0 {
			text.WriteString(src)
			break
		}
		text.WriteString(src[:i])
		src = src[i+1:]
		kindName, rest, ok := strings.Cut(src, " ")
		j := strings.IndexByte(rest, ']')
		var kind entities.Kind
		if !ok || j < 0 || kind.UnmarshalText([]byte(kindName)) != nil {
			t.Fatalf("%s: bad mark near %q", path, src[:min(len(src), 30)])
		}
		start := text.Len()
		text.WriteString(rest[:j])
		gold = append(gold, goldMention{article.Span{Start: start, End: text.Len()}, kind})
		src = rest[j+1:]
	}
	return text.String(), gold
}

// TestOwnArticles scores the Recognizer on an English and a Persian news
// article written for this test, with hand-marked names: exact spans and
// kinds, as CoNLL scores. They are newswire as the taggers' training data
// (tweets, Wikipedia) is not; the scores are logged (go test -v), and the
// test fails below a floor under what the embedded models reach, so that
// a change that breaks a language shows. -lang-eval-errors lists the
// errors.
func TestOwnArticles(t *testing.T) {
	r, err := DefaultRecognizer()
	if err != nil {
		t.Fatal(err)
	}
	noTagger, err := NewRecognizer(RecognizerOptions{NoTagger: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file, lang string
		floor      float64 // F1 in percent
	}{
		{"testdata/news-en.txt", "en", 80},
		{"testdata/news-fa.txt", "fa", 68},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			text, gold := readMarked(t, tc.file)
			a, err := article.Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Lang.String(); got != tc.lang {
				t.Fatalf("article language %s, want %s", got, tc.lang)
			}
			res := r.Recognize(a)
			var pred []goldMention
			for _, m := range res.Mentions {
				pred = append(pred, goldMention{m.Span, m.Kind})
			}
			s := scoreMentions(gold, pred)
			t.Logf("%s: %d gold mentions\n%s", tc.file, len(gold), s)
			pred = pred[:0]
			for _, m := range noTagger.Recognize(a).Mentions {
				pred = append(pred, goldMention{m.Span, m.Kind})
			}
			t.Logf("gazetteers and cues alone:\n%s", scoreMentions(gold, pred))
			if *langEvalErrors {
				for _, g := range gold {
					if !slices.Contains(pred, g) {
						t.Logf("missed   %v %q", g.kind, a.Text(g.span))
					}
				}
				for _, p := range pred {
					if !slices.Contains(gold, p) {
						t.Logf("spurious %v %q", p.kind, a.Text(p.span))
					}
				}
			}
			if f := s.all.f1(); f < tc.floor {
				t.Errorf("F1 %.1f, below the floor of %.1f", f, tc.floor)
			}
		})
	}
}

// prf counts mentions for one kind or all.
type prf struct{ gold, pred, correct int }

func (c prf) f1() float64 {
	if c.gold+c.pred == 0 {
		return 100
	}
	return 200 * float64(c.correct) / float64(c.gold+c.pred)
}

func (c prf) String() string {
	p, r := 0.0, 0.0
	if c.pred > 0 {
		p = 100 * float64(c.correct) / float64(c.pred)
	}
	if c.gold > 0 {
		r = 100 * float64(c.correct) / float64(c.gold)
	}
	return fmt.Sprintf("P %6.2f  R %6.2f  F1 %6.2f  (gold %d, pred %d, correct %d)", p, r, c.f1(), c.gold, c.pred, c.correct)
}

type mentionScores struct {
	all    prf
	byKind [entities.MISC + 1]prf
}

func (s mentionScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ALL   %v\n", s.all)
	for k := entities.PER; k <= entities.MISC; k++ {
		fmt.Fprintf(&b, "%-5v %v\n", k, s.byKind[k])
	}
	return b.String()
}

// scoreMentions counts exact matches of span and kind.
func scoreMentions(gold, pred []goldMention) mentionScores {
	var s mentionScores
	for _, g := range gold {
		s.all.gold++
		s.byKind[g.kind].gold++
		if slices.Contains(pred, g) {
			s.all.correct++
			s.byKind[g.kind].correct++
		}
	}
	for _, p := range pred {
		s.all.pred++
		if p.kind <= entities.MISC {
			s.byKind[p.kind].pred++
		}
	}
	return s
}
