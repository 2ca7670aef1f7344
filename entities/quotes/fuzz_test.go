package quotes

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// fuzzInput makes an input from arbitrary text: every third word is a
// mention of its own entity, with kinds and countries cycling, so that the
// speaker logic runs on names as well as on marks.
func fuzzInput(text string, paraMode uint8) input {
	in := input{Source: text}
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
			e := len(in.Entities)
			in.Entities = append(in.Entities, entities.Entity{Kind: kinds[e%4], Country: countries[e%4]})
			in.Mentions = append(in.Mentions, entities.Mention{Span: article.Span{Start: i, End: j}, Kind: kinds[e%4], Entity: e})
		}
		n++
		i = j
	}
	switch paraMode % 3 {
	case 1: // one paragraph over everything
		in.Paragraphs = []article.Span{{Start: 0, End: len(text)}}
	case 2: // overlapping, out-of-range paragraphs: must be sanitised
		in.Paragraphs = []article.Span{{Start: 0, End: len(text) / 2}, {Start: len(text) / 3, End: len(text) + 5}}
	}
	return in
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
		in := fuzzInput(text, paraMode)
		in.Indirect = paraMode&4 != 0
		qs := find(in)
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
			} else if !in.Indirect {
				t.Fatalf("quote %d is indirect, which was not asked for", i)
			}
			if q.Kind < entities.Direct || q.Kind > entities.Indirect {
				t.Fatalf("quote %d has kind %d", i, q.Kind)
			}
			checkSpan("cue", q.Cue)
			if q.Kind == entities.Term && (q.speaker != nil || !q.Cue.Empty()) {
				t.Fatalf("term %d has a speaker or cue", i)
			}
			if sp := q.speaker; sp != nil {
				checkSpan("speaker", sp.Span)
				if sp.Entity < -1 || sp.Entity >= len(in.Entities) {
					t.Fatalf("speaker entity %d out of range", sp.Entity)
				}
				if sp.Span.Empty() {
					t.Fatalf("speaker of quote %d has an empty span, so no name", i)
				}
				if sp.Span.Overlaps(q.Span) {
					t.Fatalf("speaker %v inside quote %v", sp.Span, q.Span)
				}
			}
		}
	})
}
