package dates

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

var pool = sync.Pool{New: func() any { return new(tokens) }}

// ctxEvery is how many regions find reads between two looks at its context.
const ctxEvery = 32

// find appends to dst the date expressions of a, resolved against ref
// (its date in its own location), in source order, and returns the
// extended slice. It reads the article region by region: the title, each
// dateline, each paragraph. With a zero ref, expressions that need one
// (relative days, weeks, months and years, bare weekdays, a Hijri or
// Jalali day and month without a year) are not reported; a Gregorian day
// and month without a year keep their month-day value with Year 0.
//
// find is safe for concurrent use; it fails only when ctx is done.
func find(ctx context.Context, dst []entities.DateMention, a *article.Article, ref time.Time) ([]entities.DateMention, error) {
	ts := pool.Get().(*tokens)
	defer func() {
		ts.a, ts.text = nil, ""
		if cap(ts.toks) <= maxPooledTokens {
			pool.Put(ts)
		}
	}()
	p := parser{ts: ts, carry: yearSeen{sent: -1}, month: yearSeen{sent: -1}, yearCtx: yearSeen{sent: -1}, todays: ts.todays[:0]}
	defer func() { ts.todays = p.todays[:0] }()
	first := len(dst)
	if !ref.IsZero() {
		p.hasRef = true
		p.ref = ref
		p.ry, p.rm, p.rd = ref.Year(), int(ref.Month()), ref.Day()
		p.refDay = civilDays(p.ry, p.rm, p.rd)
	}
	ss := a.Sentences
	pi, di := 0, 0
	for si, regions := 0, 0; si < len(ss); regions++ {
		if regions%ctxEvery == ctxEvery-1 {
			if err := ctx.Err(); err != nil {
				return dst, fmt.Errorf("dates: %w", err)
			}
		}
		// The region of sentence si: the title, its dateline or its
		// paragraph.
		s := ss[si]
		sj := si + 1
		switch s.Part {
		case article.TitlePart:
			for sj < len(ss) && ss[sj].Part == article.TitlePart {
				sj++
			}
		case article.DatelinePart:
			for di < len(a.Datelines) && a.Datelines[di].End <= s.Start {
				di++
			}
			for di < len(a.Datelines) && sj < len(ss) && ss[sj].Part == article.DatelinePart && ss[sj].Start < a.Datelines[di].End {
				sj++
			}
		default:
			for pi < len(a.Paragraphs) && a.Paragraphs[pi].End <= s.Start {
				pi++
			}
			for pi < len(a.Paragraphs) && sj < len(ss) && ss[sj].Part == article.BodyPart && ss[sj].Start < a.Paragraphs[pi].End {
				sj++
			}
		}
		ts.view(a, s.First, ss[sj-1].Last, si, sj)
		p.s0 = si
		dst = p.region(dst)
		si = sj
	}
	return inCalendar(p.nowadays(dst, first), first, p.hasRef), nil
}

// inCalendar drops, from dst[first:], the dates resolved outside the
// years 1-9999 that ISO 8601 writes with four digits (a day after a
// reference late in 9999, the year before a reference in year 1): like a
// fifth Sunday the month lacks, they are words that name no day a Date
// holds. Year 0 stays only where it means an unknown year: a day or month
// with no reference (--08-20), and the decade of years 0-9.
func inCalendar(dst []entities.DateMention, first int, hasRef bool) []entities.DateMention {
	out := dst[:first]
	for _, m := range dst[first:] {
		if heldDate(m.Value, hasRef) && (m.End.Precision == 0 || heldDate(m.End, hasRef)) {
			out = append(out, m)
		}
	}
	return out
}

// heldDate reports whether d names a time in the years 1-9999 (see
// inCalendar).
func heldDate(d entities.Date, hasRef bool) bool {
	switch {
	case d.Year > 9999 || d.Year < 0:
		return false
	case d.Year >= 1:
		return true
	}
	return d.Precision == entities.Decade || !hasRef && (d.Precision == entities.Day || d.Precision == entities.Month)
}

