package quotes

import (
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters or digits
	tPunct                    // one punctuation rune
	tQuote                    // a whole quotation, marks included
)

// token is one word, punctuation mark or collapsed quotation of the text.
type token struct {
	start, end int     // byte span in the source
	ka, kb     int32   // folded key of a tWord token: finder.keys[ka:kb]
	para       int32   // paragraph index of the token's start
	endPara    int32   // paragraph index of the token's end (differs for multi-paragraph quotes)
	quote      int32   // index into the quotes slice for tQuote, else -1
	sent       int32   // sentence index
	mStart     int32   // index of the mention starting in this token, or -1
	mEnd       int32   // index of the mention ending in this token, or -1
	r          rune    // the rune of a tPunct token
	kind       tokKind // word, punctuation or quotation
	cue        int16   // index+1 into finder.cues when a speech cue, -1 when not, 0 before lookup
}

// isWordRune reports whether r continues a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	switch r {
	case 0x200C, 0x200D, 0x0640: // ZWNJ, ZWJ, tatweel
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)
}

// foldRune maps r to its key form; it returns -1 for runes dropped from keys.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		return r
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640, r == 0x200C, r == 0x200D:
		return -1
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی', 'ې':
		return 'ي'
	case 'ک':
		return 'ك'
	case 'ة':
		return 'ه'
	case '’', '‘':
		return '\''
	}
	if unicode.IsUpper(r) {
		return unicode.ToLower(r)
	}
	return r
}

// fold returns the key of s: harakat, tatweel and joiners removed, alef,
// yeh, kaf and teh marbuta folded, Latin letters lower-cased. It is used to
// build the lexicon, so it must agree with the tokeniser's folding.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

// isSentenceEnd reports whether the punctuation rune r ends a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '。':
		return true
	}
	return false
}

// isColon reports whether r introduces a quotation like a colon does.
func isColon(r rune) bool { return r == ':' || r == '：' }

// abbreviations are Latin words after which a full stop does not end a
// sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "st": true, "jr": true, "lt": true, "col": true,
	"capt": true, "prof": true, "no": true, "vs": true, "u.s": true, "u.n": true,
}

// arClass classifies the runes U+0600–U+06FF for the tokeniser's fast path:
// arNon (not part of a word), arDrop (part of a word, left out of its key),
// or the low byte of the folded rune's offset from U+0600 plus arKeep, or
// an ASCII digit plus arDigit.
var arClass = buildArClass()

const (
	arNon   = 0
	arDrop  = 1
	arDigit = 0x100
	arKeep  = 0x200
)

func buildArClass() [256]uint16 {
	var t [256]uint16
	for i := range t {
		r := rune(0x0600 + i)
		if !isWordRune(r) {
			t[i] = arNon
			continue
		}
		f := foldRune(r)
		switch {
		case f < 0:
			t[i] = arDrop
		case f < utf8.RuneSelf:
			t[i] = arDigit | uint16(f)
		case f >= 0x0600 && f <= 0x06FF:
			t[i] = arKeep | uint16(f-0x0600)
		default:
			t[i] = arNon // not reached: Arabic folds stay in the block
		}
	}
	return t
}
