package article

import (
	"strings"
	"unicode/utf8"

	"github.com/khabar-go/khabar/internal/lang"
)

// Split is one reading of an Arabic key as attached clitics followed by a
// stem: و+ب+ال+ايران for وبالايران. Prefix+Stem is always the whole key.
type Split struct {
	// Prefix is the clitic part of the key, "" when nothing is split off:
	// "و", "وب", "وبال", "لل", "ال".
	Prefix string
	// Stem is the rest of the key.
	Stem string
}

// Clitics returns the clitics of s.Prefix one by one: و, ف (conjunctions),
// ب, ل, ك (prepositions) and ال (the article). The article after the
// preposition ل is written without its alef (للرئيس = ل+ال+رئيس) and is
// returned as "ال" all the same.
func (s Split) Clitics() []string {
	var out []string
	p := s.Prefix
	if strings.HasPrefix(p, "و") || strings.HasPrefix(p, "ف") {
		out = append(out, p[:len("و")])
		p = p[len("و"):]
	}
	if p == "لل" {
		return append(out, "ل", "ال")
	}
	if strings.HasPrefix(p, "ب") || strings.HasPrefix(p, "ل") || strings.HasPrefix(p, "ك") {
		out = append(out, p[:len("ب")])
		p = p[len("ب"):]
	}
	if p != "" {
		out = append(out, p)
	}
	return out
}

// String writes the split with '+' between its parts: "و+ب+ال+ايران".
func (s Split) String() string {
	var b strings.Builder
	for _, c := range s.Clitics() {
		b.WriteString(c)
		b.WriteByte('+')
	}
	b.WriteString(s.Stem)
	return b.String()
}

// MinStem is the fewest letters a stem keeps: a split never leaves a
// shorter stem.
const MinStem = 2

// Splits returns the candidate readings of an Arabic key as clitics and a
// stem, longest stem first; the first is always the whole key with no
// clitic. Clitics follow Arabic word grammar: an optional conjunction و or
// ف, then an optional preposition ب, ل or ك, then an optional article ال
// (written ل after ل). A matcher tries the stems in order against a
// gazetteer and keeps the first that is known: Splits("وبالايران") gives
// وبالايران, و+بالايران, و+ب+الايران, و+ب+ال+ايران.
//
// key should be a key (see Key); other strings give only the identity split.
func Splits(key string) []Split { return AppendSplits(nil, key) }

// AppendSplits appends the splits of key (see Splits) to dst and returns the
// extended slice; it allocates only when dst is too short.
func AppendSplits(dst []Split, key string) []Split {
	start := len(dst)
	dst = append(dst, Split{Stem: key})
	add := func(n int) {
		if n == 0 || utf8.RuneCountInString(key[n:]) < MinStem {
			return
		}
		for _, s := range dst[start:] {
			if len(s.Prefix) == n {
				return
			}
		}
		// Insert keeping prefixes shortest first (stems longest first).
		dst = append(dst, Split{})
		i := len(dst) - 1
		for i > start && len(dst[i-1].Prefix) > n {
			dst[i] = dst[i-1]
			i--
		}
		dst[i] = Split{Prefix: key[:n], Stem: key[n:]}
	}
	const letter = len("و") // every clitic letter is two bytes in UTF-8
	for _, c := range [...]int{0, letter} {
		if c > 0 && !(strings.HasPrefix(key, "و") || strings.HasPrefix(key, "ف")) {
			continue
		}
		rest := key[c:]
		add(c)
		if strings.HasPrefix(rest, "ال") {
			add(c + len("ال"))
		}
		if strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك") {
			add(c + letter)
			after := rest[letter:]
			if rest[:letter] == "ل" {
				if strings.HasPrefix(after, "ل") {
					add(c + 2*letter)
				}
			} else if strings.HasPrefix(after, "ال") {
				add(c + letter + len("ال"))
			}
		}
	}
	return dst
}

// stemPrefix returns the byte length of the clitics that the default Stem
// strips from an Arabic key: a conjunction و or ف with a following article
// form (ال, بال, كال, لل), or an article form alone, when at least three
// letters remain; failing that a lone و when at least three letters remain
// and the word is not one of the frequent words that begin with a root و
// (وزير, وكالة).
// Lone ف, ب, ل and ك stay: too many stems begin with them (فرنسا, لبنان).
func stemPrefix(key []byte) int {
	if len(key) < 8 || key[0] != 0xD8 && key[0] != 0xD9 { // fewer than four Arabic letters
		return 0
	}
	// Every letter involved is two bytes: D8 or D9 and a second byte.
	const (
		alef = 0xD8A7
		beh  = 0xD8A8
		lam  = 0xD984
		kaf  = 0xD983
		waw  = 0xD988
		feh  = 0xD981
	)
	p := 0
	if l := letterAt(key, 0); l == waw || l == feh {
		p = 2
	}
	art := 0
	switch l := letterAt(key, p); {
	case (l == beh || l == kaf) && letterAt(key, p+2) == alef && letterAt(key, p+4) == lam:
		art = 6 // بال كال
	case l == lam && letterAt(key, p+2) == lam:
		art = 4 // لل
	case l == alef && letterAt(key, p+2) == lam:
		art = 4 // ال
	}
	if art > 0 && atLeastRunes(key[p+art:], 3) {
		return p + art
	}
	if letterAt(key, 0) == waw && atLeastRunes(key[2:], 3) && !wawWords[string(key)] {
		return 2
	}
	return 0
}

// letterAt returns the two bytes at key[i:i+2] as one number, or 0.
func letterAt(key []byte, i int) int {
	if i+1 >= len(key) {
		return 0
	}
	return int(key[i])<<8 | int(key[i+1])
}

// wawWords are frequent news words (as keys) whose و is a root letter, not
// the conjunction: the default Stem keeps them whole.
var wawWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.Words(lang.Grammar, "root-waw") {
		m[Key(w)] = true
	}
	return m
}()

// atLeastRunes reports whether s holds at least n runes.
func atLeastRunes(s []byte, n int) bool {
	if len(s) >= 4*n {
		return true
	}
	for i := 0; i < len(s) && n > 0; i++ {
		if utf8.RuneStart(s[i]) {
			n--
		}
	}
	return n <= 0
}
