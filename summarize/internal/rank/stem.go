package rank

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
)

// Stem reduces a normalisation key (see article.Key: alef, yeh and teh
// marbuta already folded) to a light stem for matching: the Arabic article
// and attached clitic+article prefixes (ال، وال، بال، فال، كال، لل) and one
// common suffix (ات ون ين ها هم هما تها ية ة ي, Persian ها های) are
// stripped, keeping at least three letters (four after a suffix of two
// letters or more); Latin words are lower-cased
// and lose a plural or -ing/-ed ending. It never allocates for Arabic
// script and returns a substring of key.
func Stem(key string) string {
	if key == "" {
		return key
	}
	r, _ := utf8.DecodeRuneInString(key)
	if r < 0x80 {
		return stemLatin(key)
	}
	if r < 0x0600 || r > 0x06FF {
		return key
	}
	return stemArabic(key)
}

// arPrefixes and arSuffixes are what the light stemmer strips, from
// internal/lang's Grammar groups "stem-prefix" and "stem-suffix" (suffixes
// longest first, as written there).
var (
	arPrefixes = sync.OnceValue(func() []string { return keys(lang.Words(lang.Grammar, "stem-prefix")) })
	arSuffixes = sync.OnceValue(func() []string { return keys(lang.Words(lang.Grammar, "stem-suffix")) })
)

func keys(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = article.Key(w)
	}
	return out
}

// stemArabic strips in bytes: every letter of the Arabic block is two
// bytes in UTF-8, so "at least three letters" is at least six bytes.
func stemArabic(s string) string {
	const minStem = 6
	for _, p := range arPrefixes() {
		if len(s)-len(p) >= minStem && strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	for _, x := range arSuffixes() {
		// A two-letter suffix must leave four letters: معلمون is a plural,
		// تعاون is not.
		need := minStem
		if len(x) >= 4 {
			need = 8
		}
		if len(s)-len(x) >= need && strings.HasSuffix(s, x) {
			return s[:len(s)-len(x)]
		}
	}
	return s
}

func stemLatin(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			s = strings.ToLower(s)
			break
		}
	}
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "’s")
	switch {
	case len(s) > 4 && strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case len(s) > 5 && strings.HasSuffix(s, "ing"):
		return s[:len(s)-3]
	case len(s) > 4 && strings.HasSuffix(s, "ed"):
		return s[:len(s)-2]
	case len(s) > 4 && strings.HasSuffix(s, "es") && !strings.HasSuffix(s, "ses"):
		return s[:len(s)-2]
	case len(s) > 3 && strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return s[:len(s)-1]
	}
	return s
}

// IsStopword reports whether key (a normalisation key, lower-cased for
// Latin script) is an Arabic, Persian or English function word.
// A function word with the conjunction و or ف attached (وله، فهي) is
// one too.
func IsStopword(key string) bool {
	if _, ok := stopwords()[key]; ok {
		return true
	}
	if len(key) > 2 && (strings.HasPrefix(key, "و") || strings.HasPrefix(key, "ف")) {
		_, ok := stopwords()[key[2:]]
		return ok
	}
	return false
}
