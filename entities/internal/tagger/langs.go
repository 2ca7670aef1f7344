package tagger

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
)

// Lang is the language a model is trained for. Arabic, the zero value,
// is the language of the first model; English and Persian models add
// features of their own (langs.go, latin.go).
type Lang uint8

// Languages.
const (
	Arabic Lang = iota
	English
	Persian
	numLangs
)

var langNames = [numLangs]string{"ar", "en", "fa"}

// String returns the language's BCP 47 tag: "ar", "en" or "fa".
func (l Lang) String() string {
	if l < numLangs {
		return langNames[l]
	}
	return fmt.Sprintf("Lang(%d)", uint8(l))
}

// LangOf returns the tagger language of a language tag's base language,
// and false when no model is trained for it.
func LangOf(tag language.Tag) (Lang, bool) {
	base, _ := tag.Base()
	for l := Arabic; l < numLangs; l++ {
		if b, _ := language.MustParse(langNames[l]).Base(); b == base {
			return l, true
		}
	}
	return Arabic, false
}

// ParseLang returns the language written s ("ar", "en" or "fa").
func ParseLang(s string) (Lang, bool) {
	for l := Arabic; l < numLangs; l++ {
		if langNames[l] == s {
			return l, true
		}
	}
	return Arabic, false
}

// Word lists of the English and Persian taggers, written by cmd/lexicon.
//
//go:embed data/lexicon-en.txt
var lexiconEn string

//go:embed data/lexicon-fa.txt
var lexiconFa string

// lexicon is what a language's word lists give the features: cue classes
// and name-list classes by conservative stem hash, and names of several
// tokens as sequences of stem hashes (seqHash), with their kinds.
type lexicon struct {
	cues  map[uint64]uint8
	names map[uint64]uint16
	seq   map[uint64]uint8 // kinds | gazPrefix, as resources.gaz
}

var lexicons [numLangs]struct {
	once sync.Once
	lx   *lexicon
}

// lexiconOf returns the word lists of l (nil for Arabic, whose lists are
// cues() and nameLists()), parsed on first use.
func lexiconOf(l Lang) *lexicon {
	if l == Arabic || l >= numLangs {
		return nil
	}
	e := &lexicons[l]
	e.once.Do(func() {
		text := lexiconEn
		if l == Persian {
			text = lexiconFa
		}
		e.lx = parseLexicon(l, text)
	})
	return e.lx
}

var lexCueClass = map[string]uint8{
	"title": cueTitle, "speech": cueSpeech, "placehead": cuePlace, "prep": cuePrep,
	"orghead": cueOrg, "naming": cueKin, "time": cueTime,
}

// parseLexicon reads "tokens<TAB>class" lines (see cmd/lexicon).
func parseLexicon(l Lang, text string) *lexicon {
	lx := &lexicon{cues: map[uint64]uint8{}, names: map[uint64]uint16{}, seq: map[uint64]uint8{}}
	var buf []byte
	var hs []uint64
	for _, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		phrase, class, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		hs = hs[:0]
		for _, w := range strings.Fields(phrase) {
			var st wordStems
			buf, st = stemsOf(l, buf[:0], w)
			hs = append(hs, hashBytes(buf[st.c1:st.e1]))
		}
		if len(hs) == 0 {
			continue
		}
		if c, ok := lexCueClass[class]; ok {
			for _, i := range []int{0, len(hs) - 1} {
				if _, set := lx.cues[hs[i]]; !set {
					lx.cues[hs[i]] = c
				}
			}
			if c == cueOrg {
				lx.names[hs[0]] |= nlOrgWord
			}
			continue
		}
		var kind Kind
		var nl uint16
		switch class {
		case "given":
			nl = nlGivenAr
		case "given2":
			nl = nlGivenListed
		case "demonym":
			nl = nlNationality
		case "person":
			kind = PER
			for _, h := range hs {
				lx.names[h] |= nlGivenForeign
			}
		case "country":
			kind, nl = LOC, nlCountry
		case "cityname":
			kind, nl = LOC, nlCity
		case "org":
			kind, nl = ORG, nlOrgName
		}
		if len(hs) == 1 && nl != 0 {
			lx.names[hs[0]] |= nl
		}
		if kind != 0 && len(hs) <= maxGazLen {
			h := uint64(0)
			for i, t := range hs {
				h = seqHash(h, t)
				if i+1 < len(hs) {
					lx.seq[h] |= gazPrefix
				}
			}
			lx.seq[h] |= 1 << (kind - 1)
		}
	}
	return lx
}

