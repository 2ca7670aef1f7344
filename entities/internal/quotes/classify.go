package quotes

import (
	"unicode"
	"unicode/utf8"
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
	// carryParas is how many paragraphs a speaker carries over to a cue
	// without a subject.
	carryParas = 2
)

// run walks the tokens in order, updating the current speaker at every
// cue, and classifies each quotation.
func (f *finder) run() []Quote {
	out := make([]Quote, 0, len(f.raw))
	for _, s := range f.sents {
		for i := s.Start; i < s.End; i++ {
			t := f.toks[i]
			switch t.kind {
			case tWord:
				if _, ok := f.cueAt(i); ok {
					f.note(i)
				}
			case tQuote:
				q := f.classify(i, s.Start, s.End)
				out = append(out, q)
				if q.Speaker != nil {
					f.prevSpeaker = q.Speaker
					f.prevPara = t.endPara
				}
			}
		}
	}
	return out
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
// paragraphs, else the last person named.
func (f *finder) carry(i int) *Speaker {
	if f.stateSet && f.toks[i].para-f.statePara <= carryParas {
		return f.state.sp
	}
	if mi := f.lastPerson(f.toks[i].start); mi >= 0 {
		return f.speakerOf(mi)
	}
	return nil
}

// speakerFor resolves the speaker of the cue at token i.
func (f *finder) speakerFor(i int) *Speaker {
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
func (f *finder) classify(qi, lo, hi int) Quote {
	raw := f.raw[f.toks[qi].quote]
	q := Quote{Span: raw.inner}
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
	if isName && words <= namedMaxWords || naming && words <= namedMaxWords && !stmt {
		q.Kind = Term
		return q
	}

	switch {
	case colon:
		q.Kind = Direct
		if cb >= 0 {
			q.Cue = f.cueSpan(cb)
			q.Speaker = f.speakerFor(cb)
			return q
		}
		// A headline or a transcript: Lukashenko: «…».
		if k := prev - 1; k >= lo && f.toks[k].kind == tWord {
			if mi := f.toks[k].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, true) {
				q.Speaker = f.speakerOf(mi)
				f.state, f.stateSet, f.statePara = named(q.Speaker, k), true, f.toks[k].para
			}
		}
		return q
	case start:
		if ca >= 0 {
			q.Kind = Direct // "Yes," he said.
			q.Cue = f.cueSpan(ca)
			q.Speaker = f.speakerFor(ca)
			f.note(ca)
			return q
		}
		if words <= termMaxWords && !stmt {
			q.Kind = Term
			return q
		}
		q.Kind = Direct
		// A paragraph that only continues the previous speaker's words.
		if f.prevSpeaker != nil && f.toks[qi].para-f.prevPara <= 1 && f.toks[qi].start == f.paras[f.toks[qi].para].Start {
			sp := *f.prevSpeaker
			q.Speaker = &sp
		}
		return q
	}
	if cb >= 0 {
		q.Kind = Partial
		s := f.subjectOf(cb)
		if words >= directMinWords && !f.complementBetween(s.last, qi) && qi-s.last <= 2 {
			q.Kind = Direct
		}
		q.Cue = f.cueSpan(cb)
		q.Speaker = f.speakerFor(cb)
		return q
	}
	if ca >= 0 {
		q.Kind = Partial
		q.Cue = f.cueSpan(ca)
		q.Speaker = f.speakerFor(ca)
		f.note(ca)
		return q
	}
	if words <= termMaxWords && !stmt {
		q.Kind = Term
		return q
	}
	q.Kind = Partial // a long quotation in running text with no cue: no speaker
	return q
}

// complementBetween reports whether a complementiser (أن، that, که) or any
// word other than punctuation lies between tokens a and b.
func (f *finder) complementBetween(a, b int) bool {
	for k := a + 1; k < b; k++ {
		t := f.toks[k]
		if t.kind == tWord {
			return true
		}
		if t.kind == tPunct && t.r != ',' && t.r != '،' {
			return true
		}
	}
	return false
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
// reads as a statement (holds sentence punctuation or a comma clause).
func (f *finder) shape(s Span) (words int, stmt bool) {
	in := false
	text := f.src[s.Start:s.End]
	for i, r := range text {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			words++
			in = true
		}
		if isSentenceEnd(r) && i+utf8.RuneLen(r) < len(text) {
			stmt = true
		}
		if (r == '.' || r == '!' || r == '?' || r == '؟') && i+utf8.RuneLen(r) == len(text) && words > 1 {
			stmt = true
		}
	}
	return words, stmt
}

// isMentionText reports whether the quoted text s is (almost all) one
// entity mention: a name in marks, like «النصرة».
func (f *finder) isMentionText(s Span) bool {
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
