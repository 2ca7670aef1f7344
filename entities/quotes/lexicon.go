package quotes

import (
	"strings"
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
	"golang.org/x/text/language"
)

// cueClass says how a speech cue finds its speaker; the classes are those
// of internal/lang's Speech list.
type cueClass uint8

const (
	// cVerb is a speech verb: Arabic reads its subject after it (VSO),
	// else right before it; English before it, or after an inverted verb;
	// Persian early in its clause.
	cVerb cueClass = iota + 1
	// cLabel is a verb that labels (وصف، اعتبر، called): a speech verb
	// whose quotation is a characterisation.
	cLabel
	// cPassive is a passive speech verb (يوصف): the agent after من قبل.
	cPassive
	// cAdverb is a circumstantial participle (قائلا): no subject of its own.
	cAdverb
	// cNoun is a verbal noun with a pronoun (قوله): the speaker is named
	// before it, after عن.
	cNoun
	// cReport is a verbal noun without a pronoun (تصريحات): the genitive
	// after it.
	cReport
	// cSource attributes to what follows it (بحسب، according to، به گفته).
	cSource
)

var cueClasses = map[string]cueClass{
	"verb": cVerb, "label": cLabel, "passive": cPassive, "adverb": cAdverb,
	"noun": cNoun, "report": cReport, "attribution": cSource,
}

// tongue is the language a cue belongs to: it decides where its subject
// is looked for.
type tongue uint8

const (
	tongueAr tongue = iota
	tongueEn
	tongueFa
)

// Flags of a Speech entry (its number column).
const (
	flagObject    = 1 // the form also takes an object pronoun (وصفها)
	flagAmbiguous = 2 // the bare form is as often a noun (ذكر)
	flagContinues = 4 // the words go on from the last speaker's (أضاف، تابع)
	flagSense     = 8 // the verb has a sense other than speech (تابع: followed)
)

// cue is a lexicon entry for one folded first word.
type cue struct {
	class cueClass
	tong  tongue
	// prefix is the byte length of the conjunction clitic (و، ف) read off
	// the first word's key, 0 when none.
	prefix int
	// ambiguous is true for a bare form that is as often a noun: it counts
	// only when a subject follows it and then reported speech.
	ambiguous bool
	// verbOnly is true for an ambiguous form that is a verb of speech
	// whenever it is a verb: a particle before it (وقد كتب) settles it.
	verbOnly bool
	// continues is true for a verb that says the words go on from words
	// quoted before (أضاف، تابع، added).
	continues bool
	// rest are the keys of the following words of a phrase (نقلا عن).
	rest []string
}

// title is a title or role phrase of the Titles list.
type title struct {
	head      string   // the key of the first word without the article (رئيس)
	rest      []string // keys of the words after the first
	role      string
	plural    bool
	honorific bool // a form of address (الدكتور), not a role
}

// Title classes that are no office: a title of one of them names its
// holder only by its own word (السفير after سفير فلان), not by the class.
const (
	titleHonorific  = "honorific"  // a form of address (الدكتور)
	titleOccupation = "occupation" // a trade or post (المهندس، السفير)
	titleKin        = "kin"        // a relative (زوجته)
	titleCredit     = "credit"     // a credit line word (إخراج)
)

// srcClass is the class of a Sources noun.
type srcClass uint8

const (
	srcDescription srcClass = iota + 1
	srcGroup
	srcOrganisation
)

// Grammar groups (see internal/lang's grammar files), as bits.
const (
	gConj uint32 = 1 << iota
	gClitic
	gObjPronoun
	gPreposition
	gRelative
	gParticle
	gSkip
	gNotComp
	gAgent
	gAbout
	gPronoun
	gCoord
	gModifier
	gNaming
	gLabel
	gRecipient
	gComp
	gArticle
	gAccusative
	gDemonstrative
	gVerbWord
	gQuestion
	gRoleComp
	gEntitled
	gCopula
	gObject
	gInterview
)

var grammarGroups = map[string]uint32{
	"conj": gConj, "clitic": gClitic, "objpronoun": gObjPronoun, "governs": gPreposition,
	"relative": gRelative, "particle": gParticle, "skip": gSkip, "notcomp": gNotComp,
	"agent": gAgent, "about": gAbout, "pronoun": gPronoun, "coord": gCoord,
	"roleword": gModifier, "term": gNaming, "label": gLabel, "recipient": gRecipient,
	"complementiser": gComp, "article": gArticle, "accusative": gAccusative,
	"demonstrative": gDemonstrative, "verbword": gVerbWord, "question": gQuestion,
	"rolecomp": gRoleComp, "entitled": gEntitled, "copula": gCopula, "object": gObject,
	"interview": gInterview,
}