// wordStems locates a word's stems in its key: the conservative stem is
// key[c1:e1] and the aggressive one key[c2:e2].
type wordStems struct {
	c1, e1, c2, e2 int
	zwnj           bool // a Persian word whose stem was cut at a zero-width non-joiner
}

// stemsOf appends the key of word w to dst and returns it with the
// positions of its stems, relative to the start of the key.
func stemsOf(l Lang, dst []byte, w string) ([]byte, wordStems) {
	st := len(dst)
	dst = article.AppendKey(dst, w)
	key := dst[st:]
	var s wordStems
	switch l {
	case English:
		s = englishStems(key)
	case Persian:
		s = persianStems(key, w)
	default:
		s = wordStems{c1: stemCut(key), e1: len(key), c2: stemCut2(key), e2: len(key)}
	}
	return dst, s
}

// englishStems cuts a possessive ('s, ’s, a final ') for the conservative
// stem and a plural s as well for the aggressive one.
func englishStems(key []byte) wordStems {
	e := len(key)
	k := key
	switch {
	case len(k) > 3 && (bytes.HasSuffix(k, []byte("'s")) || bytes.HasSuffix(k, []byte("`s"))):
		e -= 2
	case len(k) > 5 && bytes.HasSuffix(k, []byte("’s")):
		e -= len("’s")
	case len(k) > 2 && k[len(k)-1] == '\'':
		e--
	}
	e2 := e
	if s := k[:e]; len(s) >= 4 && s[len(s)-1] == 's' && !bytes.HasSuffix(s, []byte("ss")) &&
		!bytes.HasSuffix(s, []byte("us")) && !bytes.HasSuffix(s, []byte("is")) {
		e2--
	}
	return wordStems{e1: e, e2: e2}
}

// persianAffixes returns the Persian affixes of internal/lang/fa's
// grammar list, as keys: the prefixes and suffixes that a zero-width
// non-joiner separates from a stem, and the plural endings also written
// joined, longest first. The adjective ending ‌ای (ترکیه‌ای, Turkish) is
// not among them: it makes a country's name a nationality.
var persianAffixes = sync.OnceValue(func() (a struct {
	prefixes, suffixes map[string]bool
	plurals            []string
}) {
	a.prefixes, a.suffixes = map[string]bool{}, map[string]bool{}
	x := lang.For(language.Persian)
	for _, w := range x.Words(lang.Grammar, "affix-prefix") {
		a.prefixes[article.Key(w)] = true
	}
	for _, w := range x.Words(lang.Grammar, "affix-suffix") {
		a.suffixes[article.Key(w)] = true
	}
	for _, w := range x.Words(lang.Grammar, "plural") {
		a.plurals = append(a.plurals, article.Key(w))
	}
	slices.SortStableFunc(a.plurals, func(x, y string) int { return len(y) - len(x) })
	return a
})

// persianStems cuts what a zero-width non-joiner separates: a verbal or
// negative prefix before the stem, or suffixes after it (persianAffixes).
// The aggressive stem of a word without a non-joiner also drops a plural
// ending written joined.
func persianStems(key []byte, w string) wordStems {
	s := wordStems{e1: len(key), e2: len(key)}
	if strings.Contains(w, "\u200c") {
		segs := strings.Split(w, "\u200c")
		var b [64]byte
		first := article.AppendKey(b[:0], segs[0])
		affixes := persianAffixes()
		if len(first) > 0 && len(first) < len(key) && string(key[:len(first)]) == string(first) {
			rest := true
			for _, sg := range segs[1:] {
				var b2 [32]byte
				if !affixes.suffixes[string(article.AppendKey(b2[:0], sg))] {
					rest = false
					break
				}
			}
			switch {
			case affixes.prefixes[string(first)]:
				s.c1, s.zwnj = len(first), true
			case rest:
				s.e1, s.zwnj = len(first), true
			}
		}
	}
	s.c2, s.e2 = s.c1, s.e1
	if strings.Contains(w, "\u200c") {
		return s // its suffixes, if any, are written apart
	}
	stem := key[s.c2:s.e2]
	for _, suf := range persianAffixes().plurals {
		if bytes.HasSuffix(stem, []byte(suf)) && utf8.RuneCount(stem) >= 3+utf8.RuneCountInString(suf) {
			s.e2 -= len(suf)
			break
		}
	}
	return s
}

