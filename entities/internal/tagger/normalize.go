package tagger

import "unicode/utf8"

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