// nowadays drops the vague «اليوم» of dst[first:] (see relDay) when
// nothing else in the article is dated near the reference day: a story of
// the day names its other days too (أمس، الخميس، غدا، 5 أغسطس), while a
// column that says «نواجه اليوم تحديا» or «أما اليوم» means our times. A
// date within nearDays of the reference, or a week next to its week,
// anchors the article in its day; a bare «اليوم» does not.
func (p *parser) nowadays(dst []entities.DateMention, first int) []entities.DateMention {
	vague := false
	for _, t := range p.todays {
		vague = vague || t.vague
	}
	if !vague {
		return dst
	}
	wy, rw := isoWeek(p.refDay)
	k := 0 // the next index of p.todays
	for i := first; i < len(dst); i++ {
		if k < len(p.todays) && p.todays[k].idx == i {
			k++
			continue
		}
		switch v := dst[i].Value; v.Precision {
		case entities.Day:
			if d := civilDays(v.Year, v.Month, v.Day) - p.refDay; d >= -nearDays && d <= nearDays {
				return dst
			}
		case entities.Week:
			if v.Year == wy && v.Week >= rw-1 && v.Week <= rw+1 {
				return dst
			}
		}
	}
	out, k := dst[:first], 0
	for i := first; i < len(dst); i++ {
		if k < len(p.todays) && p.todays[k].idx == i {
			k++
			if p.todays[k-1].vague {
				continue
			}
		}
		out = append(out, dst[i])
	}
	return out
}

// nearDays is how far from the reference a date anchors an article in its
// day.
const nearDays = 7

// maxPooledTokens bounds the token views kept for reuse.
const maxPooledTokens = 1 << 14

// region appends the dates of the region in p.ts to dst.
func (p *parser) region(dst []entities.DateMention) []entities.DateMention {
	ts := p.ts
	p.n = len(ts.toks)
	p.lastYear = -1
	p.partials, p.years = p.partials[:0], p.years[:0]
	for i := 0; i < p.n; {
		if t := &ts.toks[i]; t.kind == tPunct || t.kind == tWord && t.look < 0 {
			i++ // no pattern starts here
			continue
		}
		p.cur, p.pendSet, p.today, p.before = i, false, 0, false
		r, ok := p.at(i)
		if !ok {
			i++
			continue
		}
		if r.v.Precision == 0 {
			i = r.end // words that name no day (a fifth Sunday the month lacks)
			continue
		}
		sent := p.s0 + int(ts.toks[i].sent)
		if p.pendSet && p.pendV == r.v {
			pa := p.pend
			pa.idx, pa.sent, pa.token = len(dst), sent, i
			p.partials = append(p.partials, pa)
		} else if y, cal, ok := p.writtenYear(i, r.end, r.v); ok {
			ys := yearSeen{sent: sent, token: i, end: r.end, cal: cal, y: y, alone: r.v.Precision == entities.Year, since: p.hasCue(i-1, cueSince)}
			if n := len(p.years); n > 0 && ys.alone && p.years[n-1].alone && p.years[n-1].sent == sent && i-p.years[n-1].end <= 2 {
				// Two years a few words apart are a range (1436 - 1437هـ):
				// neither completes a date.
				p.years[n-1].ranged, ys.ranged = true, true
			}
			p.years = append(p.years, ys)
		}
		if r.v.Year != 0 && r.v.Month != 0 && !p.before {
			p.month = yearSeen{sent: sent, token: i, y: r.v.Year, m: r.v.Month}
		}
		if r.v.Year != 0 && r.v.Precision != entities.Week && r.v.Precision != entities.Decade && !p.before {
			p.yearCtx = yearSeen{sent: sent, token: i, y: r.v.Year}
		}
		if p.today != 0 {
			p.todays = append(p.todays, todayAt{idx: len(dst), vague: p.today == todayVague})
		}
		dst = append(dst, entities.DateMention{Span: article.Span{Start: r.start, End: int(ts.toks[r.end-1].end)}, Value: r.v, End: r.until})
		if r.v.Precision == entities.Year {
			p.lastYear = r.end
		}
		i = r.end
	}
	p.complete(dst)
	if n := len(p.years); n > 0 {
		p.carry = p.years[n-1]
	}
	return dst
}

