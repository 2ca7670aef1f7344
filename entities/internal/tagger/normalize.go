package tagger

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendKey appends the matching key of word s to dst: Arabic diacritics and
// tatweel removed, أ إ آ ٱ folded to ا, ى ی to ي, ک to ك, ة to ه, Arabic-Indic
// and Persian digits to ASCII, ASCII letters lower-cased, and compatibility
// characters outside the Arabic block (presentation forms such as ﻹ, the
// ellipsis) decomposed as NFKC does. It agrees with article.Key on every
// word of the training data (TestKeyMatchesArticle) without allocating for
// ordinary words, and is applied on top of keys the caller may already have
// folded, so it must stay idempotent.
func appendKey(dst []byte, s string) []byte {
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
			continue // harakat, dagger alef, tatweel
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى' || r == 'ی':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		case r == 'ة':
			r = 'ه'
		case r >= 0x0660 && r <= 0x0669:
			r = '0' + (r - 0x0660)
		case r >= 0x06F0 && r <= 0x06F9:
			r = '0' + (r - 0x06F0)
		case r < 0x0600 || r > 0x06FF:
			// A compatibility character: its NFKC decomposition differs
			// from the canonical one (ü keeps its canonical form).
			d := norm.NFKC.PropertiesString(s[i:]).Decomposition()
			if d != nil && string(d) != string(norm.NFC.PropertiesString(s[i:]).Decomposition()) {
				dst = appendKey(dst, norm.NFKC.String(string(d)))
				continue
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// Two-byte UTF-8 encodings of the Arabic letters the clitic rules look at.
const (
	arAlef = "\u0627"
	arLam  = "\u0644"
	arWaw  = "\u0648"
	arFeh  = "\u0641"
	arBeh  = "\u0628"
	arKaf  = "\u0643"
	arAl   = arAlef + arLam
	arLL   = arLam + arLam
)

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// runeLen counts the runes of b.
func runeLen(b []byte) int { return utf8.RuneCount(b) }

// stemCut returns how many leading bytes of key are clitics and the
// definite article, by conservative rules: an optional و or ف, then ال, لل,
// or one of ب ك ل followed by ال; only when at least two letters remain.
func stemCut(key []byte) int {
	p := 0
	if (hasPrefix(key, arWaw) || hasPrefix(key, arFeh)) && runeLen(key) > 4 {
		rest := key[2:]
		if hasPrefix(rest, arAl) || hasPrefix(rest, arLL) ||
			((hasPrefix(rest, arBeh) || hasPrefix(rest, arKaf) || hasPrefix(rest, arLam)) && hasPrefix(rest[2:], arAl)) {
			p = 2
		}
	}
	rest := key[p:]
	switch {
	case hasPrefix(rest, arAl) && runeLen(rest) >= 4:
		return p + 4
	case hasPrefix(rest, arLL) && runeLen(rest) >= 4:
		return p + 4
	case (hasPrefix(rest, arBeh) || hasPrefix(rest, arKaf)) && hasPrefix(rest[2:], arAl) && runeLen(rest) >= 5:
		return p + 6
	}
	return p
}

// stemCut2 is the aggressive variant of stemCut: an optional و or ف, an
// optional ب ك or ل, then an optional ال, each stripped when at least three
// letters remain. It turns لموسكو into موسكو, and بوتين into وتين.
func stemCut2(key []byte) int {
	p := 0
	if (hasPrefix(key, arWaw) || hasPrefix(key, arFeh)) && runeLen(key[2:]) >= 3 {
		p = 2
	}
	if c := stemCut(key[p:]); c > 0 {
		return p + c
	}
	if (hasPrefix(key[p:], arBeh) || hasPrefix(key[p:], arKaf) || hasPrefix(key[p:], arLam)) && runeLen(key[p+2:]) >= 3 {
		p += 2
		if hasPrefix(key[p:], arAl) && runeLen(key[p+4:]) >= 2 {
			p += 4
		}
	}
	return p
}
