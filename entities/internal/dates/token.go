package dates

import (
	"unicode"
	"unicode/utf8"
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

// token is one word, number or punctuation mark of the text, with its
// byte span in the original text and its normalisation key.
type token struct {
	start, end int32 // byte span in the text
	ks, ke     int32 // key span in tokens.keys
	num        int32 // value of a number token (capped)
	kind       uint8
	nd         uint8 // digits in a number token
	script     uint8 // digit script of a number token
	space      bool  // white space (or the text start) comes right before
}

// tokens is a tokenised text.
type tokens struct {
	text    string
	toks    []token
	keys    string
	persian bool // Persian-only letters or digits occur in the text
	kbuf    []byte
}

func (ts *tokens) key(i int) string {
	t := &ts.toks[i]
	return ts.keys[t.ks:t.ke]
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
	case 'ٰ':
		return 0
	}
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
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
	return r == 0x200C || r == 0x200D || r == 0x0640 || unicode.IsLetter(r) || unicode.IsMark(r)
}

func isPersianRune(r rune) bool {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
		return true
	}
	return r >= 0x06F0 && r <= 0x06F9
}

// tokenize splits text into tokens. buf's storage is reused.
func tokenize(text string, ts *tokens) {
	ts.text = text
	ts.toks = ts.toks[:0]
	ts.persian = false
	kb := ts.kbuf[:0]
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
				i = scanNumber(text, i, ts, &kb, space)
				space = false
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				i = scanWord(text, i, ts, &kb, space)
				space = false
				continue
			}
			ks := int32(len(kb))
			kb = append(kb, c)
			ts.toks = append(ts.toks, token{start: int32(i), end: int32(i + 1), ks: ks, ke: ks + 1, kind: tPunct, space: space})
			space = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if _, _, ok := digitValue(r); ok {
			i = scanNumber(text, i, ts, &kb, space)
			space = false
			continue
		}
		if isWordRune(r) && !(r == 0x200C || r == 0x200D) {
			i = scanWord(text, i, ts, &kb, space)
			space = false
			continue
		}
		if r == 0x200E || r == 0x200F || r == 0x061C || r == 0x200D || r == 0xFEFF {
			i += n // bidi marks and joiners between tokens are transparent
			continue
		}
		if unicode.IsSpace(r) || r == 0x200C {
			space = true
			i += n
			continue
		}
		ks := int32(len(kb))
		switch r {
		case '،', '٬':
			kb = append(kb, ',')
		case '٫':
			kb = append(kb, '.')
		case '–', '—', '‐', '‑', '−':
			kb = append(kb, '-')
		case '؛':
			kb = append(kb, ';')
		case '؟':
			kb = append(kb, '?')
		default:
			kb = append(kb, text[i:i+n]...)
		}
		ts.toks = append(ts.toks, token{start: int32(i), end: int32(i + n), ks: ks, ke: int32(len(kb)), kind: tPunct, space: space})
		space = false
		i += n
	}
	ts.kbuf = kb
	ts.keys = string(kb)
}

func scanNumber(text string, i int, ts *tokens, kb *[]byte, space bool) int {
	start := i
	ks := int32(len(*kb))
	var v int64
	var nd, script uint8
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= 0x80 {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
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
		*kb = append(*kb, byte('0'+d))
		i += n
	}
	if v > 1<<30 {
		v = 1 << 30
	}
	ts.toks = append(ts.toks, token{start: int32(start), end: int32(i), ks: ks, ke: int32(len(*kb)), num: int32(v), kind: tNum, nd: nd, script: script, space: space})
	return i
}

func scanWord(text string, i int, ts *tokens, kb *[]byte, space bool) int {
	start := i
	ks := int32(len(*kb))
	for i < len(text) {
		c := text[i]
		if c < 0x80 {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				break
			}
			if c <= 'Z' {
				c += 32
			}
			*kb = append(*kb, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		if !ts.persian && isPersianRune(r) {
			ts.persian = true
		}
		if f := foldRune(r); f != 0 {
			*kb = utf8.AppendRune(*kb, f)
		}
		i += n
	}
	// A word made only of dropped marks still gets a token; its key is empty.
	ts.toks = append(ts.toks, token{start: int32(start), end: int32(i), ks: ks, ke: int32(len(*kb)), kind: tWord, space: space})
	return i
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
