package article

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/internal/lang"
)

// builder assembles an Article.
type builder struct {
	a      *Article
	st     stats        // gathered while tokenizing
	ranges []tokenRange // token ranges of the title and the paragraphs
	// lead is the first paragraph with the dateline that opened it, when
	// one did.
	lead Span
	// stemmed records that some token got a default stem.
	stemmed bool
	est     int    // estimated token count
	lines   []line // the non-blank lines
	paras   []Span // paragraph spans before the duplicate check
	// done, when not nil, is the context's Done channel: tokenizing
	// stops early when it is closed (ParseContext).
	done <-chan struct{}
}

// line is one non-blank line: its span without surrounding blanks.
type line struct {
	start, end int
	gap        bool // a blank line (or the start of the text) comes before it
	indent     int  // bytes of leading blank runes
}

// splitLines records the non-blank lines of the source. A byte-order mark
// at the start is blank.
func (b *builder) splitLines() {
	s := b.a.Source
	n := strings.Count(s, "\n") + 1
	b.lines = make([]line, 0, n)
	gap := true
	for i := 0; i <= len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			j = len(s)
		} else {
			j += i
		}
		st, en := trimSpan(s, i, j)
		if st < en {
			b.lines = append(b.lines, line{start: st, end: en, gap: gap, indent: st - i})
			gap = false
		} else {
			gap = true
		}
		i = j + 1
	}
}

// layout finds the title, the datelines, the paragraphs and the duplicates.
// It reports false when the source has no non-blank line.
func (b *builder) layout() bool {
	b.splitLines()
	a, ls := b.a, b.lines
	if len(ls) == 0 {
		return false
	}
	text := func(l line) string { return a.Source[l.start:l.end] }

	// Leading datelines, then the title.
	k := 0
	for k < len(ls)-1 && k < 2 && isCreditOrByline(text(ls[k])) {
		a.Datelines = append(a.Datelines, Span{ls[k].start, ls[k].end})
		k++
	}
	gaps := 0
	for _, l := range ls[min(k+1, len(ls)):] {
		if l.gap {
			gaps++
		}
	}
	firstBlock := 1
	for j := k + 1; j < len(ls) && !ls[j].gap; j++ {
		firstBlock++
	}
	if k < len(ls)-1 && isTitle(text(ls[k]), text(ls[k+1]), gaps > 1, firstBlock) {
		a.Title = Span{ls[k].start, ls[k].end}
		k++
	} else {
		a.Title = Span{ls[0].start, ls[0].start}
	}
	body := ls[k:]

	// Dateline and byline lines at the head of the body, credit lines at
	// its end.
	head := 0
	for head < len(body)-1 && head < 3 && (isDatelineLine(text(body[head])) || isDateLine(text(body[head]))) {
		a.Datelines = append(a.Datelines, Span{body[head].start, body[head].end})
		head++
	}
	body = body[head:]
	var credit *line
	if n := len(body); n > 1 && isCreditLine(text(body[n-1])) {
		credit = &body[n-1]
		body = body[:n-1]
	}

	// Blocks of lines between blank lines; a hard-wrapped block is one
	// paragraph, any other block one paragraph per line.
	blocks := 0
	for i, l := range body {
		if i == 0 || l.gap {
			blocks++
		}
	}
	blankSeparated := blocks >= 2
	var parts [][]line
	for i := 0; i < len(body); {
		j := i + 1
		for j < len(body) && !body[j].gap {
			j++
		}
		indentBlocks(body[i:j], func(block []line) { parts = append(parts, block) })
		i = j
	}
	// When most blocks of several lines are clearly hard-wrapped, so is
	// any other block whose lines fit the same width (a wrapped line may
	// end with a period by chance).
	strict := make([]bool, len(parts))
	wrappedBlocks, multi, width := 0, 0, 0
	for i, block := range parts {
		if len(block) < 2 {
			continue
		}
		multi++
		if strict[i] = b.wrapped(block, blankSeparated); strict[i] {
			wrappedBlocks++
			for _, l := range block {
				width = max(width, l.end-l.start)
			}
		}
	}
	docWrapped := blankSeparated && wrappedBlocks >= 2 && 2*wrappedBlocks > multi
	b.paras = make([]Span, 0, len(body))
	for i, block := range parts {
		if strict[i] || docWrapped && len(block) >= 2 && fits(block, width+8) {
			b.paras = append(b.paras, Span{block[0].start, block[len(block)-1].end})
			continue
		}
		b.shortLineBlocks(block, func(sub []line) {
			if b.wrapped(sub, blankSeparated) {
				b.paras = append(b.paras, Span{sub[0].start, sub[len(sub)-1].end})
				return
			}
			for _, l := range sub {
				b.paras = append(b.paras, Span{l.start, l.end})
			}
		})
	}

	// A dateline opening the first paragraph: «القاهرة - …».
	if len(b.paras) > 0 {
		p := &b.paras[0]
		if n := datelinePrefix(a.Source[p.Start:p.End]); n > 0 {
			b.lead = *p
			a.Datelines = append(a.Datelines, Span{p.Start, p.Start + n})
			st, _ := trimSpan(a.Source, p.Start+n, p.End)
			p.Start = st
		}
	}
	if credit != nil {
		a.Datelines = append(a.Datelines, Span{credit.start, credit.end})
	}
	b.dedupe()
	return true
}

