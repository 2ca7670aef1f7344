package dates

import "strings"

// Keys compared by several patterns.
var (
	keyToday    = fold("اليوم")
	keyThe      = fold("ال")
	keyMin      = fold("من")
	keyBefore   = fold("قبل")
	keyAfter    = fold("بعد")
	keyTomorrow = fold("غد")
	keyTmrwDef  = fold("الغد")
	keyFirstDef = fold("الأول")
	keyPrev     = fold("السابق")
	keyHadi     = fold("الحادي")
	keyCorresp  = fold("الموافق")
	keyMonth    = fold("شهر")
	keyMah      = fold("ماه")
	keyPish     = fold("پیش")
)

// Filler words allowed between a preposition and a count: قبل نحو ثلاثة أيام.
var fillers = map[string]bool{
	fold("نحو"): true, fold("حوالي"): true, fold("قرابة"): true, fold("زهاء"): true,
	"about": true, "around": true, "almost": true, "nearly": true, "some": true,
}

// Plural unit words: with no count they are vague (قبل أيام) and not dates.
var plurals = map[string]bool{
	fold("أيام"): true, fold("الأيام"): true, fold("أسابيع"): true, fold("أشهر"): true, fold("شهور"): true,
	fold("سنوات"): true, fold("أعوام"): true, fold("سنين"): true, fold("ساعات"): true, fold("دقائق"): true,
	"days": true, "weeks": true, "months": true, "years": true, "hours": true, "minutes": true,
	fold("روزها"): true,
}

// Singular unit words that take a modifier: العام الماضي، هفته گذشته.
var modUnits = map[string]bool{
	fold("العام"): true, fold("السنة"): true, fold("الشهر"): true, fold("الأسبوع"): true,
	fold("سال"): true, fold("ماه"): true, fold("هفته"): true,
	"year": true, "month": true, "week": true,
}

// persianUnits are the Persian unit words, whose modifiers قبل، پیش، بعد
// follow them.
var persianUnits = map[string]bool{fold("سال"): true, fold("ماه"): true, fold("هفته"): true, fold("روز"): true}

var ampm = map[string]bool{
	fold("صباحا"): true, fold("صباحاً"): true, fold("مساء"): true, fold("مساءً"): true, fold("ص"): true, fold("م"): true,
	"am": true, "pm": true, fold("ظهرا"): true, fold("صبح"): true, fold("عصر"): true, fold("شب"): true,
}

func isLatin(k string) bool { return k != "" && k[0] < 0x80 }

// stemKey returns the key of token i without the clitics word() looked through.
func (p *parser) stemKey(i int) string {
	k := p.key(i)
	if lex[k] != nil {
		return k
	}
	if strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
		k = k[2:]
		if lex[k] != nil {
			return k
		}
	}
	if len(k) > 2 {
		return k[2:]
	}
	return k
}

// monthAt reads a month name, one word or two, at token j.
func (p *parser) monthAt(j int) (m int, cal uint8, ambig bool, next int, clitic bool, ok bool) {
	e, off := p.word(j)
	if e == nil {
		return
	}
	clitic = off != int(p.ts.toks[j].start)
	if e.head != 0 && j+1 < p.n {
		if e2 := lex[p.key(j+1)]; e2 != nil && e2.second != 0 {
			switch e.head {
			case headKanun:
				m, cal = map[int8]int{secFirst: 12, secSecond: 1}[e2.second], calGregorian
			case headTishrin:
				m, cal = map[int8]int{secFirst: 10, secSecond: 11}[e2.second], calGregorian
			case headRabi:
				m, cal = map[int8]int{secFirst: 3, secSecond: 4}[e2.second], calHijri
			case headJumada:
				m, cal = map[int8]int{secFirst: 5, secSecond: 6}[e2.second], calHijri
			case headDhu:
				m, cal = map[int8]int{secQada: 11, secHijja: 12}[e2.second], calHijri
			}
			if m != 0 {
				return m, cal, false, j + 2, clitic, true
			}
		}
	}
	if e.month != 0 {
		next = j + 1
		if e.cal == calJalali && p.key(next) == keyMah {
			next++ // دی ماه
		}
		return int(e.month), e.cal, e.ambig, next, clitic, true
	}
	return 0, 0, false, 0, false, false
}

