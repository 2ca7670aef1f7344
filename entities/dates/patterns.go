package dates

import (
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// bare reports whether token i, with no clitic, is a word with cue c.
func (p *parser) bare(i int, c uint64) bool {
	if i < 0 || i >= p.n || p.ts.toks[i].kind != tWord {
		return false
	}
	return cueKey(p.key(i), c)
}

// lexAt returns the lexicon entry of token i's key, with no clitic, or nil.
func (p *parser) lexAt(i int) *entry {
	if i < 0 || i >= p.n || p.ts.toks[i].kind != tWord {
		return nil
	}
	return lex[p.key(i)]
}

// plural reports whether k is a plural unit word (أيام، سنوات), which with
// no count is vague.
func plural(k string) bool {
	e := lex[k]
	return e != nil && e.unit != 0 && e.unitN == 0
}

// modUnit reports whether k is a unit word that takes a modifier: a
// definite Arabic unit (العام الماضي، الأسبوع المقبل), a Persian unit (هفته
// گذشته، روز گذشته) or an English one (last year).
func modUnit(k string) bool {
	e := lex[k]
	if e == nil || e.unit == 0 || e.unit > uYear || e.unitN != 1 {
		return false
	}
	if definite(k) {
		return e.unit != uDay
	}
	if e.langs&langAr != 0 {
		return false // عام، سنة: only with the article
	}
	// English "next day" is a day of the story, Persian «روز گذشته» is
	// yesterday.
	return e.unit != uDay || e.langs&langFa != 0
}

// persianUnit reports whether k is a Persian unit word, whose modifiers
// قبل، پیش، بعد follow it.
func persianUnit(k string) bool {
	e := lex[k]
	return e != nil && e.unit != 0 && e.unitN == 1 && e.langs&langFa != 0
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
	if strings.HasPrefix(k, "لل") && lex["ا"+k[2:]] != nil {
		return "ا" + k[2:] // للعام: ل + العام
	}
	if len(k) > 2 {
		return k[2:]
	}
	return k
}

// ageReach is how many words after a decade a word of age makes it one of
// a life.
const ageReach = 3

// ofAge reports whether a word of age (العمر، سن) comes right before the
// decade at token i or within ageReach words after it in its clause: the
// decade is then of a person's life (في العشرينات من العمر، في الخمسينات
// أو سن أكبر، بلغ سن الستينات), no date.
func (p *parser) ofAge(i int) bool {
	if p.hasMark(i-1, markAge) {
		return true
	}
	for j := i + 1; j < p.n && j-i <= ageReach && !p.clauseMark(j); j++ {
		if p.hasMark(j, markAge) {
			return true
		}
	}
	return false
}

// monthAt reads a month name, one word or two, at token j.
func (p *parser) monthAt(j int) (m int, cal uint8, ambig bool, next int, clitic bool, ok bool) {
	e, off := p.word(j)
	if e == nil {
		return
	}
	clitic = off != int(p.ts.toks[j].start)
	// A name of several words (تشرين الأول، ذو الحجة): the longest that
	// the next tokens spell.
	best, bestLen := -1, 0
	for pi, ph := range e.phrases {
		if len(ph.rest) <= bestLen || j+len(ph.rest) >= p.n {
			continue
		}
		match := true
		for r, k := range ph.rest {
			if p.ts.toks[j+1+r].kind != tWord || p.key(j+1+r) != k {
				match = false
				break
			}
		}
		if match {
			best, bestLen = pi, len(ph.rest)
		}
	}
	if best >= 0 {
		ph := e.phrases[best]
		return int(ph.month), ph.cal, false, j + 1 + bestLen, clitic, true
	}
	if e.month != 0 {
		next = j + 1
		if e.cal == calJalali && p.bare(next, cueMonth) {
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
	// With no mark between, as agency copy writes it: «نوفمبر تشرين
	// الثاني»، «تموز يوليو»; another name of the same month, not the same
	// word again.
	if j < p.n && p.ts.toks[j].kind == tWord && p.key(j) != p.key(j-1) {
		if m2, cal2, _, nx, clitic, ok := p.monthAt(j); ok && m2 == m && cal2 == calGregorian && !clitic {
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

// bceAt reports whether the year ending before token j is marked as
// before the common era: ق.م، ق م، قبل الميلاد، BC. Such years are not
// reported.
func (p *parser) bceAt(j int) bool {
	switch {
	case p.bare(j, cueBCEAbbrev):
		k := j + 1
		if p.punct(k, ".") {
			k++
		}
		return p.bare(k, cueGreg)
	case p.bare(j, cueBefore):
		return p.bare(j+1, cueBirth)
	}
	return p.bare(j, cueBCE)
}

// unitAt reports whether token j is a unit word: after a number it makes
// the number a count (1000 سنة), not a year.
func (p *parser) unitAt(j int) bool {
	e := p.ent(j)
	return e != nil && e.unit != 0
}

// yearOK reports whether y, written with nd digits, is a plausible year of
// calendar cal.
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
	if p.punct(k, ",") || p.punct(k, ".") && k > 0 && p.adjacent(k) && p.ts.toks[k-1].kind == tWord {
		k++ // «16. نوفمبر. 2016»
	}
	if p.bare(k, cueOf) {
		k++
	}
	if e := p.ent(k); e != nil {
		if e.cue&cueYear != 0 {
			if _, _, isNum := p.num(k + 1); isNum {
				k++
			}
		}
		if p.hasRef && e.unit == uYear && modUnit(p.stemKey(k)) {
			if n, nx, ok := p.modAfter(k + 1); ok {
				return p.ry + n, calGregorian, nx, cal == calGregorian
			}
		}
		if p.hasRef && e.cue&cueThis != 0 {
			if e2 := p.ent(k + 1); e2 != nil && e2.unit == uYear && modUnit(p.stemKey(k+1)) {
				return p.ry, calGregorian, k + 2, cal == calGregorian
			}
		}
	}
	v, nd, isNum := p.num(k)
	if !isNum {
		if cal == calGregorian {
			if y, nx, ok := p.yearWords(k); ok {
				return y, cal, nx, true
			}
		}
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
	hour := p.bare(k, cueClock)
	if p.hasCue(k, cueTime) {
		k++
	}
	h, hd, ok := p.num(k)
	if hour && !ok {
		// الساعة العاشرة صباحاً، الساعة الحادية عشرة ليلاً
		if e := p.ent(k); e != nil && e.ord >= 1 && !e.faOrd && p.key(k) == p.stemKey(k) {
			if h, nx, ok := p.ordinalDay(k, e); ok && h <= 12 {
				if nx < p.n && p.ts.toks[nx].kind == tWord && p.daytime(nx) {
					return nx + 1
				}
				return nx
			}
		}
	}
	if !ok || hd > 2 || h > 24 {
		return j
	}
	if !p.punct(k+1, ":") {
		if !hour || !p.standalone(k) {
			return j // الساعة 7.5
		}
		// الساعة 8 مساء
		k++
		if k < p.n && p.ts.toks[k].kind == tWord && p.daytime(k) {
			k++
		}
		return k
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
	if k < p.n && p.ts.toks[k].kind == tWord && p.daytime(k) {
		k++
	}
	return k
}

// resolveDM resolves a day and month written without a year: the year of
// the reference, or with a weekday the year nearest the reference in
// which the weekday is right; with no reference the year stays unknown.
func (p *parser) resolveDM(cal uint8, m, d, wd int) (entities.Date, bool) {
	v, ok := p.resolveDMRef(cal, m, d, wd)
	if ok && v.Year != 0 {
		p.pending(v, cal, m, d, wd)
	}
	return v, ok
}

// resolveDMRef is resolveDM before the context: it resolves against the
// reference alone. Without a weekday the tense of the clause picks the
// year (see tenseYear), else it is the reference's year.
func (p *parser) resolveDMRef(cal uint8, m, d, wd int) (entities.Date, bool) {
	if cal != calGregorian {
		if !p.hasRef {
			return entities.Date{}, false
		}
		y := p.refYear(cal)
		if wd >= 0 {
			for _, yy := range []int{y, y - 1, y + 1} {
				if v, ok := p.dayValue(cal, yy, m, d); ok && weekday(civilDays(v.Year, v.Month, v.Day)) == wd {
					return v, true
				}
			}
		}
		v, ok := p.dayValue(cal, y, m, d)
		if ok {
			if w, ok2 := p.tenseYear(v, func(y int) (entities.Date, bool) { return p.dayValue(cal, y, m, d) }, y); ok2 {
				return w, true
			}
		}
		return v, ok
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || (m != 2 && d > daysInMonth(2001, m)) || (m == 2 && d > 29) {
		return entities.Date{}, false
	}
	if !p.hasRef {
		return entities.Date{Year: 0, Month: m, Day: d, Precision: entities.Day}, true
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
			return entities.Date{Year: best, Month: m, Day: d, Precision: entities.Day}, true
		}
	}
	val := func(y int) (entities.Date, bool) {
		if d > daysInMonth(y, m) {
			return entities.Date{}, false
		}
		return entities.Date{Year: y, Month: m, Day: d, Precision: entities.Day}, true
	}
	v, ok := val(p.ry)
	if !ok {
		return v, false
	}
	if w, ok := p.tenseYear(v, val, p.ry); ok {
		return w, true
	}
	return v, true
}

// tenseYear moves v, the date of a day without a year in the year y of
// its calendar, by a year when the tense of the clause being read says
// so: a past clause wants it on or before the reference (give or take
// pastSlack days), a future one on or after it; a present clause, often
// habitual (يحتفلون في 5 يوليو من كل عام), keeps the reference's year. at
// gives the date in another year.
func (p *parser) tenseYear(v entities.Date, at func(y int) (entities.Date, bool), y int) (entities.Date, bool) {
	z := civilDays(v.Year, v.Month, v.Day)
	switch p.tense(p.cur) {
	case tensePast:
		if z > p.refDay+pastSlack {
			return at(y - 1)
		}
	case tenseFuture:
		if z < p.refDay {
			return at(y + 1)
		}
	}
	return entities.Date{}, false
}

// pastSlack is how many days after the reference a date in a past clause
// may fall and stay in the reference's year: a reference is often a day
// or two off the story (agency copy, weekly papers).
const pastSlack = 7

// dayMonth reads «[من] month [pair] [year] [time]» at token j after a day
// d, for a match starting at byte start.
func (p *parser) dayMonth(start, d, j, wd int) (res, bool) {
	if d < 1 || d > 31 {
		return res{}, false
	}
	if p.bare(j, cueOf) {
		j++
	}
	if p.bare(j, cueMonth) {
		j++ // 5 من شهر مارس
	}
	m, cal, _, k, _, ok := p.monthAt(j)
	if !ok {
		// السادس عشر من الشهر الجاري، 5 من الشهر الماضي، 3 من هذا الشهر
		if mv, nx, ok := p.relMonthAt(j); ok && d <= daysInMonth(mv.Year, mv.Month) {
			v := entities.Date{Year: mv.Year, Month: mv.Month, Day: d, Precision: entities.Day}
			if wd >= 0 && weekday(civilDays(v.Year, v.Month, d)) != wd {
				// «يوم الخميس الـ 28 من الشهر الجاري» where the 28th of the
				// Gregorian month is no Thursday: the Hijri month, if its
				// 28th is.
				if hv, ok := p.hijriRelDay(mv, d, wd); ok {
					v = hv
				}
			}
			return res{start, nx, v, entities.Date{}}, true
		}
		return res{}, false
	}
	if cal == calGregorian {
		k = p.pairAfter(k, m)
	}
	return p.dmTail(start, cal, m, d, k, wd)
}

// dmTail reads what may follow a day and month ending at token k: a year,
// a modifier (الماضي، المقبل، الجاري) or nothing, and a time of day.
func (p *parser) dmTail(start int, cal uint8, m, d, k, wd int) (res, bool) {
	if y, ycal, nx, ok := p.yearAfter(k, cal); ok {
		v, ok := p.dayValue(ycal, y, m, d)
		if !ok {
			return res{}, false
		}
		return res{start, p.timeAfter(nx), v, entities.Date{}}, true
	}
	if p.hasRef && !p.bare(k, cueBefore|cueAfter) {
		// «20 أغسطس الماضي»، «1 شوال المقبل»: the latest such day before
		// ref, or the next after.
		y0 := p.refYear(cal)
		if n, nx, ok := p.modAfter(k); ok && n == 0 {
			if v, ok := p.dayValue(cal, y0, m, d); ok {
				return res{start, nx, v, entities.Date{}}, true // 20 أغسطس الجاري
			}
		} else if ok {
			for y := y0; y != y0+2*n; y += n {
				v, ok := p.dayValue(cal, y, m, d)
				if !ok {
					continue
				}
				if z := civilDays(v.Year, v.Month, v.Day); (n < 0 && z < p.refDay) || (n > 0 && z > p.refDay) {
					return res{start, nx, v, entities.Date{}}, true
				}
			}
		}
	}
	v, ok := p.resolveDM(cal, m, d, wd)
	if !ok {
		return res{}, false
	}
	return res{start, p.timeAfter(k), v, entities.Date{}}, true
}

// hijriRelDay returns day d of the Hijri month that stands to the
// reference's Hijri month as the Gregorian month mv stands to the
// reference's month, when that day falls on weekday wd.
func (p *parser) hijriRelDay(mv entities.Date, d, wd int) (entities.Date, bool) {
	n := (mv.Year*12 + mv.Month) - (p.ry*12 + p.rm)
	hy, hm, _ := hijriFromDays(p.refDay)
	t := hy*12 + hm - 1 + n
	v, ok := p.dayValue(calHijri, floorDiv(t, 12), t-floorDiv(t, 12)*12+1, d)
	if !ok || weekday(civilDays(v.Year, v.Month, v.Day)) != wd {
		return entities.Date{}, false
	}
	return v, true
}

// relMonthAt reads a month given relative to the reference at token j:
// الشهر الجاري، الشهر الماضي، هذا الشهر.
func (p *parser) relMonthAt(j int) (entities.Date, int, bool) {
	if !p.hasRef {
		return entities.Date{}, j, false
	}
	e := p.ent(j)
	if e == nil {
		return entities.Date{}, j, false
	}
	if e.cue&cueThis != 0 {
		if e2 := p.ent(j + 1); e2 != nil && e2.unit == uMonth && modUnit(p.stemKey(j+1)) {
			return p.addMonths(0), j + 2, true
		}
		return entities.Date{}, j, false
	}
	if e.unit == uMonth && modUnit(p.stemKey(j)) && definite(p.stemKey(j)) {
		if n, nx, ok := p.modAfter(j + 1); ok {
			return p.addMonths(n), nx, true
		}
		if p.bare(j+1, cueSame) {
			// الشهر نفسه: the month last named.
			if m, ok := p.contextMonth(sameReach); ok {
				return m, j + 2, true
			}
		}
	}
	return entities.Date{}, j, false
}

// sameReach is how many sentences back «الشهر نفسه»، «العام ذاته» look
// for the month or year they name again.
const sameReach = 4

// contextMonth returns the month of the last date read, when it was read
// at most reach sentences before the current token's.
func (p *parser) contextMonth(reach int) (entities.Date, bool) {
	if p.month.sent < 0 || p.month.sent < p.s0+int(p.ts.toks[p.cur].sent)-reach {
		return entities.Date{}, false
	}
	return entities.Date{Year: p.month.y, Month: p.month.m, Precision: entities.Month}, true
}

// contextYear returns the year of the last date read that has one, when it
// was read at most reach sentences before the current token's.
func (p *parser) contextYear(reach int) (int, bool) {
	if p.yearCtx.sent < 0 || p.yearCtx.sent < p.s0+int(p.ts.toks[p.cur].sent)-reach {
		return 0, false
	}
	return p.yearCtx.y, true
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
	// A numeric month: 2/2013.
	if nd <= 2 && v >= 1 && v <= 12 && p.punct(i+1, "/") && p.adjacent(i+1) && p.adjacent(i+2) && !p.punct(i+3, "/") {
		if y, yd, ok := p.num(i + 2); ok && yd == 4 && y >= 1000 && y <= 2100 {
			return res{start, i + 3, entities.Date{Year: y, Month: v, Day: 0, Precision: entities.Month}, entities.Date{}}, true
		}
	}
	// «في الـ 23»، «من الـ 17 حتى الـ 19»: a day of the month last named,
	// when the article ال (with its tatweel) and a preposition before it
	// make the number a day.
	if r, ok := p.contextDay(i, start, v, nd); ok {
		return r, true
	}
	// Coordinated days: «10 و17 و24 أغسطس 2015», one mention each.
	if nd <= 2 && v >= 1 && v <= 31 {
		if r, ok := p.coordinated(i, start, v, wd); ok {
			return r, true
		}
	}
	// A range of days in one month: 13-15 تموز، 13 إلى 15 تموز.
	if nd <= 2 && v >= 1 {
		j := i + 1
		if p.punct(j, "-") || p.bare(j, cueRange) {
			if d2, nd2, ok := p.num(j + 1); ok && nd2 <= 2 && d2 > v && d2 <= 31 {
				if r, ok := p.dayMonth(start, d2, j+2, wd); ok && r.v.Precision == entities.Day {
					r.until = r.v
					switch {
					case r.v.Year != 0:
						r.v = p.fromDays(civilDays(r.v.Year, r.v.Month, r.v.Day) - (d2 - v))
						return r, true
					case !p.hasRef:
						r.v.Day = v // a Gregorian month of no known year
						return r, true
					}
				}
			}
		}
	}
	// Day and month.
	if nd <= 2 {
		j := i + 1
		if p.adjacent(j) {
			if e := p.lexAt(j); e != nil && e.ordSfx && isLatin(p.key(j)) {
				j++ // 1st, 22nd
			}
		}
		// «3. أكتوبر»، «9- نوفمبر»، «28-أكتوبر»، «4/ أكتوبر»
		if (p.punct(j, ".") || p.punct(j, "-") || p.punct(j, "/")) && p.adjacent(j) {
			// Not a score: «فاز 2-صفر» (صفر is also zero); «في 12-مارس» is
			// a date.
			if _, _, ambig, _, _, ok := p.monthAt(j + 1); ok && !(ambig && p.punct(j, "-") && !p.hasCue(i-1, cuePrep|cueDMCue)) {
				j++
			}
		}
		if r, ok := p.dayMonth(start, v, j, wd); ok {
			return r, true
		}
		if r, ok := p.numericDM(i, start, wd); ok {
			return r, true
		}
	}
	if wd >= 0 {
		return res{}, false
	}
	// A year with a calendar marker: 2015م، 1446 هـ; not metres after a
	// word of measure (بلغت مساحته 1600م).
	if mc, nx := p.markerAfter(i + 1); mc != 0 && nd >= 3 && nd <= 4 && !(mc == calGregorian && (p.bare(i-1, cueMeasure) || p.bare(i-2, cueMeasure))) {
		if yearOK(mc, v, nd) || (mc == calGregorian && v >= 100 && v <= 2100) {
			if yv, ok := p.yearValue(mc, v); ok {
				return res{start, nx, yv, entities.Date{}}, true
			}
		}
	}
	// Count, unit, ago: «3 أيام مضت»، «3 days ago»، «۳ روز پیش».
	if nd <= 3 {
		if r, ok := p.countUnitAgo(i, start, v); ok {
			return r, true
		}
		if r, ok := p.fromNow(i, start); ok {
			return r, true
		}
	}
	// A bare year after an event word (مونديال 2002، اتفاق الطائف 1989 is
	// not one), or opening a range of years (1998 - 2005).
	if nd == 4 && v >= 1900 && v <= 2099 && p.standalone(i) && !p.unitAt(i+1) {
		if i > 0 && p.bare(i-1, cueEvent) {
			return res{start, i + 1, entities.Date{Year: v, Month: 0, Day: 0, Precision: entities.Year}, entities.Date{}}, true
		}
	}
	// A year opening a range of years: «1998 - 2005»; with a calendar
	// marker after the second, the first is of its calendar too: «1880
	// -1980م»، «1436 - 1437هـ»، «١٤٣٧/١٤٣٦هـ» (a school year).
	if nd == 4 && p.standalone(i) && (p.punct(i+1, "-") || p.punct(i+1, "/")) {
		if v2, nd2, ok := p.num(i + 2); ok && nd2 == 4 {
			mc, _ := p.markerAfter(i + 3)
			ok := false
			switch mc {
			case 0:
				ok = v >= 1900 && v < v2 && v2 <= 2099
			case calGregorian:
				ok = v >= 1000 && v < v2 && v2 <= 2099
			default:
				ok = yearOK(mc, v, nd) && v != v2 && v2-v <= 100 && v-v2 <= 1
			}
			if ok {
				if mc == 0 {
					mc = calGregorian
				}
				if yv, ok := p.yearValue(mc, v); ok {
					return res{start, i + 1, yv, entities.Date{}}, true
				}
			}
		}
	}
	// A bare year after a preposition: في 2019، منذ 2011، in 2019 (not a
	// count: «في 2000 موقع»، «بين 1950 و2000 ريال»).
	if nd == 4 && i > 0 && !p.unitAt(i+1) && !p.bceAt(i+1) && !p.countedAfter(i+1) && !p.rangeCounted(i) {
		if e := p.ent(i - 1); e != nil && e.cue&(cueBareYear|cuePeriod) != 0 {
			lo := 1900
			if e.cue&cueSince != 0 {
				lo = 1000
			}
			cal := calGregorian
			if v >= 1300 && v <= 1500 && p.ts.isPersian() {
				cal, lo = calJalali, 1300
			}
			if mc := p.rangeMarker(i); mc == calHijri && yearOK(mc, v, nd) {
				cal, lo = mc, 1 // بين 1435 و1436هـ
			}
			if v >= lo && v <= 2100 {
				if yv, ok := p.yearValue(cal, v); ok {
					_, nx := p.markerAfter(i + 1)
					return res{start, nx, yv, entities.Date{}}, true
				}
			}
		}
	}
	if nd == 4 && p.bareYear(i, v) {
		return res{start, i + 1, entities.Date{Year: v, Precision: entities.Year}, entities.Date{}}, true
	}
	return res{}, false
}

// bareYear reports whether the four-digit number v at token i, with no
// cue word, is a year: news writes years bare (بطل العالم 2008 مع…،
// مونديال روسيا 2018 في…، من 2010 إلى 2013). It is one when it lies in
// 1900-2099 (and no more than yearAhead years after the reference), stands
// on its own (or after و), is not round (2000 زائر: a round number is more
// often an amount), does not follow a word of approximation (أكثر من،
// نحو), of measure (بطول) or of numbering (رقم) and is not followed by a
// counted noun, a unit or a percent sign.
func (p *parser) bareYear(i, v int) bool {
	if v < 1900 || v > 2099 || v%100 == 0 || p.hasRef && v > p.ry+yearAhead || p.ts.isPersian() {
		return false
	}
	if i > 0 && p.adjacent(i) && !(p.key(i-1) == keyAnd && p.ts.toks[i-1].kind == tWord) {
		if !p.standalone(i) {
			return false
		}
	}
	if i+2 < p.n && p.adjacent(i+1) && p.ts.toks[i+1].kind == tPunct && p.ts.toks[i+2].kind == tNum {
		return false // 2015.5, 1999,3
	}
	if p.punct(i+1, "%") || p.punct(i+1, "٪") || p.unitAt(i+1) || p.bceAt(i+1) || p.countedAfter(i+1) || p.rangeCounted(i) {
		return false
	}
	if p.hasCue(i-1, cueFiller|cueApprox|cueMeasure|cueNumbered) || p.bare(i-1, cueOf) && p.hasCue(i-2, cueApprox) {
		return false // نحو 2015، أكثر من 1950، بطول 1950، رقم 1934
	}
	if mc, _ := p.markerAfter(i + 1); mc != 0 {
		return false // 1950م after a word of measure: metres
	}
	return true
}

// yearAhead bounds how far after the reference a bare year may lie (رؤية
// 2030 in 2015).
const yearAhead = 30

// rangeMarker returns the calendar marker after the second year of a range
// that the year at token i opens (1436 - 1437هـ، 1435 و1436هـ), or 0.
func (p *parser) rangeMarker(i int) uint8 {
	if !p.punct(i+1, "-") && !p.punct(i+1, "/") && p.key(i+1) != keyAnd && !p.bare(i+1, cueRange) {
		return 0
	}
	_, nd, _ := p.num(i)
	if _, nd2, ok := p.num(i + 2); !ok || nd2 != nd {
		return 0
	}
	mc, _ := p.markerAfter(i + 3)
	return mc
}

// contextDay reads «الـ N» at number token i (its match starting at byte
// start) after a preposition, with no month after it, as day N of the
// month last named.
func (p *parser) contextDay(i, start, v, nd int) (res, bool) {
	if nd > 2 || v < 1 || v > 31 || i < 2 || start != int(p.ts.toks[i-1].start) {
		return res{}, false
	}
	if !strings.HasSuffix(p.ts.text[p.ts.toks[i-1].start:p.ts.toks[i-1].end], "ـ") {
		return res{}, false // الـ with its tatweel: a number read as a day or a rank
	}
	if !p.hasCue(i-2, cuePrep|cueRange|cueSince|cueOf) || p.monthAfter(i+1) || !p.dayEndOK(i+1) {
		return res{}, false
	}
	m, ok := p.contextMonth(1)
	if !ok || v > daysInMonth(m.Year, m.Month) {
		return res{}, false
	}
	return res{start, i + 1, entities.Date{Year: m.Year, Month: m.Month, Day: v, Precision: entities.Day}, entities.Date{}}, true
}

// monthAfter reports whether a month, named or relative, follows at token
// j (after an optional من).
func (p *parser) monthAfter(j int) bool {
	if p.bare(j, cueOf) {
		j++
	}
	if _, _, _, _, _, ok := p.monthAt(j); ok {
		return true
	}
	if _, _, ok := p.relMonthAt(j); ok {
		return true // هذا الشهر، الشهر المقبل
	}
	e := p.ent(j)
	return e != nil && (e.unit == uMonth || e.cue&cueMonth != 0)
}

// countedAfter reports whether token j is a noun that makes the number
// before it a count: a word of the counted list (ريال، شخص، موقع), or one
// with the shape of a counted noun, a feminine in ة (حالة) or an
// accusative in ا (مشروعا، شخصا). A verb (ارتفعت) or a preposition is none.
func (p *parser) countedAfter(j int) bool {
	if j >= p.n || p.ts.toks[j].kind != tWord {
		return false
	}
	k := p.key(j)
	if cueKey(k, cueCounted) {
		return true
	}
	if lex[k] != nil || definite(k) || isLatin(k) || len(k) < 6 {
		return false
	}
	switch k[:2] {
	case "ب", "ل", "ك", "و", "ف":
		return false // بنسبة، وفقا: a word with a clitic
	}
	return strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ا")
}

// rangeCounted reports whether the bare number at token i opens a range
// whose second number is a count: «بين 1950 و2000 ريال».
func (p *parser) rangeCounted(i int) bool {
	k := i + 1
	if !p.punct(k, "-") && !p.bare(k, cueAnd|cueRange) {
		return false
	}
	if _, _, ok := p.num(k + 1); !ok {
		return false
	}
	return p.countedAfter(k + 2)
}

// maxCoordinated bounds the days of a coordinated list.
const maxCoordinated = 12

// coordinated reads the first day v (at token i) of a list of days that
// share the month and year written after the last: «10 و17 و24 أغسطس
// 2015»، «يومي 12 و13 تشرين الأول»، «3، 5 و7 مايو». The result is day v
// alone: each day of the list is read in its turn.
func (p *parser) coordinated(i, start, v, wd int) (res, bool) {
	last, j := -1, i+1
	for range maxCoordinated {
		k := j
		if p.punct(k, ",") {
			k++
		}
		if p.key(k) == keyAnd {
			k++
		} else if k == j {
			break
		}
		d, nd, ok := p.num(k)
		if !ok || nd > 2 || d < 1 || d > 31 || k+2 < p.n && p.ts.toks[k+1].kind == tPunct && p.adjacent(k+1) && p.ts.toks[k+2].kind == tNum && p.adjacent(k+2) {
			break
		}
		last, j = k, k+1
	}
	if last < 0 {
		return res{}, false
	}
	dl, _, _ := p.num(last)
	if dl <= v {
		return res{}, false
	}
	r, ok := p.dayMonth(start, dl, last+1, -1)
	if !ok || r.v.Precision != entities.Day {
		return res{}, false
	}
	if r.v.Year == 0 {
		// No year and no reference: a Gregorian month, whose days the
		// first takes as the last does (--08-10 beside --08-17).
		return res{start, i + 1, entities.Date{Month: r.v.Month, Day: v, Precision: entities.Day}, entities.Date{}}, true
	}
	// Days of one month follow one another in any calendar.
	z := civilDays(r.v.Year, r.v.Month, r.v.Day) - (dl - v)
	if wd >= 0 && weekday(z) != wd {
		return res{}, false
	}
	return res{start, i + 1, p.fromDays(z), entities.Date{}}, true
}

// standalone reports whether number token i is a number of its own, not
// part of a decimal, a time or a longer number.
func (p *parser) standalone(i int) bool {
	if i > 0 && p.adjacent(i) && p.ts.toks[i-1].kind != tPunct {
		return false
	}
	if i+2 < p.n && p.adjacent(i+1) && p.adjacent(i+2) && (p.punct(i+1, ".") || p.punct(i+1, ",") || p.punct(i+1, ":")) {
		if _, _, ok := p.num(i + 2); ok {
			return false
		}
	}
	return true
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
	a, ad, _ := p.num(i)
	b, bd, ok1 := p.num(i + 2)
	c, cd, ok2 := p.num(i + 4)
	if !ok1 || !ok2 || bd > 2 {
		return res{}, false
	}
	if !p.adjacent(i+1) || !p.adjacent(i+2) || !p.adjacent(i+3) || !p.adjacent(i+4) {
		// «26 / 10 / 1436 هـ»: spaced slashes or dashes, evenly, around
		// a day, a month and a four-digit year.
		even := p.adjacent(i+1) == p.adjacent(i+3) && p.adjacent(i+2) == p.adjacent(i+4)
		if sep == "." || !even || !(ad == 4 && cd <= 2 || cd == 4 && ad <= 2) {
			return res{}, false
		}
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
	case cd == 2 && ad <= 2 && sep != ".":
		// 7-3-95، 12/5/16: a two-digit year, in the century that puts it
		// no more than ten years after the reference (or 1931-2030).
		y, m, d = 2000+c, b, a
		if (p.hasRef && y > p.ry+10) || (!p.hasRef && c > 30) {
			y -= 100
		}
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
		if p.ts.isPersian() || p.ts.toks[i].script == scriptPersian {
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
	return res{start, p.timeAfter(end), v, entities.Date{}}, true
}

// yearRange reads the second year of a range: «بين 2010 و2015»، «1990-1994».
func (p *parser) yearRange(i int) (res, bool) {
	if p.lastYear < 0 || p.lastYear != i-1 {
		return res{}, false
	}
	v, nd, _ := p.num(i)
	if nd != 4 || v > 2100 {
		return res{}, false
	}
	if !p.punct(i-1, "-") && !p.punct(i-1, "/") && !p.hasCue(i-1, cueAnd) || p.countedAfter(i+1) {
		return res{}, false
	}
	mc, nx := p.markerAfter(i + 1)
	if mc == 0 {
		mc = calGregorian
	}
	if mc == calGregorian && v < 1000 {
		return res{}, false
	}
	yv, ok := p.yearValue(mc, v)
	return res{int(p.ts.toks[i].start), nx, yv, entities.Date{}}, ok
}

// countUnitAgo reads «N unit ago» with the count n at token i.
func (p *parser) countUnitAgo(i, start, n int) (res, bool) {
	if n == 0 || (i > 0 && p.ts.toks[i-1].kind == tNum) {
		return res{}, false // «10 000 سنة مضت»: a digit group, not a count
	}
	e := p.ent(i + 1)
	if e == nil || e.unit == 0 {
		return res{}, false
	}
	if !p.agoAt(i+2, p.stemKey(i+1)) {
		return res{}, false
	}
	v, ok := p.offsetValue(e.unit, -n)
	return res{start, i + 3, v, entities.Date{}}, ok
}

// agoAt reports whether token j is an "ago" word after the unit whose key
// is unit: مضت، ago، and پیش or قبل after a Persian unit. It takes no clitic.
func (p *parser) agoAt(j int, unit string) bool {
	if j >= p.n || p.ts.toks[j].kind != tWord {
		return false
	}
	e := lex[p.key(j)]
	if e == nil || e.cue&cueAgo == 0 {
		return false
	}
	if e.faOnly(cueAgo) {
		return persianUnit(unit) || p.ts.isPersian()
	}
	return true
}

// firstOf reads «أول أمس» and «أول من أمس».
func (p *parser) firstOf(i, off int) (res, bool) {
	j := i + 1
	if p.bare(j, cueOf) {
		j++
	}
	e := p.ent(j)
	if e == nil || !e.isRel || e.rel != -1 || !p.hasRef {
		return res{}, false
	}
	return res{off, j + 1, p.fromDays(p.refDay - 2), entities.Date{}}, true
}

// relDay reads اليوم، أمس، غدا، امسال… and a few two-word forms.
func (p *parser) relDay(i int, e *entry, off int) (res, bool) {
	if !p.hasRef {
		return res{}, false
	}
	if e.relU == uYear {
		return res{off, i + 1, entities.Date{Year: p.ry + int(e.rel), Month: 0, Day: 0, Precision: entities.Year}, entities.Date{}}, true
	}
	if i > 0 && off == int(p.ts.toks[i].start) && definite(p.key(i)) && cueKey(p.stemKey(i-1), cueMedium) {
		return res{}, false // صحيفة الغد، لصحيفة الأمس: a paper's name
	}
	d := int(e.rel)
	j := i + 1
	if e.cue&cueToday != 0 {
		if !p.todayIsDate(i, off) {
			return res{}, false
		}
		e2 := p.ent(j)
		switch {
		case p.bare(j, cuePrevious|cueFollowing) || p.bare(j, cuePast) && !p.bare(j, cueNext):
			// اليوم التالي، اليوم السابق: the day after or before the
			// reference only where the clause is not past (يعود في اليوم
			// التالي); in a past clause or before an event (اليوم السابق
			// للانتخابات) a day of the story.
			if t := p.tense(i); t == tensePast || p.anchoredAfter(j+1) {
				return res{}, false
			}
			if p.bare(j, cuePrevious|cuePast) {
				d = -1 // اليوم السابق، اليوم الماضي
			} else {
				d = 1
			}
			j++
		case e2 != nil && e2.wday != 0:
			j++
		case j < p.n && p.ts.toks[j].kind == tNum:
			// اليوم 6 مايو: the day named after it.
			if r, ok := p.numberLed(j, -1); ok && r.v.Precision == entities.Day {
				r.start = off
				return r, true
			}
		case p.bare(j, cueRelative):
			return res{}, false // اليوم الذي: the day on which
		case j < p.n && p.ts.toks[j].kind == tWord && definite(p.key(j)) && (e2 == nil || e2.cue&(cueTime) == 0) && !feminine(p.key(j)) && !(p.adverbToday(i, off) && e2 == nil && !strings.HasSuffix(p.key(j), "ي")):
			return res{}, false // اليوم الوطني (but not تبدأ اليوم البروفات، يفتتح اليوم المعرض)
		default:
			// A bare اليوم that no past or future verb, time of day or
			// weekday ties to a day may mean "nowadays", and does after a word of
			// lasting (الحضارة القائمة اليوم) or set against the past (أما
			// اليوم): see nowadays. A headline that opens with it tells
			// of the day.
			if _, _, ok := p.weekdayGloss(j); !ok && !p.daytime(i-1) && !p.bare(i-1, cueDaypart) && !p.daytime(j) && p.timeAfter(j) == j {
				p.today = todayBare
				opens := i == 0 && p.ts.part == article.TitlePart // «اليوم.. انطلاق المهرجان»
				if t := p.tense(i); !opens && (t == tensePresent || t == tenseNone) || p.hasCue(i-1, cueDuration|cueContrast) {
					p.today = todayVague
				}
			}
		}
	}
	if d == -1 && p.bare(j, cueFormer) {
		d, j = -2, j+1 // أمس الأول
	}
	if d != 0 {
		return p.relWeekday(off, j, d), true
	}
	return res{off, p.timeAfter(j), p.fromDays(p.refDay + d), entities.Date{}}, true
}

// relWeekday returns the day d days from the reference named by a word
// ending before token j (its match starting at byte off), with the
// weekday written after it: «أمس الأحد»، «غداً الجمعة»، «أمس (الأحد)»، «يوم
// غد الجمعة»، «بعد غد السبت». The weekday named wins when it is within two
// days of the one the word gives, the latest before the reference or the
// first after it (agency copy written the day before publication says
// «أمس» of the day before its own); a weekday far from it is left out.
func (p *parser) relWeekday(off, j, d int) res {
	if wd, nx, ok := p.weekdayGloss(j); ok {
		z, step := p.refDay-1, -1
		if d > 0 {
			z, step = p.refDay+1, 1
		}
		for weekday(z) != wd {
			z += step
		}
		if dz := z - (p.refDay + d); dz >= -2 && dz <= 2 {
			return res{off, p.timeAfter(nx), p.fromDays(z), entities.Date{}}
		}
		j = nx // a weekday far from the day named: the relative word holds
	}
	return res{off, p.timeAfter(j), p.fromDays(p.refDay + d), entities.Date{}}
}

// adverbToday reports whether اليوم at token i (its stem at byte off) is
// an adverb of time by what comes before it: a verb (يفتتح اليوم المعرض),
// the clause's definite subject (سيفتتح الأمير اليوم المعرض) or a time of
// day (صباح اليوم); a definite word after it is then the clause's subject
// or object, not its adjective, unless it is a lexicon word or has the ي
// of a nisba adjective (يصادف اليوم الوطني). With a clitic (باليوم
// الوطني) or after a noun it heads (احتفالات اليوم الوطني) it is none.
func (p *parser) adverbToday(i, off int) bool {
	if i == 0 || off != int(p.ts.toks[i].start) || p.ts.toks[i-1].kind != tWord || p.ts.toks[i].at != p.ts.toks[i-1].at+1 {
		return false
	}
	if p.daytime(i-1) || p.bare(i-1, cueDaypart) {
		return true
	}
	k := p.key(i - 1)
	return futureWord(k) || imperfect(k) || perfect(k) || definite(k) && lex[k] == nil
}

// feminine reports whether the key k ends as a feminine or a plural in
// ات does (ة is folded to ه): such a word after اليوم is no adjective of
// it (اليوم الوطني) but the subject of the clause (تبدأ اليوم البروفات).
func feminine(k string) bool {
	return strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ات")
}

// weekdayGloss reads a weekday at token j, bare or in brackets: «الأحد»,
// «(الأحد)». It returns the weekday (0 = Sunday) and the token after it.
func (p *parser) weekdayGloss(j int) (int, int, bool) {
	k := j
	if p.punct(k, "(") {
		k++
	}
	e := p.ent(k)
	if e == nil || e.wday == 0 {
		return 0, j, false
	}
	k++
	if k-j == 2 {
		if !p.punct(k, ")") {
			return 0, j, false
		}
		k++
	}
	return int(e.wday) - 1, k, true
}

// todayIsDate reports whether اليوم at token i (its stem at byte off)
// means the reference day, not a day of the story (نفس اليوم), a rate
// (ثلاث مرات في اليوم، 300 ريال لليوم), "to this day" (حتى اليوم) or the
// name of a paper in a dateline (عين اليوم).
func (p *parser) todayIsDate(i, off int) bool {
	if p.hasCue(i-1, cueNotToday) || p.ts.part == article.DatelinePart || p.bare(i+1, cueSame) {
		return false // نفس اليوم، اليوم ذاته: a day of the story
	}
	if p.nameToday(i) || p.dayByDay(i+1) {
		return false
	}
	if k := p.key(i); strings.HasPrefix(strings.TrimPrefix(k, keyAnd), "لل") {
		return false // لليوم: per day
	}
	if e := p.ent(i + 1); e != nil && e.wday != 0 {
		return true // اليوم الخميس
	}
	if p.hasCue(i-1, cueRange) {
		return false // حتى اليوم، إلى اليوم
	}
	if p.bare(i-1, cuePrep) && i >= 2 {
		if _, _, ok := p.num(i - 2); ok || p.bare(i-2, cueRate) {
			return false
		}
		if e := p.lexAt(i - 2); e != nil && e.num != 0 {
			return false
		}
	}
	return true
}

// dayByDay reports whether token j is يوم with ب, and with a pronoun or
// not (بيومه، بيوم): after اليوم it makes the idiom «day by day» (يعيش
// اليوم بيومه), no date.
func (p *parser) dayByDay(j int) bool {
	if j >= p.n || p.ts.toks[j].kind != tWord {
		return false
	}
	k := p.key(j)
	if !strings.HasPrefix(k, "ب") {
		return false
	}
	k = k[len("ب"):]
	e := lex[k]
	if e == nil {
		e = lex[strings.TrimSuffix(k, "ه")]
	}
	return e != nil && e.unit == uDay && e.unitN == 1
}

// nameToday reports whether اليوم at token i is a name: the paper «اليوم»
// in quotation marks or after لـ (قال لـ«اليوم»), or after a word for a
// medium (صحيفة اليوم، قناة اليوم).
func (p *parser) nameToday(i int) bool {
	quoted := i > 0 && i+1 < p.n && (p.punct(i-1, "«") && p.punct(i+1, "»") || p.punct(i-1, "\"") && p.punct(i+1, "\""))
	k := i - 1
	if quoted {
		k--
	}
	if k >= 0 && p.ts.toks[k].kind == tWord && strings.HasSuffix(p.ts.text[p.ts.toks[k].start:p.ts.toks[k].end], "ـ") && len(p.key(k)) == len("ل") {
		return true // لـ«اليوم»، لـ اليوم
	}
	return quoted || p.bare(i-1, cueMedium)
}

// anchoredAfter reports whether token j ties what comes before it to an
// event: من or ل before a definite word, من, على or ل before one with a
// pronoun suffix or a noun in construct (من اعتقاله، من التهديد، من تأسيس
// الشركة، على فوزه، على انطلاق البطولة، للانتخابات، لوصوله), but not من
// الآن.
func (p *parser) anchoredAfter(j int) bool {
	if j >= p.n || p.ts.toks[j].kind != tWord {
		return false
	}
	if p.bare(j, cueOf|cueAnchor) {
		if j+1 >= p.n || p.ts.toks[j+1].kind != tWord || p.bare(j+1, cueNow) {
			return false
		}
		if p.bare(j, cueAnchor) && definite(p.key(j+1)) {
			return false // على الشبكات: a place, not an event
		}
		// من اعتقاله، من التهديد، or a noun in construct: من تأسيس الشركة.
		return eventNoun(p.key(j+1)) || lex[p.key(j+1)] == nil && j+2 < p.n && p.ts.toks[j+2].kind == tWord && definite(p.key(j+2))
	}
	k := p.key(j)
	if !strings.HasPrefix(k, "ل") || lex[k] != nil {
		return false
	}
	return strings.HasPrefix(k, "لل") || eventNoun(k[len("ل"):])
}

// eventNoun reports whether the key k has the shape of a noun that names
// an event of the story: definite (الانتخابات) or with a pronoun suffix
// (اعتقاله، وصولها).
func eventNoun(k string) bool {
	if len(k) < 6 || lex[k] != nil {
		return false
	}
	return definite(k) || strings.HasSuffix(k, "ه") && !strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ها") || strings.HasSuffix(k, "هم")
}

// weekday reads a weekday name at token i: with a date after it, with a
// modifier (الماضي، المقبل), or bare.
func (p *parser) weekday(i, off int, wd1 int8) (res, bool) {
	wd := int(wd1) - 1
	if p.bare(i-1, cueNotDate) && off == int(p.ts.toks[i].start) {
		return res{}, false // صلاة الجمعة، خطبة الجمعة: a prayer, no day
	}
	k := i + 1
	if p.punct(k, ",") {
		k++
	}
	if p.bare(k, cueApposition) {
		k++ // الخميس الموافق 20 أغسطس، الاثنين في 18 شباط
	}
	if p.key(k) == keyThe && p.ts.toks[k].kind == tWord {
		k++ // يوم الخميس الـ 28 من الشهر الجاري
	}
	if r, ok := p.numberLed(k, wd); ok {
		r.start = off
		return r, true
	}
	if e := p.ent(k); e != nil && (e.faOrd || e.faTens != 0) {
		if d, nx, ok := p.persianOrdinal(k, e); ok {
			if r, ok := p.dayMonth(off, d, nx, wd); ok {
				return r, true
			}
		}
	}
	if e := p.ent(k); e != nil && e.ord >= 1 && e.ord <= 5 && !e.faOrd && !e.ordPart && k == i+1 {
		// الأحد الثاني، الجمعة الأولى من رمضان: the n-th such weekday of a
		// month.
		if d, nx, ok := p.ordinalDay(k, e); ok && nx == k+1 {
			if r, ok := p.nthWeekday(off, wd, d, nx); ok {
				return r, true
			}
		}
	}
	if e := p.ent(k); e != nil && e.ord != 0 && !e.faOrd && p.hasRef {
		// السبت السادس عشر: a weekday and a day of the month, in the month
		// nearest the reference where they agree.
		if d, nx, ok := p.ordinalDay(k, e); ok {
			if p.bare(nx, cueOf) {
				if r, ok := p.dayMonth(off, d, nx, wd); ok {
					return r, true
				}
			}
			if !p.bare(nx, cueOf) || !cueKey(p.stemKey(nx+1), cueMonth) {
				if v, ok := p.weekdayDay(wd, d); ok {
					return res{off, nx, v, entities.Date{}}, true
				}
			}
		}
	}
	if p.hasRef && !isLatin(p.key(i)) {
		// الخميس 10، الجمعة في خمسة عشر: a day number with no month.
		if d, dd, ok := p.num(k); ok && dd <= 2 && d >= 1 && d <= 31 && p.dayEndOK(k+1) && p.standalone(k) {
			if v, ok := p.weekdayDay(wd, d); ok {
				return res{off, k + 1, v, entities.Date{}}, true
			}
		} else if e := p.ent(k); e != nil && e.num != 0 {
			if d, nx, ok := p.cardinalDay(k, e); ok && p.dayEndOK(nx) {
				if v, ok := p.weekdayDay(wd, d); ok {
					return res{off, nx, v, entities.Date{}}, true
				}
			}
		}
		// الجمعة الأسبوع المقبل، الثلاثاء من الأسبوع القادم
		k2 := i + 1
		if p.bare(k2, cueOf) {
			k2++
		}
		if n, nx, ok := p.weekAt(k2); ok {
			return res{off, nx, p.fromDays(p.weekStart(n) + (wd+6)%7), entities.Date{}}, true
		}
	}
	if m, _, _, _, _, ok := p.monthAt(k); ok && m != 0 {
		if r, ok := p.monthLed(k, off, true, wd); ok && r.v.Precision == entities.Day {
			r.start = off
			return r, true
		}
	}
	if !p.hasRef {
		return res{}, false
	}
	j := i + 1
	if !p.bare(j, cueBefore|cueAfter) {
		if n, nx, ok := p.modAfter(j); ok && n != 0 {
			z := p.refDay + n
			for weekday(z) != wd {
				z += n
			}
			return res{off, nx, p.fromDays(z), entities.Date{}}, true
		}
	}
	// A bare weekday is the latest one on or before the reference, or the
	// next one after it when its clause speaks of the future or the
	// present (ويستكمل البرنامج يوم الأربعاء).
	z := p.refDay
	step := -1
	if t := p.tense(i); t == tenseFuture || t == tensePresent {
		z, step = p.refDay+1, 1
	}
	for weekday(z) != wd {
		z += step
	}
	return res{off, j, p.fromDays(z), entities.Date{}}, true
}

// nthWeekday reads the month after «weekday + ordinal n» (the ordinal
// ending at token j): «من يوليو»، «من الشهر»، «في هذا الشهر»، «من رمضان
// 1436», or none, and returns the n-th weekday wd of that month, else of
// the month last named in the sentence, else of the reference's. A month
// whose day n is weekday wd (السبت الأول من يناير 2022) is read as that
// day. A month named without a year is taken in the year the tense of the
// clause allows, as a day and month are (tenseYear); with no reference
// and no year, or in a year the package cannot convert, the words name no
// day. A fifth weekday that the month lacks is no date either: then the
// result has no value and only takes its words.
func (p *parser) nthWeekday(off, wd, n, j int) (res, bool) {
	cal, y, m, end := calGregorian, p.ry, p.rm, j
	named, written := false, false
	if p.bare(j, cueOf|cuePrep) {
		if mm, mcal, _, k, _, ok := p.monthAt(j + 1); ok {
			if mcal == calGregorian {
				k = p.pairAfter(k, mm)
			}
			cal, m, end, named = mcal, mm, k, true
			if p.hasRef {
				y = p.refYear(mcal)
			}
			if yy, ycal, nx, ok := p.yearAfter(k, mcal); ok && ycal == mcal {
				y, end, written = yy, nx, true
			}
		} else if mv, nx, ok := p.relMonthAt(j + 1); ok {
			y, m, end = mv.Year, mv.Month, nx
		} else if e := p.ent(j + 1); e != nil && e.unit == uMonth && definite(p.stemKey(j+1)) && p.hasRef {
			// من الشهر: the month of the story, else the reference's.
			end = j + 2
			if mv, ok := p.contextMonth(0); ok {
				y, m = mv.Year, mv.Month
			}
		} else {
			return res{}, false
		}
	} else if mv, ok := p.contextMonth(0); ok {
		y, m = mv.Year, mv.Month
	}
	if !p.hasRef && !written {
		if named {
			return res{off, end, entities.Date{}, entities.Date{}}, true // no year to find the weekday in
		}
		return res{}, false
	}
	at := func(y int) (entities.Date, bool) { return p.nthWeekdayIn(cal, y, m, wd, n, named) }
	v, ok := at(y)
	if ok && named && !written && v.Precision != 0 {
		if w, ok2 := p.tenseYear(v, at, y); ok2 {
			v = w
		}
	}
	if !ok {
		if named {
			return res{off, end, entities.Date{}, entities.Date{}}, true
		}
		return res{}, false
	}
	return res{off, p.timeAfter(end), v, entities.Date{}}, true
}

// nthWeekdayIn returns the n-th weekday wd of month m of year y in
// calendar cal, or, when dayN (the month is named), day n when it falls
// on wd; a zero Date (and true) when the month has no n-th such weekday,
// and false when the package cannot convert the month.
func (p *parser) nthWeekdayIn(cal uint8, y, m, wd, n int, dayN bool) (entities.Date, bool) {
	if v, ok := p.dayValue(cal, y, m, n); ok && dayN && weekday(civilDays(v.Year, v.Month, v.Day)) == wd {
		return v, true
	}
	first, ok := p.dayValue(cal, y, m, 1)
	if !ok {
		return entities.Date{}, false
	}
	z0 := civilDays(first.Year, first.Month, first.Day)
	next := z0 + daysInMonth(first.Year, first.Month)
	if cal != calGregorian {
		t := y*12 + m // the first day of the next month of cal
		nv, ok := p.dayValue(cal, floorDiv(t, 12), t-floorDiv(t, 12)*12+1, 1)
		if !ok {
			return entities.Date{}, false
		}
		next = civilDays(nv.Year, nv.Month, nv.Day)
	}
	z := z0 + (wd-weekday(z0)+7)%7 + 7*(n-1)
	if z >= next {
		return entities.Date{}, true
	}
	return p.fromDays(z), true
}

// weekdayDay returns day d of the month nearest the reference in which it
// falls on weekday wd.
func (p *parser) weekdayDay(wd, d int) (entities.Date, bool) {
	for k := 0; k <= 24; k++ {
		for _, n := range []int{k, -k} {
			v := p.addMonths(n)
			if d > daysInMonth(v.Year, v.Month) {
				continue
			}
			if weekday(civilDays(v.Year, v.Month, d)) == wd {
				return entities.Date{Year: v.Year, Month: v.Month, Day: d, Precision: entities.Day}, true
			}
			if k == 0 {
				break
			}
		}
	}
	return entities.Date{}, false
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
	if p.hasRef && (p.bare(j, cueTomorrow)) {
		return p.relWeekday(off, j+1, 1), true // يوم غد، يوم غد الجمعة
	}
	if d, nd, ok := p.num(j); ok {
		if r, ok := p.numberLed(j, -1); ok && r.v.Precision == entities.Day {
			r.start = off
			return r, true
		}
		// «يوم 27»: day 27 of the month last named, else of the
		// reference's month.
		if nd <= 2 && d >= 1 && d <= 31 && p.hasRef && p.standalone(j) && p.dayEndOK(j+1) && !p.monthAfter(j+1) {
			m, ok := p.contextMonth(1)
			if !ok {
				m = entities.Date{Year: p.ry, Month: p.rm}
			}
			if d <= daysInMonth(m.Year, m.Month) {
				return res{off, j + 1, entities.Date{Year: m.Year, Month: m.Month, Day: d, Precision: entities.Day}, entities.Date{}}, true
			}
		}
	}
	if isLatin(p.key(i)) && p.hasRef {
		// the day before yesterday, the day after tomorrow
		if e := p.ent(j + 1); e != nil && e.isRel {
			switch {
			case p.bare(j, cueBefore) && e.rel == -1:
				return res{off, j + 2, p.fromDays(p.refDay - 2), entities.Date{}}, true
			case p.bare(j, cueAfter) && e.rel == 1:
				return res{off, j + 2, p.fromDays(p.refDay + 2), entities.Date{}}, true
			}
		}
	}
	return res{}, false
}

// monthLed reads a month name at token i: with a year, an English day, a
// modifier, or bare after a cue. cued says a cue word comes before it; w is
// a weekday (0 = Sunday) written before it, or -1.
func (p *parser) monthLed(i, off int, cued bool, w int) (res, bool) {
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
				if e := p.lexAt(k); e != nil && e.ordSfx && isLatin(p.key(k)) {
					k++ // August 1st
				}
			}
			if r, ok := p.monthDayRange(off, cal, m, k-1, w); ok {
				return r, true // July 13-15
			}
			if y, _, nx, ok := p.yearAfter(k, calGregorian); ok {
				if v, ok := p.dayValue(calGregorian, y, m, d); ok {
					return res{off, p.timeAfter(nx), v, entities.Date{}}, true
				}
				return res{}, false
			}
			if v, ok := p.resolveDM(calGregorian, m, d, w); ok {
				return res{off, p.timeAfter(k), v, entities.Date{}}, true
			}
		}
	}
	if r, ok := p.monthDayRange(off, cal, m, j, w); ok {
		return r, true // يوليو 13-15
	}
	if y, ycal, nx, ok := p.yearAfter(j, cal); ok {
		if v, ok := p.monthValue(ycal, y, m); ok {
			return res{off, nx, v, entities.Date{}}, true
		}
		return res{}, false
	}
	if !isLatin(p.key(i)) && (!ambig || cued || w >= 0 || paired) {
		// The day after the month: «سبتمبر 14»، «أكتوبر-12»، «مارس العاشر»،
		// «أغسطس الثالث والعشرين، 2017».
		k := j
		hyphen := p.punct(k, "-") && p.adjacent(k) && p.adjacent(k+1)
		if hyphen {
			k++
		}
		if d, dd, ok := p.num(k); ok && dd <= 2 && d >= 1 && d <= 31 && (hyphen || p.dayEndOK(k+1)) && !p.punct(k+1, "-") && !p.bare(k+1, cueRange) {
			if r, ok := p.dmTail(off, cal, m, d, k+1, w); ok {
				return r, true
			}
		} else if e := p.ent(k); e != nil && e.ord != 0 && !e.faOrd && k == j {
			if d, nx, ok := p.ordinalDay(k, e); ok && (!p.bare(nx, cueOf) || p.num1(nx+1) || p.yearWordAt(nx+1)) {
				if r, ok := p.dmTail(off, cal, m, d, nx, w); ok {
					return r, true
				}
			}
		}
	}
	if w >= 0 {
		return res{}, false
	}
	if p.hasRef {
		if n, nx, ok := p.modAfter(j); ok && !p.bare(j, cueBefore|cueAfter) {
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
				return res{off, nx, v, entities.Date{}}, true
			}
		}
	}
	// A name of two words or more (ذو الحجة، الشهر الفضيل) needs no cue.
	strong := paired || j-i > 1 && !p.bare(i+1, cueMonth) || (i > 0 && p.hasCue(i-1, cueMonth)) || p.joinedMonth(i)
	if !(strong || cued && !(ambig && clitic)) {
		return res{}, false
	}
	if cal != calGregorian && !p.hasRef {
		return res{}, false
	}
	if !p.hasRef {
		return res{off, j, entities.Date{Year: 0, Month: m, Day: 0, Precision: entities.Month}, entities.Date{}}, true
	}
	y := p.refYear(cal)
	if cal == calGregorian && p.bare(i-1, cueDelivery) && off == int(p.ts.toks[i].start) {
		// عقود سبتمبر، تسليم أغسطس: a futures contract's month is the
		// coming one, whatever the tense of the day's trading.
		if m < p.rm {
			y++
		}
		v, ok := p.monthValue(cal, y, m)
		return res{off, j, v, entities.Date{}}, ok
	}
	v, ok := p.monthValue(cal, y, m)
	if ok {
		if w, ok2 := p.tenseMonth(cal, y, m); ok2 {
			v = w
		}
		p.pending(v, cal, m, 0, -1)
	}
	return res{off, j, v, entities.Date{}}, ok
}

// monthDayRange reads a range of days of the month m after its name, from
// the day at token j: «يوليو 13-15»، «July 13-15, 2015», with a year or
// without one (then with no reference the year stays unknown).
func (p *parser) monthDayRange(off int, cal uint8, m, j, w int) (res, bool) {
	d1, dd, ok := p.num(j)
	if !ok || dd > 2 || d1 < 1 || !(p.punct(j+1, "-") || p.bare(j+1, cueRange)) {
		return res{}, false
	}
	d2, dd2, ok := p.num(j + 2)
	if !ok || dd2 > 2 || d2 <= d1 || d2 > 31 {
		return res{}, false
	}
	k := j + 3
	y, ycal, nx, ok := p.yearAfter(k, cal)
	var a, b entities.Date
	var okA, okB bool
	if ok {
		a, okA = p.dayValue(ycal, y, m, d1)
		b, okB = p.dayValue(ycal, y, m, d2)
		k = nx
	} else {
		a, okA = p.resolveDM(cal, m, d1, w)
		b, okB = p.resolveDM(cal, m, d2, -1)
	}
	if !okA || !okB || a.Year == 0 && p.hasRef {
		return res{}, false
	}
	return res{off, k, a, b}, true
}

// tenseMonth returns month m of calendar cal, named without a year, moved
// by a year from the reference's year y when the tense of the clause says
// so: in a past clause the latest such month up to the reference's, in a
// future one the first from it on.
func (p *parser) tenseMonth(cal uint8, y, m int) (entities.Date, bool) {
	rm := p.rm
	switch cal {
	case calHijri:
		_, rm, _ = hijriFromDays(p.refDay)
	case calJalali:
		_, rm, _ = jalaliFromDays(p.refDay)
	}
	switch p.tense(p.cur) {
	case tensePast:
		if m > rm {
			return p.monthValue(cal, y-1, m)
		}
	case tenseFuture:
		if m < rm {
			return p.monthValue(cal, y+1, m)
		}
	}
	return entities.Date{}, false
}

// yearCue reads «عام 1994»، «سنة 2023»، «العام 2020»، «سال ۱۴۰۳».
func (p *parser) yearCue(i, off int) (res, bool) {
	j := i + 1
	var adj uint8 // the calendar an adjective names: العام الهجري 1437
	if p.definiteAt(i) {
		if _, nd, ok := p.num(j + 1); ok && nd == 4 {
			if mc, _ := p.markerAfter(j); mc != 0 {
				adj, j = mc, j+1
			} else if p.adjective(j) {
				j++ // العام المالي 2013، السنة الدراسية 1436
			}
		}
	}
	v, nd, ok := p.num(j)
	if !ok {
		if y, nx, ok := p.yearWords(j); ok && !p.ts.isPersian() {
			return res{off, nx, entities.Date{Year: y, Month: 0, Day: 0, Precision: entities.Year}, entities.Date{}}, true // عام ألفين وعشرين
		}
		return res{}, false
	}
	if nd < 3 || nd > 4 {
		return res{}, false
	}
	if p.bceAt(j + 1) {
		return res{}, false
	}
	mc, nx := p.markerAfter(j + 1)
	if mc == 0 {
		mc = p.rangeMarker(j) // العام الدراسي 1436 - 1437هـ
	}
	if mc == 0 {
		mc = adj
	}
	cal := calGregorian
	switch {
	case mc != 0:
		cal = mc
	case v >= 1300 && v <= 1500 && (p.ts.isPersian() || p.ts.toks[j].script == scriptPersian):
		cal = calJalali
	case v >= 1300 && v <= 1500 && p.hasRef && v >= p.refYear(calHijri)-hijriBack && v <= p.refYear(calHijri)+hijriAhead:
		cal = calHijri // عام 1436 in a paper of 2015
	}
	if !yearOK(cal, v, nd) && !(mc == calGregorian && v >= 100) {
		return res{}, false
	}
	yv, ok := p.yearValue(cal, v)
	if !ok {
		return res{}, false
	}
	return res{off, nx, yv, entities.Date{}}, true
}

// hijriBack and hijriAhead bound the years around the reference's Hijri
// year that a year with a year word and no calendar marker is read as
// Hijri (عام 1436، تأسست عام 1391 in a paper of 2015): Gregorian years of
// the 14th and 15th centuries are rarer in news than these; a Hijri year
// far ahead is (سنة 1453 is the fall of Constantinople).
const (
	hijriBack  = 60
	hijriAhead = 10
)

// definiteAt reports whether the word of token i is definite (العام).
func (p *parser) definiteAt(i int) bool { return definite(p.stemKey(i)) }

// adjective reports whether token j is a definite word that is no date
// word: an adjective after a unit (العام الدراسي، السنة المالية).
func (p *parser) adjective(j int) bool {
	return j < p.n && p.ts.toks[j].kind == tWord && definite(p.key(j)) && lex[p.key(j)] == nil
}

// unitMod reads «العام الماضي»، «الشهر المقبل»، «الأسبوع القادم»، «هفته گذشته».
func (p *parser) unitMod(i, off int, e *entry) (res, bool) {
	k := p.stemKey(i)
	if !modUnit(k) || isLatin(k) {
		return res{}, false
	}
	if !p.hasRef {
		// A week of a month needs no reference when its year is written
		// (الأسبوع الثاني من أكتوبر 2016); without one it is still no day.
		if e.unit == uWeek && definite(k) {
			return p.weekOfMonth(i, off)
		}
		return res{}, false
	}
	if e.unit == uYear && p.hasMark(i-1, markGeneral) && off == int(p.ts.toks[i].start) {
		return res{}, false // الأمين العام القادم، النائب العام السابق: «general»
	}
	j := i + 1
	if p.bare(j, cueBefore|cueAfter) && !persianUnit(k) {
		// العام قبل الماضي: the year before last.
		if p.bare(j, cueBefore) {
			if n, nx, ok := p.modAfter(j + 1); ok && n < 0 {
				v, ok := p.periodValue(e.unit, -2)
				return res{off, nx, v, entities.Date{}}, ok
			}
		}
		return res{}, false
	}
	if e.unit == uWeek && definite(k) {
		if r, ok := p.weekOfMonth(i, off); ok {
			return r, true // الأسبوع الثاني من أكتوبر
		}
	}
	if e.unit == uWeek {
		// الأسبوع المقبل يوم الأربعاء، الأسبوع الماضي الخميس
		if n, nx, ok := p.weekAt(i); ok {
			if wd, nx2, ok := p.weekdayAfter(nx); ok {
				return res{off, nx2, p.fromDays(p.weekStart(n) + (wd+6)%7), entities.Date{}}, true
			}
		}
	}
	if p.bare(j, cueSame) && definite(k) {
		// العام نفسه، الشهر نفسه: the year or month last named.
		switch e.unit {
		case uYear:
			if y, ok := p.contextYear(sameReach); ok {
				return res{off, j + 1, entities.Date{Year: y, Precision: entities.Year}, entities.Date{}}, true
			}
		case uMonth:
			if m, ok := p.contextMonth(sameReach); ok {
				return res{off, j + 1, m, entities.Date{}}, true
			}
		}
		return res{}, false
	}
	if p.bare(j, cuePrevious) && definite(k) {
		// العام السابق، الشهر السابق: the year or month before the one
		// the context names (ارتفعت في 2014 مقارنة بالعام السابق: 2013),
		// else before the reference's. It leaves the context as it was:
		// a second «العام السابق» is the same year.
		switch e.unit {
		case uYear:
			if y, ok := p.contextYear(sameReach); ok && y > 1 {
				p.before = true
				return res{off, j + 1, entities.Date{Year: y - 1, Precision: entities.Year}, entities.Date{}}, true
			}
		case uMonth:
			if m, ok := p.contextMonth(sameReach); ok && m.Year*12+m.Month > 13 {
				p.before = true
				t := m.Year*12 + m.Month - 2
				return res{off, j + 1, entities.Date{Year: floorDiv(t, 12), Month: t - floorDiv(t, 12)*12 + 1, Precision: entities.Month}, entities.Date{}}, true
			}
		}
	}
	n, nx, ok := p.modAfter(j)
	if !ok {
		// «نهاية العام»: after a period word the unit alone is the current
		// one, unless an adjective makes it another year (بداية العام
		// الدراسي: the school year).
		if i > 0 && p.hasCue(i-1, cuePeriod) && definite(k) && !p.adjective(j) {
			v, ok := p.periodValue(e.unit, 0)
			return res{off, j, v, entities.Date{}}, ok
		}
		return res{}, false
	}
	v, ok := p.periodValue(e.unit, n)
	return res{off, nx, v, entities.Date{}}, ok
}

// weekOfMonth reads «الأسبوع الثاني من أكتوبر» at the week word at token
// i (its stem at byte off): the n-th week of a month (n 1-5) is the ISO
// week that holds the month's day 7n-3, the middle of its days 7n-6 to 7n
// (the second week of October 2015, days 8-14, is 2015-W41). The month is
// resolved as a month named alone is (its year written after it, else the
// tense of the clause), or is a relative one (من الشهر المقبل).
func (p *parser) weekOfMonth(i, off int) (res, bool) {
	e := p.ent(i + 1)
	if e == nil || e.ord < 1 || e.ord > 5 || e.faOrd || e.ordPart || !p.bare(i+2, cueOf) {
		return res{}, false
	}
	var r res
	if _, _, _, _, _, ok := p.monthAt(i + 3); ok {
		if r, ok = p.monthLed(i+3, off, true, -1); !ok {
			return res{}, false
		}
	} else if mv, nx, ok := p.relMonthAt(i + 3); ok {
		r = res{off, nx, mv, entities.Date{}} // الأسبوع الأول من الشهر المقبل
	}
	if r.v.Precision != entities.Month {
		return res{}, false
	}
	if r.v.Year == 0 {
		// With no reference and no year the week cannot be placed (a
		// week has no value without its year), and its ordinal is no
		// day: «الثاني من أكتوبر» is not the 2nd of October.
		return res{off, r.end, entities.Date{}, entities.Date{}}, true
	}
	d := min(7*int(e.ord)-3, daysInMonth(r.v.Year, r.v.Month))
	r.v = p.weekValue(civilDays(r.v.Year, r.v.Month, d))
	return r, true
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
	if e.cue&cueThis != 0 && p.bare(j, cueDay) {
		if e3 := p.ent(j + 1); e3 != nil && e3.wday != 0 {
			j, e2 = j+1, e3 // هذا يوم الخميس
		}
	}
	if e.cue&cueThis != 0 && !isLatin(p.key(i)) {
		if n, nx, ok := p.weekAt(i); ok {
			if wd, nx2, ok := p.weekdayAfter(nx); ok {
				return res{off, nx2, p.fromDays(p.weekStart(n) + (wd+6)%7), entities.Date{}}, true // هذا الأسبوع الخميس
			}
		}
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
	if e2.unit != 0 && modUnit(p.stemKey(j)) {
		v, ok := p.periodValue(e2.unit, n)
		return res{off, j + 1, v, entities.Date{}}, ok
	}
	if !isLatin(p.key(i)) && !(e.cue&cueThis != 0 && e2.wday != 0) {
		return res{}, false
	}
	if e2.wday != 0 {
		// last/next Monday: strictly before or after; this Monday: the
		// coming one, or the reference day itself.
		wd, z, step := int(e2.wday)-1, p.refDay+n, n
		if n == 0 {
			step = 1
		}
		for weekday(z) != wd {
			z += step
		}
		return res{off, j + 1, p.fromDays(z), entities.Date{}}, true
	}
	if e2.month != 0 && e2.cal == calGregorian && n != 0 {
		m, y := int(e2.month), p.ry
		if n < 0 && m >= p.rm {
			y--
		}
		if n > 0 && m <= p.rm {
			y++
		}
		return res{off, j + 1, entities.Date{Year: y, Month: m, Day: 0, Precision: entities.Month}, entities.Date{}}, true
	}
	return res{}, false
}

// agoLed reads «قبل ثلاثة أيام»، «منذ يومين»، «بعد أسبوعين»، «in 3 days».
func (p *parser) agoLed(i, off int, e *entry) (res, bool) {
	j := i + 1
	if e.cue&cueAfter != 0 && p.hasRef && (p.bare(j, cueTomorrow)) {
		return p.relWeekday(off, j+1, 2), true // بعد غد، بعد غد السبت
	}
	if e.cue&cueBefore != 0 && p.hasRef {
		// قبل أمس، قبل يوم أمس، قبل الأمس: the day before yesterday.
		k := j
		if p.bare(k, cueDay) {
			k++
		}
		if e2 := p.ent(k); e2 != nil && e2.isRel && e2.relU == uDay && e2.rel == -1 {
			return res{off, k + 1, p.fromDays(p.refDay - 2), entities.Date{}}, true
		}
	}
	filler := p.bare(j, cueFiller)
	if filler {
		j++
	} else if p.bare(j, cueApprox) && p.bare(j+1, cueOf) {
		j += 2 // منذ أكثر من عام
	}
	n, counted := 1, false
	if v, nd, ok := p.num(j); ok && nd <= 3 {
		if v == 0 {
			return res{}, false
		}
		n, counted = v, true
		j++
	} else if e2 := p.ent(j); e2 != nil && e2.num != 0 && e2.unit == 0 {
		n, counted = int(e2.num), true
		j++
		if n < 10 && p.teen(j) {
			n, j = n+10, j+1 // خمسة عشر
		}
	}
	u := p.ent(j)
	if u == nil || u.unit == 0 {
		return res{}, false
	}
	k := p.stemKey(j)
	if definite(k) || (!counted && plural(k)) {
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
	if e := p.lexAt(j); !counted && e != nil && e.num == 1 && !isLatin(p.key(j)) {
		j++ // قبل يوم واحد
	}
	// «شهر و 10 أيام»، «عام و 6 أشهر»: a second, smaller count and unit.
	months, days := span(u.unit, n)
	small := u.unit
	if u.unit <= uYear {
		months, days, small, j = p.moreAmount(j, months, days, small)
	}
	if dir < 0 && p.agoAt(j, k) {
		j++
	}
	if p.bare(j, cueOf) && p.bare(j+1, cueNow) {
		j += 2 // بعد 3 أيام من الآن
	} else if p.span(i, j, e) || p.storyAmount(i, e) || filler && e.cue&cueSince != 0 {
		// «منذ قرابة خمسة أعوام»، «منذ نحو عامين»: an amount since given
		// roughly says how long something has lasted.
		return res{}, false
	}
	if small != u.unit {
		if !p.hasRef {
			return res{}, false
		}
		mv := p.addMonths(dir * months)
		if small == uMonth {
			return res{off, j, mv, entities.Date{}}, true
		}
		dd := min(p.rd, daysInMonth(mv.Year, mv.Month))
		return res{off, j, p.fromDays(civilDays(mv.Year, mv.Month, dd) + dir*days), entities.Date{}}, true
	}
	v, ok := p.offsetValue(u.unit, dir*n)
	return res{off, j, v, entities.Date{}}, ok
}

// span reports whether the amount read from token i (its preposition e)
// to token j is a span of time rather than a date (the annotation guide:
// durations are no dates): «خلال ثلاثة أيام» (within), an approximate
// count «منذ شهرين أو ثلاثة», an amount from an event «بعد 20 سنة من
// تشغيله»، «قبل أسبوع من التهديد», and «منذ» + an amount in a clause of
// the present or after a word of lasting (الحرب التي تعصف بالبلاد منذ خمس
// سنوات، المستمر منذ عامين). «منذ ثلاثة أيام» after a past verb stays a
// date.
func (p *parser) span(i, j int, e *entry) bool {
	if e.cue&cueWithin != 0 && !isLatin(p.key(i)) {
		return true
	}
	if p.hasMark(j, markOnly) {
		j++ // بعد عام فقط على ضمه
	}
	if p.bare(j, cueOr) || p.anchoredAfter(j) {
		return true
	}
	if e.cue&cueSince == 0 {
		return false
	}
	if p.tense(i) == tensePresent {
		return true
	}
	for k := i - 1; k >= 0 && i-k <= 3 && p.ts.toks[k].kind == tWord; k-- {
		if p.hasCue(k, cueDuration) {
			return true
		}
	}
	// The first time in an amount of time (للمرة الأولى منذ 18 عاما، أول
	// اتفاق كبير منذ عامين) is a span up to now. (A record «أعلى حرارة
	// منذ 40 عاما» stays a date, as the blind set reads it.)
	for k := i - 1; k >= 0 && i-k <= firstReach && !p.clauseMark(k); k-- {
		if e := p.ent(k); e != nil && (e.cue&cueFirst != 0 || e.ord == 1 && !e.faOrd && !e.ordPart) {
			return true
		}
	}
	return false
}

// firstReach is how many words before منذ and an amount a word of first
// makes it a span.
const firstReach = 5

// storyAmount reports whether the amount read from token i (its
// preposition e) counts from a moment of the story rather than from now,
// because its direction goes against the tense of its clause: «بعد أربعة
// أيام» in a past clause (استقال بعد أربعة أيام) is four days after
// something told, «قبل ثلاثة أسابيع» in a future one (ستفتح الحجوزات قبل
// ثلاثة أسابيع) three weeks before something to come. (A present clause
// says nothing: a verb that opens it with ت may be a perfect, تراجع.)
func (p *parser) storyAmount(i int, e *entry) bool {
	if isLatin(p.key(i)) || p.ts.isPersian() {
		return false
	}
	switch t := p.tense(i); {
	case e.cue&cueAfter != 0:
		return t == tensePast
	case e.cue&cueBefore != 0:
		return t == tenseFuture
	}
	return false
}

// maxAmountParts bounds the parts of an amount of time (2 سنة و1 شهر
// و21 أيام).
const maxAmountParts = 4

// span returns n units (years, months, weeks or days) as months and
// days.
func span(unit uint8, n int) (months, days int) {
	switch unit {
	case uYear:
		return 12 * n, 0
	case uMonth:
		return n, 0
	case uWeek:
		return 0, 7 * n
	case uDay:
		return 0, n
	}
	return 0, 0
}

// moreAmount reads the further parts of an amount from token j: «و 10
// أيام»، «وشهرين»، «، 21 أيام», adding them to months and days; small is
// the smallest unit read so far. It returns the totals, the smallest unit
// and the token after the amount.
func (p *parser) moreAmount(j, months, days int, small uint8) (int, int, uint8, int) {
	for range maxAmountParts - 1 {
		n2, u2, nx, ok := p.andCountUnit(j)
		if !ok {
			break
		}
		switch u2 {
		case uYear:
			months += 12 * n2
		case uMonth:
			months += n2
		case uWeek:
			days += 7 * n2
		case uDay:
			days += n2
		}
		small = min(small, u2)
		j = nx
	}
	return months, days, small, j
}

// fromNow reads an amount of time that ends with «من الآن» and has no
// preposition, at token i: «غادرت هنا 2 سنة و1 شهر و21 أيام من الآن». Its
// clause's tense gives the direction: before the reference when past, after
// it otherwise.
func (p *parser) fromNow(i, off int) (res, bool) {
	if !p.hasRef {
		return res{}, false
	}
	j, n := i, 1
	if v, nd, ok := p.num(j); ok && nd <= 3 && v > 0 {
		n, j = v, j+1
	} else if e := p.ent(j); e != nil && e.num > 0 && e.unit == 0 {
		n, j = int(e.num), j+1
	}
	u := p.ent(j)
	if u == nil || u.unit == 0 || u.unit > uYear || definite(p.stemKey(j)) {
		return res{}, false
	}
	if u.unitN == 2 {
		n = 2
	}
	months, days := span(u.unit, n)
	months, days, small, nx := p.moreAmount(j+1, months, days, u.unit)
	if !p.bare(nx, cueOf) || !p.bare(nx+1, cueNow) {
		return res{}, false
	}
	dir := 1
	if p.tense(i) == tensePast {
		dir = -1
	}
	mv := p.addMonths(dir * months)
	if small == uMonth || small == uYear && days == 0 {
		if small == uYear {
			return res{off, nx + 2, entities.Date{Year: mv.Year, Precision: entities.Year}, entities.Date{}}, true
		}
		return res{off, nx + 2, mv, entities.Date{}}, true
	}
	dd := min(p.rd, daysInMonth(mv.Year, mv.Month))
	return res{off, nx + 2, p.fromDays(civilDays(mv.Year, mv.Month, dd) + dir*days), entities.Date{}}, true
}

// andCountUnit reads «و N unit» at token j: و 10 أيام، و6 أشهر، وشهرين،
// «، 21 يوما».
// It returns the count, the unit, and the token after it.
func (p *parser) andCountUnit(j int) (int, uint8, int, bool) {
	k := j
	comma := p.punct(k, ",")
	if comma {
		k++ // 1 شهر، 21 يوما
	}
	switch {
	case p.key(k) == keyAnd:
		k++
	case strings.HasPrefix(p.key(k), keyAnd):
		// و on the unit itself: وشهرين، وأسبوع.
		u := p.ent(k)
		if u == nil || u.unit == 0 || u.unit > uYear || p.stemKey(k) == p.key(k) || definite(p.stemKey(k)) {
			return 0, 0, j, false
		}
		return int(u.unitN), u.unit, k + 1, true
	case comma:
		if _, _, ok := p.num(k); !ok {
			return 0, 0, j, false
		}
	default:
		return 0, 0, j, false
	}
	n := 1
	if v, nd, ok := p.num(k); ok && nd <= 2 && v > 0 {
		n = v
		k++
	} else if e2 := p.ent(k); e2 != nil && e2.num > 0 && e2.unit == 0 {
		n = int(e2.num)
		k++
	}
	u := p.ent(k)
	if u == nil || u.unit == 0 || u.unit > uYear || definite(p.stemKey(k)) {
		return 0, 0, j, false
	}
	if u.unitN == 2 {
		n = 2
	}
	return n, u.unit, k + 1, true
}

// ordinalLed reads «الحادي والعشرين من مايو»، «الأول من يناير»، «العاشر من رمضان».
func (p *parser) ordinalLed(i, off int, e *entry) (res, bool) {
	d, j, ok := p.ordinalDay(i, e)
	if !ok {
		return res{}, false
	}
	if !p.bare(j, cueOf) {
		return p.ordinalRange(off, d, j)
	}
	r, ok := p.dayMonth(off, d, j, -1)
	if !ok && j > i+1 && d > 28 {
		// الحادي والثلاثين من هذا الشهر in a month of 30 days: no date, and
		// neither «الثلاثين من هذا الشهر» nor «هذا الشهر».
		k := j + 1
		if _, _, _, nx, _, ok := p.monthAt(k); ok {
			return res{off, nx, entities.Date{}, entities.Date{}}, true
		}
		if _, nx, ok := p.relMonthAt(k); ok {
			return res{off, nx, entities.Date{}, entities.Date{}}, true
		}
	}
	return r, ok
}

// ordinalRange reads the first day d of «الخامس عشر وحتى السابع عشر من
// نوفمبر»، «الأول والثاني من مايو»، «الخامس والثامن من أيلول» (the ordinal
// ending at token j): day d of the month of the second, one mention each.
func (p *parser) ordinalRange(off, d, j int) (res, bool) {
	k := j + 1
	switch {
	case p.hasCue(j, cueRange|cueAnd):
		if p.key(j) == keyAnd && p.bare(k, cueRange) {
			k++ // و حتى
		}
	case strings.HasPrefix(p.key(j), keyAnd) && p.ts.toks[j].kind == tWord:
		k = j // والثامن: و on the second ordinal
	default:
		return res{}, false
	}
	e := p.ent(k)
	if e == nil || e.ord == 0 || e.faOrd {
		return res{}, false
	}
	d2, nx, ok := p.ordinalDay(k, e)
	if !ok || d2 <= d || !p.bare(nx, cueOf) {
		return res{}, false
	}
	r, ok := p.dayMonth(off, d2, nx, -1)
	if !ok || r.v.Precision != entities.Day {
		return res{}, false
	}
	if r.v.Year == 0 {
		if p.hasRef {
			return res{}, false
		}
		// No year and no reference: a Gregorian month, as for «10 و17
		// أغسطس» (coordinated).
		return res{off, j, entities.Date{Month: r.v.Month, Day: d, Precision: entities.Day}, entities.Date{}}, true
	}
	return res{off, j, p.fromDays(civilDays(r.v.Year, r.v.Month, r.v.Day) - (d2 - d)), entities.Date{}}, true
}

// persianOrdinal reads a Persian ordinal day at token i: سوم، بیستم،
// بیست و سوم، سی ام.
func (p *parser) persianOrdinal(i int, e *entry) (int, int, bool) {
	if e.faOrd {
		return int(e.ord), i + 1, true
	}
	if e.faTens == 0 {
		return 0, i, false
	}
	d, j := int(e.faTens), i+1
	switch {
	case p.lexAt(j) != nil && p.lexAt(j).ordSfx:
		return d, j + 1, true
	case p.key(j) == "و":
		if e2 := p.lexAt(j + 1); e2 != nil && e2.faOrd && e2.ord <= 9 {
			return d + int(e2.ord), j + 2, true
		}
	}
	return 0, i, false
}

// ordinalDay reads an ordinal day at token i: الأول، الحادي عشر، الثالث
// عشرة، الحادي والعشرين، العشرين.
func (p *parser) ordinalDay(i int, e *entry) (int, int, bool) {
	d := int(e.ord)
	j := i + 1
	if d <= 9 {
		if p.teen(j) {
			d += 10
			j++
		} else if t := p.ordTens(j); t != 0 {
			d += t
			j++
		} else if e.ordPart {
			return 0, j, false
		}
	}
	return d, j, d >= 1 && d <= 31
}

// numericDM reads a day and month in digits with no year at token i
// after a date cue or a weekday: «في 22/10»، «يوم 30-11»، «في 4/22». The
// day comes first unless only the other order is a date.
func (p *parser) numericDM(i, start, wd int) (res, bool) {
	a, ad, _ := p.num(i)
	if ad > 2 || i+2 >= p.n || p.ts.toks[i+1].kind != tPunct || !p.adjacent(i+1) || !p.adjacent(i+2) {
		return res{}, false
	}
	sep := p.key(i + 1)
	if sep != "/" && sep != "-" && sep != "." {
		return res{}, false
	}
	b, bd, ok := p.num(i + 2)
	if !ok || bd > 2 || (sep == "." && bd != 2) {
		return res{}, false
	}
	if i+3 < p.n && p.adjacent(i+3) && (p.ts.toks[i+3].kind == tNum || p.ts.toks[i+3].kind == tPunct && i+4 < p.n && p.ts.toks[i+4].kind == tNum) {
		return res{}, false // 1.2.3, 10:30, a longer number
	}
	if wd < 0 && (i == 0 || !p.hasCue(i-1, cueDMCue)) && !(sep == "/" && ad == 2 && bd == 2) {
		return res{}, false // «22/04» needs no cue; «3-4» does
	}
	if e := p.ent(i + 3); e != nil && e.unit != 0 {
		return res{}, false // في 3-4 أيام
	} else if e == nil && definite(p.key(i+3)) {
		return res{}, false // في 1/3 الحالات: a fraction
	}
	d, m := a, b
	if m > 12 && d <= 12 {
		d, m = m, d
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return res{}, false
	}
	return p.dmTail(start, calGregorian, m, d, i+3, wd)
}

// dayEndOK reports whether token k may follow a day number written
// without its month: the end, punctuation, a date word, or a word with a
// preposition (بنجاح، في), so that «الخميس 10 أشخاص» is not a date.
func (p *parser) dayEndOK(k int) bool {
	if k >= p.n {
		return true
	}
	t := &p.ts.toks[k]
	switch t.kind {
	case tPunct:
		return !(p.adjacent(k) && k+1 < p.n && p.ts.toks[k+1].kind == tNum && p.adjacent(k+1))
	case tWord:
		if e := p.ent(k); e != nil {
			return e.unit == 0 && e.cue&cueCounted == 0 // not «الخميس 10 أيام»، «مارس 12 شخصا»
		}
		// A counted noun after 11-99 ends in alif (لاعبا، شخصا).
		key := p.key(k)
		return len(key) > 6 && (strings.HasPrefix(key, "ب") || strings.HasPrefix(key, "ل")) && !strings.HasSuffix(key, "ا")
	}
	return false
}

// cardinalDay reads a day written as a cardinal number at token i: خمسة،
// ثلاثة عشر، واحد وعشرين، عشرين.
func (p *parser) cardinalDay(i int, e *entry) (int, int, bool) {
	d, j := int(e.num), i+1
	if d < 1 || d > 31 || e.unit != 0 || p.ts.toks[i].kind != tWord || isLatin(p.key(i)) || e.few {
		return 0, i, false
	}
	if d < 10 {
		if p.teen(j) {
			return d + 10, j + 1, true
		}
		if k := p.key(j); strings.HasPrefix(k, keyAnd) && lex[k] == nil {
			if e2 := lex[k[len(keyAnd):]]; e2 != nil && (e2.num == 20 || e2.num == 30) && d+int(e2.num) <= 31 {
				return d + int(e2.num), j + 1, true
			}
		}
	}
	return d, j, true
}

// weekStart returns the day number of the Monday of the week n weeks from
// the reference's.
func (p *parser) weekStart(n int) int {
	return p.refDay - (weekday(p.refDay)+6)%7 + 7*n
}

// weekAt reads a week relative to the reference at token j: الأسبوع
// المقبل، الأسبوع الماضي، هذا الأسبوع. It returns the offset in weeks.
func (p *parser) weekAt(j int) (int, int, bool) {
	e := p.ent(j)
	if e == nil || !p.hasRef {
		return 0, j, false
	}
	if e.cue&cueThis != 0 {
		if e2 := p.ent(j + 1); e2 != nil && e2.unit == uWeek && definite(p.stemKey(j+1)) {
			return 0, j + 2, true
		}
		return 0, j, false
	}
	if e.unit == uWeek && definite(p.stemKey(j)) {
		if p.bare(j+1, cueBefore|cueAfter) {
			return 0, j, false
		}
		if n, nx, ok := p.modAfter(j + 1); ok {
			return n, nx, true
		}
	}
	return 0, j, false
}

// weekdayAfter reads «[يوم] weekday» at token k, after a week.
func (p *parser) weekdayAfter(k int) (int, int, bool) {
	if p.bare(k, cueDay) {
		k++
	}
	if e := p.ent(k); e != nil && e.wday != 0 {
		return int(e.wday) - 1, k + 1, true
	}
	return 0, k, false
}

// andWord returns the key of token k without its conjunction و, or "".
func (p *parser) andWord(k int) string {
	key := p.key(k)
	if len(key) > 2 && strings.HasPrefix(key, keyAnd) {
		return key[len(keyAnd):]
	}
	return ""
}

// num1 reports whether token k is a number.
func (p *parser) num1(k int) bool {
	_, _, ok := p.num(k)
	return ok
}

// yearWordAt reports whether a year in words starts at token k.
func (p *parser) yearWordAt(k int) bool {
	e := p.lexAt(k)
	return e != nil && e.thousand != 0
}

// teen reports whether token j is عشر or عشرة after a unit (خمسة عشر).
func (p *parser) teen(j int) bool {
	e := p.lexAt(j)
	return e != nil && e.teen
}

// ordTens returns the tens of an ordinal joined by و at token j
// (والعشرين: 20), or 0.
func (p *parser) ordTens(j int) int {
	if e := lex[p.andWord(j)]; e != nil && (e.ord == 20 || e.ord == 30) {
		return int(e.ord)
	}
	return 0
}

// andNum returns the entry of token k read without its conjunction و
// (وتسعمائة، وثمانية), or nil.
func (p *parser) andNum(k int) *entry {
	if k >= p.n || p.ts.toks[k].kind != tWord {
		return nil
	}
	return lex[p.andWord(k)]
}

// yearWords reads a year in words at token k (1100-2099).
func (p *parser) yearWords(k int) (int, int, bool) {
	e := p.lexAt(k)
	if e == nil || e.thousand == 0 {
		return 0, k, false
	}
	y := int(e.thousand)
	k++
	if h := p.andNum(k); h != nil && h.hundred != 0 {
		y += int(h.hundred)
		k++
	} else if y == 1000 {
		return 0, k, false // «ألف شخص»
	}
	tens := func(e *entry) int {
		if e != nil && e.num >= 20 && e.num <= 90 && e.num%10 == 0 {
			return int(e.num)
		}
		return 0
	}
	if u := p.andNum(k); u != nil && u.num >= 1 && u.num <= 10 {
		n := int(u.num)
		k++
		if p.teen(k) {
			n += 10
			k++
		} else if t := tens(p.andNum(k)); t != 0 {
			n += t
			k++
		}
		y += n
	} else if t := tens(p.andNum(k)); t != 0 {
		y += t
		k++
	}
	return y, k, y >= 1100 && y <= 2099
}
