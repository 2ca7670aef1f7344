package quotes

import (
	"sort"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// Limits of the classification, in words of the quoted text.
const (
	// termMaxWords is the longest quotation that may be a term when it is
	// not introduced as speech.
	termMaxWords = 6
	// namedMaxWords is the longest quotation that a naming word before it
	// (جبهة، so-called) makes a term even inside reported speech.
	namedMaxWords = 4
	// directMinWords is the shortest quotation that counts as a statement
	// when it follows its cue and speaker with no complementiser (قال X "…").
	directMinWords = 4
	// cueAfterWindow is how many tokens after a quotation its cue may come
	// ("…," Lukashenko said).
	cueAfterWindow = 6
	// plainGapMax is how many tokens may stand between a cue's subject and
	// a quotation that is still a direct statement.
	plainGapMax = 10
	// reportedGap is how many tokens may stand between a speech verb (or
	// its subject) and the complementiser of its reported clause.
	reportedGap = 14
	// carryParas is how many paragraphs a speaker carries over to a cue
	// without a subject.
	carryParas = 2
)

// run walks the tokens in order, updating the current speaker at every
// cue, and classifies each quotation.
func (f *finder) run() []found {
	out := make([]found, 0, len(f.raw))
	for _, s := range f.sents {
		for i := s.Start; i < s.End; i++ {
			t := &f.toks[i]
			switch t.kind {
			case tWord:
				if t.cue < 0 {
					continue // not a cue (cueAt would say so)
				}
				if _, ok := f.cueAt(i); ok {
					f.note(i)
					if f.indirect {
						if q, ok := f.reported(i, s.End); ok {
							out = append(out, q)
						}
					}
				}
			case tQuote:
				q := f.classify(i, s.Start, s.End)
				out = append(out, q)
				if q.speaker != nil {
					f.prevSpeaker = q.speaker
					f.prevPara = t.endPara
				}
			}
		}
	}
	if f.indirect {
		// Already in order (a reported clause starts after its cue and
		// before the quotations inside it); sort to keep the promise.
		sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	}
	return out
}

// reported returns the reported speech that the cue at token i introduces
// with a complementiser (قال إن…، أكد أنه…، said that…، گفت که…), in the
// sentence ending before token hi. The clause runs from after the
// complementiser to the end of the sentence, or to the next cue or colon.
func (f *finder) reported(i, hi int) (found, bool) {
	c := f.cues[f.toks[i].cue-1].c
	switch c.typ {
	case cVerbAr, cCircAr, cVerbEn, cVerbFa:
	default:
		return found{}, false
	}
	s := f.subjectOf(i)
	from := i + 1
	if s.last > i {
		from = s.last + 1
	}
	if c.next != nil {
		from = max(from, i+2)
	}
	comp := -1
	for k := from; k < hi && k < from+reportedGap; k++ {
		t := f.toks[k]
		if t.kind == tQuote || t.kind == tPunct && (isColon(t.r) || isSentenceEnd(t.r)) {
			break
		}
		if _, ok := f.cueAt(k); ok {
			break // the complementiser belongs to a later cue
		}
		if t.kind != tWord || !f.lx.comp[f.keys[t.ka:t.kb]] {
			continue
		}
		if k > 0 && f.lx.notComp[f.key(k-1)] {
			break // بعد أن، قبل أن: a conjunction, not reported speech
		}
		comp = k
		break
	}
	if comp < 0 || comp+1 >= hi {
		return found{}, false
	}
	end, words := -1, 0
	for k := comp + 1; k < hi; k++ {
		t := f.toks[k]
		if t.kind == tPunct && (isColon(t.r) || isSentenceEnd(t.r)) {
			break
		}
		if t.kind == tWord {
			if _, ok := f.cueAt(k); ok && f.newClause(k) {
				break
			}
			words++
		}
		if t.kind != tPunct || !isTrailingPunct(t.r) {
			end = k
		}
	}
	if end < 0 || words < 2 {
		return found{}, false
	}
	q := found{Span: article.Span{Start: f.toks[comp+1].start, End: f.toks[end].end}, Kind: entities.Indirect, Cue: f.cueSpan(i), speaker: f.speakerFor(i)}
	return q, true
}

// newClause reports whether the cue at token k starts a new reported clause
// rather than belonging to the current one: a participle (، مضيفا أن) or a
// verb with a conjunction (وأضاف) after a comma.
func (f *finder) newClause(k int) bool {
	c := f.cues[f.toks[k].cue-1].c
	if c.typ == cCircAr {
		return true
	}
	pv := k - 1
	return c.prefix > 0 && pv >= 0 && f.toks[pv].kind == tPunct && (f.toks[pv].r == '،' || f.toks[pv].r == ',')
}

// isTrailingPunct reports whether r is punctuation left out at the end of a
// reported clause.
func isTrailingPunct(r rune) bool {
	switch r {
	case ',', '،', ';', '؛', '-', '–', '—':
		return true
	}
	return false
}

// note records the subject of the cue at token i as the current speaker.
func (f *finder) note(i int) {
	s := f.subjectOf(i)
	if s.kind == sNone || !s.keep {
		return
	}
	f.state, f.stateSet, f.statePara = s, true, f.toks[i].para
}

// carry returns the speaker a cue without a subject at token i inherits:
// the current speaker when it was set within the last carryParas
// paragraphs, else the person the nearest sentence is about (see
// sentencePerson).
func (f *finder) carry(i int) *speaker {
	if f.stateSet && f.toks[i].para-f.statePara <= carryParas {
		return f.state.sp
	}
	if mi := f.sentencePerson(i); mi >= 0 {
		return f.speakerOf(mi)
	}
	return nil
}

// speakerFor resolves the speaker of the cue at token i.
func (f *finder) speakerFor(i int) *speaker {
	s := f.subjectOf(i)
	switch s.kind {
	case sNamed:
		return s.sp
	case sGeneric:
		return nil
	}
	return f.carry(i)
}

// classify decides the kind, cue and speaker of the quotation at token qi
// in the sentence [lo, hi).
func (f *finder) classify(qi, lo, hi int) found {
	raw := f.raw[f.toks[qi].quote]
	q := found{Span: raw.inner}
	words, stmt := f.shape(raw.inner)

	// The nearest cue before the quotation in its sentence, and one right
	// after it.
	cb := -1
	for k := qi - 1; k >= lo; k-- {
		if f.toks[k].kind == tWord && f.toks[k].cue > 0 {
			cb = k
			break
		}
	}
	ca := -1
	for k := qi + 1; k < hi && k <= qi+cueAfterWindow; k++ {
		if f.toks[k].kind == tQuote {
			break
		}
		if _, ok := f.cueAt(k); ok {
			ca = k
			break
		}
	}

	prev := qi - 1
	for prev >= lo && f.toks[prev].kind == tPunct && isOpenPunct(f.toks[prev].r) {
		prev--
	}
	colon := prev >= lo && f.toks[prev].kind == tPunct && isColon(f.toks[prev].r)
	start := prev < lo

	isName := f.isMentionText(raw.inner)
	naming := prev >= lo && f.toks[prev].kind == tWord && f.namingWord(prev)
	// A short quotation glued to the preposition ل right after the verb is
	// who was spoken to (قال لـ«الشرق الأوسط»), a name.
	recipient := prev >= lo && f.toks[prev].kind == tWord && f.key(prev) == "ل"
	if (isName || naming || recipient) && words <= namedMaxWords && !stmt {
		q.Kind = entities.Term
		return q
	}

	switch {
	case colon:
		q.Kind = entities.Direct
		if cb >= 0 {
			q.Cue = f.cueSpan(cb)
			q.speaker = f.speakerFor(cb)
			return q
		}
		// A headline or a transcript: Lukashenko: «…».
		if k := prev - 1; k >= lo && f.toks[k].kind == tWord {
			if mi := f.toks[k].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, true) {
				q.speaker = f.speakerOf(mi)
				f.state, f.stateSet, f.statePara = named(q.speaker, k), true, f.toks[k].para
			}
		}
		return q
	case start:
		if ca >= 0 {
			q.Kind = entities.Direct // "Yes," he said.
			q.Cue = f.cueSpan(ca)
			q.speaker = f.speakerFor(ca)
			f.note(ca)
			return q
		}
		if words <= termMaxWords && !stmt {
			q.Kind = entities.Term
			return q
		}
		q.Kind = entities.Direct
		// A sentence or paragraph that only continues the previous
		// speaker's words: in the same paragraph, or opening the next.
		if p := f.toks[qi].para; f.prevSpeaker != nil && (p == f.prevPara || p == f.prevPara+1 && f.toks[qi].start == f.paras[p].Start) {
			q.speaker = f.newSpeaker(*f.prevSpeaker)
		}
		return q
	}
	if cb >= 0 {
		q.Kind = entities.Partial
		s := f.subjectOf(cb)
		if words >= directMinWords && f.plainGap(s.last, qi) {
			q.Kind = entities.Direct
		}
		q.Cue = f.cueSpan(cb)
		q.speaker = f.speakerFor(cb)
		return q
	}
	if ca >= 0 {
		q.Kind = entities.Partial
		q.Cue = f.cueSpan(ca)
		q.speaker = f.speakerFor(ca)
		f.note(ca)
		return q
	}
	if words <= termMaxWords && !stmt {
		q.Kind = entities.Term
		return q
	}
	q.Kind = entities.Partial // a long quotation in running text with no cue: no speaker
	return q
}