// Letter-case classes of a word as written (tokInfo.caps, low three bits).
const (
	capNone   = iota // punctuation or symbols
	capLower         // lower case: said
	capTitle         // an upper-case letter, then lower case: Biden
	capUpper         // two or more letters, all upper case: NATO
	capLetter        // a single upper-case letter: A
	capMixed         // other mixtures: iPhone, McDonald
	capScript        // letters without case (Arabic script)
	capDigit         // begins with a digit: 1990s
)

// More bits of tokInfo.caps: the word begins its sentence (after an
// opening quotation mark or bracket too), and how the sentence is
// written: capModeTitle when most of its words are capitalised (a
// headline), capModeUpper when most are in upper case.
const (
	capFirst     = 1 << 3
	capModeTitle = 1 << 4
	capModeUpper = 2 << 4
	capModeMask  = 3 << 4
)

// Rune classes of runeClass.
const (
	rcOther = iota
	rcUpper
	rcLower
	rcUncased // a letter without case
	rcDigit
)

// runeClass classifies r, without the Unicode tables for ASCII and the
// Arabic block.
func runeClass(r rune) uint8 {
	switch {
	case r >= 'a' && r <= 'z':
		return rcLower
	case r >= 'A' && r <= 'Z':
		return rcUpper
	case r >= '0' && r <= '9':
		return rcDigit
	case r < 0x80:
		return rcOther
	case r >= 0x0621 && r <= 0x064A || r >= 0x066E && r <= 0x066F || r >= 0x0671 && r <= 0x06D3 || r >= 0x06FA && r <= 0x06FC:
		return rcUncased
	case r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9:
		return rcDigit
	case unicode.IsUpper(r):
		return rcUpper
	case unicode.IsLower(r):
		return rcLower
	case unicode.IsLetter(r):
		return rcUncased
	case unicode.IsDigit(r):
		return rcDigit
	}
	return rcOther
}

// capsOf returns the letter-case class of w.
func capsOf(w string) uint8 {
	r0, _ := utf8.DecodeRuneInString(w)
	if runeClass(r0) == rcDigit {
		return capDigit
	}
	var upper, lower, letters, uncased int
	for _, r := range w {
		switch runeClass(r) {
		case rcUpper:
			upper++
			letters++
		case rcLower:
			lower++
			letters++
		case rcUncased:
			uncased++
			letters++
		}
	}
	switch {
	case letters == 0:
		return capNone
	case uncased > 0 && upper+lower == 0:
		return capScript
	case upper == 0:
		return capLower
	case lower == 0 && upper == 1:
		return capLetter
	case lower == 0:
		return capUpper
	case upper == 1 && runeClass(r0) == rcUpper:
		return capTitle
	}
	return capMixed
}

// opensSentence reports whether a word after token w begins a sentence
// as far as letter case goes.
func opensSentence(w string) bool {
	switch w {
	case ".", "!", "?", ":", ";", "\"", "“", "”", "'", "‘", "(", "[", "-", "–", "—", "…", "«", "»":
		return true
	}
	return false
}

// rawShape returns a hash of the word's letter-case shape as written:
// X for an upper-case letter, x lower, d a digit, the character itself
// for others, with runs longer than two collapsed (Xxx, X.X., XX-dd).
func rawShape(w string) uint64 {
	h := uint64(fnvOffset)
	var last rune
	run := 0
	for _, r := range w {
		c := r
		switch runeClass(r) {
		case rcUpper:
			c = 'X'
		case rcLower:
			c = 'x'
		case rcDigit:
			c = 'd'
		case rcUncased:
			c = 'a'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}