// indentBlocks splits a block of lines before each line indented deeper
// than the others, when only some lines are, and calls yield with each
// part: first-line indentation marks paragraph starts in hard-wrapped text
// without blank lines.
func indentBlocks(block []line, yield func([]line)) {
	if len(block) < 3 {
		yield(block)
		return
	}
	least := block[0].indent
	for _, l := range block {
		least = min(least, l.indent)
	}
	deeper := 0
	for _, l := range block[1:] {
		if l.indent > least {
			deeper++
		}
	}
	if deeper == 0 || 2*deeper >= len(block) {
		yield(block)
		return
	}
	start := 0
	for i := 1; i < len(block); i++ {
		if block[i].indent > least {
			yield(block[start:i])
			start = i
		}
	}
	yield(block[start:])
}

// fits reports whether every line of block is at most width bytes long.
func fits(block []line, width int) bool {
	for _, l := range block {
		if l.end-l.start > width {
			return false
		}
	}
	return true
}

// shortLineBlocks splits a block of lines after each line that ends a
// sentence and falls well short of the block's longest line, and calls
// yield with each part: in hard-wrapped text without blank lines, such a
// line ends a paragraph.
func (b *builder) shortLineBlocks(block []line, yield func([]line)) {
	longest := 0
	for _, l := range block {
		longest = max(longest, l.end-l.start)
	}
	start := 0
	for i, l := range block[:len(block)-1] {
		if 5*(l.end-l.start) < 4*longest && endsSentence(b.a.Source[l.start:l.end]) {
			yield(block[start : i+1])
			start = i + 1
		}
	}
	yield(block[start:])
}

// wrapped reports whether the lines of a block are one hard-wrapped
// paragraph rather than one paragraph each. Wrapped lines mostly end
// without sentence punctuation, are of similar length, and the last line is
// no longer than the others; in articles whose paragraphs are separated by
// blank lines, short and even lines are taken as wrapped whatever they end
// with.
func (b *builder) wrapped(block []line, blankSeparated bool) bool {
	if len(block) < 2 {
		return false
	}
	src := b.a.Source
	open := 0
	for _, l := range block[:len(block)-1] {
		if !endsSentence(src[l.start:l.end]) {
			open++
		}
	}
	if 2*open < len(block)-1 && !blankSeparated {
		return false
	}
	// Lengths in bytes: the lines are of one script, so byte ratios are
	// rune ratios.
	maxLen, minLen, longest := 0, 1<<30, 0
	for i, l := range block[:len(block)-1] {
		n := l.end - l.start
		if n > maxLen {
			maxLen, longest = n, i
		}
		minLen = min(minLen, n)
	}
	last := block[len(block)-1]
	lastLen := last.end - last.start
	if lastLen > maxLen+maxLen/8+16 {
		return false
	}
	if 2*open >= len(block)-1 && 2*minLen >= maxLen {
		return true
	}
	if !blankSeparated || open == 0 || 2*minLen < maxLen {
		return false
	}
	l := block[longest]
	return runeLen(src[l.start:l.end]) <= 110
}

