package dates

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Token kinds.
const (
	tWord uint8 = iota + 1
	tNum
	tPunct
)

// Digit scripts of a number token.
const (
	scriptASCII uint8 = iota
	scriptArabic
	scriptPersian
)

// token is one word, number or punctuation mark of the text and its byte
// span. The tokeniser checks a word's key hashes against the lexicon's
// hash set (see addWord) and marks a miss with look -1; the key itself is
// made only when asked for, and kept in tokens.keys. A token holds no
// pointer, so the tokeniser's appends need no write barriers.
type token struct {
	start, end int32 // byte span in the text
	num        int32 // value of a number token (capped)
	kidx       int32 // index+1 of a word's key in tokens.keys, 0 before it is made
	look       int32 // index+1 of the token's lexicon entry in tokens.looks; -1 for none (set by the tokeniser when a word's hashes miss the lexicon); 0 before the lookup
	kind       uint8
	nd         uint8 // digits in a number token
	script     uint8 // digit script of a number token
	space      bool  // white space (or the text start) comes right before
}

// looked is the result of parser.word for a token.
type looked struct {
	e   *entry
	off int
}

// tokens is a tokenised text.
type tokens struct {
	text    string
	toks    []token
	keys    []string // the word keys made so far
	looks   []looked // the lexicon entries of words looked up so far
	persian bool     // Persian-only letters or digits occur in the text
	kbuf    []byte
}

// key returns the normalisation key of token i: folded letters for a
// word, the folded mark for punctuation, "" for a number.
func (ts *tokens) key(i int) string {
	t := &ts.toks[i]
	switch t.kind {
	case tWord:
	case tPunct:
		raw := ts.text[t.start:t.end]
		if raw[0] < utf8.RuneSelf {
			return raw
		}
		r, _ := utf8.DecodeRuneInString(raw)
		return punctKey(r, raw)
	default:
		return ""
	}
	if t.kidx > 0 {
		return ts.keys[t.kidx-1]
	}
	raw := ts.text[t.start:t.end]
	b := ts.kbuf
	n := len(b)
	for j := 0; j < len(raw); {
		c := raw[j]
		if c >= 0xD8 && c <= 0xDB && j+1 < len(raw) && raw[j+1]&0xC0 == 0x80 {
			// Arabic block: its folds stay in the block.
			if f := arWord[uint(c&0x03)<<6|uint(raw[j+1]&0x3F)] & 0xFFFF; f != 0 {
				b = append(b, 0xC0|byte(f>>6), 0x80|byte(f&0x3F))
			}
			j += 2
			continue
		}
		r, w := utf8.DecodeRuneInString(raw[j:])
		if f := foldRune(r); f != 0 {
			b = utf8.AppendRune(b, f)
		}
		j += w
	}
	ts.kbuf = b
	k := raw // nothing folded: share the text
	if len(b) == n {
		k = ""
	} else if string(b[n:]) != raw {
		// The key views kbuf, which only grows during a Find call: keys
		// never outlive it (Find returns spans and values, no key).
		k = unsafe.String(&b[n], len(b)-n)
	}
	ts.keys = append(ts.keys, k)
	t.kidx = int32(len(ts.keys))
	return k
}

// Hashing of folded keys: FNV-1a over runes.
const (
	hashOffset uint32 = 2166136261
	hashPrime  uint32 = 16777619
)

func hashKey(k string) uint32 {
	h := hashOffset
	for _, r := range k {
		h = (h ^ uint32(r)) * hashPrime
	}
	return h
}

// hashSet is an open-addressing set of key hashes.
type hashSet struct {
	slots []uint32 // 0 is empty
	mask  uint32
}

func newHashSet(keys []string) *hashSet {
	n := 1
	for n < 4*len(keys) {
		n <<= 1
	}
	s := &hashSet{slots: make([]uint32, n), mask: uint32(n - 1)}
	for _, k := range keys {
		s.add(hashKey(k))
	}
	return s
}

func (s *hashSet) add(h uint32) {
	if h == 0 {
		h = 1
	}
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		if s.slots[i] == h {
			return
		}
		if s.slots[i] == 0 {
			s.slots[i] = h
			return
		}
	}
}

func (s *hashSet) has(h uint32) bool {
	if h == 0 {
		h = 1
	}
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// foldRune maps r to its key form: 0 drops it.
func foldRune(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640, r == 0x200C, r == 0x200D, r == 0x200F, r == 0x200E:
		return 0
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی', 'ې':
		return 'ي'
	case 'ک':
		return 'ك'
	case 'ة', 'ۀ', 'ە':
		return 'ه'
	}
	if r >= 'A' && r <= 'Z' {
		return r + 32
	}
	return r
}

