package article

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ignorable lists the runes that keys drop: Arabic harakat and Quranic
// marks, the tatweel, and invisible format characters (zero-width joiners,
// bidirectional controls, the byte-order mark, the combining grapheme
// joiner that NFKC inserts into very long runs of marks).
var ignorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00AD, Hi: 0x00AD, Stride: 1}, // soft hyphen
		{Lo: 0x034F, Hi: 0x034F, Stride: 1}, // combining grapheme joiner
		{Lo: 0x0610, Hi: 0x061A, Stride: 1}, // Arabic signs above and below
		{Lo: 0x061C, Hi: 0x061C, Stride: 1}, // Arabic letter mark
		{Lo: 0x0640, Hi: 0x0640, Stride: 1}, // tatweel
		{Lo: 0x064B, Hi: 0x065F, Stride: 1}, // harakat: fathatan … wavy hamza below
		{Lo: 0x0670, Hi: 0x0670, Stride: 1}, // superscript alef
		{Lo: 0x06D6, Hi: 0x06DC, Stride: 1}, // Quranic annotation marks
		{Lo: 0x06DF, Hi: 0x06E4, Stride: 1},
		{Lo: 0x06E7, Hi: 0x06E8, Stride: 1},
		{Lo: 0x06EA, Hi: 0x06ED, Stride: 1},
		{Lo: 0x08D3, Hi: 0x08E1, Stride: 1}, // Arabic Extended-A marks
		{Lo: 0x08E3, Hi: 0x08FF, Stride: 1},
		{Lo: 0x200B, Hi: 0x200F, Stride: 1}, // ZWSP, ZWNJ, ZWJ, LRM, RLM
		{Lo: 0x202A, Hi: 0x202E, Stride: 1}, // bidi embeddings and overrides
		{Lo: 0x2060, Hi: 0x2064, Stride: 1}, // word joiner, invisible operators
		{Lo: 0x2066, Hi: 0x2069, Stride: 1}, // bidi isolates
		{Lo: 0xFEFF, Hi: 0xFEFF, Stride: 1}, // byte-order mark
	},
}

// Fold maps one rune to its key form: the hamza-carrying and wasla alefs
// (أ إ آ ٱ ٲ ٳ) to bare alef ا, alef maqsura ى and Persian yeh ی to Arabic yeh
// ي, Persian kaf ک to Arabic kaf ك, teh marbuta ة to heh ه, Arabic-Indic and
// Persian digits to ASCII digits, the Arabic decimal and thousands separators
// ٫ ٬ to '.' and ',', and cased letters (Latin, Greek, Cyrillic, …) to lower
// case. Other runes map to themselves. It is the last stage of Normalizer.
func Fold(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case 0x0660 <= r && r <= 0x0669:
		return '0' + r - 0x0660
	case 0x06F0 <= r && r <= 0x06F9:
		return '0' + r - 0x06F0
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی':
		return 'ي'
	case 'ک':
		return 'ك'
	case 'ة':
		return 'ه'
	case '٫':
		return '.'
	case '٬':
		return ','
	}
	return unicode.ToLower(r)
}

// Ignorable reports whether keys drop r: Arabic harakat and Quranic marks
// (U+064B–U+065F, U+0670, U+06D6–U+06ED and the like), the tatweel U+0640,
// and invisible format characters such as ZWNJ, ZWJ, bidi controls and the
// byte-order mark.
func Ignorable(r rune) bool { return unicode.Is(ignorable, r) }

// Normalizer returns a new transformer that makes normalisation keys. It is
// the chain
//
//	transform.Chain(norm.NFKC, runes.Remove(runes.Predicate(Ignorable)), runes.Map(Fold))
//
// Key gives the same result faster. A Transformer keeps state, so a
// returned one must not be used by two goroutines at once; call Normalizer
// again for each.
func Normalizer() transform.Transformer {
	return transform.Chain(norm.NFKC, runes.Remove(runes.In(ignorable)), runes.Map(Fold))
}

// Key returns the normalisation key of s: the output of the Normalizer
// chain. Keys serve matching only; they never replace source text. Key
// returns s itself, without allocating, when s is already a key.
func Key(s string) string {
	i := 0
	for i < len(s) {
		b := s[i]
		if b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				break
			}
			i++
			continue
		}
		v, n := fastLookup(s, i)
		if v == fastSlow || v == fastDrop || rune(v) != decodeAt(s, i, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var small [64]byte // keys of short strings are built on the stack
	buf := small[:0]
	if len(s) > len(small)-8 {
		buf = make([]byte, 0, len(s)+8)
	}
	buf = append(buf, s[:i]...)
	buf, ok := appendKeyFast(buf, s[i:])
	if !ok {
		return slowKey(s)
	}
	return string(buf)
}

