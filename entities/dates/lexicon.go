package dates

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

// Cue roles of a word (a bit set).
const (
	cueYear     uint32 = 1 << iota // عام، سنة، سال، year: a year number follows
	cueMonth                       // شهر: a month name follows
	cueDay                         // يوم: a weekday or a day follows
	cuePrep                        // في، حتى، بين…: a year or month may follow
	cueSince                       // منذ، since
	cueBefore                      // قبل، before
	cueAfter                       // بعد، after
	cueWithin                      // خلال، in
	cuePeriod                      // مطلع، نهاية…: a date expression follows
	cuePast                        // الماضي، last
	cueNext                        // المقبل، next
	cueCurrent                     // الجاري، الحالي
	cueThis                        // هذا، هذه، this
	cueAgo                         // مضت، ago، پیش
	cueFirst                       // أول (in أول أمس)
	cueHijri                       // هـ، هجري
	cueGreg                        // م، ميلادي
	cueTime                        // الساعة، at
	cueOf                          // من، of
	cueTeen                        // عشر (in الحادي عشر)
	cueAnd                         // و، and, to (year ranges)
	cueSolar                       // ش، شمسی
	cueBareYear                    // في، منذ، حتى، in: a bare year may follow
)

// entry is what the lexicon knows of one normalised word. A word may have
// several roles.
type entry struct {
	cue    uint32
	month  int8  // 1-12 when the word names a month
	cal    uint8 // the month's calendar
	ambig  bool  // the month name is also a common word: needs a strong cue
	head   uint8 // first word of a two-word month name (headKanun…)
	second int8  // second word of a two-word month name: which one
	wday   int8  // 1-7 (Sunday=1) when the word names a weekday
	rel    int8  // offset of a relative word (اليوم، أمس، امسال) in relU units
	isRel  bool
	relU   uint8
	unit   uint8 // unit word
	unitN  int8  // the count a unit word implies (يومين = 2, أسبوع = 1)
	num    int16 // cardinal number word
	ord    int8  // ordinal day word (الأول = 1, العاشر = 10)
	tens   int8  // والعشرين = 20 (after an ordinal)
	faOrd  bool  // ord is a Persian ordinal (سوم، بیستم), which needs no من
	faTens int8  // بیست، سی: the tens of a Persian compound ordinal
	fa     bool  // a Persian word that is also an Arabic one (فردا، سال): only in Persian text
}

// Heads of two-word month names.
const (
	headKanun uint8 = iota + 1
	headTishrin
	headRabi
	headJumada
	headDhu
)

// Second words of two-word month names.
const (
	secFirst  int8 = iota + 1 // الأول، أول، الأولى
	secSecond                 // الثاني، ثاني، الثانية، الآخر، الآخرة
	secQada                   // القعدة
	secHijja                  // الحجة
)

type lexicon map[string]*entry

func (l lexicon) get(k string) *entry {
	e := l[k]
	if e == nil {
		e = &entry{}
		l[k] = e
	}
	return e
}

// numbered walks a list of numbers and words: each int sets the number
// of the words after it, and set records it on each word's entry.
func (l lexicon) numbered(list []any, set func(e *entry, n int)) {
	n := 0
	for _, x := range list {
		switch v := x.(type) {
		case int:
			n = v
		case string:
			set(l.get(fold(v)), n)
		}
	}
}

// months records month names: ints are month numbers in calendar cal.
func (l lexicon) months(cal uint8, ambig bool, names ...any) {
	l.numbered(names, func(e *entry, n int) { e.month, e.cal, e.ambig = int8(n), cal, ambig })
}

// cues marks words with the cue bits c.
func (l lexicon) cues(c uint32, words ...string) {
	for _, w := range words {
		l.get(fold(w)).cue |= c
	}
}

// weekdays records weekday names: ints are day numbers, 1 for Sunday.
func (l lexicon) weekdays(words ...any) {
	l.numbered(words, func(e *entry, n int) { e.wday = int8(n) })
}