// writtenYear returns the year written in the tokens [i, end) of a date
// whose value is v, and its calendar: a number of three or four digits
// that is v's year (Gregorian), or another calendar's (Hijri, or Jalali in
// Persian text).
func (p *parser) writtenYear(i, end int, v entities.Date) (int, uint8, bool) {
	if v.Year == 0 || v.Precision == entities.Week {
		return 0, 0, false
	}
	for k := i; k < end; k++ {
		y, nd, ok := p.num(k)
		if !ok || nd < 3 || nd > 4 {
			continue
		}
		if y == v.Year {
			return y, calGregorian, true
		}
		if y >= 1 && y <= 1600 {
			if p.ts.isPersian() {
				return y, calJalali, true
			}
			return y, calHijri, true
		}
	}
	return 0, 0, false
}

// complete gives the partial dates of the region the year written nearest
// them in the same sentence, else the last one of the sentence before, in
// their calendar: «الرابع من يوليو» beside «عام 1993» is 1993-07-04. A date
// whose weekday the year would contradict keeps its value.
func (p *parser) complete(dst []entities.DateMention) {
	lo := 0 // the years before p.years[lo] are of earlier sentences
	for _, pa := range p.partials {
		for lo < len(p.years) && p.years[lo].sent < pa.sent-1 {
			lo++
		}
		best, dist := yearSeen{sent: -1}, 0
		prev := yearSeen{sent: -1}
		// The years of the sentence and the one before, at most
		// maxCandidates of them: the cost stays linear.
		for k := lo; k < len(p.years) && k-lo < maxCandidates && p.years[k].sent <= pa.sent; k++ {
			y := p.years[k]
			if y.cal != pa.cal || y.ranged || y.since {
				continue // a year since which something lasts sets no date after it
			}
			if y.sent == pa.sent-1 {
				prev = y
				continue
			}
			if d := abs(y.token - pa.token); best.sent < 0 || d < dist {
				best, dist = y, d
			}
		}
		if best.sent < 0 {
			best = prev
		}
		if best.sent < 0 && p.carry.sent == pa.sent-1 && p.carry.sent >= 0 && p.carry.cal == pa.cal && !p.carry.ranged && !p.carry.since {
			best = p.carry
		}
		if best.sent < 0 {
			continue
		}
		var v entities.Date
		var ok bool
		if pa.d == 0 {
			v, ok = p.monthValue(pa.cal, best.y, pa.m)
		} else {
			v, ok = p.dayValue(pa.cal, best.y, pa.m, pa.d)
			if ok && pa.wd >= 0 && weekday(civilDays(v.Year, v.Month, v.Day)) != pa.wd {
				ok = false
			}
		}
		if ok && !p.againstTense(v, pa.tense) {
			dst[pa.idx].Value = v
		}
	}
}

// againstTense reports whether the date v, completed by a year of the
// context, goes against the tense t of its clause: before the reference
// in a future clause (سيتم التوقيع في ديسمبر beside an agreement of
// 1997), after it in a past one (give or take pastSlack days).
func (p *parser) againstTense(v entities.Date, t tense) bool {
	if !p.hasRef {
		return false
	}
	if v.Precision == entities.Day {
		z := civilDays(v.Year, v.Month, v.Day)
		return t == tenseFuture && z < p.refDay || t == tensePast && z > p.refDay+pastSlack
	}
	m, ref := v.Year*12+v.Month, p.ry*12+p.rm
	return t == tenseFuture && m < ref || t == tensePast && m > ref
}

// maxCandidates bounds the years complete weighs for one date.
const maxCandidates = 64

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// res is a parse result: the start byte, the token index after the last
// token, and the value.
type res struct {
	start int
	end   int
	v     entities.Date
	until entities.Date // last day of a range
}

