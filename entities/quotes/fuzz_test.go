package quotes

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// fuzzInput parses arbitrary text and makes a result for it: every third
// word is a mention of its own entity, with kinds and countries cycling, so
// that the speaker logic runs on names as well as on marks. Mode 1 shifts
// the mentions off the word boundaries and adds some out of range and
// overlapping; mode 2 adds role cues pointing at those entities.
func fuzzInput(text string, mode uint8) (*article.Article, *entities.Result, bool) {
	a, err := article.Parse(text)
	if err != nil {
		return nil, nil, false
	}
	res := &entities.Result{}
	kinds := [...]entities.Kind{entities.PER, entities.ORG, entities.LOC, entities.MISC}
	countries := [...]string{"IR", "BY", "", "US"}
	n := 0
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += sz
		}
		if n%3 == 0 {
			e := len(res.Entities)
			res.Entities = append(res.Entities, entities.Entity{Kind: kinds[e%4], Country: countries[e%4]})
			sp := article.Span{Start: i, End: j}
			if mode%3 == 1 {
				sp = article.Span{Start: i + e%3, End: j + e%5}
			}
			res.Mentions = append(res.Mentions, entities.Mention{Span: sp, Kind: kinds[e%4], Entity: e})
			if mode%3 == 2 {
				res.Roles = append(res.Roles, entities.RoleCue{Span: article.Span{Start: i, End: j}, Role: "president", Entity: e})
			}
		}
		n++
		i = j
	}
	if mode%3 == 1 {
		res.Mentions = append(res.Mentions, entities.Mention{Span: article.Span{Start: -3, End: len(text) + 9}, Kind: entities.PER, Entity: 0})
		res.Roles = append(res.Roles, entities.RoleCue{Span: article.Span{Start: len(text), End: len(text) + 2}, Entity: len(res.Entities) + 4})
	}
	return a, res, true
}

func FuzzFind(f *testing.F) {
	seed, err := os.ReadFile(seedDir + "seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed), uint8(0))
	for _, s := range []string{
		`وقال لافروف: «لن نقبل».`,
		"«a\n«b\n«c»",
		`"x" 'y' ‘z’ “w” „v“ ‹u› »t«`,
		"Iran's \"deal\" wasn't 'done'",
		"قال: «",
		"\"\"\"\"",
		"وأشار الرئيس الإيراني إلى العقوبات وقال: \"نحن\"",
		"به گفته خبرگزاری تسنیم، «این دیدار سازنده بود».",
		"a.\"b\". c: «d» said e",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
		f.Add(s, uint8(4))
	}
	f.Add(string(seed), uint8(5))
	f.Fuzz(func(t *testing.T, text string, paraMode uint8) {
		a, res, ok := fuzzInput(text, paraMode)
		if !ok {
			return
		}
		indirect := paraMode&4 != 0
		qs, err := find(context.Background(), a, res, indirect)
		if err != nil {
			t.Fatal(err)
		}
		valid := utf8.ValidString(text)
		checkSpan := func(what string, s article.Span) {
			t.Helper()
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("%s span %v out of range [0,%d]", what, s, len(text))
			}
			if valid && (!utf8.RuneStart(text[s.Start]) && s.Start < len(text) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("%s span %v not on UTF-8 boundaries", what, s)
			}
		}
		lastMarked := -1
		for i, q := range qs {
			checkSpan("quote", q.Span)
			if q.Span.Empty() {
				t.Fatalf("quote %d is empty", i)
			}
			if strings.TrimSpace(text[q.Span.Start:q.Span.End]) != text[q.Span.Start:q.Span.End] && valid {
				t.Fatalf("quote %d %q is not trimmed", i, text[q.Span.Start:q.Span.End])
			}
			if i > 0 && qs[i-1].Span.Start > q.Span.Start {
				t.Fatalf("quotes %d and %d are unsorted: %v %v", i-1, i, qs[i-1].Span, q.Span)
			}
			if q.Kind != entities.Indirect {
				// Marked quotations never overlap one another.
				if lastMarked >= 0 && qs[lastMarked].Span.End > q.Span.Start {
					t.Fatalf("quotes %d and %d overlap: %v %v", lastMarked, i, qs[lastMarked].Span, q.Span)
				}
				lastMarked = i
			} else if !indirect {
				t.Fatalf("quote %d is indirect, which was not asked for", i)
			}
			if q.Kind < entities.Direct || q.Kind > entities.Indirect {
				t.Fatalf("quote %d has kind %d", i, q.Kind)
			}
			checkSpan("cue", q.Cue)
			if q.Kind == entities.Term && (q.speaker != nil || !q.Cue.Empty()) {
				t.Fatalf("term %d has a speaker or cue", i)
			}
			for sp := q.speaker; sp != nil; sp = sp.next {
				checkSpan("speaker", sp.span)
				if sp.entity < -1 || sp.entity >= len(res.Entities) {
					t.Fatalf("speaker entity %d out of range", sp.entity)
				}
				if sp.span.Empty() {
					t.Fatalf("speaker of quote %d has an empty span, so no name", i)
				}
				if q.Kind != entities.Indirect && sp.span.Overlaps(q.Span) {
					t.Fatalf("speaker %v inside quote %v", sp.span, q.Span)
				}
				if sp.kind < entities.Person || sp.kind > entities.Description {
					t.Fatalf("speaker of quote %d has kind %d", i, sp.kind)
				}
			}
		}
	})
}