// timeKind says what part of a time phrase a word is.
type timeKind uint8

const (
	timeWeekday  timeKind = iota + 1 // الثلاثاء
	timeDay                          // يوم (before a weekday)
	timeUnit                         // الأسبوع، الشهر (before a modifier)
	timeModifier                     // الماضي، المقبل، الجاري
)

// lexicon holds the word lists of every language, folded with
// article.Key, built once from internal/lang.
type lexicon struct {
	cues     map[string][]cue
	titles   map[string][]title // by the key of the first word
	demonyms map[string]string  // key → ISO country code
	sources  map[string]srcClass
	grammar  map[string]uint32 // key → grammar group bits
	conj     []string          // conjunction clitic keys (و، ف)
	art      string            // the Arabic definite article's key (ال)
	accus    []string          // accusative endings (the alef of لاحقا)
	objs     []string          // object pronouns written joined to a word (ها)
	// teh and marbuta are the keys of teh and of teh marbuta (which keys
	// fold to heh): a word ending in teh marbuta ends in teh before a
	// pronoun.
	teh, marbuta string
	// times are the words of a time phrase that may stand after a verb in
	// place of its subject (وأضاف الثلاثاء، الأسبوع الماضي), by kind.
	times map[string]timeKind
	// abbrev is the title of an abbreviated form of address (د. م.).
	abbrev title
	// cueBits is a Bloom filter over the first-word keys of cues: most
	// words are rejected by it without a map lookup.
	cueBits [cueBitsLen / 64]uint64
}

const cueBitsLen = 1 << 14