// pairAfter reads the second name of a pair after a Gregorian month
// ending at token j: «أغسطس (آب)»، «آب/أغسطس»، «أغسطس/ آب». It returns the
// token after the pair, or j.
func (p *parser) pairAfter(j, m int) int {
	if p.punct(j, "(") {
		if m2, cal2, _, nx, _, ok := p.monthAt(j + 1); ok && m2 == m && cal2 == calGregorian && p.punct(nx, ")") {
			return nx + 1
		}
	}
	if p.punct(j, "/") || p.punct(j, "-") {
		if m2, cal2, _, nx, _, ok := p.monthAt(j + 1); ok && m2 == m && cal2 == calGregorian {
			return nx
		}
	}
	return j
}

// markerAfter reads a calendar marker (هـ، م، ميلادي، ش) at token j.
func (p *parser) markerAfter(j int) (uint8, int) {
	if j >= p.n || p.ts.toks[j].kind != tWord {
		return 0, j
	}
	e := lex[p.key(j)]
	if e == nil {
		return 0, j
	}
	switch {
	case e.cue&cueHijri != 0:
		return calHijri, j + 1
	case e.cue&cueGreg != 0:
		return calGregorian, j + 1
	case e.cue&cueSolar != 0:
		return calJalali, j + 1
	}
	return 0, j
}

func yearOK(cal uint8, y, nd int) bool {
	switch cal {
	case calHijri, calJalali:
		return y >= 1 && y <= 1600 && nd <= 4
	}
	return y >= 1000 && y <= 2100 && nd == 4
}

// yearAfter reads the year that may follow a month name ending at token
// j: «2023»، «، 2015»، «عام 2020»، «من عام 2020»، «1446 هـ»، «من العام
// الماضي».
func (p *parser) yearAfter(j int, cal uint8) (y int, ycal uint8, next int, ok bool) {
	k := j
	if p.punct(k, ",") {
		k++
	}
	if p.key(k) == keyMin || p.key(k) == "of" {
		k++
	}
	if e := p.ent(k); e != nil {
		if e.cue&cueYear != 0 {
			if _, _, isNum := p.num(k + 1); isNum {
				k++
			}
		}
		if p.hasRef && e.unit == uYear && modUnits[p.stemKey(k)] {
			if n, nx, ok := p.modAfter(k + 1); ok {
				return p.ry + n, calGregorian, nx, cal == calGregorian
			}
		}
		if p.hasRef && e.cue&cueThis != 0 {
			if e2 := p.ent(k + 1); e2 != nil && e2.unit == uYear && modUnits[p.stemKey(k+1)] {
				return p.ry, calGregorian, k + 2, cal == calGregorian
			}
		}
	}
	v, nd, isNum := p.num(k)
	if !isNum {
		return 0, 0, j, false
	}
	mc, nx := p.markerAfter(k + 1)
	ycal = cal
	if mc != 0 && mc != cal {
		if cal != calGregorian || mc != calGregorian {
			return 0, 0, j, false
		}
	}
	if !yearOK(ycal, v, nd) {
		return 0, 0, j, false
	}
	return v, ycal, nx, true
}

// modAfter reads a past, next or current modifier at token j.
func (p *parser) modAfter(j int) (int, int, bool) {
	e := p.ent(j)
	if e == nil {
		return 0, j, false
	}
	switch {
	case e.cue&cuePast != 0:
		return -1, j + 1, true
	case e.cue&cueNext != 0:
		return 1, j + 1, true
	case e.cue&cueCurrent != 0:
		return 0, j + 1, true
	}
	return 0, j, false
}