// plainGap reports whether the tokens between a cue's subject (or the cue)
// at a and a quotation at b leave the quotation a statement of its own
// (وأضافت هذه المحاسبة البالغة 27 سنة «…»): a few words with no
// complementiser, preposition, other cue or quotation among them, and no
// clitic preposition glued to the mark (بـ"…").
func (f *finder) plainGap(a, b int) bool {
	if b-a-1 > plainGapMax {
		return false
	}
	for k := a + 1; k < b; k++ {
		t := f.toks[k]
		switch t.kind {
		case tQuote:
			return false
		case tPunct:
			if t.r != ',' && t.r != '،' {
				return false
			}
		case tWord:
			key := f.key(k)
			if f.lx.comp[key] || f.lx.stops[key] || t.cue > 0 || key == "ب" || key == "ل" {
				return false
			}
		}
	}
	return true
}

// namingWord reports whether token k (right before a quotation) makes a
// short quotation a name: جبهة «النصرة», the so-called "…", ما يسمى بـ"…".
func (f *finder) namingWord(k int) bool {
	key := f.key(k)
	if f.lx.naming[key] || len(key) > 4 && key[:4] == "ال" && f.lx.naming[key[4:]] {
		return true
	}
	// a clitic ب or ل glued to the mark (بـ"…") after a naming word
	if (key == "ب" || key == "ل") && k > 0 && f.toks[k-1].kind == tWord {
		return f.lx.naming[f.key(k-1)]
	}
	if len(key) > 2 && (key[:2] == "ب" || key[:2] == "ل") {
		return f.lx.naming[key[2:]]
	}
	return false
}