type parser struct {
	ts         *tokens
	n          int
	hasRef     bool
	ref        time.Time
	ry, rm, rd int
	refDay     int
	lastYear   int // token index right after the last year match, or -1
	cur        int // the token a pattern is tried at
	s0         int // index in the article's Sentences of the region's first sentence

	// The context: partial dates of the region waiting for a year, the
	// years written in it, the last year written before it, and the last
	// month named (for «الشهر نفسه» and «الـ 17»).
	partials []partial
	years    []yearSeen
	carry    yearSeen
	month    yearSeen // Year, Month (Gregorian) in y and m
	yearCtx  yearSeen // the Gregorian year of the last date with one
	pend     partial
	pendV    entities.Date
	pendSet  bool
	today    uint8     // the pattern just read is a bare اليوم: todayBare or todayVague
	before   bool      // the pattern just read is the period before the context's (العام السابق): it keeps the context
	todays   []todayAt // the bare اليوم read
}

// Kinds of a bare «اليوم» (parser.today).
const (
	todayBare  uint8 = iota + 1 // tied to the day by a past verb
	todayVague                  // nothing ties it to the day: it may mean "nowadays"
)

// todayAt is a bare «اليوم» of the output: its index, and whether it may
// mean "nowadays".
type todayAt struct {
	idx   int
	vague bool
}

// partial is a date written without its year (or a month without one),
// resolved against the reference until the context gives the year.
type partial struct {
	idx   int // index of the mention in the output
	sent  int // index of its sentence in the article
	cal   uint8
	m, d  int // d is 0 for a month
	wd    int // weekday (0 = Sunday) written with it, or -1
	token int // its first token
	tense tense
}

// yearSeen is a year written in the text: y in calendar cal (for a month
// context, m is the Gregorian month and y the Gregorian year), in
// sentence sent, at token; sent is -1 when there is none.
type yearSeen struct {
	sent, token int
	end         int // the token after the year's mention
	cal         uint8
	y, m        int
	alone       bool // a year with no month
	ranged      bool // one end of a range of years
	since       bool // after منذ: the start of a span up to now
}

// pending records that the value v being built is a partial date.
func (p *parser) pending(v entities.Date, cal uint8, m, d, wd int) {
	p.pend = partial{cal: cal, m: m, d: d, wd: wd, tense: p.tense(p.cur)}
	p.pendV, p.pendSet = v, true
}

// word returns the lexicon entry of token i, looking through the clitics
// و ف (and ب ل ك before a definite or a calendar word), and the byte
// offset where the matched stem starts.
func (p *parser) word(i int) (*entry, int) {
	if i < 0 || i >= p.n {
		return nil, 0
	}
	t := &p.ts.toks[i]
	if t.look != 0 {
		if t.look < 0 {
			return nil, 0
		}
		l := &p.ts.looks[t.look-1]
		return l.e, l.off
	}
	// A word whose hashes miss the lexicon has look -1 from addWord.
	if t.kind != tWord {
		t.look = -1
		return nil, 0
	}
	e, off := p.lookup(i)
	if e != nil && e.fa && !p.ts.isPersian() {
		e, off = nil, 0 // فردا in Arabic text is «individuals», not «tomorrow»
	}
	if e == nil {
		t.look = -1
		return nil, 0
	}
	p.ts.looks = append(p.ts.looks, looked{e: e, off: off})
	t.look = int32(len(p.ts.looks))
	return e, off
}

// lookup is word without the Persian check. It reads the clitic splits of
// the article (article.AppendSplits): a conjunction و or ف before any
// lexicon word; a preposition ب ل ك (after an optional conjunction) before
// a definite word, a year, month or period cue (بنهاية), a demonstrative
// (لهذا العام) or a month name that is no common word; ل before a definite
// word whose alef it drops (للعام = ل + العام, whose span keeps the
// article's lam: لعام).
func (p *parser) lookup(i int) (*entry, int) {
	t := &p.ts.toks[i]
	at := p.ts.a.Tokens[t.at]
	k := p.ts.a.Key(at)
	if e := lex[k]; e != nil {
		return e, int(t.start)
	}
	p.ts.splits = article.AppendSplits(p.ts.splits[:0], k)
	for _, s := range p.ts.splits[1:] {
		pre := s.Prefix
		if strings.HasPrefix(pre, keyAnd) || strings.HasPrefix(pre, "ف") {
			pre = pre[len(keyAnd):]
		}
		switch {
		case pre == "":
			if e := lex[s.Stem]; e != nil {
				return e, p.ts.a.KeySpan(at, len(s.Prefix)).Start
			}
		case pre == "لل":
			// The stem is the definite word without its alef.
			if e := lex[keyThe+s.Stem]; e != nil {
				return e, p.ts.a.KeySpan(at, len(s.Prefix)-len(keyAnd)).Start
			}
		case len(pre) == len(keyAnd): // ب ل ك
			if e := lex[s.Stem]; e != nil && (definite(s.Stem) || e.cue&(cueYear|cueMonth|cuePeriod|cueThis) != 0 || (e.month != 0 && !e.ambig)) {
				return e, p.ts.a.KeySpan(at, len(s.Prefix)).Start
			}
		}
	}
	return nil, 0
}