// slowKey runs the Normalizer chain on s.
func slowKey(s string) string {
	k, _, err := transform.String(Normalizer(), s)
	if err != nil {
		// The chain does not fail on strings; keep the input rather than
		// lose it.
		return s
	}
	return k
}

// Values of the fast tables: a folded rune, or one of these markers.
const (
	fastSlow = 0      // the rune needs the full chain
	fastDrop = 0xFFFF // the rune is removed
)

// fastLow covers U+0000–U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic) and
// fastPunct U+2000–U+206F (general punctuation). An entry is the rune's key
// form when NFKC leaves the rune alone whatever surrounds it, fastDrop when
// the key drops it, fastSlow otherwise.
var fastLow, fastPunct = buildFastTables()

// composing lists the harakat that NFC composes with a preceding letter
// (madda and hamza above or below: ا+ٓ → آ, و+ٔ → ؤ). They must go through
// NFKC before being removed. TestComposingMarks checks the list.
var composing = [...]rune{0x0653, 0x0654, 0x0655}

func buildFastTables() (low *[0x800]uint16, punct *[0x70]uint16) {
	low, punct = new([0x800]uint16), new([0x70]uint16)
	entry := func(r rune) uint16 {
		if r == 0 {
			return fastSlow
		}
		s := string(r)
		if !norm.NFKC.IsNormalString(s) {
			return fastSlow
		}
		if Ignorable(r) {
			for _, c := range composing {
				if r == c {
					return fastSlow
				}
			}
			return fastDrop
		}
		p := norm.NFKC.PropertiesString(s)
		if p.CCC() != 0 || !p.BoundaryBefore() {
			return fastSlow
		}
		f := Fold(r)
		if f >= 0xFFFF || f == 0 {
			return fastSlow
		}
		return uint16(f)
	}
	for r := range rune(len(low)) {
		low[r] = entry(r)
	}
	for r := range rune(len(punct)) {
		punct[r] = entry(0x2000 + r)
	}
	return low, punct
}

// fastLookup returns the fast-table entry of the non-ASCII rune starting at
// s[i] and its encoded length; fastSlow (with length 1) when the rune is
// outside the tables or not valid UTF-8.
func fastLookup(s string, i int) (uint16, int) {
	b := s[i]
	if b >= 0xC2 && b <= 0xDF && i+1 < len(s) {
		c := s[i+1]
		if c&0xC0 != 0x80 {
			return fastSlow, 1
		}
		return fastLow[rune(b&0x1F)<<6|rune(c&0x3F)], 2
	}
	if b == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 || s[i+1] == 0x81) {
		c := s[i+2]
		if c&0xC0 != 0x80 {
			return fastSlow, 1
		}
		if j := rune(s[i+1]&0x3F)<<6 | rune(c&0x3F); j < rune(len(fastPunct)) {
			return fastPunct[j], 3
		}
	}
	return fastSlow, 1
}

// decodeAt decodes the n-byte rune at s[i] that fastLookup accepted.
func decodeAt(s string, i, n int) rune {
	if n == 2 {
		return rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F)
	}
	return 0x2000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}

// appendKeyFast appends the key of s to dst using the fast tables. It
// reports false, with dst in an unspecified state past its original length,
// when s holds a rune the tables do not cover.
func appendKeyFast(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			dst = append(dst, b)
			i++
			continue
		}
		v, n := fastLookup(s, i)
		switch v {
		case fastSlow:
			return dst, false
		case fastDrop:
		default:
			dst = appendRune16(dst, v)
		}
		i += n
	}
	return dst, true
}

// appendRune16 appends the UTF-8 encoding of a rune below U+FFFF.
func appendRune16(dst []byte, v uint16) []byte {
	switch {
	case v < 0x80:
		return append(dst, byte(v))
	case v < 0x800:
		return append(dst, 0xC0|byte(v>>6), 0x80|byte(v&0x3F))
	}
	return append(dst, 0xE0|byte(v>>12), 0x80|byte(v>>6&0x3F), 0x80|byte(v&0x3F))
}
