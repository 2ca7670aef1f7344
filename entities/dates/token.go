package dates

import (
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
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

// token is one token of the parser's view of an article region: a word or
// a punctuation mark of the article's token stream, or one run of digits
// of an article number token (the article keeps «25.10.2016» and «7.5» as
// one number; the parser reads their parts). A token holds no pointer.
type token struct {
	start, end int32 // byte span in the article's Source
	at         int32 // index of the article token it comes from
	num        int32 // value of a number token (capped)
	look       int32 // index+1 of the token's lexicon entry in tokens.looks; -1 for none (set when the word's key hashes miss the lexicon); 0 before the lookup
	sent       int32 // index of the token's sentence in the region
	kind       uint8
	nd         uint8 // digits in a number token
	script     uint8 // digit script of a number token
	space      bool  // white space (or the region start) comes right before
	punct      byte  // the folded ASCII form of a punctuation mark (، → ,), or 0
}

// looked is the result of parser.word for a token.
type looked struct {
	e   *entry
	off int
}

// tokens is the parser's view of one region (the title, a dateline or a
// paragraph) of an article.
type tokens struct {
	a       *article.Article
	text    string // a.Source
	toks    []token
	looks   []looked
	sents   []int32      // the view index where each sentence of the region starts
	persian int8         // Persian letters or digits in the region: 0 unknown, 1 yes, -1 no
	part    article.Part // the part of the article the region is
	splits  []article.Split
	todays  []todayAt // kept for the parser's reuse
}

// key returns the normalisation key of token i: the article's key of a
// word, the folded mark of punctuation, "" for a number.
func (ts *tokens) key(i int) string {
	t := &ts.toks[i]
	switch t.kind {
	case tWord:
		return ts.a.Key(ts.a.Tokens[t.at])
	case tPunct:
		if t.punct != 0 {
			return punctKeys[t.punct]
		}
		_, n := utf8.DecodeRuneInString(ts.text[t.start:])
		return ts.text[t.start : int(t.start)+n]
	}
	return ""
}

// punctKeys are the keys of ASCII marks, indexed by the mark.
var punctKeys = func() (t [128]string) {
	for c := range t {
		t[c] = string(rune(c))
	}
	return t
}()

// punctByte returns the ASCII form of a punctuation rune, or 0.
func punctByte(r rune) byte {
	if r < utf8.RuneSelf {
		return byte(r)
	}
	switch r {
	case '،', '٬':
		return ','
	case '٫':
		return '.'
	case '–', '—', '‐', '‑', '−':
		return '-'
	case '؛':
		return ';'
	case '؟':
		return '?'
	}
	return 0
}

// isPersian reports whether the region holds Persian-only letters or
// digits, or the article is Persian.
func (ts *tokens) isPersian() bool {
	if ts.persian == 0 {
		ts.persian = -1
		if b, _ := ts.a.Lang.Base(); b == persianBase {
			ts.persian = 1
		} else if n := len(ts.toks); n > 0 {
			for _, r := range ts.text[ts.toks[0].start:ts.toks[n-1].end] {
				if isPersianRune(r) {
					ts.persian = 1
					break
				}
			}
		}
	}
	return ts.persian > 0
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

func isPersianRune(r rune) bool {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
		return true
	}
	return r >= 0x06F0 && r <= 0x06F9
}

// transparent reports whether r between two tokens leaves them adjacent:
// bidi marks and joiners.
func transparent(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || r == 0x200D || r == 0xFEFF
}

// view fills ts with the tokens of the article tokens a.Tokens[first:last]
// and the sentence starts of a.Sentences[s0:s1], which cover them.
func (ts *tokens) view(a *article.Article, first, last, s0, s1 int) {
	ts.a, ts.text = a, a.Source
	ts.toks = ts.toks[:0]
	ts.looks = ts.looks[:0]
	ts.sents = ts.sents[:0]
	ts.persian = 0
	ts.part = a.Sentences[s0].Part
	src := a.Source
	prevEnd := -1
	si := s0
	for k := first; k < last; k++ {
		t := a.Tokens[k]
		for si < s1 && a.Sentences[si].First <= k {
			ts.sents = append(ts.sents, int32(len(ts.toks)))
			si++
		}
		sent := int32(len(ts.sents) - 1)
		space := prevEnd < 0 || t.Start > prevEnd && src[prevEnd] == ' '
		if !space && t.Start > prevEnd {
			for _, r := range src[prevEnd:t.Start] {
				if !transparent(r) {
					space = true
					break
				}
			}
		}
		prevEnd = t.End
		switch t.Kind {
		case article.Word:
			look := int32(0)
			if !lexHashes.maybe(a.Key(t)) {
				look = -1 // no date word: parser.word need not look
			}
			ts.toks = append(ts.toks, token{start: int32(t.Start), end: int32(t.End), at: int32(k), sent: sent, kind: tWord, space: space, look: look})
		case article.Number:
			ts.number(src, t, k, sent, space)
		default:
			for i, r := range src[t.Start:t.End] {
				ts.toks = append(ts.toks, token{start: int32(t.Start + i), end: int32(t.Start + i + utf8.RuneLen(r)), at: int32(k), sent: sent, kind: tPunct, space: space && i == 0, punct: punctByte(r), look: -1})
			}
		}
	}
}

// number appends the digit runs and inner separators of the number token
// t (index k) as tokens of their own.
func (ts *tokens) number(src string, t article.Token, k int, sent int32, space bool) {
	i := t.Start
	for i < t.End {
		r, n := utf8.DecodeRuneInString(src[i:])
		if _, _, ok := digitValue(r); !ok {
			ts.toks = append(ts.toks, token{start: int32(i), end: int32(i + n), at: int32(k), sent: sent, kind: tPunct, space: space, punct: punctByte(r), look: -1})
			space = false
			i += n
			continue
		}
		start := i
		var v int64
		var nd, script uint8
		for i < t.End {
			r, n := utf8.DecodeRuneInString(src[i:])
			d, s, ok := digitValue(r)
			if !ok {
				break
			}
			script = max(script, s)
			if v < 1e9 {
				v = v*10 + int64(d)
			}
			if nd < 255 {
				nd++
			}
			i += n
		}
		v = min(v, 1<<30)
		ts.toks = append(ts.toks, token{start: int32(start), end: int32(i), at: int32(k), sent: sent, num: int32(v), kind: tNum, nd: nd, script: script, space: space})
		space = false
	}
}

// Hashing of keys: FNV-1a over bytes, from the last.
const (
	hashOffset uint32 = 2166136261
	hashPrime  uint32 = 16777619
)

// hashSet is an open-addressing set of key hashes: lexHashes holds the
// hash of every lexicon key, and a word none of whose readings (the key,
// the key after one or two clitic letters) hashes into it is no date word.
type hashSet struct {
	slots []uint32 // 0 is empty
	mask  uint32
	tails tailSet
}

// tailSet is a bit set of the last six bytes of keys (three Arabic
// letters): clitics come first, so a word whose ending no lexicon key
// has is no date word, whatever clitics it carries. It rejects most words
// with a few instructions before any hashing.
type tailSet [1 << 16 / 64]uint64

// tailIndex returns the bit of the ending of k.
func tailIndex(k string) uint32 {
	var t uint64
	n := len(k)
	for i := max(0, n-6); i < n; i++ {
		t = t<<8 | uint64(k[i])
	}
	return uint32(t * 0x9E3779B97F4A7C15 >> 48)
}

func (t *tailSet) add(k string) {
	i := tailIndex(k)
	t[i>>6] |= 1 << (i & 63)
}

func (t *tailSet) has(k string) bool {
	i := tailIndex(k)
	return t[i>>6]&(1<<(i&63)) != 0
}

// hashKey hashes k from its last byte to its first (see maybe).
func hashKey(k string) uint32 {
	h := hashOffset
	for i := len(k) - 1; i >= 0; i-- {
		h = (h ^ uint32(k[i])) * hashPrime
	}
	return fix(h)
}

func newHashSet(keys []string) *hashSet {
	n := 1
	for n < 4*len(keys) {
		n <<= 1
	}
	s := &hashSet{slots: make([]uint32, n), mask: uint32(n - 1)}
	for _, k := range keys {
		s.add(hashKey(k))
		s.tails.add(k)
		if len(k) < 6 {
			// A key of one or two Arabic letters (م، في) ends a word that
			// has clitics before it with some of them.
			for _, c := range [...]string{"و", "ف", "ب", "ل", "ك"} {
				s.tails.add(c + k)
				for _, c2 := range [...]string{"ب", "ل", "ك"} {
					s.tails.add(c + c2 + k)
				}
			}
		}
	}
	return s
}

func (s *hashSet) add(h uint32) {
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
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// maybe reports whether the key k, or k after the clitic letters parser.word
// strips (و ف, then ب ل ك), may be a lexicon key. It hashes k once.
func (s *hashSet) maybe(k string) bool {
	if !s.tails.has(k) {
		return false // no lexicon key ends as k does
	}
	// Every clitic letter is two bytes in UTF-8. The hash runs from the
	// key's end, so the hashes of k[4:] and k[2:] are steps on the way to
	// that of k.
	cl1 := len(k) >= 4 && clitic1(k)
	cl2 := cl1 && len(k) >= 6 && (k[:2] == "و" || k[:2] == "ف") && clitic1(k[2:]) && k[2:4] != "و" && k[2:4] != "ف"
	h := hashOffset
	i := len(k) - 1
	if cl2 {
		for ; i >= 4; i-- {
			h = (h ^ uint32(k[i])) * hashPrime
		}
		if s.has(fix(h)) {
			return true
		}
	}
	if cl1 {
		for ; i >= 2; i-- {
			h = (h ^ uint32(k[i])) * hashPrime
		}
		if s.has(fix(h)) {
			return true
		}
	}
	for ; i >= 0; i-- {
		h = (h ^ uint32(k[i])) * hashPrime
	}
	return s.has(fix(h))
}

// fix maps the hash 0, which marks an empty slot, to 1.
func fix(h uint32) uint32 {
	if h == 0 {
		return 1
	}
	return h
}

// clitic1 reports whether k starts with one of و ف ب ل ك.
func clitic1(k string) bool {
	switch k[:2] {
	case "و", "ف", "ب", "ل", "ك":
		return true
	}
	return false
}

// lexHashes holds the hashes of every lexicon key and of the لل forms of
// its definite keys (للعام).
var lexHashes = func() *hashSet {
	keys := make([]string, 0, 2*len(lex))
	for k := range lex {
		keys = append(keys, k)
		if definite(k) {
			keys = append(keys, "لل"+k[len(keyThe):])
		}
	}
	return newHashSet(keys)
}()
