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
		// glued to the mark (و”الديزل”) is. A ” before punctuation
		// (مختلفة”.) has the shape of a closing mark only.
		prev := runeBefore(s, i, lo)
		return (!isLetterOrDigit(prev) || r == '”' && unicode.Is(unicode.Arabic, prev)) && !isSpace(next) && next != r &&
			!(r == '”' && inSet(next, ".,،؛;:!?؟)]"))
	}
	return true
}

// opensOnly reports whether the straight mark r at s[i:] of the block
// [lo, hi) has the shape of an opening mark only: a space (or the block's
// start) before it and a word after it. Inside a quotation such a mark
// opens a nested one (قال "تنظيم "داعش" الإرهابي …"), it does not close.
func opensOnly(s string, r rune, i, lo, hi int) bool {
	if r != '"' {
		return false
	}
	next := runeAt(s, i+1, hi)
	return isSpace(runeBefore(s, i, lo)) && next >= 0 && !isSpace(next) && !unicode.IsPunct(next)
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

// matcher pairs the quotation marks of each block, one table per block,
// opening mark and set of closers, built on first use: every mark is
// looked at a bounded number of times, so stray marks cost nothing more
// and the search is linear in the article.
type matcher struct {
	a      *article.Article
	blocks []block
	// tables are the tables built since the search entered block from;
	// buf holds their entries.
	tables []matchTable
	from   int
	buf    []int32
	stack  []int32
}

// matchTable is the table of one block, opening mark and set of closers:
// buf[off:off+n].
type matchTable struct {
	block  int
	open   rune
	set    string
	off, n int
}

// enter tells the matcher the search is at block b: tables of the blocks
// before it are not needed again (a quotation only runs forward).
func (m *matcher) enter(b int) {
	if b != m.from {
		m.tables, m.buf, m.from = m.tables[:0], m.buf[:0], b
	}
}

// table returns, for each token of block b, the index of the token that
// closes the quotation it opens (as open, closed by a mark of set), or -1.
// A nested quotation with the same mark («… «…» …») is skipped, as a
// stack of open marks does.
func (m *matcher) table(b int, open rune, set string) []int32 {
	a, bl := m.a, m.blocks[b]
	off := len(m.buf)
	for j := bl.first; j < bl.last; j++ {
		m.buf = append(m.buf, -1)
	}
	t := m.buf[off:]
	top := m.stack[:0] // the open marks
	for j := bl.first; j < bl.last; j++ {
		tok := a.Tokens[j]
		if tok.Kind != article.Punct || !isMarkByte(a.Source[tok.Start]) {
			continue
		}
		r := markRune(a, tok)
		closes := inSet(r, set) && validCloser(a.Source, r, open, tok.Start, bl.span.Start, bl.span.End)
		opens := r == open && validOpener(a.Source, r, tok.Start, bl.span.Start, bl.span.End)
		switch {
		case opens && (!inSet(r, set) || len(top) > 0 && opensOnly(a.Source, r, tok.Start, bl.span.Start, bl.span.End)):
			top = append(top, int32(j)) // «, or " before a word inside a quotation: it nests
		case closes && len(top) > 0:
			t[top[len(top)-1]-int32(bl.first)] = int32(j)
			top = top[:len(top)-1]
		case opens && len(top) == 0:
			top = append(top, int32(j)) // ": it opens where nothing is open
		}
	}
	m.stack = top
	m.tables = append(m.tables, matchTable{block: b, open: open, set: set, off: off, n: len(t)})
	return t
}

// findClose returns the token that closes the quotation opened by open at
// token i of block b, and the block it is in, or -1. The quotation goes on
// into the next block when that block starts with the same opening mark.
func (m *matcher) findClose(open rune, set string, i, b int) (int, int) {
	for {
		if c := m.closeIn(b, open, set, i); c >= 0 {
			return c, b
		}
		if b+1 >= len(m.blocks) {
			return -1, b
		}
		nx := m.blocks[b+1]
		if nx.first >= nx.last || markRune(m.a, m.a.Tokens[nx.first]) != open {
			return -1, b
		}
		b++
		i = nx.first
	}
}

// scanBudget is how many tokens a quotation's closing mark is looked for
// by a plain scan before the block's table is built: most quotations
// close well within it, and a block's stray marks then cost one table.
const scanBudget = 256

// closeIn returns the token of block b that closes the quotation opened
// at token i, or -1: by a plain scan while that is cheap, else from the
// block's table.
func (m *matcher) closeIn(b int, open rune, set string, i int) int {
	for _, t := range m.tables {
		if t.block == b && t.open == open && t.set == set {
			return int(m.buf[t.off+i-m.blocks[b].first])
		}
	}
	a, bl := m.a, m.blocks[b]
	depth := 0
	for j := i + 1; j < bl.last; j++ {
		if j-i > scanBudget {
			return int(m.table(b, open, set)[i-bl.first])
		}
		t := a.Tokens[j]
		if t.Kind != article.Punct || !isMarkByte(a.Source[t.Start]) {
			continue
		}
		r := markRune(a, t)
		if r == open && (!inSet(r, set) || opensOnly(a.Source, r, t.Start, bl.span.Start, bl.span.End)) &&
			validOpener(a.Source, r, t.Start, bl.span.Start, bl.span.End) {
			depth++ // a nested quotation with the same mark, as in «… «…» …» or "… "…" …"
		} else if inSet(r, set) && validCloser(a.Source, r, open, t.Start, bl.span.Start, bl.span.End) {
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// findMarks appends the quotations of the blocks to out, from the
// quotation mark tokens.
//
// A quotation is bounded by its block: it runs into the next block only
// when that block starts with the same opening mark (the convention for
// quotations over several paragraphs). An opening mark left unclosed is
// dropped, unless it follows a colon, in which case the quotation runs to
// the end of its block (writers forget closing marks far more often than
// they write a colon before a stray one); the same for a mark that is not
// a straight one after a word that cue reports as a speech verb (وأضاف
// «…). Nested marks are part of the
// outer quotation's text; only outermost quotations are returned.
func findMarks(a *article.Article, blocks []block, out []rawQuote, cue func(article.Token) bool) []rawQuote {
	m := matcher{a: a, blocks: blocks, from: -1}
	for b := 0; b < len(blocks); b++ {
		m.enter(b)
		bl := blocks[b]
		for i := bl.first; i < bl.last; i++ {
			t := a.Tokens[i]
			if t.Kind != article.Punct || !isMarkByte(a.Source[t.Start]) {
				continue
			}
			r := markRune(a, t)
			if r < 0 {
				continue
			}
			set, alt, ok := closersFor(r)
			if !ok || !validOpener(a.Source, r, t.Start, bl.span.Start, bl.span.End) {
				continue
			}
			c, cb := m.findClose(r, set, i, b)
			if c < 0 && alt != "" {
				c, cb = m.findClose(r, alt, i, b)
			}
			q := rawQuote{open: i, firstPara: b}
			if c < 0 {
				if i == bl.first || !isColonToken(a, a.Tokens[i-1]) && (cue == nil || r == '"' || r == '\'' || !cue(a.Tokens[i-1])) {
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
