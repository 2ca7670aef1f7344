package dates

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
)

// Calendars of a month name.
const (
	calGregorian uint8 = iota + 1
	calHijri
	calJalali
)

// Units of relative expressions.
const (
	uDay uint8 = iota + 1
	uWeek
	uMonth
	uYear
	uHour
	uMinute
	uSecond
)

// unitNames are the unit classes of lang.Units and lang.Relative.
var unitNames = map[string]uint8{
	"day": uDay, "week": uWeek, "month": uMonth, "year": uYear,
	"hour": uHour, "minute": uMinute, "second": uSecond,
}

// Cue roles of a word (a bit set): the classes of lang.DateCues, named in
// cueNames. internal/lang/ar/datecues.txt says what each means.
const (
	cueYear uint64 = 1 << iota
	cueMonth
	cueDay
	cuePrep
	cueBareYear
	cueSince
	cueBefore
	cueAfter
	cueWithin
	cuePeriod
	cuePast
	cueNext
	cueCurrent
	cueThis
	cueAgo
	cueFirst
	cueOf
	cueArticle
	cueAnd
	cueRange
	cueClock
	cueTime
	cueEvent
	cueNotToday
	cueFiller
	cueApprox
	cueDMCue
	cueFuture
	cueNotFuture
	cueToday
	cueTomorrow
	cueFormer
	cuePrevious
	cueFollowing
	cueApposition
	cueNow
	cueHijri
	cueGreg
	cueSolar
	cueBCE
	cueBCEAbbrev
	cueBirth
	cueDuration
	cuePastAux
	cueVerbIntro
	cueRate
	cueOr
	cueSame
	cueCentury
	cueCounted
	cueNotDate
	cueMedium
	cueAnchor
	cueRelative
	cueContrast
	cueDaypart
	cueMeasure
	cueDelivery
	cueTenYears
	cueUncounted
	cueNumbered
)

var cueNames = map[string]uint64{
	"year": cueYear, "month": cueMonth, "day": cueDay, "prep": cuePrep, "bareyear": cueBareYear,
	"since": cueSince, "before": cueBefore, "after": cueAfter, "within": cueWithin, "period": cuePeriod,
	"past": cuePast, "next": cueNext, "current": cueCurrent, "this": cueThis, "ago": cueAgo,
	"first": cueFirst, "of": cueOf, "article": cueArticle, "and": cueAnd, "range": cueRange,
	"clock": cueClock, "time": cueTime, "event": cueEvent, "nottoday": cueNotToday, "filler": cueFiller,
	"approx": cueApprox, "dmcue": cueDMCue, "future": cueFuture, "notfuture": cueNotFuture,
	"today": cueToday, "tomorrow": cueTomorrow, "former": cueFormer, "previous": cuePrevious,
	"following": cueFollowing, "apposition": cueApposition, "now": cueNow, "hijri": cueHijri,
	"gregorian": cueGreg, "solar": cueSolar, "bce": cueBCE, "bce-abbrev": cueBCEAbbrev, "birth": cueBirth,
	"duration": cueDuration, "past-aux": cuePastAux, "verbintro": cueVerbIntro, "rate": cueRate, "or": cueOr, "same": cueSame, "century": cueCentury,
	"counted": cueCounted, "notdate": cueNotDate, "medium": cueMedium, "anchor": cueAnchor, "relative": cueRelative, "contrast": cueContrast, "daypart": cueDaypart, "measure": cueMeasure, "delivery": cueDelivery, "tenyears": cueTenYears, "uncounted": cueUncounted, "numbered": cueNumbered,
}

// Marks of a word (a bit set): more classes of lang.DateCues, named in
// markNames. The cue bits are all taken, and the marked words are no date
// words: they stay out of the lexicon (and of the hashes that let a word
// skip it), in wordMarks, read only where a rule asks for them.
const (
	markGeneral uint8 = 1 << iota
	markAge
	markOnly
)

var markNames = map[string]uint8{
	"general": markGeneral, "age": markAge, "only": markOnly,
}

// Languages a word comes from (a bit set).
const (
	langAr uint8 = 1 << iota
	langFa
	langEn
)

// entry is what the lexicon knows of one normalised word. A word may have
// several roles.
type entry struct {
	cue      uint64
	cueNotFa uint64 // the cue bits some language other than Persian gives
	langs    uint8  // the languages whose lists hold the word
	month    int8   // 1-12 when the word names a month
	cal      uint8  // the month's calendar
	ambig    bool   // the month name is also a common word: needs a strong cue
	phrases  []phrase
	wday     int8 // 1-7 (Sunday=1) when the word names a weekday
	rel      int8 // offset of a relative word (اليوم، أمس، امسال) in relU units
	isRel    bool
	relU     uint8
	unit     uint8
	unitN    int8 // the count a bare unit word means (يومين 2, أسبوع 1); 0 for a plural
	num      int16
	few      bool // a vague count (بضعة)
	ord      int8 // ordinal day word (الأول = 1, العاشر = 10)
	ordPart  bool // an ordinal only in a compound (الحادي)
	teen     bool // عشر after a unit
	ordSfx   bool // 1st, سی ام
	hundred  int16
	thousand int16
	faOrd    bool // ord is a Persian ordinal (سوم، بیستم), which needs no من
	faTens   int8 // بیست، سی: the tens of a Persian compound ordinal
	fa       bool // a Persian word that is also an Arabic one (فردا، سال): only in Persian text
	daytime  bool // صباحا، pm
	decade   int8 // a decade word (تسعينات: 90)
}

// faOnly reports whether e has the cue c only from Persian.
func (e *entry) faOnly(c uint64) bool { return e.cue&c != 0 && e.cueNotFa&c == 0 }