// endsSentence reports whether t ends with sentence punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(t string) bool {
	for len(t) > 0 {
		r, n := utf8.DecodeLastRuneInString(t)
		if isClosing(r) {
			t = t[:len(t)-n]
			continue
		}
		return classOf(r) == cTerm
	}
	return false
}

// isTitle decides whether the first line, with text t, followed by a line
// with text next, in a block of blockLen lines (1 when a blank line follows
// it), is a title: a line followed by a blank line that does not read as a
// paragraph, or a short line without final punctuation over a longer line,
// a dateline, or a subtitle. In an article whose paragraphs are separated
// by blank lines (blankSeparated), a first line ending with a period is a
// paragraph.
func isTitle(t, next string, blankSeparated bool, blockLen int) bool {
	words := countWords(t)
	runes := utf8.RuneCountInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case ':', '،', ',', ';', '؛':
		return false
	}
	// A final period (not an ellipsis) marks body text; headlines may end
	// with ? or !.
	trimmed := strings.TrimRightFunc(t, isClosing)
	period := (strings.HasSuffix(trimmed, ".") || strings.HasSuffix(trimmed, "۔")) &&
		!strings.HasSuffix(trimmed, "..")
	if blockLen == 1 && !(period && (words > 12 || blankSeparated)) && words <= 40 && runes <= 300 {
		return true
	}
	if period || words > 25 || runes > 200 {
		return false
	}
	// A short line without a period over a clearly longer line: a headline
	// over its text. (Lines of about the same length are hard-wrapped.)
	nextRunes := utf8.RuneCountInString(next)
	if 3*nextRunes > 4*runes || isDatelineLine(next) || isDateLine(next) {
		return true
	}
	// A headline and a subtitle, then a blank line; unless the two lines
	// read as a hard-wrapped paragraph (a long line, then a shorter one
	// that ends it).
	return blockLen == 2 && !(runes >= 50 && nextRunes <= runes+10 && endsSentence(next))
}