// saturdayFa reports whether token i is Persian شنبه, which after یک، دو،
// سه، چهار، پنج names the other weekdays (سه شنبه).
func (p *parser) saturdayFa(i int) bool {
	e := p.lexAt(i)
	return e != nil && e.wday == 7 && e.langs&langFa != 0
}

// daytime reports whether token i is a word of the time of day (مساء، pm).
func (p *parser) daytime(i int) bool {
	e := p.lexAt(i)
	return e != nil && e.daytime
}

// ent returns the entry of token i or nil.
func (p *parser) ent(i int) *entry {
	e, _ := p.word(i)
	return e
}

func (p *parser) hasCue(i int, c uint64) bool {
	e := p.ent(i)
	return e != nil && e.cue&c != 0
}

// hasMark reports whether token i is a word with mark m, with or without
// one or two clitic letters before it (للمدير، وبالمدير).
func (p *parser) hasMark(i int, m uint8) bool {
	if i < 0 || i >= p.n || p.ts.toks[i].kind != tWord {
		return false
	}
	k := p.key(i)
	for range 3 {
		if wordMarks[k]&m != 0 {
			return true
		}
		switch {
		case strings.HasPrefix(k, "لل"):
			k = keyThe + k[len("لل"):] // للمدير: ل + المدير
		case len(k) > len(keyAnd) && clitic1(k):
			k = k[len(keyAnd):]
		default:
			return false
		}
	}
	return false
}

func (p *parser) punct(i int, s string) bool {
	return i >= 0 && i < p.n && p.ts.toks[i].kind == tPunct && p.ts.key(i) == s
}

func (p *parser) num(i int) (int, int, bool) {
	if i < 0 || i >= p.n || p.ts.toks[i].kind != tNum {
		return 0, 0, false
	}
	t := &p.ts.toks[i]
	return int(t.num), int(t.nd), true
}

// adjacent reports whether token i follows token i-1 with no space.
func (p *parser) adjacent(i int) bool { return i < p.n && !p.ts.toks[i].space }

func (p *parser) key(i int) string {
	if i < 0 || i >= p.n {
		return ""
	}
	return p.ts.key(i)
}

// at tries every pattern that can start at token i.
func (p *parser) at(i int) (res, bool) {
	t := &p.ts.toks[i]
	switch t.kind {
	case tNum:
		if r, ok := p.numberLed(i, -1); ok {
			return r, true
		}
		return p.yearRange(i)
	case tWord:
		e, off := p.word(i)
		if e == nil {
			return res{}, false
		}
		return p.wordLed(i, e, off)
	}
	return res{}, false
}

