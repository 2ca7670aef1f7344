package article

import (
	"unicode"
	"unicode/utf8"
)

// Token flags.
const (
	flagSlowKey uint8 = 1 << iota // the key came from the full Normalizer chain
)

// tokenize splits the title, the datelines and the paragraphs into
// tokens, in source order, and makes their keys.
func (b *builder) tokenize() {
	a := b.a
	a.Tokens = make([]Token, 0, b.est)
	keys := make([]byte, 0, len(a.Source)+64)
	b.ranges = make([]tokenRange, 0, len(a.Paragraphs)+len(a.Datelines)+1)
	// The three lists are each sorted and disjoint: merge them.
	title := !a.Title.Empty()
	d, p := 0, 0
	for title || d < len(a.Datelines) || p < len(a.Paragraphs) {
		r := tokenRange{part: BodyPart, para: -1}
		var s Span
		switch {
		case title && (d == len(a.Datelines) || a.Title.Start < a.Datelines[d].Start) &&
			(p == len(a.Paragraphs) || a.Title.Start < a.Paragraphs[p].Start):
			r.part, s, title = TitlePart, a.Title, false
		case d < len(a.Datelines) && (p == len(a.Paragraphs) || a.Datelines[d].Start < a.Paragraphs[p].Start):
			r.part, s = DatelinePart, a.Datelines[d]
			d++
		default:
			r.para, s = p, a.Paragraphs[p].Span
			p++
		}
		if len(b.ranges)%ctxEvery == ctxEvery-1 && b.stopped() {
			return
		}
		r.first = len(a.Tokens)
		keys = b.tokens(s.Start, s.End, keys)
		r.last = len(a.Tokens)
		b.ranges = append(b.ranges, r)
	}
	a.keys = string(keys)
}

// ctxEvery is how many blocks pass between two looks at the context.
const ctxEvery = 512

// stopped reports whether the parse's context is done.
func (b *builder) stopped() bool {
	select {
	case <-b.done:
		return true
	default:
		return false
	}
}

// tokenRange is the token index range of the title, a dateline or a
// paragraph.
type tokenRange struct {
	first, last int
	part        Part
	para        int // paragraph index, or -1
}

// unstem drops the default stems that tokens() set: the article is not
// Arabic after all.
func (b *builder) unstem() {
	for i := range b.a.Tokens {
		t := &b.a.Tokens[i]
		t.stemStart = t.keyStart
	}
}

// sentences segments the title, every dateline and every paragraph into
// sentences: a.Sentences holds them all, and TitleSentences and each
// paragraph's Sentences are parts of it.
func (b *builder) sentences() {
	a := b.a
	sents := make([]Sentence, 0, len(b.ranges)*2)
	bounds := make([]int, 0, len(b.ranges)+1)
	for _, r := range b.ranges {
		bounds = append(bounds, len(sents))
		sents = a.appendSentences(sents, r.first, r.last)
		for i := bounds[len(bounds)-1]; i < len(sents); i++ {
			sents[i].Part = r.part
		}
	}
	bounds = append(bounds, len(sents))
	a.Sentences = sents
	for i, r := range b.ranges {
		part := sents[bounds[i]:bounds[i+1]:bounds[i+1]]
		switch r.part {
		case TitlePart:
			a.TitleSentences = part
		case BodyPart:
			a.Paragraphs[r.para].Sentences = part
		}
	}
}