// rels records relative day words: ints are offsets in days.
func (l lexicon) rels(words ...any) {
	l.numbered(words, func(e *entry, n int) { e.rel, e.isRel, e.relU = int8(n), true, uDay })
}

// units records words for a time unit u, n of it («يومين» is two days).
func (l lexicon) units(u uint8, n int8, words ...string) {
	for _, w := range words {
		e := l.get(fold(w))
		e.unit, e.unitN = u, n
	}
}

// nums records number words: ints are their values.
func (l lexicon) nums(words ...any) {
	l.numbered(words, func(e *entry, n int) { e.num = int16(n) })
}

// ords records ordinal words: ints are their values.
func (l lexicon) ords(words ...any) {
	l.numbered(words, func(e *entry, n int) { e.ord = int8(n) })
}

// fold returns the key of a lexicon word, as the tokenizer makes keys.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if f := foldRune(r); f != 0 {
			if f < 0x80 {
				b = append(b, byte(f))
			} else {
				b = append(b, string(f)...)
			}
		}
	}
	return string(b)
}

// buildLexicon returns the word table. It is built once and read only.
func buildLexicon() lexicon {
	l := lexicon{}
	// Gregorian months: Modern Standard (Egypt, Gulf), Maghrebi (Algeria,
	// Tunisia), Moroccan and Mauritanian forms, and Persian loan names.
	l.months(calGregorian, false,
		1, "يناير", "جانفي", "ژانویه", "ژانويه",
		2, "فبراير", "فبرایر", "فيفري", "فوریه", "فبرير",
		2, "شباط", 3, "آذار",
		4, "أبريل", "إبريل", "ابريل", "أفريل", "نيسان", "آوریل",
		5, "مايو", "أيار",
		6, "يونيو", "يونيه", "يونية", "جوان", "حزيران", "ژوئن",
		7, "يوليو", "يوليه", "يولية", "جويلية", "يوليوز", "تموز", "ژوئیه", "ژوئيه",
		8, "أغسطس", "اغسطس", "غشت", "أغشت",
		9, "سبتمبر", "شتنبر", "شتمبر", "أيلول", "سپتامبر",
		10, "أكتوبر", "اكتوبر", "أكتوبر", "اکتبر",
		11, "نوفمبر", "نونبر", "نوامبر",
		12, "ديسمبر", "دجنبر", "دجمبر", "دسامبر",
	)
	l.months(calGregorian, true,
		3, "مارس",
		5, "ماي",
		8, "آب", "أوت", "اوت",
	)
	// English months.
	l.months(calGregorian, false,
		1, "january", "jan", 2, "february", "feb", 3, "march", "mar", 4, "april", "apr",
		6, "june", "jun", 7, "july", "jul", 8, "august", "aug", 9, "september", "sep", "sept",
		10, "october", "oct", 11, "november", "nov", 12, "december", "dec")
	l.months(calGregorian, true, 5, "may")
	// Hijri months (single words); two-word ones go through heads.
	l.months(calHijri, false, 1, "محرم", "المحرم", 10, "شوال")
	l.months(calHijri, true, 2, "صفر", 7, "رجب", 8, "شعبان", 9, "رمضان")
	// Jalali months.
	l.months(calJalali, false, 1, "فروردین", 2, "اردیبهشت", 3, "خرداد", 5, "مرداد", 6, "شهریور",
		8, "آبان", 9, "آذر", 11, "بهمن", 12, "اسفند")
	l.months(calJalali, true, 4, "تیر", 7, "مهر", 10, "دی")
	for _, h := range []struct {
		w string
		h uint8
	}{{"كانون", headKanun}, {"کانون", headKanun}, {"تشرين", headTishrin}, {"تشرین", headTishrin},
		{"ربيع", headRabi}, {"جمادى", headJumada}, {"جمادي", headJumada}, {"ذو", headDhu}, {"ذي", headDhu}} {
		l.get(fold(h.w)).head = h.h
	}
	for _, s := range []struct {
		w string
		s int8
	}{{"الأول", secFirst}, {"أول", secFirst}, {"الأولى", secFirst}, {"الاولى", secFirst}, {"اول", secFirst},
		{"الثاني", secSecond}, {"ثاني", secSecond}, {"الثانية", secSecond}, {"الآخر", secSecond}, {"الآخرة", secSecond}, {"الاخر", secSecond}, {"الأخير", secSecond},
		{"القعدة", secQada}, {"الحجة", secHijja}} {
		l.get(fold(s.w)).second = s.s
	}
	// Weekdays, Sunday = 1.
	l.weekdays(1, "الأحد", "یکشنبه", "sunday", 2, "الاثنين", "الإثنين", "الأثنين", "دوشنبه", "monday",
		3, "الثلاثاء", "سهشنبه", "سه‌شنبه", "tuesday", 4, "الأربعاء", "الاربعا", "چهارشنبه", "wednesday",
		5, "الخميس", "پنجشنبه", "پنج‌شنبه", "thursday", 6, "الجمعة", "الجمعه", "جمعه", "friday",
		7, "السبت", "شنبه", "saturday")
	// Relative day words.
	l.rels(0, "اليوم", "امروز", "today", "tonight",
		-1, "أمس", "الأمس", "البارحة", "دیروز", "yesterday",
		1, "غدا", "غداً", "الغد", "فردا", "tomorrow", "بكرة", "بكره",
		-2, "پریروز", 2, "پس‌فردا", "پسفردا")
	for _, w := range []struct {
		w string
		n int8
	}{{"امسال", 0}, {"پارسال", -1}, {"this year", 0}} {
		e := l.get(fold(w.w))
		e.rel, e.isRel, e.relU = w.n, true, uYear
	}
	// Units. unitN is the count a bare unit word means.
	l.units(uDay, 1, "يوم", "روز", "day", "days", "ایام", "أيام", "الأيام", "يوما", "يوماً", "روزها")
	l.units(uDay, 2, "يومين")
	l.units(uWeek, 1, "أسبوع", "الأسبوع", "أسابيع", "أسبوعا", "هفته", "week", "weeks", "اسبوع")
	l.units(uWeek, 2, "أسبوعين")
	l.units(uMonth, 1, "شهر", "الشهر", "أشهر", "شهور", "شهرا", "ماه", "month", "months")
	l.units(uMonth, 2, "شهرين")
	l.units(uYear, 1, "عام", "العام", "أعوام", "عاما", "سنة", "السنة", "سنوات", "سنين", "سال", "year", "years", "سنه", "السنه")
	l.units(uYear, 2, "عامين", "سنتين")
	l.units(uHour, 1, "ساعة", "ساعات", "hour", "hours", "ساعت")
	l.units(uHour, 2, "ساعتين")
	l.units(uMinute, 1, "دقيقة", "دقائق", "minute", "minutes", "دقیقه")
	l.units(uMinute, 2, "دقيقتين")
	l.units(uSecond, 1, "ثانية", "ثوان", "ثواني", "second", "seconds", "ثانیه")
	l.units(uSecond, 2, "ثانيتين")
	// Cardinal number words (masculine and feminine forms).
	l.nums(1, "واحد", "واحدة", "یک", "one", "a", "an",
		2, "اثنين", "اثنان", "two", "دو",
		3, "ثلاثة", "ثلاث", "سه", "three", 4, "أربعة", "أربع", "چهار", "four",
		5, "خمسة", "خمس", "پنج", "five", 6, "ستة", "ست", "شش", "six",
		7, "سبعة", "سبع", "هفت", "seven", 8, "ثمانية", "ثماني", "ثمان", "هشت", "eight",
		9, "تسعة", "تسع", "nine", 10, "عشرة", "عشر", "ده", "ten",
		11, "أحد عشر", 15, "خمسة عشر",
		3, "بضعة", "بضع", 20, "عشرين", "عشرون", "twenty", 30, "ثلاثين", "ثلاثون")
	// Ordinal day words.
	l.ords(1, "الأول", "الحادي", "first", 2, "الثاني", "second", 3, "الثالث", "third", 4, "الرابع", "fourth",
		5, "الخامس", "fifth", 6, "السادس", "sixth", 7, "السابع", "seventh", 8, "الثامن", "eighth",
		9, "التاسع", "ninth", 10, "العاشر", "tenth", 20, "العشرين", 30, "الثلاثين",
		// Feminine forms (الرابعة والعشرون من يونيو، الحادية عشرة).
		1, "الحادية", 2, "الثانية", 3, "الثالثة", 4, "الرابعة", 5, "الخامسة", 6, "السادسة",
		7, "السابعة", 8, "الثامنة", 9, "التاسعة", 10, "العاشرة")
	for i, w := range []string{"یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم",
		"یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم", "هجدهم", "نوزدهم", "بیستم",
		"بیست‌ویکم", "بیست‌ودوم", "بیست‌وسوم", "بیست‌وچهارم", "بیست‌وپنجم", "بیست‌وششم", "بیست‌وهفتم", "بیست‌وهشتم", "بیست‌ونهم", "سی‌ام", "سی‌ویکم"} {
		e := l.get(fold(w))
		e.ord, e.faOrd = int8(i+1), true
	}
	for _, w := range []string{"هیجدهم"} {
		e := l.get(fold(w))
		e.ord, e.faOrd = 18, true
	}
	l.get(fold("بیست")).faTens = 20
	l.get(fold("سی")).faTens = 30
	l.get(fold("والعشرين")).tens = 20
	l.get(fold("والعشرون")).tens = 20
	l.get(fold("والثلاثين")).tens = 30
	l.cues(cueYear, "عام", "العام", "سنة", "السنة", "سال", "year", "سنه", "عامي", "سنتي")
	l.cues(cueMonth, "شهر", "ماه", "month")
	l.cues(cueDay, "يوم", "روز", "day")
	l.cues(cuePrep, "في", "حتى", "بين", "إلى", "الى", "لغاية", "in", "on", "during", "until", "by", "در", "تا", "از", "بتاريخ", "تاريخ", "خلال")
	l.cues(cueBareYear, "في", "منذ", "مذ", "حتى", "بين", "خلال", "قبل", "بعد", "بحلول", "in", "since", "until", "by", "during", "before", "after", "در", "از", "تا")
	l.cues(cueSince, "منذ", "since", "مذ")
	l.cues(cueBefore, "قبل", "before")
	l.cues(cueAfter, "بعد", "after")
	l.cues(cueWithin, "خلال", "غضون", "in", "ظرف")
	l.cues(cuePeriod, "مطلع", "بداية", "أوائل", "مستهل", "منتصف", "أواسط", "نهاية", "أواخر", "ختام", "أواخر", "أول",
		"early", "mid", "late", "end", "beginning", "اوایل", "اواخر", "اواسط", "ابتدای", "پایان")
	l.cues(cuePast, "الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "السابقة", "الفائت", "الفائتة", "المنقضي",
		"last", "past", "previous", "گذشته", "پیش", "قبل")
	l.cues(cueNext, "المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية", "next", "coming", "آینده", "بعد", "دیگر")
	l.cues(cueCurrent, "الجاري", "الجارية", "الحالي", "الحالية", "جاری", "this", "current")
	l.cues(cueThis, "هذا", "هذه", "this", "این")
	l.cues(cueAgo, "مضت", "مضى", "خلت", "ago", "پیش", "قبل")
	l.cues(cueFirst, "أول")
	l.cues(cueHijri, "هـ", "ه", "هجري", "هجرية", "للهجرة", "هجری")
	l.cues(cueGreg, "م", "ميلادي", "ميلادية", "للميلاد", "میلادی")
	l.cues(cueSolar, "ش", "شمسی", "هجری‌شمسی")
	l.cues(cueTime, "الساعة", "at", "ساعت", "في")
	l.cues(cueOf, "من", "of", "the")
	l.cues(cueTeen, "عشر")
	l.cues(cueAnd, "و", "to", "and", "الى", "إلى", "حتى", "-", "/", "تا")
	for _, w := range []string{"فردا", "جمعه", "سال", "در", "از", "تا", "ده", "دو"} {
		l.get(fold(w)).fa = true
	}
	return l
}