// digitValue returns the value of a decimal digit in ASCII, Arabic-Indic
// or Persian (Extended Arabic-Indic) digits, and its script.
func digitValue(r rune) (int, uint8, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), scriptASCII, true
	case r >= 0x0660 && r <= 0x0669:
		return int(r - 0x0660), scriptArabic, true
	case r >= 0x06F0 && r <= 0x06F9:
		return int(r - 0x06F0), scriptPersian, true
	}
	return 0, 0, false
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if r >= 0x0600 && r <= 0x06FF {
		return arWord[r-0x0600]&arIsWord != 0
	}
	return r == 0x200C || r == 0x200D || unicode.IsLetter(r) || unicode.IsMark(r)
}

// decode returns the rune at s[i] and its width, with a fast path for the
// two-byte sequences of Arabic script.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) {
		if c2 := s[i+1]; c2&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c2&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isPersianRune(r rune) bool {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
		return true
	}
	return r >= 0x06F0 && r <= 0x06F9
}

// punctKey returns the key of a punctuation rune.
func punctKey(r rune, raw string) string {
	switch r {
	case '،', '٬':
		return ","
	case '٫':
		return "."
	case '–', '—', '‐', '‑', '−':
		return "-"
	case '؛':
		return ";"
	case '؟':
		return "?"
	}
	return raw
}

// tokenize splits text into tokens, reusing ts's storage.
func tokenize(text string, ts *tokens) {
	ts.text = text
	ts.toks = ts.toks[:0]
	ts.keys = ts.keys[:0]
	ts.kbuf = ts.kbuf[:0]
	ts.looks = ts.looks[:0]
	ts.persian = false
	space := true
	i := 0
	for i < len(text) {
		c := text[i]
		if c < 0x80 {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case c >= '0' && c <= '9':
				i = scanNumber(text, i, ts, space)
				space = false
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				i = scanWord(text, i, ts, space)
				space = false
				continue
			}
			ts.toks = append(ts.toks, token{start: int32(i), end: int32(i + 1), kind: tPunct, space: space})
			space = false
			i++
			continue
		}
		if c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 && arWord[uint(c&0x03)<<6|uint(text[i+1]&0x3F)]&arIsWord != 0 {
			// An Arabic-block letter or mark (never a digit or a joiner).
			i = scanWord(text, i, ts, space)
			space = false
			continue
		}
		r, n := decode(text, i)
		if _, _, ok := digitValue(r); ok {
			i = scanNumber(text, i, ts, space)
			space = false
			continue
		}
		if isWordRune(r) && r != 0x200C && r != 0x200D {
			i = scanWord(text, i, ts, space)
			space = false
			continue
		}
		if r == 0x200E || r == 0x200F || r == 0x061C || r == 0x200D || r == 0xFEFF {
			i += n // bidi marks and joiners between tokens are transparent
			continue
		}
		if r == 0x200C || unicode.IsSpace(r) {
			space = true
			i += n
			continue
		}
		ts.toks = append(ts.toks, token{start: int32(i), end: int32(i + n), kind: tPunct, space: space})
		space = false
		i += n
	}
}

func scanNumber(text string, i int, ts *tokens, space bool) int {
	start := i
	var v int64
	var nd, script uint8
	for i < len(text) {
		r, n := decode(text, i)
		d, s, ok := digitValue(r)
		if !ok {
			break
		}
		if s > script {
			script = s
		}
		if s == scriptPersian {
			ts.persian = true
		}
		if v < 1e9 {
			v = v*10 + int64(d)
		}
		if nd < 255 {
			nd++
		}
		i += n
	}
	if v > 1<<30 {
		v = 1 << 30
	}
	ts.toks = append(ts.toks, token{start: int32(start), end: int32(i), num: int32(v), kind: tNum, nd: nd, script: script, space: space})
	return i
}

// arWord describes each rune of the Arabic block U+0600-U+06FF for the
// scanners: its folded rune in the low 16 bits (0 when the rune is dropped
// from keys), arIsWord when it belongs to words (letters, marks and
// tatweel), arIsPersian when it is Persian-only.
var arWord = func() (t [256]uint32) {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		v := uint32(foldRune(r))
		if r == 0x0640 || unicode.IsLetter(r) || unicode.IsMark(r) {
			v |= arIsWord
		}
		if isPersianRune(r) {
			v |= arIsPersian
		}
		t[r-0x0600] = v
	}
	return t
}()

const (
	arIsWord    = 1 << 16
	arIsPersian = 1 << 17
)

