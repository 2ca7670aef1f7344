package article

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Validate checks the invariants every parsed Article keeps and returns an
// error naming the first one broken. Parse never returns an Article that
// fails it; Validate exists for tests (including other packages' fuzz tests)
// and for Articles built or changed by hand. The invariants:
//   - every span lies in Source (0 <= Start <= End <= len(Source)) and both
//     ends fall on UTF-8 boundaries;
//   - the title, the datelines, the paragraphs and the duplicates do not
//     overlap; each list is sorted; none starts or ends with a blank rune,
//     and every non-blank rune of Source lies in one of them;
//   - tokens are sorted, non-empty, disjoint, lie in the title or in a
//     paragraph, and cover every letter, digit and punctuation mark there;
//   - sentences are sorted and tile their paragraph's tokens:
//     each spans exactly its tokens, and the next begins where one ends;
//   - each token's stem is a suffix of its key and its stem span a suffix of
//     its span; a word's key is never empty.
func (a *Article) Validate() error {
	src := a.Source
	check := func(what string, s Span) error {
		if s.Start < 0 || s.End < s.Start || s.End > len(src) {
			return fmt.Errorf("article: %s %v out of range [0,%d]", what, s, len(src))
		}
		if s.Start < len(src) && !utf8.RuneStart(src[s.Start]) || s.End < len(src) && !utf8.RuneStart(src[s.End]) {
			return fmt.Errorf("article: %s %v not on UTF-8 boundaries", what, s)
		}
		return nil
	}
	trimmed := func(what string, s Span) error {
		if err := check(what, s); err != nil {
			return err
		}
		if s.Empty() {
			return fmt.Errorf("article: %s %v is empty", what, s)
		}
		if st, en := trimSpan(src, s.Start, s.End); st != s.Start || en != s.End {
			return fmt.Errorf("article: %s %v has blanks at its ends", what, s)
		}
		return nil
	}

	// Blocks: title, datelines, paragraphs, duplicates.
	type block struct {
		what string
		Span
	}
	var blocks []block
	if err := check("title", a.Title); err != nil {
		return err
	}
	if !a.Title.Empty() {
		if err := trimmed("title", a.Title); err != nil {
			return err
		}
		blocks = append(blocks, block{"title", a.Title})
	}
	paras := make([]Span, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		paras[i] = p.Span
	}
	lists := []struct {
		what  string
		spans []Span
	}{{"dateline", a.Datelines}, {"duplicate", a.Duplicates}, {"paragraph", paras}}
	for _, l := range lists {
		for i, s := range l.spans {
			if err := trimmed(l.what, s); err != nil {
				return err
			}
			if i > 0 && l.spans[i-1].End > s.Start {
				return fmt.Errorf("article: %ss %v and %v not sorted and disjoint", l.what, l.spans[i-1], s)
			}
			blocks = append(blocks, block{l.what, s})
		}
	}
	slices.SortFunc(blocks, func(x, y block) int { return x.Start - y.Start })
	pos := 0
	for _, b := range blocks {
		if b.Start < pos {
			return fmt.Errorf("article: %s %v overlaps what comes before it", b.what, b.Span)
		}
		if gap := src[pos:b.Start]; strings.TrimFunc(gap, isBlank) != "" {
			return fmt.Errorf("article: text lost before %s %v: %q", b.what, b.Span, gap)
		}
		pos = b.End
	}
	if gap := src[pos:]; strings.TrimFunc(gap, isBlank) != "" {
		return fmt.Errorf("article: text lost at the end: %q", gap)
	}

	// Tokens.
	for i, t := range a.Tokens {
		if err := check("token", t.Span); err != nil {
			return err
		}
		if t.Empty() {
			return fmt.Errorf("article: token %d %v is empty", i, t.Span)
		}
		if i > 0 && a.Tokens[i-1].End > t.Start {
			return fmt.Errorf("article: tokens %d and %d not sorted and disjoint", i-1, i)
		}
		if t.Kind < Word || t.Kind > Punct {
			return fmt.Errorf("article: token %d has kind %d", i, t.Kind)
		}
		if !(0 <= t.keyStart && t.keyStart <= t.stemStart && t.stemStart <= t.keyEnd && int(t.keyEnd) <= len(a.keys)) {
			return fmt.Errorf("article: token %d has a bad key range", i)
		}
		if t.Kind == Word && t.keyStart == t.keyEnd {
			return fmt.Errorf("article: word %d %v has an empty key", i, t.Span)
		}
		if ss := a.StemSpan(t); ss.Start < t.Start || ss.End != t.End || check("stem span", ss) != nil {
			return fmt.Errorf("article: token %d %v has stem span %v", i, t.Span, ss)
		}
	}

	// Sentences tile the tokens of their segment, and the tokens cover the
	// text of the segment.
	next := 0
	segment := func(what string, seg Span, ss []Sentence) error {
		first := next
		for next < len(a.Tokens) && a.Tokens[next].Start < seg.End {
			if a.Tokens[next].Start < seg.Start || a.Tokens[next].End > seg.End {
				return fmt.Errorf("article: token %d %v outside %s %v", next, a.Tokens[next].Span, what, seg)
			}
			next++
		}
		k := first
		for _, s := range ss {
			if s.First != k || s.Last <= s.First || s.Last > next {
				return fmt.Errorf("article: sentence %v of %s %v has tokens [%d,%d), want from %d to at most %d",
					s.Span, what, seg, s.First, s.Last, k, next)
			}
			if s.Start != a.Tokens[s.First].Start || s.End != a.Tokens[s.Last-1].End {
				return fmt.Errorf("article: sentence %v does not span its tokens", s.Span)
			}
			k = s.Last
		}
		if k != next {
			return fmt.Errorf("article: sentences of %s %v leave tokens [%d,%d) out", what, seg, k, next)
		}
		// Every letter, digit and punctuation mark is in a token.
		t := first
		for i := seg.Start; i < seg.End; {
			r, n := utf8.DecodeRuneInString(src[i:])
			switch classOf(r) {
			case cLetter, cMark, cDigit, cTerm, cPunct:
				for t < next && a.Tokens[t].End <= i {
					t++
				}
				if t == next || a.Tokens[t].Start > i {
					return fmt.Errorf("article: %q at byte %d of %s %v is in no token", r, i, what, seg)
				}
			}
			i += n
		}
		return nil
	}
	// The segments in source order, each with its part of a.Sentences.
	type seg struct {
		what string
		span Span
		part Part
		own  []Sentence // the segment's own list, nil for datelines
	}
	segs := make([]seg, 0, len(a.Datelines)+len(a.Paragraphs)+1)
	if !a.Title.Empty() {
		segs = append(segs, seg{"title", a.Title, TitlePart, a.TitleSentences})
	}
	for _, d := range a.Datelines {
		segs = append(segs, seg{"dateline", d, DatelinePart, nil})
	}
	for _, p := range a.Paragraphs {
		segs = append(segs, seg{"paragraph", p.Span, BodyPart, p.Sentences})
	}
	slices.SortFunc(segs, func(x, y seg) int { return x.span.Start - y.span.Start })
	si := 0
	for _, g := range segs {
		from := si
		for si < len(a.Sentences) && a.Sentences[si].Start < g.span.End {
			if a.Sentences[si].Part != g.part {
				return fmt.Errorf("article: sentence %v of %s %v is marked %s", a.Sentences[si].Span, g.what, g.span, a.Sentences[si].Part)
			}
			si++
		}
		ss := a.Sentences[from:si]
		if g.part != DatelinePart && !slices.Equal(ss, g.own) {
			return fmt.Errorf("article: the sentences of %s %v differ from its part of Sentences", g.what, g.span)
		}
		if err := segment(g.what, g.span, ss); err != nil {
			return err
		}
	}
	if si != len(a.Sentences) {
		return fmt.Errorf("article: sentences from %d on lie outside the title, datelines and paragraphs", si)
	}
	if next != len(a.Tokens) {
		return fmt.Errorf("article: tokens from %d on lie outside the title, datelines and paragraphs", next)
	}
	return nil
}