// countWords counts the blank-separated fields of t.
func countWords(t string) int {
	n, in := 0, false
	for _, r := range t {
		if isBlank(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// fields splits t at blank runes.
func fields(t string) []string { return strings.FieldsFunc(t, isBlank) }

// agencies are the normalised, space- and dot-free names of news agencies
// that appear as credit or dateline lines.
var agencies = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.Words(lang.Credits, "agency") {
		m[agencyKey(w)] = true
	}
	return m
}()

// agencyKey returns the key of t without blanks, dots and brackets.
func agencyKey(t string) string {
	k := Key(t)
	return strings.Map(func(r rune) rune {
		if isBlank(r) || r == '.' || r == '(' || r == ')' || r == '-' || r == '«' || r == '»' {
			return -1
		}
		return r
	}, k)
}

// isCreditLine reports whether t is a credit line closing an article: an
// agency name, alone or in brackets.
func isCreditLine(t string) bool {
	return len(t) <= 60 && agencies[agencyKey(t)]
}

// bylineWords start a byline line.
var bylineWords = keySet(lang.Words(lang.Credits, "byline"))

// isDatelineLine reports whether the whole line t is a dateline or byline:
// «بيروت: نذير رضا», «واشنطن - أ ف ب», «(د ب أ)», «طهران ـ ايرنا»,
// "WASHINGTON (Reuters) -", "By Jane Doe".
func isDatelineLine(t string) bool {
	if len(t) > 320 || utf8.RuneCountInString(t) > 80 || countWords(t) > 8 {
		return false
	}
	fs := fields(t)
	if len(fs) == 0 {
		return false
	}
	if t[0] == '(' && t[len(t)-1] == ')' && len(fs) <= 5 {
		return true
	}
	if isCreditLine(t) {
		return true
	}
	if isByline(fs) {
		return !endsSentence(t) || strings.HasSuffix(t, ".") && isAbbrevTail(fs[len(fs)-1])
	}
	n, right := dateline(fs)
	if n == 0 || right > 5 || right > 3 && strings.HasSuffix(fs[n-1], ":") {
		return false
	}
	return !endsSentence(t) || isAbbrevTail(fs[len(fs)-1])
}

// dateWords are month and weekday names and the other words of date and
// time lines (as keys), in every language.
var dateWords = keySet(lang.Words(lang.Months, ""), lang.Words(lang.Weekdays, ""), lang.Words(lang.TimeWords, ""))

// isDateLine reports whether t is a short line giving a date or a time
// («الأربعاء 20 أغسطس 2025», "Updated Aug 20, 2025 10:30 GMT"): at most
// eight fields, a number among them, and every field a number, a month or
// weekday name, or punctuation.
func isDateLine(t string) bool {
	if len(t) > 160 || countWords(t) > 8 {
		return false
	}
	digits := false
	for _, f := range fields(t) {
		f = strings.Trim(f, ",،:|-/()")
		switch {
		case f == "":
		case strings.IndexFunc(f, unicode.IsDigit) >= 0:
			digits = true
			if strings.IndexFunc(f, unicode.IsLetter) >= 0 && !dateWords[Key(strings.TrimLeftFunc(f, unicode.IsDigit))] {
				return false
			}
		case !dateWords[Key(strings.TrimSuffix(f, "."))]:
			return false
		}
	}
	return digits
}

// isCreditOrByline reports whether t is a dateline line of the kinds that
// may come before the title: an agency name alone or in brackets, or a
// byline. The "place: name" and "place - agency" forms are not trusted
// there: headlines look the same («لافروف: لا حوار الآن»).
func isCreditOrByline(t string) bool {
	if len(t) > 320 || countWords(t) > 6 {
		return false
	}
	if isCreditLine(t) || t[0] == '(' && t[len(t)-1] == ')' && countWords(t) <= 5 {
		return true
	}
	return isByline(fields(t)) && !endsSentence(t)
}

// isByline reports whether the fields fs of a line open with a byline word
// and name someone in at most five more fields ("By Jane Doe", «بقلم سامي
// الحلبي»).
func isByline(fs []string) bool {
	if len(fs) < 2 || len(fs) > 6 {
		return false
	}
	first := strings.TrimRight(Key(fs[0]), ":")
	return bylineWords[first] && (first != "by" || startsUpper(fs[1]))
}

// isAbbrevTail reports whether a final field ending with a period is an
// abbreviation (أ.ف.ب. or U.S.) rather than a sentence end.
func isAbbrevTail(f string) bool {
	f = strings.TrimRight(f, ".")
	for _, p := range strings.Split(f, ".") {
		if utf8.RuneCountInString(p) > 1 {
			return false
		}
	}
	return true
}

// datelinePrefix returns the byte length of a dateline opening paragraph t
// («القاهرة - …», "WASHINGTON (Reuters) - …"), separator included, or 0.
func datelinePrefix(t string) int {
	fs := fields(headFields(t, 12))
	n, right := dateline(fs)
	if n == 0 || right < 3 || strings.HasSuffix(fs[n-1], ":") {
		// A colon after a word opening a paragraph more often introduces
		// speech or a topic (الوزير: …) than a place.
		return 0
	}
	// A source credit after the place: «بيروت - «الشرق الأوسط»: …».
	if k := creditFields(fs[n:]); k > 0 && right-k >= 3 {
		n += k
	}
	// Map the field count back to a byte offset.
	off := 0
	for i := range n {
		j := strings.Index(t[off:], fs[i])
		off += j + len(fs[i])
	}
	return off
}

// creditFields returns how many of the fields fs form a quoted or
// bracketed source credit closed by a colon or a dash («الشرق الأوسط»:,
// (رويترز) -), or 0.
func creditFields(fs []string) int {
	if len(fs) == 0 {
		return 0
	}
	open, _ := utf8.DecodeRuneInString(fs[0])
	var closer string
	switch open {
	case '«':
		closer = "»"
	case '"':
		closer = `"`
	case '“':
		closer = "”"
	case '(':
		closer = ")"
	default:
		return 0
	}
	for i := 0; i < len(fs) && i < 4; i++ {
		f := fs[i]
		if i == 0 {
			f = f[utf8.RuneLen(open):]
		}
		for _, sep := range []string{":", " -", "-", "ـ"} {
			if strings.HasSuffix(f, closer+strings.TrimSpace(sep)) {
				return i + 1
			}
		}
		if strings.HasSuffix(f, closer) && i+1 < len(fs) {
			switch fs[i+1] {
			case ":", "-", "–", "—", "ـ":
				return i + 2
			}
			return 0
		}
	}
	return 0
}

// headFields returns the prefix of t holding at most n fields.
func headFields(t string, n int) string {
	in := false
	for i, r := range t {
		if isBlank(r) {
			in = false
		} else if !in {
			in = true
			if n == 0 {
				return t[:i]
			}
			n--
		}
	}
	return t
}

// speechWords are verbs that introduce speech with a colon (as keys, with
// and without the conjunction و); a colon after them is not a dateline.
var speechWords = func() map[string]bool {
	m := keySet(lang.Words(lang.Speech, "verb"))
	for k := range m {
		m[Key("و")+k] = true
	}
	return m
}()

// keySet returns the set of the keys of the words of lists, and of each
// word of a phrase.
func keySet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			for _, f := range strings.Fields(w) {
				m[Key(f)] = true
			}
		}
	}
	return m
}