// scanWord appends the word token at text[i:] and returns its end. Its
// loop handles Arabic-block and ASCII letters without calls, so that its
// state stays in registers; any other rune goes to scanWordSlow.
func scanWord(text string, i int, ts *tokens, space bool) int {
	start := i
	// h0 hashes the key from its first letter, h1 from its second, h2
	// from its third: h1 and h2 restart after the first and second letter.
	h0, h1, h2 := hashOffset, hashOffset, hashOffset
	letters := 0
	var cl1, cl2 bool // the first letter is a clitic; the first two are
	persian := false
	for i < len(text) {
		var f rune
		c := text[i]
		switch {
		case c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			a := arWord[uint(c&0x03)<<6|uint(text[i+1]&0x3F)]
			if a&arIsWord == 0 {
				return addWord(ts, start, i, space, h0, h1, h2, letters, cl1, cl2, persian)
			}
			i += 2
			f = rune(a & 0xFFFF)
			if f == 0 {
				continue
			}
			persian = persian || a&arIsPersian != 0
		case c >= 'a' && c <= 'z':
			f = rune(c)
			i++
		case c >= 'A' && c <= 'Z':
			f = rune(c) + 32
			i++
		case c < 0x80:
			return addWord(ts, start, i, space, h0, h1, h2, letters, cl1, cl2, persian)
		default:
			return scanWordSlow(text, i, ts, space, start, h0, h1, h2, letters, cl1, cl2, persian)
		}
		letters++
		h0, h1, h2, cl1, cl2 = letter(f, letters, h0, h1, h2, cl1, cl2)
	}
	return addWord(ts, start, i, space, h0, h1, h2, letters, cl1, cl2, persian)
}

// scanWordSlow goes on with scanWord's work from text[i:] for any rune.
func scanWordSlow(text string, i int, ts *tokens, space bool, start int, h0, h1, h2 uint32, letters int, cl1, cl2, persian bool) int {
	for i < len(text) {
		var f rune
		if c := text[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			a := arWord[uint(c&0x03)<<6|uint(text[i+1]&0x3F)]
			if a&arIsWord == 0 {
				break
			}
			i += 2
			f = rune(a & 0xFFFF)
			if f == 0 {
				continue
			}
			persian = persian || a&arIsPersian != 0
		} else {
			r, n := decode(text, i)
			if !isWordRune(r) {
				break
			}
			i += n
			if f = foldRune(r); f == 0 {
				continue
			}
			persian = persian || isPersianRune(r)
		}
		letters++
		h0, h1, h2, cl1, cl2 = letter(f, letters, h0, h1, h2, cl1, cl2)
	}
	return addWord(ts, start, i, space, h0, h1, h2, letters, cl1, cl2, persian)
}

// addWord appends the word token text[start:end] and returns end. h0 hashes
// the word's key from its first letter, h1 and h2 from its second and third
// behind clitic letters (so وبالأمس still hits the lexicon's hash set); a
// word none of whose hashes is in the set gets look -1 and is never looked
// up.
func addWord(ts *tokens, start, end int, space bool, h0, h1, h2 uint32, letters int, cl1, cl2, persian bool) int {
	if persian {
		ts.persian = true
	}
	if letters < 2 || !cl1 {
		h1 = 0
	}
	if letters < 3 || !cl2 {
		h2 = 0
	}
	var look int32
	if !(lexHashes.has(h0) || h1 != 0 && lexHashes.has(h1) || h2 != 0 && lexHashes.has(h2)) {
		look = -1 // no date word: parser.word need not look
	}
	ts.toks = append(ts.toks, token{start: int32(start), end: int32(end), kind: tWord, space: space, look: look})
	return end
}

// letter folds f, the n-th letter of a word (from 1), into the word's key
// hashes h0, h1 and h2 (from its first, second and third letter) and its
// clitic flags. The hashes from the second and third letter are kept only
// behind the clitics that word() strips: و ف ب ل ك, then ب ل ك after و ف.
// It is small enough to be inlined, so the scanners' state stays in
// registers.
func letter(f rune, n int, h0, h1, h2 uint32, cl1, cl2 bool) (uint32, uint32, uint32, bool, bool) {
	h0 = (h0 ^ uint32(f)) * hashPrime
	h1 = (h1 ^ uint32(f)) * hashPrime
	h2 = (h2 ^ uint32(f)) * hashPrime
	if n <= 2 {
		bilk := f == 'ب' || f == 'ل' || f == 'ك'
		if n == 1 {
			cl2 = f == 'و' || f == 'ف'
			cl1, h1 = cl2 || bilk, hashOffset
		} else {
			cl2 = cl2 && bilk
		}
		h2 = hashOffset
	}
	return h0, h1, h2, cl1, cl2
}

// skipLetters returns the byte offset in s after its first n base letters
// (marks and joiners that follow a letter belong to it).
func skipLetters(s string, n int) int {
	i := 0
	for n > 0 && i < len(s) {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		for i < len(s) {
			r, w2 := utf8.DecodeRuneInString(s[i:])
			if foldRune(r) != 0 {
				break
			}
			i += w2
		}
		n--
	}
	return i
}
