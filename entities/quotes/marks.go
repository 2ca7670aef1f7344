package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
)

// rawQuote is a quotation found by its marks, before it is classified.
type rawQuote struct {
	inner     article.Span // the text inside the marks, trimmed of white space
	outer     article.Span // the marks and the text between them
	firstPara int          // paragraph of the opening mark
	lastPara  int          // paragraph of the closing mark (or of the end, when unclosed)
}

// closersFor returns the closing marks that end a quotation opened by r,
// and whether r is a mark at all. The second list holds closers accepted
// only when none of the first kind closes it within the quotation's
// paragraphs (writers often type “…“ for “…”).
func closersFor(r rune) (string, string, bool) {
	switch r {
	case '«':
		return "»", "", true
	case '»':
		// Reversed guillemets (»…«), common in right-to-left text typed
		// with left-to-right marks. A » reached outside any quotation
		// cannot be closing one, so it opens.
		return "«", "", true
	case '›':
		return "‹", "", true
	case '“':
		return "”", "“", true
	case '„':
		return "“”", "", true
	case '‹':
		return "›", "", true
	case '"':
		return "\"", "", true
	case '”':
		return "”“", "", true
	case '\'':
		return "'", "", true
	case '‘':
		return "’", "", true
	}
	return "", "", false
}

