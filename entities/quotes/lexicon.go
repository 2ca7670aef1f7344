package quotes

import (
	"strings"
	"sync"
)

// cueType says how a speech cue finds its speaker.
type cueType uint8

const (
	// cVerbAr is an Arabic verb (قال، أضافت، يقول): subject after it (VSO),
	// else the name right before it (SVO).
	cVerbAr cueType = iota + 1
	// cPassiveAr is an Arabic passive (يوصف، يقال): agent after من قبل,
	// otherwise no speaker.
	cPassiveAr
	// cCircAr is an Arabic circumstantial participle (قائلا، مضيفا): never
	// has its own subject.
	cCircAr
	// cNomPron is a verbal noun with a pronoun (قوله، تصريحه): the speaker is
	// named after عن earlier in the sentence, or earlier in it.
	cNomPron
	// cNomPlain is a verbal noun without a pronoun (تصريحات): genitive
	// speaker right after it.
	cNomPlain
	// cSource introduces a source after it (بحسب، وفق، according to، به گفته).
	cSource
	// cVerbEn is an English verb (said, told): subject before it, or
	// inverted after it.
	cVerbEn
	// cVerbFa is a Persian verb at the end of its clause (گفت، افزود): subject
	// early in the sentence.
	cVerbFa
)

// cue is a lexicon entry for one folded word form.
type cue struct {
	typ cueType
	// prefix is the number of proclitic runes (و، ف) before the stem.
	prefix int
	// next, when set, lists the keys one of which must follow the word
	// (تاکید کرد، according to, نقلا عن).
	next []string
	// prev, when set, is the key that must precede the word (به گفته، على لسان).
	prev string
}

// lexicon holds the word lists, built once.
type lexicon struct {
	cues     map[string]cue
	titles   map[string]string // folded form → head (رئيس، president)
	nation   map[string]string // folded nationality adjective → ISO country code
	generic  map[string]bool   // unnamed sources: مصادر، officials
	orgHeads map[string]bool   // heads of organisation names: وزارة، ministry
	stops    map[string]bool   // words that end a subject search: prepositions, أن
	skips    map[string]bool   // adverbs skipped right after a verb: أيضا
	modif    map[string]bool   // words inside a title phrase: الخارجية، foreign
	pronouns map[string]bool   // subject pronouns: he, وی
	naming   map[string]bool   // words that make a short quotation a name: جبهة، so-called
	faPreps  map[string]bool   // Persian prepositions: a name after them is no subject
	comp     map[string]bool   // complementisers after a cue: أن، إن، that, که
	notComp  map[string]bool   // words that make أن a conjunction: بعد أن
	// cueBits is a Bloom filter over the keys of cues: most words are
	// rejected by it without a map lookup.
	cueBits [cueBitsLen / 64]uint64
}

const cueBitsLen = 1 << 14

// cueHash hashes a key into the filter's range, eight bytes at a time
// (one multiply per eight bytes rather than one per byte: the filter only
// sifts words before the map lookup, any hash will do).
func cueHash(k string) uint {
	h := uint64(len(k)) * 0x9E3779B97F4A7C15
	for len(k) >= 8 {
		w := uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 |
			uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
		h = (h ^ w) * 0xBF58476D1CE4E5B9
		k = k[8:]
	}
	var w uint64
	for i := 0; i < len(k); i++ {
		w |= uint64(k[i]) << (8 * i)
	}
	h = (h ^ w) * 0x94D049BB133111EB
	return uint(h>>50) & (cueBitsLen - 1)
}

// maybeCue reports whether k may be a cue (false means it is not one).
func (lx *lexicon) maybeCue(k string) bool {
	h := cueHash(k)
	return lx.cueBits[h/64]&(1<<(h%64)) != 0
}

var getLexicon = sync.OnceValue(buildLexicon)

// arVerb describes an Arabic speech verb by its third person forms.
type arVerb struct {
	past, pastF, pastPl string
	pres                []string // present forms, masculine and feminine (يقول، تقول)
}

