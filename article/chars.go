package article

import (
	"unicode"
	"unicode/utf8"
)

// Character classes used by the scanners.
const (
	cSkip   uint8 = iota // control characters: not part of any token
	cSpace               // white space and invisible format characters
	cLetter              // letters
	cMark                // combining marks
	cDigit               // decimal digits of any script
	cJoin                // ZWNJ and ZWJ: inside a word when between letters
	cTerm                // sentence terminals: . ! ? ؟ … ۔
	cPunct               // other punctuation and symbols
)

// classLow classifies U+0000–U+07FF; classOf handles the rest.
var classLow = func() *[0x800]uint8 {
	t := new([0x800]uint8)
	for r := range rune(len(t)) {
		t[r] = classify(r)
	}
	return t
}()

// classOf returns the class of r.
func classOf(r rune) uint8 {
	if r < rune(len(classLow)) {
		return classLow[r]
	}
	return classify(r)
}

// classify computes the class of r from the Unicode tables.
func classify(r rune) uint8 {
	switch r {
	case '.', '!', '?', '؟', '…', '۔', '‼', '⁇', '⁈', '⁉':
		return cTerm
	case 0x200C, 0x200D:
		return cJoin
	}
	switch {
	case isBlankSlow(r):
		return cSpace
	case unicode.IsLetter(r):
		return cLetter
	case unicode.IsMark(r):
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cs, r):
		return cSkip
	}
	return cPunct
}

// isBlank reports whether r is white space or an invisible format character
// (zero-width space, bidi marks, the byte-order mark): the runes that
// separate text without being text. Spans never start or end with them.
func isBlank(r rune) bool {
	if r < rune(len(classLow)) {
		return classLow[r] == cSpace
	}
	return isBlankSlow(r)
}

// isBlankSlow is isBlank without the class table, which it builds.
func isBlankSlow(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch {
	case unicode.IsSpace(r):
		return true
	case r == 0x00AD, r == 0x061C, r == 0xFEFF,
		0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E,
		0x2060 <= r && r <= 0x2064, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// decode decodes the rune at s[i] like utf8.DecodeRuneInString, with fast
// paths for ASCII and two-byte sequences: an invalid byte gives
// (utf8.RuneError, 1).
func decode(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// trimSpan shrinks [start, end) of s past blank runes at both ends.
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		b := s[start]
		if b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f' || b == '\n' {
			start++
			continue
		}
		if b < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !isBlank(r) {
			break
		}
		start += n
	}
	for end > start {
		b := s[end-1]
		if b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f' || b == '\n' {
			end--
			continue
		}
		if b < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !isBlank(r) {
			break
		}
		end -= n
	}
	return start, end
}

// isClosing reports whether r closes a quotation or a bracket.
func isClosing(r rune) bool {
	switch r {
	case '»', '”', '’', ')', ']', '}', '"', '\'', '›', '」', '』':
		return true
	}
	return false
}