// tokens appends the tokens of Source[start:end] to a.Tokens and their keys
// to keys.
func (b *builder) tokens(start, end int, keys []byte) []byte {
	s := b.a.Source[:end]
	toks := b.a.Tokens // kept in a local until the end: faster appends
	defer func() { b.a.Tokens = toks }()
	for i := start; i < end; {
		r, n := decode(s, i)
		if r == utf8.RuneError && n == 1 {
			// Every rune of the span is decoded here or in a loop that
			// stops at an invalid byte, which then comes here: this is
			// where tokenizing validates UTF-8.
			b.st.invalid = true
		}
		k := len(keys)
		var j int
		var kind TokenKind
		slow := false
		switch classOf(r) {
		case cLetter, cMark:
			j, keys, slow = wordKey(s, i, keys, &b.st)
			kind = Word
			switch {
			case 0x600 <= r && r < 0x700:
			case isLatin(r):
				b.st.latin += j - i
			default:
				b.st.other += j - i
				switch {
				case 0x590 <= r && r < 0x600:
					b.st.hebrew += j - i
				case 0x700 <= r && r < 0x7C0, 0x8A0 <= r && r < 0x900:
					b.st.rtl += j - i
				}
			}
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
			if r == utf8.RuneError || 0xE000 <= r && r <= 0xF8FF || r&0xFFFE == 0xFFFE || r >= 0xF0000 {
				b.st.junk += n
				b.st.visible -= n
			}
		default:
			if r < 0x20 || 0x7F <= r && r < 0xA0 {
				b.st.junk += n
			}
			i += n
			continue
		}
		b.st.visible += j - i
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
		if kind == Word && len(keys) == k {
			kind = Punct // only marks or tatweel (a stray ـ or ٌ): no letter, no word
		}
		stem := k
		if kind == Word && len(keys)-k >= 8 && (keys[k] == 0xD8 || keys[k] == 0xD9) {
			// An Arabic-script word: its default stem, kept if the article
			// turns out to be Arabic.
			stem += stemPrefix(keys[k:])
			b.stemmed = true
		}
		toks = append(toks, Token{
			Span: Span{i, j}, Kind: kind, flags: flags,
			keyStart: int32(k), keyEnd: int32(len(keys)), stemStart: int32(stem),
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
func wordKey(s string, i int, keys []byte, st *stats) (end int, out []byte, slow bool) {
	latin := false
	var prev rune
	for first := true; i < len(s); first = false {
		b := s[i]
		// Fast paths: letters and marks of the Arabic block, ASCII letters.
		if b >= 0xD8 && b <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			c2 := s[i+1]
			r := rune(b&0x1F)<<6 | rune(c2&0x3F)
			x := charInfo[r]
			if c := uint8(x); c == cLetter || c == cMark {
				st.arabic[r-0x600]++
				switch v := uint16(x >> 8); v {
				case uint16(r):
					keys = append(keys, b, c2)
				case fastDrop:
				case fastSlow:
					slow = true
				default:
					keys = appendRune16(keys, v)
				}
				prev = r
				i += 2
				continue
			}
		} else if 'a' <= b|0x20 && b|0x20 <= 'z' {
			if first {
				latin = true
			}
			keys = append(keys, b|0x20)
			prev = rune(b)
			i++
			continue
		}
		var r rune
		var n int
		var c uint8
		var v uint16
		switch {
		case b < utf8.RuneSelf:
			r, n = rune(b), 1
			x := charInfo[r]
			c, v = uint8(x), uint16(x>>8)
		case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(b&0x1F)<<6|rune(s[i+1]&0x3F), 2
			x := charInfo[r]
			c, v = uint8(x), uint16(x>>8)
			if uint32(r-0x600) < 0x100 {
				st.arabic[r-0x600]++
			}
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

// isLatin reports whether the letter r is Latin.
func isLatin(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r < 0x2B0: // Latin-1, Extended-A and -B, IPA
		return true
	case r < 0x1D00:
		return false
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
	// The key went through NFKC: find the first rune boundary whose prefix
	// has a key at least off bytes long, then step over runes keys drop.
	i := 0
	for i < len(src) && len(Key(src[:i])) < off {
		_, w := utf8.DecodeRuneInString(src[i:])
		i += w
	}
	for i < len(src) {
		r, w := utf8.DecodeRuneInString(src[i:])
		if !Ignorable(r) {
			break
		}
		i += w
	}
	return Span{tok.Start + i, tok.End}
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

// charInfo combines classLow and fastLow: class | key form << 8.
var charInfo = func() *[0x800]uint32 {
	t := new([0x800]uint32)
	for r := range t {
		t[r] = uint32(classLow[r]) | uint32(fastLow[r])<<8
	}
	return t
}()