// wordLed tries the patterns that start with a known word.
func (p *parser) wordLed(i int, e *entry, off int) (res, bool) {
	// Period words: مطلع العام المقبل، أواخر عام 2020، end of the month.
	if e.cue&cueFirst != 0 {
		if r, ok := p.firstOf(i, off); ok {
			return r, true
		}
		// أول يوم جمعة من يوليو: the first such weekday of the month.
		if p.bare(i+1, cueDay) && p.hasRef {
			if w := lex[keyThe+p.key(i+2)]; w != nil && w.wday != 0 && p.ts.toks[i+2].kind == tWord {
				if r, ok := p.nthWeekday(off, int(w.wday)-1, 1, i+3); ok {
					return r, true
				}
			}
		}
		// أول يناير: the first day of the month.
		if _, _, _, _, _, ok := p.monthAt(i + 1); ok && e.cue&cueFirst != 0 {
			if r, ok := p.dayMonth(off, 1, i+1, -1); ok {
				return r, true
			}
		}
	}
	if e.cue&cuePeriod != 0 {
		j := i + 1
		if isLatin(p.key(i)) {
			// end of the month, beginning of the year
			if p.bare(j, cueOf) {
				j++
			}
			if p.bare(j, cueArticle) {
				j++
			}
		}
		// The period word (مطلع، نهاية) stays out of the span, as a range
		// word does: «مطلع العام المقبل» is the year «العام المقبل».
		if j < p.n {
			if e2, off2 := p.word(j); e2 != nil && e2.cue&cuePeriod == 0 {
				if r, ok := p.wordLed(j, e2, off2); ok {
					return r, true
				}
			} else if p.ts.toks[j].kind == tNum {
				if r, ok := p.numberLed(j, -1); ok {
					return r, true
				}
			}
		}
	}
	if e.isRel {
		if r, ok := p.relDay(i, e, off); ok {
			return r, true
		}
	}
	if e.cue&cueTomorrow != 0 && p.hasRef && p.bare(i-1, cueDaypart) && off == int(p.ts.toks[i].start) {
		return res{off, i + 1, p.fromDays(p.refDay + 1), entities.Date{}}, true // صباح غد
	}
	if e.wday != 0 {
		if r, ok := p.weekday(i, off, e.wday); ok {
			return r, true
		}
	}
	if e.cue&cueDay != 0 {
		if r, ok := p.dayCue(i, off); ok {
			return r, true
		}
	}
	if e.month != 0 || len(e.phrases) > 0 {
		if r, ok := p.monthLed(i, off, i > 0 && p.monthCueBefore(i), -1); ok {
			return r, true
		}
	}
	if e.cue&cueMonth != 0 && i+1 < p.n {
		if e2, _ := p.word(i + 1); e2 != nil && (e2.month != 0 || len(e2.phrases) > 0) {
			if r, ok := p.monthLed(i+1, off, true, -1); ok {
				r.start = off
				return r, true
			}
		}
	}
	if e.cue&cueYear != 0 {
		if r, ok := p.yearCue(i, off); ok {
			return r, true
		}
	}
	if e.unit != 0 {
		if r, ok := p.unitMod(i, off, e); ok {
			return r, true
		}
	}
	if e.unit != 0 || e.num != 0 {
		if r, ok := p.fromNow(i, off); ok {
			return r, true // شهر و 2 سنة و 21 يوما من الآن
		}
	}
	if e.cue&(cueThis|cuePast|cueNext) != 0 {
		if r, ok := p.modLed(i, off, e); ok {
			return r, true
		}
	}
	if e.cue&(cueBefore|cueSince|cueAfter|cueWithin) != 0 {
		if r, ok := p.agoLed(i, off, e); ok {
			return r, true
		}
	}
	if e.num >= 1 && e.num <= 5 && p.saturdayFa(i+1) {
		// سه شنبه: Persian weekdays in two words (یک، دو، سه، چهار، پنج + شنبه).
		if r, ok := p.weekday(i+1, off, int8(e.num)); ok {
			return r, true
		}
	}
	if e.faOrd || e.faTens != 0 {
		if d, j, ok := p.persianOrdinal(i, e); ok {
			if r, ok := p.dayMonth(off, d, j, -1); ok {
				return r, true
			}
		}
	}
	if e.num != 0 {
		if r, ok := p.countUnitAgo(i, off, int(e.num)); ok {
			return r, true
		}
		// خمسة وعشرين ديسمبر، ثلاثة عشر مايو
		if d, j, ok := p.cardinalDay(i, e); ok {
			if _, _, _, _, _, ok := p.monthAt(j); ok {
				if r, ok := p.dayMonth(off, d, j, -1); ok {
					return r, true
				}
			}
		}
	}
	if e.ord != 0 {
		if r, ok := p.ordinalLed(i, off, e); ok {
			return r, true
		}
	}
	if e.cue&cueTenYears != 0 && p.hasRef {
		// العقد الماضي، العقد الزمني الماضي: the decade of the calendar
		// before (or after, or around) the reference's.
		j := i + 1
		if p.adjective(j) {
			j++
		}
		if n, nx, ok := p.modAfter(j); ok {
			return res{off, nx, entities.Date{Year: (floorDiv(p.ry, 10) + n) * 10, Precision: entities.Decade}, entities.Date{}}, true
		}
	}
	if e.decade != 0 {
		return p.decadeAt(i, off, int(e.decade))
	}
	return res{}, false
}

