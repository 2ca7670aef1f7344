package article

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Token flags.
const (
	flagSlowKey uint8 = 1 << iota // the key came from the full Normalizer chain
)

// tokenize splits the title and the paragraphs into tokens, makes their
// keys and stems, and segments them into sentences.
func (b *builder) tokenize() {
	a := b.a
	a.Tokens = make([]Token, 0, b.est+8)
	keys := make([]byte, 0, len(a.Source)+64)
	type rng struct{ first, last int }
	ranges := make([]rng, 0, len(a.Paragraphs)+1)
	if !a.Title.Empty() {
		first := len(a.Tokens)
		keys = b.tokens(a.Title.Start, a.Title.End, keys)
		ranges = append(ranges, rng{first, len(a.Tokens)})
	}
	for _, p := range a.Paragraphs {
		first := len(a.Tokens)
		keys = b.tokens(p.Start, p.End, keys)
		ranges = append(ranges, rng{first, len(a.Tokens)})
	}
	a.keys = string(keys)
	if a.Lang == language.Arabic {
		for i := range a.Tokens {
			t := &a.Tokens[i]
			if t.Kind == Word {
				t.stemStart = t.keyStart + int32(stemPrefix(a.keys[t.keyStart:t.keyEnd]))
			}
		}
	}

	sents := make([]Sentence, 0, len(ranges)*2)
	bounds := make([]int, 0, len(ranges)+1)
	for _, r := range ranges {
		bounds = append(bounds, len(sents))
		sents = a.appendSentences(sents, r.first, r.last)
	}
	bounds = append(bounds, len(sents))
	k := 0
	if !a.Title.Empty() {
		a.TitleSentences = sents[bounds[0]:bounds[1]:bounds[1]]
		k = 1
	}
	for i := range a.Paragraphs {
		a.Paragraphs[i].Sentences = sents[bounds[k+i]:bounds[k+i+1]:bounds[k+i+1]]
	}
}

// tokens appends the tokens of Source[start:end] to a.Tokens and their keys
// to keys.
func (b *builder) tokens(start, end int, keys []byte) []byte {
	s := b.a.Source[:end]
	for i := start; i < end; {
		r, n := decode(s, i)
		k := len(keys)
		var j int
		var kind TokenKind
		slow := false
		switch classOf(r) {
		case cLetter, cMark:
			j, keys, slow = wordKey(s, i, keys)
			kind = Word
		case cDigit:
			j, kind = scanNumber(s, i+n), Number
		case cTerm:
			j, kind = i+n, Punct
			for j < len(s) {
				r2, n2 := decode(s, j)
				if classOf(r2) != cTerm {
					break
				}
				j += n2
			}
		case cPunct:
			j, kind = i+n, Punct
		default:
			i += n
			continue
		}
		if kind != Word {
			var ok bool
			keys, ok = appendKeyFast(keys, s[i:j])
			slow = !ok
		}
		var flags uint8
		if slow {
			keys = append(keys[:k], slowKey(s[i:j])...)
			flags |= flagSlowKey
		}
		b.a.Tokens = append(b.a.Tokens, Token{
			Span: Span{i, j}, Kind: kind, flags: flags,
			keyStart: int32(k), keyEnd: int32(len(keys)), stemStart: int32(k),
		})
		i = j
	}
	return keys
}