// timeAfter reads a time of day after a day date ending at token j:
// «، الساعة 05:16 مساءً»، «at 10:30 pm». It returns the token after it, or j.
func (p *parser) timeAfter(j int) int {
	k := j
	if p.punct(k, ",") {
		k++
	}
	if p.hasCue(k, cueTime) {
		k++
	}
	h, hd, ok := p.num(k)
	if !ok || hd > 2 || h > 24 || !p.punct(k+1, ":") {
		return j
	}
	if mm, md, ok := p.num(k + 2); !ok || md != 2 || mm > 59 {
		return j
	}
	k += 3
	if p.punct(k, ":") {
		if _, sd, ok := p.num(k + 1); ok && sd == 2 {
			k += 2
		}
	}
	if k < p.n && p.ts.toks[k].kind == tWord && ampm[p.key(k)] {
		k++
	}
	return k
}

// resolveDM resolves a day and month written without a year: the year of
// the reference, or with a weekday the year nearest the reference in
// which the weekday is right; with no reference the year stays unknown.
func (p *parser) resolveDM(cal uint8, m, d, wd int) (Value, bool) {
	if cal != calGregorian {
		if !p.hasRef {
			return Value{}, false
		}
		y := p.refYear(cal)
		if wd >= 0 {
			for _, yy := range []int{y, y - 1, y + 1} {
				if v, ok := p.dayValue(cal, yy, m, d); ok && weekday(civilDays(v.Year, v.Month, v.Day)) == wd {
					return v, true
				}
			}
		}
		return p.dayValue(cal, y, m, d)
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || (m != 2 && d > daysInMonth(2001, m)) || (m == 2 && d > 29) {
		return Value{}, false
	}
	if !p.hasRef {
		return Value{0, m, d, Day}, true
	}
	if wd >= 0 {
		best, bestDist := 0, -1
		for y := p.ry - 14; y <= p.ry+14; y++ {
			if d > daysInMonth(y, m) {
				continue
			}
			z := civilDays(y, m, d)
			if weekday(z) != wd {
				continue
			}
			dist := z - p.refDay
			if dist < 0 {
				dist = -dist
			}
			if bestDist < 0 || dist < bestDist {
				best, bestDist = y, dist
			}
		}
		if bestDist >= 0 {
			return Value{best, m, d, Day}, true
		}
	}
	if d > daysInMonth(p.ry, m) {
		return Value{}, false
	}
	return Value{p.ry, m, d, Day}, true
}

// dayMonth reads «[من] month [pair] [year] [time]» at token j after a day
// d, for a match starting at byte start.
func (p *parser) dayMonth(start, d, j, wd int) (res, bool) {
	if d < 1 || d > 31 {
		return res{}, false
	}
	if p.key(j) == keyMin || p.key(j) == "of" {
		j++
	}
	if p.key(j) == keyMonth {
		j++ // 5 من شهر مارس
	}
	m, cal, _, k, _, ok := p.monthAt(j)
	if !ok {
		return res{}, false
	}
	if cal == calGregorian {
		k = p.pairAfter(k, m)
	}
	if y, ycal, nx, ok := p.yearAfter(k, cal); ok {
		v, ok := p.dayValue(ycal, y, m, d)
		if !ok {
			return res{}, false
		}
		return res{start, p.timeAfter(nx), v}, true
	}
	if p.hasRef && cal == calGregorian && p.key(k) != keyBefore && p.key(k) != keyAfter {
		// «20 أغسطس الماضي»: the latest such day before ref, or the next after.
		if n, nx, ok := p.modAfter(k); ok && n == 0 {
			if d <= daysInMonth(p.ry, m) {
				return res{start, nx, Value{p.ry, m, d, Day}}, true // 20 أغسطس الجاري
			}
		} else if ok {
			for y := p.ry; y != p.ry+2*n; y += n {
				if d > daysInMonth(y, m) {
					continue
				}
				if z := civilDays(y, m, d); (n < 0 && z < p.refDay) || (n > 0 && z > p.refDay) {
					return res{start, nx, Value{y, m, d, Day}}, true
				}
			}
		}
	}
	v, ok := p.resolveDM(cal, m, d, wd)
	if !ok {
		return res{}, false
	}
	return res{start, p.timeAfter(k), v}, true
}

// numberLed tries the patterns that start with a number at token i. wd is
// a weekday (0 = Sunday) written before it, or -1.
func (p *parser) numberLed(i, wd int) (res, bool) {
	v, nd, ok := p.num(i)
	if !ok {
		return res{}, false
	}
	start := int(p.ts.toks[i].start)
	if i > 0 && p.key(i-1) == keyThe && (p.adjacent(i) || strings.HasSuffix(p.ts.text[p.ts.toks[i-1].start:p.ts.toks[i-1].end], "ـ")) {
		start = int(p.ts.toks[i-1].start) // الـ20 من أغسطس، الـ 7 من أكتوبر
	}
	// Numeric dates: 2016/02/22, 22-2-2016, ۱۴۰۳/۰۵/۱۲.
	if r, ok := p.numericDate(i, start); ok {
		return r, true
	}
	// Day and month.
	if nd <= 2 {
		j := i + 1
		if p.adjacent(j) {
			switch p.key(j) {
			case "st", "nd", "rd", "th":
				j++
			}
		}
		if r, ok := p.dayMonth(start, v, j, wd); ok {
			return r, true
		}
	}
	if wd >= 0 {
		return res{}, false
	}
	// A year with a calendar marker: 2015م، 1446 هـ.
	if mc, nx := p.markerAfter(i + 1); mc != 0 && nd >= 3 && nd <= 4 {
		if yearOK(mc, v, nd) || (mc == calGregorian && v >= 100 && v <= 2100) {
			if yv, ok := p.yearValue(mc, v); ok {
				return res{start, nx, yv}, true
			}
		}
	}
	// Count, unit, ago: «3 أيام مضت»، «3 days ago»، «۳ روز پیش».
	if nd <= 3 {
		if r, ok := p.countUnitAgo(i, start, v); ok {
			return r, true
		}
	}
	// A bare year after a preposition: في 2019، منذ 2011، in 2019.
	if nd == 4 && i > 0 {
		if e := p.ent(i - 1); e != nil && e.cue&(cueBareYear|cuePeriod) != 0 {
			lo := 1900
			if e.cue&cueSince != 0 {
				lo = 1000
			}
			cal := calGregorian
			if v >= 1300 && v <= 1500 && p.ts.persian {
				cal, lo = calJalali, 1300
			}
			if v >= lo && v <= 2100 {
				if yv, ok := p.yearValue(cal, v); ok {
					_, nx := p.markerAfter(i + 1)
					return res{start, nx, yv}, true
				}
			}
		}
	}
	return res{}, false
}

// numericDate reads Y/M/D or D/M/Y with the separators / - . at token i.
func (p *parser) numericDate(i, start int) (res, bool) {
	if i+4 >= p.n {
		return res{}, false
	}
	sep := p.key(i + 1)
	if p.ts.toks[i+1].kind != tPunct || (sep != "/" && sep != "-" && sep != ".") || !p.punct(i+3, sep) {
		return res{}, false
	}
	if !p.adjacent(i+1) || !p.adjacent(i+2) || !p.adjacent(i+3) || !p.adjacent(i+4) {
		return res{}, false
	}
	a, ad, _ := p.num(i)
	b, bd, ok1 := p.num(i + 2)
	c, cd, ok2 := p.num(i + 4)
	if !ok1 || !ok2 || bd > 2 {
		return res{}, false
	}
	var y, m, d int
	switch {
	case ad == 4 && cd <= 2:
		y, m, d = a, b, c
	case cd == 4 && ad <= 2:
		y, m, d = c, b, a
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	default:
		return res{}, false
	}
	end := i + 5
	mc, nx := p.markerAfter(end)
	cal := calGregorian
	switch {
	case mc != 0:
		cal, end = mc, nx
	case y >= 1300 && y <= 1500:
		// A numeric date in 1300-1500 is Jalali in Persian text (Persian
		// digits or letters), Hijri elsewhere.
		cal = calHijri
		if p.ts.persian || p.ts.toks[i].script == scriptPersian {
			cal = calJalali
		}
	}
	if cal == calGregorian && (y < 1000 || y > 2100) {
		return res{}, false
	}
	v, ok := p.dayValue(cal, y, m, d)
	if !ok {
		return res{}, false
	}
	return res{start, p.timeAfter(end), v}, true
}

// yearRange reads the second year of a range: «بين 2010 و2015»، «1990-1994».
func (p *parser) yearRange(i int) (res, bool) {
	if p.lastYear < 0 || p.lastYear != i-1 {
		return res{}, false
	}
	v, nd, _ := p.num(i)
	if nd != 4 || v < 1000 || v > 2100 {
		return res{}, false
	}
	if !p.punct(i-1, "-") && !p.punct(i-1, "/") && !p.hasCue(i-1, cueAnd) {
		return res{}, false
	}
	_, nx := p.markerAfter(i + 1)
	return res{int(p.ts.toks[i].start), nx, Value{v, 0, 0, Year}}, true
}

// countUnitAgo reads «N unit ago» with the count n at token i.
func (p *parser) countUnitAgo(i, start, n int) (res, bool) {
	e := p.ent(i + 1)
	if e == nil || e.unit == 0 {
		return res{}, false
	}
	if !p.agoAt(i+2, p.stemKey(i+1)) {
		return res{}, false
	}
	v, ok := p.offsetValue(e.unit, -n)
	return res{start, i + 3, v}, ok
}

// agoAt reports whether token j is an "ago" word after the unit whose key
// is unit: مضت، ago، and پیش or قبل after a Persian unit. It takes no clitic.
func (p *parser) agoAt(j int, unit string) bool {
	if j >= p.n || p.ts.toks[j].kind != tWord {
		return false
	}
	k := p.key(j)
	e := lex[k]
	if e == nil || e.cue&cueAgo == 0 {
		return false
	}
	if k == keyBefore || k == keyPish {
		return persianUnits[unit] || p.ts.persian
	}
	return true
}

// firstOf reads «أول أمس» and «أول من أمس».
func (p *parser) firstOf(i, off int) (res, bool) {
	j := i + 1
	if p.key(j) == keyMin {
		j++
	}
	e := p.ent(j)
	if e == nil || !e.isRel || e.rel != -1 || !p.hasRef {
		return res{}, false
	}
	return res{off, j + 1, p.fromDays(p.refDay - 2)}, true
}

// relDay reads اليوم، أمس، غدا، امسال… and a few two-word forms.
func (p *parser) relDay(i int, e *entry, off int) (res, bool) {
	if !p.hasRef {
		return res{}, false
	}
	if e.relU == uYear {
		return res{off, i + 1, Value{p.ry + int(e.rel), 0, 0, Year}}, true
	}
	d := int(e.rel)
	j := i + 1
	if p.stemKey(i) == keyToday {
		e2 := p.ent(j)
		switch {
		case p.key(j) == keyPrev:
			d, j = -1, j+1
		case e2 != nil && e2.wday != 0:
			j++
		case j < p.n && p.ts.toks[j].kind == tWord && strings.HasPrefix(p.key(j), keyThe) && (e2 == nil || e2.cue&(cueTime) == 0):
			return res{}, false // اليوم الوطني، اليوم التالي
		}
	}
	if d == -1 && p.key(j) == keyFirstDef {
		d, j = -2, j+1 // أمس الأول
	}
	if e2 := p.ent(j); e2 != nil && e2.wday != 0 && d != 0 {
		j++ // أمس الأحد، غداً الجمعة
	}
	return res{off, j, p.fromDays(p.refDay + d)}, true
}

// weekday reads a weekday name at token i: with a date after it, with a
// modifier (الماضي، المقبل), or bare.
func (p *parser) weekday(i, off int, wd1 int8) (res, bool) {
	wd := int(wd1) - 1
	k := i + 1
	if p.punct(k, ",") {
		k++
	}
	if p.key(k) == keyCorresp {
		k++ // الخميس الموافق 20 أغسطس
	}
	if r, ok := p.numberLed(k, wd); ok {
		r.start = off
		return r, true
	}
	if m, _, _, _, _, ok := p.monthAt(k); ok && m != 0 {
		if r, ok := p.monthLed(k, off, true, wd); ok && r.v.Precision == Day {
			r.start = off
			return r, true
		}
	}
	if !p.hasRef {
		return res{}, false
	}
	j := i + 1
	if k2 := p.key(j); k2 != keyBefore && k2 != keyAfter {
		if n, nx, ok := p.modAfter(j); ok && n != 0 {
			z := p.refDay + n
			for weekday(z) != wd {
				z += n
			}
			return res{off, nx, p.fromDays(z)}, true
		}
	}
	z := p.refDay
	for weekday(z) != wd {
		z--
	}
	return res{off, j, p.fromDays(z)}, true
}

// dayCue reads what follows يوم: a weekday, أمس or غد, or a date.
func (p *parser) dayCue(i, off int) (res, bool) {
	j := i + 1
	if e := p.ent(j); e != nil {
		if e.wday != 0 {
			if r, ok := p.weekday(j, off, e.wday); ok {
				return r, true
			}
		}
		if e.isRel && e.relU == uDay && e.rel != 0 {
			if r, ok := p.relDay(j, e, off); ok {
				return r, true
			}
		}
	}
	if p.hasRef && (p.key(j) == keyTomorrow) {
		return res{off, j + 1, p.fromDays(p.refDay + 1)}, true
	}
	if _, _, ok := p.num(j); ok {
		if r, ok := p.numberLed(j, -1); ok && r.v.Precision == Day {
			r.start = off
			return r, true
		}
	}
	if p.key(i) == "day" && p.hasRef {
		if e := p.ent(j + 1); e != nil && e.isRel {
			switch {
			case p.key(j) == "before" && e.rel == -1:
				return res{off, j + 2, p.fromDays(p.refDay - 2)}, true
			case p.key(j) == "after" && e.rel == 1:
				return res{off, j + 2, p.fromDays(p.refDay + 2)}, true
			}
		}
	}
	return res{}, false
}

// monthLed reads a month name at token i: with a year, an English day, a
// modifier, or bare after a cue. cued says a cue word comes before it.
func (p *parser) monthLed(i, off int, cued bool, wd ...int) (res, bool) {
	w := -1
	if len(wd) > 0 {
		w = wd[0]
	}
	m, cal, ambig, j, clitic, ok := p.monthAt(i)
	if !ok {
		return res{}, false
	}
	after := j
	if cal == calGregorian {
		j = p.pairAfter(j, m)
	}
	paired := j != after
	// English: August 20, 2025; Aug. 20.
	if isLatin(p.key(i)) {
		k := j
		if p.punct(k, ".") && p.adjacent(k) {
			k++
		}
		if d, dd, ok := p.num(k); ok && dd <= 2 && d >= 1 && d <= 31 {
			k++
			if p.adjacent(k) {
				switch p.key(k) {
				case "st", "nd", "rd", "th":
					k++
				}
			}
			if y, _, nx, ok := p.yearAfter(k, calGregorian); ok {
				if v, ok := p.dayValue(calGregorian, y, m, d); ok {
					return res{off, p.timeAfter(nx), v}, true
				}
				return res{}, false
			}
			if v, ok := p.resolveDM(calGregorian, m, d, w); ok {
				return res{off, p.timeAfter(k), v}, true
			}
		}
	}
	if y, ycal, nx, ok := p.yearAfter(j, cal); ok {
		if v, ok := p.monthValue(ycal, y, m); ok {
			return res{off, nx, v}, true
		}
		return res{}, false
	}
	if w >= 0 {
		return res{}, false
	}
	if p.hasRef {
		if n, nx, ok := p.modAfter(j); ok && p.key(j) != keyBefore && p.key(j) != keyAfter {
			y := p.refYear(cal)
			rm := p.rm
			if cal != calGregorian {
				var hm int
				if cal == calHijri {
					_, hm, _ = hijriFromDays(p.refDay)
				} else {
					_, hm, _ = jalaliFromDays(p.refDay)
				}
				rm = hm
			}
			switch {
			case n < 0 && m >= rm:
				y--
			case n > 0 && m <= rm:
				y++
			}
			if v, ok := p.monthValue(cal, y, m); ok {
				return res{off, nx, v}, true
			}
		}
	}
	strong := paired || (i > 0 && p.hasCue(i-1, cueMonth))
	if !(strong || cued && !(ambig && clitic)) {
		return res{}, false
	}
	if cal != calGregorian && !p.hasRef {
		return res{}, false
	}
	if !p.hasRef {
		return res{off, j, Value{0, m, 0, Month}}, true
	}
	v, ok := p.monthValue(cal, p.refYear(cal), m)
	return res{off, j, v}, ok
}

// yearCue reads «عام 1994»، «سنة 2023»، «العام 2020»، «سال ۱۴۰۳».
func (p *parser) yearCue(i, off int) (res, bool) {
	j := i + 1
	v, nd, ok := p.num(j)
	if !ok || nd < 3 || nd > 4 {
		return res{}, false
	}
	mc, nx := p.markerAfter(j + 1)
	cal := calGregorian
	if mc != 0 {
		cal = mc
	} else if v >= 1300 && v <= 1500 && (p.ts.persian || p.ts.toks[j].script == scriptPersian) {
		cal = calJalali
	}
	if !yearOK(cal, v, nd) {
		return res{}, false
	}
	yv, ok := p.yearValue(cal, v)
	if !ok {
		return res{}, false
	}
	return res{off, nx, yv}, true
}

// unitMod reads «العام الماضي»، «الشهر المقبل»، «الأسبوع القادم»، «هفته گذشته».
func (p *parser) unitMod(i, off int, e *entry) (res, bool) {
	k := p.stemKey(i)
	if !p.hasRef || !modUnits[k] || isLatin(k) {
		return res{}, false
	}
	j := i + 1
	if k2 := p.key(j); (k2 == keyBefore || k2 == keyAfter) && !persianUnits[k] {
		// العام قبل الماضي: the year before last.
		if k2 == keyBefore {
			if n, nx, ok := p.modAfter(j + 1); ok && n < 0 {
				v, ok := p.offsetValue(e.unit, -2)
				return res{off, nx, v}, ok
			}
		}
		return res{}, false
	}
	n, nx, ok := p.modAfter(j)
	if !ok {
		// «نهاية العام»: after a period word the unit alone is the current one.
		if i > 0 && p.hasCue(i-1, cuePeriod) && strings.HasPrefix(k, keyThe) {
			v, ok := p.offsetValue(e.unit, 0)
			return res{off, j, v}, ok
		}
		return res{}, false
	}
	v, ok := p.offsetValue(e.unit, n)
	return res{off, nx, v}, ok
}

// modLed reads «هذا العام»، «this week» and English «last/next» + unit,
// weekday or month.
func (p *parser) modLed(i, off int, e *entry) (res, bool) {
	if !p.hasRef {
		return res{}, false
	}
	j := i + 1
	e2 := p.ent(j)
	if e2 == nil {
		return res{}, false
	}
	n := 0
	switch {
	case e.cue&cueThis != 0:
	case !isLatin(p.key(i)):
		return res{}, false
	case e.cue&cuePast != 0:
		n = -1
	case e.cue&cueNext != 0:
		n = 1
	default:
		return res{}, false
	}
	if e2.unit != 0 && modUnits[p.stemKey(j)] {
		v, ok := p.offsetValue(e2.unit, n)
		return res{off, j + 1, v}, ok
	}
	if !isLatin(p.key(i)) {
		return res{}, false
	}
	if e2.wday != 0 && n != 0 {
		wd := int(e2.wday) - 1
		z := p.refDay + n
		for weekday(z) != wd {
			z += n
		}
		return res{off, j + 1, p.fromDays(z)}, true
	}
	if e2.month != 0 && e2.cal == calGregorian && n != 0 {
		m, y := int(e2.month), p.ry
		if n < 0 && m >= p.rm {
			y--
		}
		if n > 0 && m <= p.rm {
			y++
		}
		return res{off, j + 1, Value{y, m, 0, Month}}, true
	}
	return res{}, false
}

// agoLed reads «قبل ثلاثة أيام»، «منذ يومين»، «بعد أسبوعين»، «in 3 days».
func (p *parser) agoLed(i, off int, e *entry) (res, bool) {
	j := i + 1
	if e.cue&cueAfter != 0 && p.hasRef && (p.key(j) == keyTomorrow || p.key(j) == keyTmrwDef) {
		return res{off, j + 1, p.fromDays(p.refDay + 2)}, true // بعد غد
	}
	if fillers[p.key(j)] {
		j++
	}
	n, counted := 1, false
	if v, nd, ok := p.num(j); ok && nd <= 3 {
		n, counted = v, true
		j++
	} else if e2 := p.ent(j); e2 != nil && e2.num != 0 && e2.unit == 0 {
		n, counted = int(e2.num), true
		j++
	}
	u := p.ent(j)
	if u == nil || u.unit == 0 {
		return res{}, false
	}
	k := p.stemKey(j)
	if strings.HasPrefix(k, keyThe) || (!counted && plurals[k]) {
		return res{}, false
	}
	if u.unit == uYear {
		if _, nd, ok := p.num(j + 1); ok && nd >= 3 {
			return res{}, false // منذ عام 1994: a year, read at عام
		}
	}
	if _, _, _, _, _, ok := p.monthAt(j + 1); ok && u.unit == uMonth {
		return res{}, false // خلال شهر مايو: a month, read at شهر
	}
	if !counted || u.unitN == 2 {
		n = int(u.unitN)
	}
	dir := 1
	if e.cue&(cueBefore|cueSince) != 0 {
		dir = -1
	}
	if e.cue&(cueBefore|cueSince) == 0 && e.cue&(cueAfter|cueWithin) == 0 {
		return res{}, false
	}
	j++
	if dir < 0 && p.agoAt(j, k) {
		j++
	}
	v, ok := p.offsetValue(u.unit, dir*n)
	return res{off, j, v}, ok
}

// ordinalLed reads «الحادي والعشرين من مايو»، «الأول من يناير»، «العاشر من رمضان».
func (p *parser) ordinalLed(i, off int, e *entry) (res, bool) {
	d := int(e.ord)
	j := i + 1
	if d <= 9 {
		if p.hasCue(j, cueTeen) && lex[p.key(j)] != nil {
			d += 10
			j++
		} else if t := lex[p.key(j)]; t != nil && t.tens != 0 {
			d += int(t.tens)
			j++
		} else if p.stemKey(i) == keyHadi {
			return res{}, false
		}
	}
	if p.key(j) != keyMin && p.key(j) != "of" {
		return res{}, false
	}
	return p.dayMonth(off, d, j, -1)
}