// arVerbs are the Arabic speech verbs.
var arVerbs = []arVerb{
	{"قال", "قالت", "قالوا", []string{"يقول", "تقول", "يقولون"}},
	{"أضاف", "أضافت", "أضافوا", []string{"يضيف", "تضيف"}},
	{"أكد", "أكدت", "أكدوا", []string{"يؤكد", "تؤكد"}},
	{"أوضح", "أوضحت", "أوضحوا", []string{"يوضح", "توضح"}},
	{"أشار", "أشارت", "أشاروا", []string{"يشير", "تشير"}},
	{"تابع", "تابعت", "تابعوا", nil}, // present يتابع mostly means "follows"
	{"صرح", "صرحت", "صرحوا", []string{"يصرح", "تصرح"}},
	{"اعتبر", "اعتبرت", "اعتبروا", []string{"يعتبر", "تعتبر"}},
	{"رأى", "رأت", "رأوا", []string{"يرى", "ترى"}}, // bare رأى is deleted below
	{"لفت", "لفتت", "لفتوا", []string{"يلفت", "تلفت"}},
	{"أعلن", "أعلنت", "أعلنوا", []string{"يعلن", "تعلن"}},
	{"شدد", "شددت", "شددوا", []string{"يشدد", "تشدد"}},
	{"كشف", "كشفت", "كشفوا", []string{"يكشف", "تكشف"}},
	{"ذكر", "ذكرت", "ذكروا", nil}, // present يذكر is the impersonal «it is noted»
	{"نفى", "نفت", "نفوا", []string{"ينفي", "تنفي"}},
	{"حذر", "حذرت", "حذروا", []string{"يحذر", "تحذر"}},
	{"دعا", "دعت", "دعوا", []string{"يدعو", "تدعو"}},
	{"وصف", "وصفت", "وصفوا", []string{"يصف", "تصف"}},
	{"أفاد", "أفادت", "أفادوا", []string{"يفيد", "تفيد"}},
	{"أردف", "أردفت", "أردفوا", nil},
	{"استطرد", "استطردت", "استطردوا", nil},
	{"زعم", "زعمت", "زعموا", []string{"يزعم", "تزعم"}},
	{"اعترف", "اعترفت", "اعترفوا", []string{"يعترف", "تعترف"}},
	{"أوضح", "", "", nil},
	{"علق", "علقت", "علقوا", nil},
	{"تساءل", "تساءلت", "تساءلوا", []string{"يتساءل", "تتساءل"}},
	{"أجاب", "أجابت", "أجابوا", []string{"يجيب", "تجيب"}},
	{"طالب", "طالبت", "طالبوا", []string{"يطالب", "تطالب"}},
	{"أبلغ", "أبلغت", "أبلغوا", nil},
	{"تعهد", "تعهدت", "تعهدوا", []string{"يتعهد", "تتعهد"}},
	{"هدد", "هددت", "هددوا", []string{"يهدد", "تهدد"}},
	{"اتهم", "اتهمت", "اتهموا", []string{"يتهم", "تتهم"}},
	{"ناشد", "ناشدت", "ناشدوا", nil},
	{"ختم", "ختمت", "", nil},
}

// objSuffixes are object pronouns a verb may carry (وصفها، اعتبره).
var objSuffixes = []string{"ه", "ها", "هم", "هما"}

// arPassives are passive speech verbs: their agent follows من قبل, if named.
var arPassives = []string{"يوصف", "توصف", "يقال", "قيل"}

// arCirc are circumstantial participles (وتابع قائلا:) that never carry a subject.
var arCirc = []string{"قائلا", "مضيفا", "مؤكدا", "مشيرا", "موضحا", "معتبرا", "مشددا", "محذرا", "لافتا", "متابعا", "قائلة", "مضيفة", "مؤكدة", "مشيرة"}

// arNomPron are verbal nouns with a pronoun (نقلت عن X قوله).
var arNomPron = []string{"قوله", "قولها", "قولهم", "قولهما", "تصريحه", "تصريحها", "تأكيده", "تأكيدها", "إشارته", "إشارتها", "حديثه", "حديثها", "كلمته", "كلمتها"}

// arNomPlain are verbal nouns without a pronoun (تصريحات الوزير).
var arNomPlain = []string{"تصريحات", "تصريح"}