// cueHash hashes a key into the filter's range from its length and its
// first eight bytes, with one multiply: the filter only sifts words before
// the map lookup, and keys that share eight bytes share their first four
// Arabic letters.
func cueHash(k string) uint {
	var w uint64
	if len(k) >= 8 {
		_ = k[7] // one bounds check; the compiler merges the loads
		w = uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 |
			uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
	} else {
		for i := 0; i < len(k); i++ {
			w |= uint64(k[i]) << (8 * i)
		}
	}
	h := (w ^ uint64(len(k))*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	return uint(h>>50) & (cueBitsLen - 1)
}

// maybeCue reports whether k may be the first word of a cue (false means
// it is not).
func (lx *lexicon) maybeCue(k string) bool {
	h := cueHash(k)
	return lx.cueBits[h/64]&(1<<(h%64)) != 0
}

// is reports whether key k belongs to one of the grammar groups g.
func (lx *lexicon) is(k string, g uint32) bool { return lx.grammar[k]&g != 0 }

var getLexicon = sync.OnceValue(func() *lexicon { return buildLexicon(lang.All()) })

// tongueOf returns the tongue of a lexicon's language.
func tongueOf(tag language.Tag) tongue {
	switch b, _ := tag.Base(); b.String() {
	case "en":
		return tongueEn
	case "fa":
		return tongueFa
	}
	return tongueAr
}

// keys returns the keys of the words of phrase.
func keys(phrase string) []string {
	fs := strings.Fields(phrase)
	for i, f := range fs {
		fs[i] = article.Key(f)
	}
	return fs
}

// buildLexicon folds the lists of every language in lexs.
func buildLexicon(lexs []*lang.Lexicon) *lexicon {
	lx := &lexicon{
		teh:      article.Key("\u062A"),
		marbuta:  article.Key("\u0629"),
		cues:     make(map[string][]cue),
		titles:   make(map[string][]title),
		demonyms: make(map[string]string),
		sources:  make(map[string]srcClass),
		grammar:  make(map[string]uint32),
		times:    make(map[string]timeKind),
		abbrev:   title{role: titleHonorific, honorific: true},
	}
	var objs []string
	for _, x := range lexs {
		for _, e := range x.Entries(lang.Grammar) {
			g, ok := grammarGroups[e.Class]
			if !ok {
				continue
			}
			k := article.Key(e.Word)
			lx.grammar[k] |= g
			switch g {
			case gConj:
				lx.conj = append(lx.conj, k)
			case gObjPronoun:
				objs = append(objs, k)
			case gArticle:
				if isArabicKey(k) {
					lx.art = k
				}
			case gAccusative:
				lx.accus = append(lx.accus, k)
			}
		}
	}
	addCue := func(k string, c cue) {
		lx.cues[k] = append(lx.cues[k], c)
		h := cueHash(k)
		lx.cueBits[h/64] |= 1 << (h % 64)
	}
	for _, x := range lexs {
		tong := tongueOf(x.Tag)
		for _, e := range x.Entries(lang.Speech) {
			class, ok := cueClasses[e.Class]
			if !ok {
				continue
			}
			ks := keys(e.Word)
			if len(ks) == 0 {
				continue
			}
			c := cue{class: class, tong: tong, rest: ks[1:], continues: e.N&flagContinues != 0}
			forms := []string{ks[0]}
			if e.N&flagObject != 0 && len(ks) == 1 {
				for _, o := range objs {
					forms = append(forms, ks[0]+o)
				}
			}
			for fi, f := range forms {
				cf := c
				cf.ambiguous = fi == 0 && e.N&flagAmbiguous != 0
				cf.verbOnly = cf.ambiguous && e.N&flagSense == 0
				addCue(f, cf)
				if tong != tongueAr {
					continue
				}
				// The conjunctions written joined to the word: وقال، فأضاف.
				for _, p := range lx.conj {
					cp := c
					cp.prefix = len(p)
					addCue(p+f, cp)
				}
			}
		}
		for _, e := range x.Entries(lang.Titles) {
			ks := keys(e.Word)
			if len(ks) == 0 || e.Class == titleCredit {
				continue // a credit (إخراج) names no speaker
			}
			head := ks[0]
			if lx.art != "" && strings.HasPrefix(head, lx.art) && len(head) > len(lx.art)+2 {
				head = head[len(lx.art):]
			}
			t := title{head: head, rest: ks[1:], role: e.Class, plural: e.N == 1, honorific: e.Class == titleHonorific}
			lx.titles[ks[0]] = append(lx.titles[ks[0]], t)
		}
		for _, e := range x.Entries(lang.Weekdays) {
			lx.times[article.Key(e.Word)] = timeWeekday
		}
		for _, e := range x.Entries(lang.Units) {
			if e.N == 1 {
				k := article.Key(e.Word)
				if e.Class == "day" {
					lx.times[k] = timeDay
				} else if _, ok := lx.times[k]; !ok {
					lx.times[k] = timeUnit
				}
			}
		}
		for _, e := range x.Entries(lang.DateCues) {
			switch e.Class {
			case "past", "next", "current":
				if k := article.Key(e.Word); lx.times[k] == 0 {
					lx.times[k] = timeModifier
				}
			}
		}
		for _, e := range x.Entries(lang.Demonyms) {
			lx.demonyms[article.Key(e.Word)] = e.Class
		}
		// The type words that head an organisation's name (لجنة، نادي،
		// اتحاد) are organisation nouns too: with the article, an
		// anaphor for the body named before (وقالت اللجنة).
		for _, e := range x.Entries(lang.OrgWords) {
			if k := article.Key(e.Word); e.Class == "ORG" && lx.sources[k] == 0 {
				lx.sources[k] = srcOrganisation
			}
		}
		for _, e := range x.Entries(lang.Sources) {
			var c srcClass
			switch e.Class {
			case "description":
				c = srcDescription
			case "group":
				c = srcGroup
			case "organisation":
				c = srcOrganisation
			default:
				continue
			}
			lx.sources[article.Key(e.Word)] = c
		}
	}
	lx.objs = objs
	return lx
}

// clitics reads a Split's Prefix as article.Split.Clitics does, without
// allocating: whether a preposition (ب، ل، ك) is among its clitics, and
// its last clitic ("" for none; the article for the ل+ال of لل).
func (lx *lexicon) clitics(prefix string) (prep bool, last string) {
	p := prefix
	for _, c := range lx.conj {
		if strings.HasPrefix(p, c) {
			last, p = c, p[len(c):]
			break
		}
	}
	if len(p) < 2 {
		return false, last
	}
	if len(p) == 4 && p[:2] == p[2:] && lx.is(p[:2], gClitic) {
		return true, lx.art // لل: ل and the article without its alef
	}
	if lx.is(p[:2], gClitic) {
		prep, last, p = true, p[:2], p[2:]
	}
	if p != "" {
		last = p
	}
	return prep, last
}

// tehMarbuta returns k with a final teh (روايت of روايتها) read as the
// teh marbuta it is before a pronoun, as keys fold it (روايه); k itself
// when it does not end in teh.
func (lx *lexicon) tehMarbuta(k string) string {
	if lx.teh != "" && strings.HasSuffix(k, lx.teh) {
		return k[:len(k)-len(lx.teh)] + lx.marbuta
	}
	return k
}

// definite reports whether the Arabic key k starts with the article.
func (lx *lexicon) definite(k string) bool { return lx.art != "" && strings.HasPrefix(k, lx.art) }

// accusative reports whether the Arabic key k ends in an accusative ending
// (لاحقا، مخاطبا).
func (lx *lexicon) accusative(k string) bool {
	for _, a := range lx.accus {
		if strings.HasSuffix(k, a) {
			return true
		}
	}
	return false
}
