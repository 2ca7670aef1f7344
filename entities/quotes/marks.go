package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
)

// rawQuote is a quotation found by its marks, before it is classified.
type rawQuote struct {
	inner article.Span // the text inside the marks, from its first token to its last
	outer article.Span // the marks and the text between them
	// open and close are the indexes in Article.Tokens of the opening
	// mark and of the closing one (of the last token, when unclosed).
	open, close int
	// first and last are the tokens of the quoted text.
	first, last int
	firstPara   int // block of the opening mark
	lastPara    int // block of the closing mark (or of the end, when unclosed)
}

// block is the title or a paragraph: a run of Article.Tokens.
type block struct {
	span        article.Span
	first, last int // a.Tokens[first:last]
}

// closersFor returns the closing marks that end a quotation opened by r,
// and whether r is a mark at all. The second list holds closers accepted
// only when none of the first kind closes it within the quotation's
// paragraphs (writers often type “…“ for “…”, and «…« for «…»).
func closersFor(r rune) (string, string, bool) {
	switch r {
	case '«':
		return "»", "«", true
	case '»':
		// Reversed guillemets (»…«), common in right-to-left text typed
		// with left-to-right marks. A » reached outside any quotation
		// cannot be closing one, so it opens.
		return "«", "»", true
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

// isMarkByte reports whether b can start a quotation mark: '"', '\” or the
// lead byte of « » ‹ › (0xC2 …, 0xE2 0x80 …) and of “ „ ” ‘ ’ (0xE2 0x80 …).
func isMarkByte(b byte) bool { return b == '"' || b == '\'' || b == 0xC2 || b == 0xE2 }

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
// the block [lo, hi). Symmetric marks must be followed by a non-space;
// single marks and ” must also start a word (an apostrophe after a word
// does not open a quotation).
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
		// An apostrophe after a Latin letter is no mark; a conjunction
		// glued to the mark (و”الديزل”) is.
		prev := runeBefore(s, i, lo)
		return (!isLetterOrDigit(prev) || r == '”' && unicode.Is(unicode.Arabic, prev)) && !isSpace(next) && next != r
	}
	return true
}

// validCloser reports whether the mark c at s[i:] can close a quotation of
// the block [lo, hi). An apostrophe between letters or before a letter
// never closes one; a guillemet of the opening kind («…«) closes only where
// it could not open a quotation: before a space, punctuation or the end.
func validCloser(s string, c, open rune, i, lo, hi int) bool {
	switch c {
	case '\'', '’':
		prev := runeBefore(s, i, lo)
		next := runeAt(s, i+utf8.RuneLen(c), hi)
		return !isSpace(prev) && !isLetterOrDigit(next)
	case '«', '»':
		if c == open {
			return !isLetterOrDigit(runeAt(s, i+utf8.RuneLen(c), hi))
		}
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

// markRune returns the quotation mark that token t is, or -1.
func markRune(a *article.Article, t article.Token) rune {
	if t.Kind != article.Punct || !isMarkByte(a.Source[t.Start]) {
		return -1
	}
	r, n := utf8.DecodeRuneInString(a.Source[t.Start:t.End])
	if n != t.Len() {
		return -1
	}
	if _, _, ok := closersFor(r); !ok && r != '’' {
		return -1
	}
	return r
}

// findClose looks for the token that closes the quotation opened by open,
// from token i of block b on. It follows the quotation into the next
// block when that block starts with the same opening mark. It returns the
// closer's token index and block, or -1.
func findClose(a *article.Article, blocks []block, open rune, set string, i, b int) (int, int) {
	depth := 0
	for {
		bl := blocks[b]
		for j := i; j < bl.last; j++ {
			t := a.Tokens[j]
			r := markRune(a, t)
			if r < 0 {
				continue
			}
			if r == open && !inSet(r, set) && validOpener(a.Source, r, t.Start, bl.span.Start, bl.span.End) {
				depth++ // a nested quotation with the same mark, as in «… «…» …»
			} else if inSet(r, set) && validCloser(a.Source, r, open, t.Start, bl.span.Start, bl.span.End) {
				if depth == 0 {
					return j, b
				}
				depth--
			}
		}
		// The block ends inside the quotation: it goes on only when the
		// next block opens with the same mark.
		if b+1 >= len(blocks) {
			return -1, b
		}
		nx := blocks[b+1]
		if nx.first >= nx.last || markRune(a, a.Tokens[nx.first]) != open {
			return -1, b
		}
		b++
		i = nx.first + 1
		depth = 0
	}
}

// findMarks appends the quotations of the blocks to out, from the
// quotation mark tokens.
//
// A quotation is bounded by its block: it runs into the next block only
// when that block starts with the same opening mark (the convention for
// quotations over several paragraphs). An opening mark left unclosed is
// dropped, unless it follows a colon, in which case the quotation runs to
// the end of its block (writers forget closing marks far more often than
// they write a colon before a stray one). Nested marks are part of the
// outer quotation's text; only outermost quotations are returned.
func findMarks(a *article.Article, blocks []block, out []rawQuote) []rawQuote {
	for b := 0; b < len(blocks); b++ {
		bl := blocks[b]
		for i := bl.first; i < bl.last; i++ {
			t := a.Tokens[i]
			r := markRune(a, t)
			if r < 0 {
				continue
			}
			set, alt, ok := closersFor(r)
			if !ok || !validOpener(a.Source, r, t.Start, bl.span.Start, bl.span.End) {
				continue
			}
			c, cb := findClose(a, blocks, r, set, i+1, b)
			if c < 0 && alt != "" {
				c, cb = findClose(a, blocks, r, alt, i+1, b)
			}
			q := rawQuote{open: i, firstPara: b}
			if c < 0 {
				if i == bl.first || !isColonToken(a, a.Tokens[i-1]) {
					continue // drop the stray mark, scan on after it
				}
				last := blocks[cb].last - 1
				q.close, q.lastPara = last, cb
				q.outer = article.Span{Start: t.Start, End: a.Tokens[last].End}
				if last > i {
					q.first, q.last = i+1, last
					q.inner = article.Span{Start: a.Tokens[i+1].Start, End: a.Tokens[last].End}
					out = append(out, q)
				}
				b = cb
				break
			}
			q.close, q.lastPara = c, cb
			q.outer = article.Span{Start: t.Start, End: a.Tokens[c].End}
			if c > i+1 {
				q.first, q.last = i+1, c-1
				q.inner = article.Span{Start: a.Tokens[i+1].Start, End: a.Tokens[c-1].End}
				out = append(out, q)
			}
			if cb != b {
				b = cb
				bl = blocks[b]
			}
			i = c
		}
	}
	return out
}

// isColonToken reports whether t is a colon.
func isColonToken(a *article.Article, t article.Token) bool {
	if t.Kind != article.Punct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a.Source[t.Start:t.End])
	return isColon(r)
}

// isColon reports whether r introduces a quotation like a colon does.
func isColon(r rune) bool { return r == ':' || r == '：' }