// decadeAt reads a decade at token i: «التسعينيات»، «تسعينات القرن
// الماضي»، «ثمانينيات القرن العشرين». Without a century it is the latest
// such decade begun by the reference (the 1990s in 2015, with no
// reference the 1900s).
func (p *parser) decadeAt(i, off, dec int) (res, bool) {
	j := i + 1
	base := -1
	if p.bare(j, cueCentury) {
		k := j + 1
		if n, nx, ok := p.modAfter(k); ok && p.hasRef {
			base, j = (floorDiv(p.ry, 100)+n)*100, nx // القرن الماضي
		} else if e := p.ent(k); e != nil && e.ord != 0 && !e.faOrd {
			if c, nx, ok := p.ordinalDay(k, e); ok && c >= 1 {
				base, j = (c-1)*100, nx // القرن العشرين
			}
		}
	}
	if base < 0 && p.ofAge(i) {
		return res{}, false // في العشرينات من العمر، في الخمسينات أو سن أكبر
	}
	if base < 0 {
		base = 1900
		if p.hasRef {
			base = floorDiv(p.ry, 100) * 100
			if base+dec > p.ry {
				base -= 100
			}
		}
	}
	if base+dec < 1 {
		return res{}, false
	}
	return res{off, j, entities.Date{Year: base + dec, Precision: entities.Decade}, entities.Date{}}, true
}

// monthCueBefore reports whether the word before token i makes a bare
// month name there a date: شهر، في، منذ، حتى، مطلع، تسليم…, or a month
// name before it and و on it (يونيو ويوليو).
func (p *parser) monthCueBefore(i int) bool {
	if p.joinedMonth(i) {
		return true
	}
	e := p.ent(i - 1)
	return e != nil && e.cue&(cuePrep|cueSince|cuePeriod|cueMonth|cueBefore|cueAfter|cueWithin|cueDelivery) != 0
}

// joinedMonth reports whether the word at token i is joined by و to a
// month name just before it: «شهري يونيو ويوليو»، «يناير وفبراير ومارس».
// The month before is cue enough for a name that is also a common word
// (مارس) after the و.
func (p *parser) joinedMonth(i int) bool {
	if i < 1 || !strings.HasPrefix(p.key(i), keyAnd) {
		return false
	}
	e := p.ent(i - 1)
	return e != nil && e.month != 0
}

// ---- values ----

func (p *parser) dayValue(cal uint8, y, m, d int) (entities.Date, bool) {
	var z int
	switch cal {
	case calHijri:
		zz, _, ok := hijriDays(y, m, d)
		if !ok {
			return entities.Date{}, false
		}
		z = zz
	case calJalali:
		zz, ok := jalaliDays(y, m, d)
		if !ok {
			return entities.Date{}, false
		}
		z = zz
	default:
		if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) {
			return entities.Date{}, false
		}
		return entities.Date{Year: y, Month: m, Day: d, Precision: entities.Day}, true
	}
	gy, gm, gd := civilFromDays(z)
	return entities.Date{Year: gy, Month: gm, Day: gd, Precision: entities.Day}, true
}