// wordKey scans the word starting at s[i] and appends its key to keys
// from the fast tables, in one pass. It returns the word's end and slow =
// true when the word needs the full Normalizer chain (keys then holds a
// partial key past its original length).
//
// A word is letters and marks, joiners between letters, and in Latin words
// digits (G7, F16) and apostrophes between letters. A digit after an
// Arabic-script letter starts a number: و١٩٩٠ is و and ١٩٩٠.
func wordKey(s string, i int, keys []byte) (end int, out []byte, slow bool) {
	latin := false
	var prev rune
	for first := true; i < len(s); first = false {
		b := s[i]
		var r rune
		var n int
		var c uint8
		var v uint16
		switch {
		case b < utf8.RuneSelf:
			r, n, c, v = rune(b), 1, classLow[b], fastLow[b]
		case b < 0xE0:
			r, n = rune(b&0x1F)<<6|rune(s[i+1]&0x3F), 2
			c, v = classLow[r], fastLow[r]
		default:
			r, n = utf8.DecodeRuneInString(s[i:])
			c, v = classOf(r), fastSlow
			if 0x2000 <= r && r < 0x2000+rune(len(fastPunct)) {
				v = fastPunct[r-0x2000]
			}
		}
		switch c {
		case cLetter, cMark:
			if first {
				latin = isLatin(r)
			}
		case cDigit:
			if !latin {
				return i, keys, slow
			}
		case cJoin:
			if i+n >= len(s) {
				return i, keys, slow
			}
			if r2, _ := decode(s, i+n); classOf(r2) != cLetter && classOf(r2) != cMark {
				return i, keys, slow
			}
		default:
			if (r != '\'' && r != '’') || !isLatin(prev) || i+n >= len(s) {
				return i, keys, slow
			}
			if r2, _ := decode(s, i+n); !isLatin(r2) {
				return i, keys, slow
			}
		}
		switch v {
		case fastSlow:
			slow = true
		case fastDrop:
		default:
			keys = appendRune16(keys, v)
		}
		prev = r
		i += n
	}
	return i, keys, slow
}

// isLatin reports whether r is a Latin letter.
func isLatin(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r)
}

// scanNumber returns the end of the number whose first digit ends at i:
// digits, and the separators . , ٫ ٬ between digits.
func scanNumber(s string, i int) int {
	for i < len(s) {
		r, n := decode(s, i)
		if classOf(r) == cDigit {
			i += n
			continue
		}
		if r == '.' || r == ',' || r == '٫' || r == '٬' {
			if i+n < len(s) {
				if r2, _ := decode(s, i+n); classOf(r2) == cDigit {
					i += n
					continue
				}
			}
		}
		return i
	}
	return i
}

// KeySpan returns the span in Source of tok from the letter that produced
// byte off of a.Key(tok) to tok's end; marks and tatweels before that
// letter are left out. It maps a Split back to the source: for a split s of
// a.Key(tok), a.KeySpan(tok, len(s.Prefix)) is the span of s.Stem.
func (a *Article) KeySpan(tok Token, off int) Span {
	key := a.Key(tok)
	if off <= 0 {
		return tok.Span
	}
	if off >= len(key) {
		return Span{tok.End, tok.End}
	}
	src := a.Source[tok.Start:tok.End]
	if tok.flags&flagSlowKey == 0 {
		out := 0
		for i := 0; i < len(src); {
			var w int
			var v uint16
			if src[i] < utf8.RuneSelf {
				v, w = uint16(src[i]), 1
			} else {
				v, w = fastLookup(src, i)
			}
			if v != fastDrop {
				if out >= off {
					return Span{tok.Start + i, tok.End}
				}
				out += runeLen16(v)
			}
			i += w
		}
		return Span{tok.End, tok.End}
	}
	// The key went through NFKC: find the last rune boundary whose suffix
	// still has the wanted key.
	want := key[off:]
	best := -1
	for i := range src {
		k := Key(src[i:])
		if k == want {
			best = i
		} else if len(k) < len(want) {
			break
		}
	}
	if best < 0 {
		for i := range src {
			if len(Key(src[i:])) <= len(want) {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return Span{tok.End, tok.End}
	}
	return Span{tok.Start + best, tok.End}
}

// runeLen16 returns the UTF-8 length of a rune below U+FFFF.
func runeLen16(v uint16) int {
	switch {
	case v < 0x80:
		return 1
	case v < 0x800:
		return 2
	}
	return 3
}

func (a *Article) stemSpan(tok Token) Span {
	return a.KeySpan(tok, int(tok.stemStart-tok.keyStart))
}