// sources introduce the source of what follows or precedes: بحسب، according to.
var sources = []struct {
	word, prev string
	next       []string
}{
	{"بحسب", "", nil}, {"حسب", "", nil}, {"وفق", "", nil}, {"وفقا", "", nil},
	{"طبقا", "", nil}, {"نقلا", "", []string{"عن"}}, {"لسان", "على", nil},
	{"according", "", []string{"to"}},
	{"گفته", "به", nil},
}

// enVerbs are English speech verbs.
var enVerbs = []string{"said", "says", "say", "added", "adds", "told", "tells", "stated", "noted", "notes",
	"called", "calls", "described", "describes", "dubbed", "labelled", "labeled",
	"explained", "warned", "declared", "insisted", "stressed", "wrote", "asked", "announced", "argued", "claimed"}

// faVerbs are Persian speech verbs, with the light verb that completes
// a two-word one (تاکید کرد).
var faVerbs = []struct {
	word string
	next []string
}{
	{"گفت", nil}, {"می‌گوید", nil}, {"گفته", []string{"است", "بود"}}, {"افزود", nil},
	{"تاکید", []string{"کرد", "کرده", "نمود", "می‌کند"}}, {"تأکید", []string{"کرد", "کرده", "نمود", "می‌کند"}},
	{"اظهار", []string{"داشت", "کرد"}}, {"بیان", []string{"کرد", "داشت", "نمود"}},
	{"خاطرنشان", []string{"کرد", "ساخت"}}, {"اعلام", []string{"کرد", "کرده"}},
	{"تصریح", []string{"کرد"}},
}

// titleHeads maps head words of role phrases to the head they count as.
var titleHeads = map[string][]string{
	"رئيس":       {"رئيس", "رئيسة", "رئيسا", "رئيسان", "رئيسين"},
	"وزير":       {"وزير", "وزيرة", "وزيرا", "وزيرين"},
	"مرشد":       {"مرشد"},
	"زعيم":       {"زعيم", "زعيمة"},
	"ملك":        {"ملك", "ملكة"},
	"أمير":       {"أمير"},
	"نائب":       {"نائب", "نائبة"},
	"قائد":       {"قائد"},
	"سفير":       {"سفير", "سفيرة"},
	"مستشار":     {"مستشار", "مستشارة"},
	"متحدث":      {"متحدث", "متحدثة", "المتحدث", "الناطق", "ناطق"},
	"رهبر":       {"رهبر"},
	"سخنگو":      {"سخنگوی", "سخنگو"},
	"president":  {"president"},
	"minister":   {"minister"},
	"leader":     {"leader"},
	"king":       {"king"},
	"chancellor": {"chancellor"},
	"spokesman":  {"spokesman", "spokeswoman", "spokesperson"},
	"ambassador": {"ambassador"},
	"premier":    {"premier"},
	"supreme":    {"supreme"},
}