// definite reports whether e's key starts with the Arabic article: such
// words take ب ل ك before them.
func definite(k string) bool { return strings.HasPrefix(k, keyThe) }

// keyThe is the key of the Arabic article ال, the clitic that
// article.Split names.
var keyThe = article.Key("ال")

// keyAnd is the key of the conjunction و, the clitic of coordinated words.
var keyAnd = article.Key("و")

// phrase is a month name of two or more words, stored at its first word.
type phrase struct {
	rest  []string // the keys of the other words
	month int8
	cal   uint8
}

type lexicon map[string]*entry

func (l lexicon) get(k string) *entry {
	e := l[k]
	if e == nil {
		e = &entry{}
		l[k] = e
	}
	return e
}

// calendars are the calendar classes of lang.Months.
var calendars = map[string]uint8{"gregorian": calGregorian, "hijri": calHijri, "jalali": calJalali}

// buildLexicon returns the word table of every language in internal/lang.
// It is built once and read only.
func buildLexicon() lexicon {
	l := lexicon{}
	for _, x := range lang.All() {
		var lb uint8
		switch b, _ := x.Tag.Base(); b.String() {
		case "ar":
			lb = langAr
		case "fa":
			lb = langFa
		case "en":
			lb = langEn
		default:
			continue
		}
		l.add(x, lb)
	}
	return l
}

// add records the words of x, of language lb.
func (l lexicon) add(x *lang.Lexicon, lb uint8) {
	word := func(w string) *entry {
		e := l.get(article.Key(w))
		e.langs |= lb
		return e
	}
	for _, en := range x.Entries(lang.Months) {
		cal := calendars[en.Class]
		if cal == 0 || en.N < 1 || en.N > 12 {
			continue
		}
		if f := strings.Fields(en.Word); len(f) > 1 {
			p := phrase{month: int8(en.N), cal: cal}
			for _, w := range f[1:] {
				p.rest = append(p.rest, article.Key(w))
			}
			e := word(f[0])
			e.phrases = append(e.phrases, p)
			continue
		}
		e := word(en.Word)
		e.month, e.cal = int8(en.N), cal
	}
	for _, en := range x.Entries(lang.Weekdays) {
		if en.N >= 0 && en.N <= 6 {
			word(en.Word).wday = int8(en.N + 1)
		}
	}
	for _, en := range x.Entries(lang.Relative) {
		if u := unitNames[en.Class]; u != 0 {
			e := word(en.Word)
			e.rel, e.isRel, e.relU = int8(en.N), true, u
		}
	}
	for _, en := range x.Entries(lang.Units) {
		if u := unitNames[en.Class]; u != 0 {
			e := word(en.Word)
			e.unit, e.unitN = u, int8(en.N)
		}
	}
	for _, en := range x.Entries(lang.Numbers) {
		e := word(en.Word)
		switch en.Class {
		case "cardinal":
			e.num = int16(en.N)
			if lb == langFa && (en.N == 20 || en.N == 30) {
				e.faTens = int8(en.N)
			}
		case "few":
			e.num, e.few = int16(en.N), true
		case "ordinal":
			e.ord, e.faOrd = int8(en.N), lb == langFa
		case "ordinal-part":
			e.ord, e.ordPart = int8(en.N), true
		case "teen":
			e.teen = true
		case "ordinal-suffix":
			e.ordSfx = true
		case "hundred":
			e.hundred = int16(en.N)
		case "thousand":
			e.thousand = int16(en.N)
		case "decade":
			e.decade = int8(en.N)
		}
	}
	for _, en := range x.Entries(lang.TimeWords) {
		if en.Class == "daytime" {
			word(en.Word).daytime = true
		}
	}
	for _, en := range x.Entries(lang.DateCues) {
		if markNames[en.Class] != 0 {
			continue // see wordMarks
		}
		e := word(en.Word)
		switch en.Class {
		case "ambiguous":
			e.ambig = true // a month name that is also a common word
			continue
		case "homograph":
			e.fa = true
			continue
		}
		if c := cueNames[en.Class]; c != 0 {
			e.cue |= c
			if lb != langFa {
				e.cueNotFa |= c
			}
		}
	}
}

// lex is the word table, built once when the package loads and only read.
var lex = buildLexicon()

// wordMarks holds the marks of the words of every language's date cues
// (see markGeneral): built once when the package loads and only read.
var wordMarks = buildMarks()

func buildMarks() map[string]uint8 {
	m := map[string]uint8{}
	for _, x := range lang.All() {
		for _, en := range x.Entries(lang.DateCues) {
			if b := markNames[en.Class]; b != 0 {
				m[article.Key(en.Word)] |= b
			}
		}
	}
	return m
}

// titleHeads holds the keys of the first words of the Arabic titles and
// roles (الأمير، وزير، خادم), which name a man or a woman the verb before
// agrees with: built once when the package loads and only read.
var titleHeads = buildTitleHeads()

func buildTitleHeads() map[string]bool {
	m := map[string]bool{}
	for _, x := range lang.All() {
		if b, _ := x.Tag.Base(); b.String() != "ar" {
			continue
		}
		for _, en := range x.Entries(lang.Titles) {
			if f := strings.Fields(en.Word); len(f) > 0 {
				m[article.Key(f[0])] = true
			}
		}
	}
	return m
}

// cueKey reports whether key k's entry has cue c.
func cueKey(k string, c uint64) bool {
	e := lex[k]
	return e != nil && e.cue&c != 0
}

// persianBase is the base language of Persian articles.
var persianBase, _ = language.Persian.Base()