// runeBefore returns the rune ending at byte i of s, or -1 at lo.
func runeBefore(s string, i, lo int) rune {
	if i <= lo {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

// runeAt returns the rune starting at byte i of s, or -1 at hi.
func runeAt(s string, i, hi int) rune {
	if i >= hi {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

// isLetterOrDigit reports whether r is a letter or digit (false for -1).
func isLetterOrDigit(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isSpace reports whether r is white space or the -1 of a text end.
func isSpace(r rune) bool { return r < 0 || unicode.IsSpace(r) }

// validOpener reports whether the mark r at s[i:] can open a quotation in
// the paragraph [lo, hi). Symmetric marks must be followed by a non-space;
// single marks and ” must also start a word (an apostrophe inside or after
// a word does not open a quotation).
func validOpener(s string, r rune, i, lo, hi int) bool {
	next := runeAt(s, i+utf8.RuneLen(r), hi)
	if next < 0 {
		return false
	}
	switch r {
	case '"':
		// A mark before a word opens; an isolated one (spaces both sides,
		// as in tokenised text) opens too, and pairs by alternation.
		return !isSpace(next) || isSpace(runeBefore(s, i, lo))
	case '\'', '‘', '”':
		prev := runeBefore(s, i, lo)
		return !isLetterOrDigit(prev) && !isSpace(next) && next != r
	}
	return true
}

// validCloser reports whether the mark c at s[i:] can close a quotation of
// the paragraph [lo, hi). An apostrophe between letters (don't) or before a
// letter never closes one.
func validCloser(s string, c rune, i, lo, hi int) bool {
	switch c {
	case '\'', '’':
		prev := runeBefore(s, i, lo)
		next := runeAt(s, i+utf8.RuneLen(c), hi)
		return !isSpace(prev) && !isLetterOrDigit(next)
	}
	return true
}

// inSet reports whether r is one of the runes of set.
func inSet(r rune, set string) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// findClose looks for the mark closing the quotation opened by open, from
// byte i of paragraph para on. It follows the quotation into the next
// paragraph when that paragraph starts with the same opening mark. It
// returns the closer's offset and paragraph, or -1.
func findClose(src string, paras []article.Span, open rune, set string, i, para int) (int, int) {
	depth := 0
	for {
		hi := paras[para].End
		lo := paras[para].Start
		for j := nextMark(src, i, hi); j < hi; j = nextMark(src, j, hi) {
			r, n := utf8.DecodeRuneInString(src[j:hi])
			if r == open && !inSet(r, set) && validOpener(src, r, j, lo, hi) {
				depth++ // a nested quotation with the same mark, as in «… «…» …»
			} else if inSet(r, set) && validCloser(src, r, j, lo, hi) {
				if depth == 0 {
					return j, para
				}
				depth--
			}
			j += n
		}
		// The paragraph ends inside the quotation: it goes on only when the
		// next paragraph opens with the same mark.
		if para+1 >= len(paras) {
			return -1, para
		}
		nx := paras[para+1]
		k := nx.Start
		for k < nx.End {
			r, n := utf8.DecodeRuneInString(src[k:nx.End])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		r, n := utf8.DecodeRuneInString(src[k:nx.End])
		if k >= nx.End || r != open {
			return -1, para
		}
		para++
		i = k + n
		depth = 0
	}
}

// trim narrows s to exclude leading and trailing white space.
func trim(src string, s article.Span) article.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(src[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(src[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// colonBefore reports whether the last non-space rune before i in [lo, i)
// is a colon.
func colonBefore(src string, i, lo int) bool {
	for i > lo {
		r, n := utf8.DecodeLastRuneInString(src[lo:i])
		if !unicode.IsSpace(r) {
			return isColon(r)
		}
		i -= n
	}
	return false
}

// nextMark returns the offset of the first byte in s[i:hi] that can start a
// quotation mark (see isMarkByte), or hi. It tests eight bytes at a time.
func nextMark(s string, i, hi int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= hi; i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte of x equals b exactly when the same byte of x^(b*ones) is
		// zero; (v-ones)&^v&highs is non-zero exactly when v has a zero byte.
		// With bit 0x20 set, 0xC2 and 0xE2 are one byte, and '"' (0x22)
		// shares it with 0x02 only, a control byte that at worst sends the
		// scan to the byte loop below.
		u := x | 0x20*ones
		a, q, e := u^('"'*ones), x^('\''*ones), u^(0xE2*ones)
		if (a-ones)&^a&highs|(q-ones)&^q&highs|(e-ones)&^e&highs != 0 {
			break
		}
	}
	for i < hi && !isMarkByte(s[i]) {
		i++
	}
	return i
}

// isMarkByte reports whether b can start a quotation mark: '"', '\” or the
// lead byte of « ‹ (0xC2 0xAB / 0xE2 0x80 0xB9) and of “ „ ” ‘ (0xE2 0x80 …).
func isMarkByte(b byte) bool { return b == '"' || b == '\'' || b == 0xC2 || b == 0xE2 }

// findMarks finds the quotations of src within paras (sorted, disjoint).
//
// A quotation is bounded by its paragraph: it runs into the next paragraph
// only when that paragraph starts with the same opening mark (the
// convention for quotations over several paragraphs). An opening mark left
// unclosed is dropped, unless it follows a colon, in which case the
// quotation runs to the end of its paragraph (writers forget closing marks
// far more often than they write a colon before a stray one). Nested marks
// are part of the outer quotation's text; only outermost quotations are
// returned.
func findMarks(src string, paras []article.Span, out []rawQuote) []rawQuote {
	for p := 0; p < len(paras); p++ {
		lo, hi := paras[p].Start, paras[p].End
		for i := nextMark(src, lo, hi); i < hi; i = nextMark(src, i, hi) {
			r, n := utf8.DecodeRuneInString(src[i:hi])
			set, alt, ok := closersFor(r)
			if !ok || !validOpener(src, r, i, lo, hi) {
				i += n
				continue
			}
			c, cp := findClose(src, paras, r, set, i+n, p)
			if c < 0 && alt != "" {
				c, cp = findClose(src, paras, r, alt, i+n, p)
			}
			if c < 0 {
				if !colonBefore(src, i, lo) {
					i += n // drop the stray mark, scan on after it
					continue
				}
				end := paras[cp].End
				q := rawQuote{inner: trim(src, article.Span{Start: i + n, End: end}), outer: article.Span{Start: i, End: end}, firstPara: p, lastPara: cp}
				if !q.inner.Empty() {
					out = append(out, q)
				}
				p = cp
				break
			}
			_, cn := utf8.DecodeRuneInString(src[c:])
			q := rawQuote{inner: trim(src, article.Span{Start: i + n, End: c}), outer: article.Span{Start: i, End: c + cn}, firstPara: p, lastPara: cp}
			if !q.inner.Empty() {
				out = append(out, q)
			}
			if cp != p {
				p = cp
				lo, hi = paras[p].Start, paras[p].End
			}
			i = c + cn
		}
	}
	return out
}