// nations maps a country code to its nationality adjectives: Arabic stem
// (the lexicon adds ال and the feminine), Persian and English.
var nations = map[string][]string{
	"IR": {"إيراني", "ایرانی", "iranian", "iran's"},
	"BY": {"بيلاروسي", "بلاروسي", "بيلاروسی", "بلاروسی", "belarusian", "belarus's"},
	"RU": {"روسي", "روسی", "russian", "russia's"},
	"UA": {"أوكراني", "اوکراینی", "ukrainian", "ukraine's"},
	"US": {"أمريكي", "أميركي", "آمریکایی", "american", "u.s", "us", "america's"},
	"GB": {"بريطاني", "انگلیسی", "british", "britain's"},
	"FR": {"فرنسي", "فرانسوی", "french", "france's"},
	"DE": {"ألماني", "آلمانی", "german", "germany's"},
	"CN": {"صيني", "چینی", "chinese", "china's"},
	"TR": {"تركي", "ترکی", "turkish", "turkey's"},
	"SY": {"سوري", "سوری", "syrian", "syria's"},
	"IQ": {"عراقي", "عراقی", "iraqi", "iraq's"},
	"EG": {"مصري", "مصری", "egyptian", "egypt's"},
	"SA": {"سعودي", "سعودی", "saudi"},
	"AE": {"إماراتي", "اماراتی", "emirati"},
	"QA": {"قطري", "قطری", "qatari", "qatar's"},
	"KW": {"كويتي", "kuwaiti"},
	"BH": {"بحريني", "bahraini"},
	"OM": {"عماني", "omani"},
	"YE": {"يمني", "yemeni"},
	"JO": {"أردني", "jordanian", "jordan's"},
	"LB": {"لبناني", "لبنانی", "lebanese", "lebanon's"},
	"PS": {"فلسطيني", "فلسطینی", "palestinian"},
	"IL": {"إسرائيلي", "اسرائیلی", "israeli", "israel's"},
	"LY": {"ليبي", "libyan"},
	"TN": {"تونسي", "tunisian"},
	"DZ": {"جزائري", "algerian"},
	"MA": {"مغربي", "moroccan"},
	"SD": {"سوداني", "sudanese"},
	"AF": {"أفغاني", "افغانی", "afghan"},
	"PK": {"باكستاني", "پاکستانی", "pakistani", "pakistan's"},
	"IN": {"هندي", "هندی", "indian", "india's"},
	"JP": {"ياباني", "ژاپنی", "japanese", "japan's"},
	"IT": {"إيطالي", "ایتالیایی", "italian", "italy's"},
	"ES": {"إسباني", "اسپانیایی", "spanish", "spain's"},
	"AZ": {"أذربيجاني", "آذربایجانی", "azerbaijani"},
	"AM": {"أرميني", "ارمنی", "armenian"},
	"KZ": {"كازاخستاني", "kazakh"},
	"VE": {"فنزويلي", "venezuelan"},
	"BR": {"برازيلي", "brazilian"},
	"IE": {"أيرلندي", "irish"},
	"PL": {"بولندي", "polish"},
	"SO": {"صومالي", "somali"},
	"ET": {"إثيوبي", "ethiopian"},
}

// genericWords name unnamed sources: a quotation they speak has no speaker.
var genericWords = []string{
	"مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "مسئول", "مسئولون", "مراقبون", "محللون", "خبراء",
	"شهود", "ناشطون", "منتقدون", "منتقدين", "منتقديه", "منتقديها", "دبلوماسي", "دبلوماسيون", "تقارير",
	"سكان", "مواطنون", "معارضون", "وسائل", "مصدرا",
	"officials", "official", "sources", "source", "critics", "analysts", "experts", "witnesses",
	"residents", "diplomats", "diplomat", "activists", "observers", "reports", "people", "media", "someone",
	"منابع", "منبع", "مقامات", "کارشناسان", "منتقدان", "ناظران",
}

// orgHeadWords start the names of organisations (وزارة الخارجية).
var orgHeadWords = []string{
	"وزارة", "وكالة", "الحكومة", "حكومة", "الجيش", "جيش", "الرئاسة", "رئاسة", "الخارجية", "البرلمان", "برلمان",
	"مجلس", "هيئة", "منظمة", "الكرملين", "البنتاغون", "مكتب", "حركة", "حزب", "سفارة", "شركة", "المفوضية", "القيادة",
	"ministry", "agency", "government", "army", "kremlin", "pentagon", "office", "council", "embassy", "party", "department",
	"وزارت", "سازمان", "دولت", "خبرگزاری", "سپاه", "ارتش",
}

// stopWords end a subject search: prepositions, complementisers, relatives.
var stopWords = []string{
	"في", "من", "إلى", "الى", "على", "عن", "مع", "خلال", "أمام", "لدى", "عند", "بعد", "قبل", "حول", "منذ", "عبر",
	"أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم", "بأنهم", "لـ", "لقد",
	"بين", "ضمن", "أثناء", "إثر", "لكن", "إذ", "حيث", "كما", "وفي", "ومن",
	"له", "لها", "لهم", "لهما", "لنا", "لي", "لك", "لكم", "عنه", "عنها", "عنهم", "منه", "منها", "فيه", "فيها",
	"عليه", "عليها", "إليه", "إليها", "معه", "معها", "بها", "به", "ل", "ب", "بـ", "الذي", "التي", "ما", "لما",
	"إنّ", "أنّ", "قائلا", "مضيفا", "موضحا", "مشيرا", "مؤكدا",
	"that", "in", "on", "at", "to", "of", "for", "during", "after", "before", "with", "from", "by",
	"در", "از", "به", "با", "که", "برای",
}