// monthValue returns month m of year y of cal. A Hijri month is given as
// the Gregorian month that holds most of it (the month of its 15th day:
// Ramadan 1436, 18 June to 16 July 2015, is 2015-07); a Jalali month as
// the Gregorian month of its first day.
func (p *parser) monthValue(cal uint8, y, m int) (entities.Date, bool) {
	if cal == calGregorian || cal == 0 {
		if y < 1 || y > 9999 {
			return entities.Date{}, false
		}
		return entities.Date{Year: y, Month: m, Day: 0, Precision: entities.Month}, true
	}
	d := 1
	if cal == calHijri {
		d = 15
	}
	v, ok := p.dayValue(cal, y, m, d)
	v.Day, v.Precision = 0, entities.Month
	return v, ok
}

// yearValue returns year y of cal. A Hijri year is given as the Gregorian
// year that holds most of it (the year of its middle day: 1437 AH, October
// 2015 to October 2016, is 2016); a Jalali year as the Gregorian year of
// its first day (which holds most of it).
func (p *parser) yearValue(cal uint8, y int) (entities.Date, bool) {
	switch cal {
	case calHijri:
		a, _, ok1 := hijriDays(y, 1, 1)
		b, _, ok2 := hijriDays(y+1, 1, 1)
		if !ok1 || !ok2 {
			return entities.Date{}, false
		}
		gy, _, _ := civilFromDays((a + b - 1) / 2)
		return entities.Date{Year: gy, Precision: entities.Year}, gy >= 1
	case calJalali:
		v, ok := p.dayValue(cal, y, 1, 1)
		return entities.Date{Year: v.Year, Precision: entities.Year}, ok
	}
	if y < 1 || y > 9999 {
		return entities.Date{}, false
	}
	return entities.Date{Year: y, Month: 0, Day: 0, Precision: entities.Year}, true
}

// weekValue returns the ISO week of day number z.
func (p *parser) weekValue(z int) entities.Date {
	y, w := isoWeek(z)
	return entities.Date{Year: y, Week: w, Precision: entities.Week}
}

// periodValue resolves the calendar period n units from the reference's
// (الأسبوع الماضي، الشهر المقبل، العام الحالي): a week is an ISO week, a
// month a month, a year a year; a day is a day.
func (p *parser) periodValue(u uint8, n int) (entities.Date, bool) {
	if u == uWeek && p.hasRef {
		return p.weekValue(p.refDay + 7*n), true
	}
	return p.offsetValue(u, n)
}

func (p *parser) fromDays(z int) entities.Date {
	y, m, d := civilFromDays(z)
	return entities.Date{Year: y, Month: m, Day: d, Precision: entities.Day}
}

func (p *parser) addMonths(n int) entities.Date {
	t := p.ry*12 + (p.rm - 1) + n
	return entities.Date{Year: floorDiv(t, 12), Month: t - floorDiv(t, 12)*12 + 1, Day: 0, Precision: entities.Month}
}

// refYear returns the year of the reference date in cal.
func (p *parser) refYear(cal uint8) int {
	switch cal {
	case calHijri:
		y, _, _ := hijriFromDays(p.refDay)
		return y
	case calJalali:
		y, _, _ := jalaliFromDays(p.refDay)
		return y
	}
	return p.ry
}

// offsetValue resolves n units from the reference.
func (p *parser) offsetValue(u uint8, n int) (entities.Date, bool) {
	if !p.hasRef {
		return entities.Date{}, false
	}
	switch u {
	case uDay:
		return p.fromDays(p.refDay + n), true
	case uWeek:
		return p.fromDays(p.refDay + 7*n), true
	case uMonth:
		return p.addMonths(n), true
	case uYear:
		return entities.Date{Year: p.ry + n, Month: 0, Day: 0, Precision: entities.Year}, true
	case uHour, uMinute, uSecond:
		if h, m, s := p.ref.Clock(); h == 0 && m == 0 && s == 0 && p.ref.Nanosecond() == 0 {
			// A reference with no time of day is a date: hours ago are that day.
			return p.fromDays(p.refDay), true
		}
		d := time.Duration(n) * time.Hour
		switch u {
		case uMinute:
			d = time.Duration(n) * time.Minute
		case uSecond:
			d = time.Duration(n) * time.Second
		}
		t := p.ref.Add(d)
		return entities.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: entities.Day}, true
	}
	return entities.Date{}, false
}