// isOpenPunct reports whether r is an opening bracket or dash that may sit
// between a cue and its quotation.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '-', '–', '—':
		return true
	}
	return false
}

// shape returns the number of words of the quoted text s and whether it
// reads as a statement: sentence punctuation inside it, or at its end after
// more than one word.
func (f *finder) shape(s article.Span) (words int, stmt bool) {
	text := f.src[s.Start:s.End]
	// Words are the runs between white space bytes; each byte is looked
	// up once, without a branch but for the rare punctuation bytes.
	prevSpace := 1
	for i := 0; i < len(text); i++ {
		c := text[i]
		fl := shapeByte[c]
		sp := int(fl & 1)
		if c == 0xC2 && i+1 < len(text) && text[i+1] == 0xA0 || c == 0xA0 && i > 0 && text[i-1] == 0xC2 {
			sp = 1 // no-break space
		}
		words += prevSpace &^ sp
		prevSpace = sp
		if fl&2 == 0 {
			continue
		}
		// Sentence punctuation (. ! ? and the last bytes of ؟ and …),
		// judged at its first byte p: inside the text, or final after
		// several words.
		p := -1
		switch {
		case c == '.' || c == '!' || c == '?':
			p = i
		case c == 0x9F && i >= 1 && text[i-1] == 0xD8:
			p = i - 1
		case c == 0xA6 && i >= 2 && text[i-2] == 0xE2 && text[i-1] == 0x80:
			p = i - 2
		}
		if p >= 0 && (!lastRune(text, p) || words > 1) {
			stmt = true
		}
	}
	return words, stmt
}

// shapeByte flags, per byte: a white space byte of shape's (1), a byte
// that may end sentence punctuation . ! ? ؟ … (2).
var shapeByte = func() (t [256]uint8) {
	for _, c := range []byte{' ', '\n', '\t', '\r'} {
		t[c] = 1
	}
	for _, c := range []byte{'.', '!', '?', 0x9F, 0xA6} {
		t[c] = 2
	}
	return t
}()

// lastRune reports whether the rune starting at byte i is the last of s.
func lastRune(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return i+n == len(s)
}

// isMentionText reports whether the quoted text s is (almost all) one
// entity mention: a name in marks, like «النصرة».
func (f *finder) isMentionText(s article.Span) bool {
	lo, hi := 0, len(f.ments)
	for lo < hi {
		m := (lo + hi) / 2
		if f.ments[m].Span.Start < s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for k := lo; k < len(f.ments) && f.ments[k].Span.Start < s.End; k++ {
		m := f.ments[k].Span
		if m.End <= s.End && m.Len()*5 >= s.Len()*4 {
			return true
		}
	}
	return false
}
