package article

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"
)

// builder assembles an Article.
type builder struct {
	a     *Article
	est   int    // estimated token count
	lines []line // the non-blank lines
	paras []Span // paragraph spans before the duplicate check
}

// line is one non-blank line: its span without surrounding blanks.
type line struct {
	start, end int
	gap        bool // a blank line (or the start of the text) comes before it
	gapAfter   bool // a blank line (or the end of the text) comes after it
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
			if k := len(b.lines) - 1; k >= 0 && gap {
				b.lines[k].gapAfter = true
			}
			b.lines = append(b.lines, line{start: st, end: en, gap: gap, indent: st - i})
			gap = false
		} else {
			gap = true
		}
		i = j + 1
	}
	if k := len(b.lines) - 1; k >= 0 {
		b.lines[k].gapAfter = true
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
	for k < len(ls)-1 && k < 2 && isDatelineLine(text(ls[k])) {
		a.Datelines = append(a.Datelines, Span{ls[k].start, ls[k].end})
		k++
	}
	gaps := 0
	for _, l := range ls[min(k+1, len(ls)):] {
		if l.gap {
			gaps++
		}
	}
	if k < len(ls)-1 && isTitle(ls[k], text(ls[k]), text(ls[k+1]), gaps > 1) {
		a.Title = Span{ls[k].start, ls[k].end}
		k++
	} else {
		a.Title = Span{ls[0].start, ls[0].start}
	}
	body := ls[k:]

	// Dateline and byline lines at the head of the body, credit lines at
	// its end.
	head := 0
	for head < len(body)-1 && head < 3 && isDatelineLine(text(body[head])) {
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
	b.paras = make([]Span, 0, len(body))
	for i := 0; i < len(body); {
		j := i + 1
		for j < len(body) && !body[j].gap {
			j++
		}
		block := body[i:j]
		if b.wrapped(block, blankSeparated) {
			b.paras = append(b.paras, Span{block[0].start, block[len(block)-1].end})
		} else {
			for _, l := range block {
				b.paras = append(b.paras, Span{l.start, l.end})
			}
		}
		i = j
	}

	// A dateline opening the first paragraph: «القاهرة - …».
	if len(b.paras) > 0 {
		p := &b.paras[0]
		if n := datelinePrefix(a.Source[p.Start:p.End]); n > 0 {
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
	maxLen, minLen := 0, 1<<30
	for _, l := range block[:len(block)-1] {
		n := runeLen(src[l.start:l.end])
		maxLen = max(maxLen, n)
		minLen = min(minLen, n)
	}
	last := block[len(block)-1]
	lastLen := runeLen(src[last.start:last.end])
	if lastLen > maxLen+maxLen/8+8 {
		return false
	}
	if 2*open >= len(block)-1 && 2*minLen >= maxLen {
		return true
	}
	return blankSeparated && maxLen <= 110 && 2*minLen >= maxLen
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

// isTitle decides whether the first line l (with text t, followed by a line
// with text next) is a title: a line followed by a blank line that does not
// read as a paragraph, or a short line without final punctuation. In an
// article whose paragraphs are separated by blank lines (blankSeparated),
// a first line ending with a period is a paragraph.
func isTitle(l line, t, next string, blankSeparated bool) bool {
	if isDatelineLine(t) {
		return false
	}
	words := countWords(t)
	runes := utf8.RuneCountInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case ':', '،', ',', ';', '؛':
		return false
	}
	ends := endsSentence(t) && !strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "…")
	if l.gapAfter && !(ends && (words > 12 || blankSeparated)) && words <= 40 && runes <= 300 {
		return true
	}
	if ends || words > 20 || runes > 160 {
		return false
	}
	// A short line without a period, and a following line that is longer:
	// a headline over its text.
	return utf8.RuneCountInString(next) > runes || isDatelineLine(next)
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
var agencies = map[string]bool{
	"افب": true, "دبا": true, "رويترز": true, "ايرنا": true, "ارنا": true,
	"اسوشيتدبرس": true, "وام": true, "واس": true, "قنا": true, "كونا": true,
	"سانا": true, "بترا": true, "الاناضول": true, "تسنيم": true, "فارس": true,
	"مهر": true, "ايسنا": true, "ايلنا": true, "وكالات": true, "سبوتنيك": true,
	"شينخوا": true, "افپ": true, "خبرگزاريفارس": true, "خبرگزاريمهر": true,
	"afp": true, "ap": true, "reuters": true, "irna": true, "isna": true,
	"dpa": true, "upi": true, "xinhua": true, "tass": true, "apf": true,
}

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
	if utf8.RuneCountInString(t) > 30 {
		return false
	}
	if agencies[agencyKey(t)] {
		return true
	}
	return len(t) > 2 && t[0] == '(' && t[len(t)-1] == ')' && countWords(t) <= 4 &&
		agencies[agencyKey(t)]
}

// bylineWords start a byline line.
var bylineWords = map[string]bool{
	"by": true, "بقلم": true, "كتب": true, "كتبت": true, "كتبه": true,
	"اعداد": true, "تقرير": true, "نويسنده": true, "گزارش": true, "مراسل": true,
}

// isDatelineLine reports whether the whole line t is a dateline or byline:
// «بيروت: نذير رضا», «واشنطن - أ ف ب», «(د ب أ)», «طهران ـ ايرنا»,
// "WASHINGTON (Reuters) -", "By Jane Doe".
func isDatelineLine(t string) bool {
	if utf8.RuneCountInString(t) > 80 {
		return false
	}
	fs := fields(t)
	if len(fs) == 0 || len(fs) > 8 {
		return false
	}
	if t[0] == '(' && t[len(t)-1] == ')' && len(fs) <= 5 {
		return true
	}
	if agencies[agencyKey(t)] {
		return true
	}
	if first := strings.TrimRight(Key(fs[0]), ":"); bylineWords[first] && len(fs) <= 6 && len(fs) >= 2 {
		if first != "by" || startsUpper(fs[1]) {
			return !endsSentence(t) || strings.HasSuffix(t, ".") && isAbbrevTail(fs[len(fs)-1])
		}
	}
	n, right := dateline(fs)
	if n == 0 || right > 5 {
		return false
	}
	return !endsSentence(t) || isAbbrevTail(fs[len(fs)-1])
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
	if n == 0 || right < 3 {
		return 0
	}
	// Map the field count back to a byte offset.
	off := 0
	for i := range n {
		j := strings.Index(t[off:], fs[i])
		off += j + len(fs[i])
	}
	return off
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

// speechWords are verbs that introduce speech with a colon; a colon after
// them is not a dateline.
var speechWords = map[string]bool{
	"قال": true, "وقال": true, "اضاف": true, "واضاف": true, "اكد": true,
	"واكد": true, "اوضح": true, "واوضح": true, "تابع": true, "وتابع": true,
	"اعلن": true, "واعلن": true, "قالت": true, "وقالت": true, "said": true,
	"says": true, "گفت": true, "افزود": true,
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
		if w == "" || !plainWord(w) || speechWords[Key(w)] {
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
			if words > 2 {
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
	seen := make(map[uint64]Span, len(b.paras)+1)
	if !a.Title.Empty() {
		seen[normHash(seed, a.Text(a.Title))] = a.Title
	}
	a.Paragraphs = make([]Paragraph, 0, len(b.paras))
	for _, p := range b.paras {
		t := a.Text(p)
		h := normHash(seed, t)
		if q, ok := seen[h]; ok && sameText(a.Text(q), t) {
			a.Duplicates = append(a.Duplicates, p)
			continue
		} else if !ok {
			seen[h] = p
		}
		a.Paragraphs = append(a.Paragraphs, Paragraph{Span: p})
	}
}

// blankByte says of a byte whether it is an ASCII blank (1), a lead byte
// of a multi-byte blank rune (2: NBSP, ALM, the U+2000 spaces, the
// ideographic space, the BOM) or neither (0).
var blankByte = func() *[256]uint8 {
	t := new([256]uint8)
	for b := range 0x80 {
		if classLow[b] == cSpace {
			t[b] = 1
		}
	}
	for _, b := range []byte{0xC2, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF} {
		t[b] = 2
	}
	return t
}()

// normHash hashes t with blank runs folded to one space.
func normHash(seed maphash.Seed, t string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	start, blank := 0, false
	for i := 0; i < len(t); {
		b := t[i]
		n := 1
		isB := false
		switch blankByte[b] {
		case 0:
			i++
			blank = false
			continue
		case 1:
			isB = true
		case 2:
			var r rune
			r, n = utf8.DecodeRuneInString(t[i:])
			isB = isBlank(r)
		}
		if isB {
			if !blank {
				h.WriteString(t[start:i])
				h.WriteByte(' ')
			}
			blank = true
			i += n
			start = i
			continue
		}
		blank = false
		i += n
	}
	h.WriteString(t[start:])
	return h.Sum64()
}

// sameText compares s and t with blank runs folded to one space.
func sameText(s, t string) bool {
	if s == t {
		return true
	}
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		r1, n1 := decode(s, i)
		r2, n2 := decode(t, j)
		b1, b2 := isBlank(r1), isBlank(r2)
		switch {
		case b1 && b2:
			for i < len(s) {
				if r, n := decode(s, i); isBlank(r) {
					i += n
				} else {
					break
				}
			}
			for j < len(t) {
				if r, n := decode(t, j); isBlank(r) {
					j += n
				} else {
					break
				}
			}
		case b1 || b2 || r1 != r2:
			return false
		default:
			i += n1
			j += n2
		}
	}
	return i == len(s) && j == len(t)
}

// runeLen returns the number of runes in t, up to about 200: longer lines
// only need to be known as long.
func runeLen(t string) int {
	if len(t) > 800 {
		return 200 + len(t)/4
	}
	return utf8.RuneCountInString(t)
}