// dateline looks for a dateline at the start of the fields fs: one or two
// words (a place; in Latin script, capitals such as "WASHINGTON"),
// optionally a bracketed agency and a date, then a separator - – — ـ or a
// colon. It returns the number of fields the dateline takes, separator
// included (0 when there is none), and the number of fields after it.
func dateline(fs []string) (n, right int) {
	words, latin, caps := 0, false, true
	prev := ""
	for i := 0; i < len(fs) && i < 10; i++ {
		f := fs[i]
		switch f {
		case "-", "–", "—", "ـ", "--", ":":
			if words == 0 || f == ":" && speechWords[Key(prev)] {
				return 0, 0
			}
			return accept(fs, i+1, words, latin, caps)
		}
		if f[0] == '(' {
			// A bracketed agency or date: up to four fields.
			j := i
			for j < len(fs) && j < i+4 && !strings.HasSuffix(fs[j], ")") && !strings.HasSuffix(fs[j], "):") && !strings.HasSuffix(fs[j], ")-") {
				j++
			}
			if j == len(fs) || j == i+4 || i == 0 {
				return 0, 0
			}
			i = j
			if strings.HasSuffix(fs[j], ":") || strings.HasSuffix(fs[j], "-") {
				return accept(fs, j+1, words, latin, caps)
			}
			continue
		}
		w := strings.TrimRight(f, ",،")
		colon := strings.HasSuffix(w, ":")
		dash := !colon && (strings.HasSuffix(w, "-") || strings.HasSuffix(w, "ـ")) && words < 2
		w = strings.TrimRight(w, ":-ـ")
		if w == "" || !plainWord(w) {
			return 0, 0
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.Is(unicode.Latin, r) {
			latin = true
			if words == 0 && !allCaps(w) {
				return 0, 0
			}
		} else if unicode.IsDigit(r) {
			if words == 0 {
				return 0, 0
			}
		} else if latin {
			return 0, 0
		}
		if words > 0 && unicode.Is(unicode.Latin, r) && !allCaps(w) && !startsUpper(w) {
			caps = false
		}
		words++
		prev = w
		if colon {
			if words > 2 || speechWords[Key(w)] {
				return 0, 0
			}
			return accept(fs, i+1, words, latin, caps)
		}
		if dash {
			return accept(fs, i+1, words, latin, caps)
		}
		if words > 6 {
			return 0, 0
		}
	}
	return 0, 0
}

// accept finishes dateline: the dateline takes n fields.
func accept(fs []string, n, words int, latin, caps bool) (int, int) {
	if !latin && words > 2 || latin && (!caps || words > 6) {
		return 0, 0
	}
	return n, len(fs) - n
}

// plainWord reports whether w is made of letters, marks, digits, dots
// between letters (أ.ف.ب) and inner hyphens or apostrophes.
func plainWord(w string) bool {
	for _, r := range w {
		switch classOf(r) {
		case cLetter, cMark, cDigit, cJoin:
		default:
			if r != '.' && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
	}
	return true
}

// allCaps reports whether w has at least two letters and no lower-case one.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// startsUpper reports whether w starts with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// dedupe moves paragraphs that repeat the title or an earlier paragraph
// (blank runs compared as one space) to Duplicates.
func (b *builder) dedupe() {
	a := b.a
	seed := maphash.MakeSeed()
	// seen maps a hash to the head of a chain in kept; colliding texts
	// that differ are chained.
	type entry struct {
		span Span
		next int
	}
	kept := make([]entry, 0, len(b.paras)+1)
	seen := make(map[uint64]int, len(b.paras)+1)
	add := func(p Span) bool {
		h := normHash(seed, a.Text(p))
		head, ok := seen[h]
		if ok {
			for e := head; e >= 0; e = kept[e].next {
				if sameText(a.Text(kept[e].span), a.Text(p)) {
					return false
				}
			}
		} else {
			head = -1
		}
		kept = append(kept, entry{p, head})
		seen[h] = len(kept) - 1
		return true
	}
	if !a.Title.Empty() {
		add(a.Title)
	}
	if !b.lead.Empty() {
		// The first paragraph with its dateline: a repeat of the whole
		// line is a duplicate too.
		add(b.lead)
	}
	a.Paragraphs = make([]Paragraph, 0, len(b.paras))
	for _, p := range b.paras {
		if !add(p) {
			a.Duplicates = append(a.Duplicates, p)
			continue
		}
		a.Paragraphs = append(a.Paragraphs, Paragraph{Span: p})
	}
}

// normHash hashes the non-blank bytes of t (FNV-1a, seeded): paragraphs
// that are equal once blank runs are folded hash alike, and sameText
// settles the rare collisions. Hashing every byte costs a pass over the
// paragraph but keeps chains of colliding paragraphs short whatever the
// text, so that deduplication stays linear (hashing only the ends of each
// paragraph made news with many similar openings quadratic).
func normHash(seed maphash.Seed, t string) uint64 {
	const prime = 1099511628211
	h := maphash.Comparable(seed, 0) | 1
	for i := 0; i < len(t); {
		c := t[i]
		if blankLead[c] != 0 && isBlankAt(t, i) {
			_, w := decode(t, i)
			i += w
			continue
		}
		h = (h ^ uint64(c)) * prime
		i++
	}
	return h
}

// decodeRune returns the rune at s[i].
func decodeRune(s string, i int) rune {
	r, _ := decode(s, i)
	return r
}

// sameText compares s and t with blank runs folded to one space.
func sameText(s, t string) bool {
	if s == t {
		return true
	}
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		if s[i] == t[j] && blankLead[s[i]] == 0 {
			i++
			j++
			continue
		}
		r1, n1 := decode(s, i)
		r2, n2 := decode(t, j)
		b1, b2 := isBlank(r1), isBlank(r2)
		switch {
		case b1 && b2:
			i = skipBlanks(s, i)
			j = skipBlanks(t, j)
		case b1 || b2 || r1 != r2:
			return false
		default:
			i += n1
			j += n2
		}
	}
	return i == len(s) && j == len(t)
}

// blankLead classes the bytes that can start a blank rune: 1 for ASCII
// blanks, 2 for lead bytes of multi-byte blanks, 3 for D8, whose only blank
// is U+061C (D8 9C); 0 for the bytes that never start one.
// TestBlankLead checks it against isBlank.
var blankLead = func() (t [256]uint8) {
	for b := range utf8.RuneSelf {
		if classLow[b] == cSpace {
			t[b] = 1
		}
	}
	for _, b := range []byte{0xC2, 0xE1, 0xE2, 0xE3, 0xEF} {
		t[b] = 2
	}
	t[0xD8] = 3
	return t
}()

// isBlankAt reports whether the rune at t[i] is blank.
func isBlankAt(t string, i int) bool {
	switch blankLead[t[i]] {
	case 1:
		return true
	case 2:
		return isBlank(decodeRune(t, i))
	case 3:
		return i+1 < len(t) && t[i+1] == 0x9C
	}
	return false
}

// skipBlanks returns the index of the first non-blank rune of s at or
// after i.
func skipBlanks(s string, i int) int {
	for i < len(s) {
		r, n := decode(s, i)
		if !isBlank(r) {
			break
		}
		i += n
	}
	return i
}

// runeLen returns the number of runes in t, up to about 200: longer lines
// only need to be known as long.
func runeLen(t string) int {
	if len(t) > 800 {
		return 200 + len(t)/4
	}
	return utf8.RuneCountInString(t)
}