// skipWords are adverbs that may stand between a verb and its subject.
var skipWords = []string{"أيضا", "أيضًا", "كذلك", "بدوره", "بدورها", "بدورهم", "أمس", "اليوم", "الأحد", "الاثنين",
	"الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "also", "later", "then", "on", "again", "earlier", "too"}

// modifiers may stand inside a role phrase (وزير الخارجية الروسي).
var modifiers = []string{
	"الوزراء", "الخارجية", "الدفاع", "الداخلية", "الحكومة", "الجمهورية", "البرلمان", "الأعلى", "الأسبق",
	"السابق", "المالية", "خارجية", "دفاع", "حكومة", "جمهورية", "الثورة", "جمهور", "خارجه", "امور", "وزیر",
	"foreign", "prime", "defence", "defense", "interior", "former", "deputy", "vice", "finance", "state", "the", "'s", "s",
}

// pronounWords are subject pronouns: the speaker carries over.
var pronounWords = []string{"he", "she", "they", "it", "we", "i", "وی", "او", "هو", "هي", "هم", "ایشان", "آنها"}

// namingWords before a short quotation make it a name (جبهة «النصرة»).
var namingWords = []string{
	"يسمى", "تسمى", "يسمي", "المسمى", "المسماة", "المعروف", "المعروفة", "يعرف", "تعرف", "جبهة", "حركة", "تنظيم",
	"عملية", "حملة", "مبادرة", "شعار", "صحيفة", "مجلة", "موقع", "قناة", "برنامج", "كتاب", "فيلم", "مشروع",
	"خطة", "لقب", "اسم", "عنوان", "وسم", "هاشتاغ", "مسلسل", "رواية", "أغنية", "منصة", "شبكة", "جماعة", "ميليشيا", "عمليات",
	"so-called", "called", "dubbed", "named", "titled", "nicknamed", "operation", "newspaper", "magazine", "book", "film", "movie",
	"hashtag", "slogan", "group", "campaign", "known", "programme", "program", "show", "series", "as",
	"موسوم", "نام", "عنوان", "عملیات", "گروه", "روزنامه", "کتاب", "فیلم", "شعار", "جنبش",
}

// faPrepWords are Persian prepositions: a name after one is no subject.
var faPrepWords = []string{"با", "به", "از", "در", "برای", "بر", "تا", "نزد"}

// compWords are complementisers (قال إن، said that): what follows is
// reported speech.
var compWords = []string{"أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم", "بأنهم",
	"بأنهما", "أنهما", "that", "که"}

// notCompWords before أن make it part of a conjunction (بعد أن، قبل أن),
// not the complementiser of a speech verb.
var notCompWords = []string{"بعد", "قبل", "منذ", "دون", "بدون", "رغم", "من", "إلى", "حتى", "so", "such", "now"}

// set returns the folded keys of all words as a set.
func set(words ...[]string) map[string]bool {
	m := make(map[string]bool)
	for _, ws := range words {
		for _, w := range ws {
			m[fold(w)] = true
		}
	}
	return m
}

// addCue adds the cue form w to m and, for Arabic words, its forms with
// the conjunctions و and ف in front. Earlier entries win.
func addCue(m map[string]cue, w string, c cue) {
	k := fold(w)
	if _, dup := m[k]; !dup {
		m[k] = c
	}
	if c.typ == cVerbEn || c.typ == cVerbFa || !isArabicKey(k) {
		return
	}
	for _, p := range []string{"و", "ف"} {
		c2 := c
		c2.prefix = 1
		if _, dup := m[p+k]; !dup {
			m[p+k] = c2
		}
	}
}

// isArabicKey reports whether k starts with a letter of the Arabic block.
func isArabicKey(k string) bool { return k != "" && k[0] >= 0xD8 && k[0] <= 0xDB }

// foldAll returns the keys of ws (nil for nil).
func foldAll(ws []string) []string {
	if ws == nil {
		return nil
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fold(w)
	}
	return out
}

// buildLexicon builds the word lists; getLexicon calls it once.
func buildLexicon() *lexicon {
	lx := &lexicon{
		cues:     make(map[string]cue),
		titles:   make(map[string]string),
		nation:   make(map[string]string),
		generic:  set(genericWords),
		orgHeads: set(orgHeadWords),
		stops:    set(stopWords),
		skips:    set(skipWords),
		modif:    set(modifiers),
		pronouns: set(pronounWords),
		naming:   set(namingWords),
		faPreps:  set(faPrepWords),
		comp:     set(compWords),
		notComp:  set(notCompWords),
	}
	for _, v := range arVerbs {
		for _, f := range []string{v.past, v.pastF, v.pastPl} {
			if f == "" {
				continue
			}
			addCue(lx.cues, f, cue{typ: cVerbAr})
		}
		for _, f := range []string{v.past, v.pastF} {
			if f == "" || v.past == "رأى" { // رأيه is «his opinion»
				continue
			}
			for _, s := range objSuffixes {
				addCue(lx.cues, f+s, cue{typ: cVerbAr})
			}
		}
		for _, f := range v.pres {
			addCue(lx.cues, f, cue{typ: cVerbAr})
		}
	}
	// Bare forms that are as often nouns (رأي opinion, نفي denial, ذكر,
	// وصف description, طالب student) count only with a conjunction in front (ونفى).
	for _, w := range []string{"رأى", "نفى", "ذكر", "وصف", "طالب", "علق"} {
		delete(lx.cues, fold(w))
	}
	for _, w := range arPassives {
		addCue(lx.cues, w, cue{typ: cPassiveAr})
	}
	for _, w := range arCirc {
		addCue(lx.cues, w, cue{typ: cCircAr})
	}
	for _, w := range arNomPron {
		addCue(lx.cues, w, cue{typ: cNomPron})
		addCue(lx.cues, "ب"+w, cue{typ: cNomPron})
	}
	for _, w := range arNomPlain {
		addCue(lx.cues, w, cue{typ: cNomPlain})
	}
	for _, s := range sources {
		addCue(lx.cues, s.word, cue{typ: cSource, prev: fold(s.prev), next: foldAll(s.next)})
	}
	for _, w := range enVerbs {
		addCue(lx.cues, w, cue{typ: cVerbEn})
	}
	for _, v := range faVerbs {
		addCue(lx.cues, v.word, cue{typ: cVerbFa, next: foldAll(v.next)})
	}
	for head, forms := range titleHeads {
		h := fold(head)
		for _, f := range forms {
			k := fold(f)
			if !isArabicKey(k) {
				lx.titles[k] = h
				lx.titles[k+"s"] = h
				continue
			}
			for _, p := range []string{"", "ال", "و", "وال", "لل", "ب", "بال", "ف", "فال", "ل"} {
				lx.titles[p+k] = h
			}
		}
	}
	for code, adjs := range nations {
		for _, a := range adjs {
			k := fold(a)
			lx.nation[k] = code
			if isArabicKey(k) && strings.HasSuffix(k, "ي") {
				lx.nation["ال"+k] = code
				lx.nation[k+"ه"] = code
				lx.nation["ال"+k+"ه"] = code
				lx.nation[k+"ين"] = code
				lx.nation["ال"+k+"ين"] = code
				lx.nation[k+"ان"] = code
				lx.nation["ال"+k+"ان"] = code
			}
		}
	}
	for k := range lx.cues {
		h := cueHash(k)
		lx.cueBits[h/64] |= 1 << (h % 64)
	}
	return lx
}

// isGeneric reports whether the word with key k names an unnamed source,
// with or without the article and a conjunction (مصادر، المصادر، officials).
func (lx *lexicon) isGeneric(k string) bool {
	if lx.generic[k] {
		return true
	}
	for _, p := range [...]string{"وال", "ال", "و"} {
		if len(k) > len(p) && k[:len(p)] == p && lx.generic[k[len(p):]] {
			return true
		}
	}
	return false
}
