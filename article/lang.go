package article

import (
	"golang.org/x/text/language"
)

// Scripts the language decision distinguishes.
const (
	scriptNone = iota
	scriptArabic
	scriptLatin
	scriptOther
)

// script returns the script most letters are written in, comparing bytes
// of words (an Arabic letter takes two).
func (st *stats) script() int {
	ar := 2 * st.arabicLetters()
	switch {
	case ar == 0 && st.latin == 0 && st.other == 0:
		return scriptNone
	case ar >= st.latin && ar >= st.other:
		return scriptArabic
	case st.latin >= st.other:
		return scriptLatin
	}
	return scriptOther
}

// arabicLetters counts the letters of the Arabic block.
func (st *stats) arabicLetters() int {
	n := 0
	for i, c := range st.arabic {
		if c != 0 && classLow[0x600+i] == cLetter {
			n += int(c)
		}
	}
	return n
}

// count sums the counts of the Arabic-block letters rs.
func (st *stats) count(rs ...rune) int {
	n := 0
	for _, r := range rs {
		n += int(st.arabic[r-0x600])
	}
	return n
}

// language decides the language from letter evidence. Arabic-script text
// is Urdu when the letters only Urdu uses (ٹ ڈ ڑ ں ے) make up a noticeable
// share of it (Central Kurdish and Pashto likewise, from ە ێ ۆ ڵ ڕ and
// ټ ډ ړ ږ ښ ځ څ ۍ), Persian when the Persian letters (پ چ ژ گ ک ی) outnumber
// the Arabic ones (ي ك ة) or when پ چ ژ گ are frequent while ة is nearly
// absent, and Arabic otherwise: a Persian name in an Arabic article does
// not make it Persian. Latin text is settled later from function words.
func (st *stats) language() (language.Tag, Direction) {
	switch st.script() {
	case scriptArabic:
		letters := st.arabicLetters()
		urdu := st.count('ٹ', 'ڈ', 'ڑ', 'ں', 'ے')
		strongFa := st.count('پ', 'چ', 'ژ', 'گ')
		fa := strongFa + st.count('ک', 'ی')
		ar := st.count('ي', 'ك', 'ة')
		tehMarbuta := st.count('ة')
		kurdish := st.count('ە', 'ێ', 'ۆ', 'ڵ', 'ڕ')
		pashto := st.count('ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ځ', 'څ', 'ۍ')
		switch {
		case urdu*100 >= letters && urdu >= 2:
			return language.Urdu, RTL
		case kurdish*100 >= letters && kurdish >= 2:
			return centralKurdish, RTL
		case pashto*100 >= letters && pashto >= 2:
			return language.Make("ps"), RTL
		case fa > ar, strongFa*100 >= letters && tehMarbuta*500 < letters:
			return language.Persian, RTL
		}
		return language.Arabic, RTL
	case scriptLatin:
		return language.English, LTR
	case scriptOther:
		if st.hebrew*2 > st.other {
			return language.Hebrew, RTL
		}
		if st.rtl*2 > st.other {
			return language.Und, RTL
		}
	}
	return language.Und, LTR
}

// centralKurdish is Sorani, written in Arabic script.
var centralKurdish = language.Make("ckb")

// functionWords holds a few of the most frequent words of the Latin-script
// languages told apart.
var functionWords = map[string]language.Tag{
	"the": language.English, "and": language.English, "of": language.English,
	"to": language.English, "is": language.English, "that": language.English,
	"with": language.English, "was": language.English, "for": language.English,
	"le": language.French, "la": language.French, "les": language.French,
	"des": language.French, "et": language.French, "est": language.French,
	"une": language.French, "du": language.French, "dans": language.French,
	"der": language.German, "die": language.German, "und": language.German,
	"das": language.German, "ist": language.German, "nicht": language.German,
	"el": language.Spanish, "los": language.Spanish, "las": language.Spanish,
	"y": language.Spanish, "del": language.Spanish, "por": language.Spanish,
	"una": language.Spanish, "con": language.Spanish,
}

// latinLanguage tells English, French, German and Spanish apart by their
// function words; it returns language.Und when too few are present.
func latinLanguage(a *Article) language.Tag {
	counts := map[language.Tag]int{}
	words := 0
	for _, t := range a.Tokens {
		if t.Kind != Word {
			continue
		}
		words++
		if tag, ok := functionWords[a.Key(t)]; ok {
			counts[tag]++
		}
	}
	best, n := language.Und, 0
	for _, tag := range []language.Tag{language.English, language.French, language.German, language.Spanish} {
		if counts[tag] > n {
			best, n = tag, counts[tag]
		}
	}
	if n == 0 || n*25 < words {
		return language.Und
	}
	return best
}
