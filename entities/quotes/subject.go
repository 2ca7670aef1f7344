package quotes

import (
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// subjectOf finds the subject of cue record ci, caching the result.
func (f *finder) subjectOf(ci int) subject {
	r := &f.cues[ci]
	if !r.done {
		r.subj, r.done = f.findSubject(ci), true
	}
	return r.subj
}

// findSubject reads the subject of cue record ci.
func (f *finder) findSubject(ci int) subject {
	r := f.cues[ci]
	i, end := r.at, r.end
	lo, hi := f.sentOf(i)
	after := end + 1
	none := subject{kind: sNone, last: end}
	switch r.c.tong {
	case tongueEn:
		return f.subjectEn(r, lo, hi)
	case tongueFa:
		if r.c.class == cSource {
			break
		}
		return f.subjectFa(i, lo)
	}
	switch r.c.class {
	case cVerb, cLabel:
		// In a relative clause (صحيفة «الوطن» التي وصفت …) the subject is
		// what the relative pronoun stands for; the noun after the verb is
		// its object.
		if s, ok := f.relativeSubject(i, lo); ok {
			return s
		}
		j := f.skipAfterVerb(after, hi)
		if j == after && j+1 < hi && f.toks[j].kind == tQuote {
			// وأكد «الملحم» أن: a person's name in marks.
			if mi := f.quotedName(j); mi >= 0 {
				return named(f.mentionSpeaker(mi), j)
			}
			if f.quotedNewName(j, hi) {
				// The subject runs over the role in apposition, up to the
				// comma that closes it before the words (، مدير …، "…").
				q, last := f.raw[f.toks[j].quote], j
				for k := j + 2; k < hi && k <= j+2+appositionWords+phraseWords; k++ {
					t := f.toks[k]
					if t.kind == tWord {
						continue
					}
					if t.kind != tPunct || t.r != '،' && t.r != ',' {
						break
					}
					if k+1 < hi && f.toks[k+1].kind == tQuote {
						last = k
						break
					}
				}
				return named(f.newSpeaker(speaker{kind: entities.Person, span: q.inner, entity: -1, first: int32(j), last: int32(j)}), last)
			}
		}
		if s, ok := f.subjectAfter(j, hi, false); ok {
			return s
		}
		if s, ok := f.subjectRightBefore(i, lo); ok {
			return s
		}
		if s, ok := f.subjectAfterCopula(i, lo); ok {
			return s
		}
		if s, ok := f.subjectAtStart(i, lo); ok {
			return s
		}
		return none
	case cPassive:
		for j := after; j+1 < hi && j < after+4; j++ {
			if f.gram(j)&gPreposition != 0 && f.gram(j+1)&gAgent != 0 {
				// من قبل فلان: a named agent speaks, for this cue only; an
				// unnamed one (من قبل منتقديه) names nobody.
				if mi := f.agentMention(j+2, hi); mi >= 0 {
					s := named(f.mentionSpeaker(mi), f.mentionLast(mi, j+2))
					s.keep = false
					return s
				}
				if s, ok := f.subjectAfter(j+2, hi, true); ok && s.sp != nil && s.sp.kind != entities.Description && s.sp.kind != entities.Group {
					s.keep = false
					return s
				}
				break
			}
		}
		return subject{kind: sUnnamed, last: end}
	case cAdverb:
		return none
	case cNoun:
		for j := i - 1; j >= lo; j-- {
			if f.toks[j].kind == tQuote {
				break
			}
			if f.gram(j)&gAbout != 0 && j+1 < i {
				// عن فلان قوله: the name runs up to the noun.
				if s, ok := f.subjectAfter(j+1, i, true); ok && s.last >= i-2 {
					s.last = end
					return s
				}
			}
		}
		// Right before it: فلان قوله. Otherwise the pronoun refers back.
		if j := i - 1; j >= lo && f.toks[j].kind == tWord {
			if mi := f.toks[j].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, false) && !f.afterPrep(mi) {
				return named(f.mentionSpeaker(mi), end)
			}
		}
		return none
	case cReport:
		if after < hi {
			if mi := f.mentionAt(after, false); mi >= 0 {
				return named(f.mentionSpeaker(mi), f.mentionLast(mi, after))
			}
			// تصريحات الطبيب المعالج، تصريحات مصدر أمني: a role or a
			// source, not any noun (تصريحات صحفية).
			if s, ok := f.subjectAfter(after, hi, false); ok && !s.anyNoun {
				return s
			}
		}
		return none
	case cSource:
		for j := after; j < hi && j < after+5; j++ {
			t := f.toks[j]
			if t.kind != tWord {
				break
			}
			if t.mStart >= 0 && speakerKind(f.ments[t.mStart].Kind, true) {
				return named(f.mentionSpeaker(t.mStart), f.mentionLast(t.mStart, j))
			}
			// A source is a name, a title or a source noun, never any
			// noun (وفق أفضل المعايير: in line with the best standards).
			if s, ok := f.subjectAfter(j, hi, true); ok && !s.anyNoun {
				return s
			}
			if f.isStop(j) && j > after {
				break
			}
		}
		return subject{kind: sUnnamed, last: end}
	}
	return none
}

// relativeSubject reads the subject of a verb at token i that opens a
// relative clause (الذي، التي): the name or the organisation right before
// the relative pronoun.
func (f *finder) relativeSubject(i, lo int) (subject, bool) {
	r := i - 1
	if r-1 < lo || !f.isWord(r) || f.gram(r)&gRelative == 0 || !f.lx.definite(f.key(r)) {
		return subject{}, false
	}
	k := r - 1
	if mi := f.toks[k].mEnd; mi >= 0 && f.isWord(k) && speakerKind(f.ments[mi].Kind, false) {
		return named(f.mentionSpeaker(mi), i), true
	}
	// صحيفة «الوطن» التي: the body's head and its quoted name.
	if f.toks[k].kind == tQuote && k-1 >= lo && f.isWord(k-1) {
		if c, _ := f.sourceAt(k - 1); c == srcOrganisation {
			return named(f.phraseSpeaker(entities.Organisation, k-1, k), i), true
		}
	}
	if f.isWord(k) {
		if c, _ := f.sourceAt(k); c != 0 {
			kind := entities.Description
			switch c {
			case srcGroup:
				kind = entities.Group
			case srcOrganisation:
				kind = entities.Organisation
			}
			return named(f.phraseSpeaker(kind, k, k), i), true
		}
	}
	return subject{}, false
}

// skipAfterVerb returns the first token from j on that may be a verb's
// subject, past adverbs (أيضا، أمس), the person spoken to (قال لـ«عكاظ»،
// قال للصحفيين) and a preposition with a pronoun (قال له، كتب فيه):
// كشفت لـ"الاقتصادية" مصادر اتفاقية.
func (f *finder) skipAfterVerb(j, hi int) int {
	for n := 0; n < 3 && j < hi && f.isWord(j); n++ {
		k := f.key(j)
		switch {
		case f.isG(k, gSkip):
			j++
		case f.timePhrase(j, hi) >= 0:
			j = f.timePhrase(j, hi) + 1 // وأضاف الثلاثاء، وأضاف الأسبوع الماضي
		case f.lx.is(k, gRecipient) && j+1 < hi:
			j += 2 // لـ «الشرق الأوسط»
		case f.prepClitic(j) && f.lx.is(f.bare(k)[:2], gRecipient):
			j++ // للصحفيين
		case f.gram(j)&gPreposition != 0 && f.endsInPronoun(j, 1) && j+1 < hi && f.isWord(j+1):
			j++ // قال له فلان، كتب فيه أحدهم
		default:
			return j
		}
	}
	return j
}

// timePhrase returns the last token of the time phrase at token j (a
// weekday, يوم and a weekday, or a unit with a modifier: الثلاثاء، يوم
// الخميس الماضي، الأسبوع المقبل), or -1 when none starts there.
func (f *finder) timePhrase(j, hi int) int {
	kind := func(k int) timeKind {
		if k >= hi || !f.isWord(k) {
			return 0
		}
		return f.lx.times[f.key(k)]
	}
	end := -1
	switch kind(j) {
	case timeWeekday:
		end = j
	case timeDay:
		if kind(j+1) == timeWeekday {
			end = j + 1
		}
	case timeUnit:
		if kind(j+1) == timeModifier {
			return j + 1
		}
	}
	if end >= 0 && kind(end+1) == timeModifier {
		end++
	}
	return end
}

// agentMention returns the mention of a person or organisation at token j
// (a clitic may come before it), or -1.
func (f *finder) agentMention(j, hi int) int32 {
	if j >= hi || f.toks[j].kind != tWord {
		return -1
	}
	if mi := f.toks[j].mStart; mi >= 0 && speakerKind(f.ments[mi].Kind, false) {
		return mi
	}
	return -1
}

// subjectAfter reads a subject starting at token j (before hi): a name, a
// role phrase, an organisation or an unnamed source, or any other noun
// phrase as a description. lenient lets a name carry a clitic (بحسب
// لوزارة…).
func (f *finder) subjectAfter(j, hi int, lenient bool) (subject, bool) {
	// A verbal noun of speech (وختم حديثه قائلا) is the verb's object, and
	// its pronoun refers back to the speaker: no subject.
	if j >= hi || f.toks[j].kind != tWord || f.isStop(j) || f.cueTok(j) {
		return subject{}, false
	}
	// A demonstrative is the subject's start only before a definite noun
	// (وأضافت هذه المحاسبة); alone it is the object (وأكد ذلك).
	if f.gram(j)&gDemonstrative != 0 && !(j+1 < hi && f.isWord(j+1) && f.lx.definite(f.key(j+1))) {
		return subject{}, false
	}
	t := f.toks[j]
	if mi := f.mentionAt(j, true); mi >= 0 {
		return f.withCoSpeakers(f.mentionSpeaker(mi), f.mentionLast(mi, j), hi), true
	}
	if lenient && t.mStart >= 0 && speakerKind(f.ments[t.mStart].Kind, true) {
		return named(f.mentionSpeaker(t.mStart), f.mentionLast(t.mStart, j)), true
	}
	if tt, e, prep := f.titleAt(j, hi); e >= 0 && !prep {
		if tt.honorific {
			// الدكتور فلان: the name after the form of address.
			if k := e + 1; k < hi {
				if mi := f.mentionAt(k, false); mi >= 0 {
					return f.withCoSpeakers(f.mentionSpeaker(mi), f.mentionLast(mi, k), hi), true
				}
				if s, ok := f.subjectAfter(k, hi, lenient); ok {
					return s, true
				}
			}
			return subject{}, false
		}
		return f.roleSubject(j, e, tt, hi), true
	}
	// A description before the name: مساعد المدرب المحلي جمال يعقوب;
	// with its complements (المشرف العام على الإدارة المهندس فلان), unless
	// it is a source or a body (مصادر في مكتب الرئيس فلان: not فلان).
	if c, _ := f.sourceAt(j); c == 0 {
		if mi, last := f.nameAfter(j, hi, nameAfterWords); mi >= 0 {
			return f.withCoSpeakers(f.mentionSpeaker(mi), last, hi), true
		}
	} else {
		for n := j + 1; n < hi && n <= j+nameAfterWords; n++ {
			if f.toks[n].kind != tWord || f.isStop(n) || f.cueTok(n) || f.prepClitic(n) {
				break
			}
			if mi := f.mentionAt(n, false); mi >= 0 && f.ments[mi].Kind == entities.PER {
				return f.withCoSpeakers(f.mentionSpeaker(mi), f.mentionLast(mi, n), hi), true
			}
		}
	}
	k := t.key
	if c, last := f.sourceAt(j); c != 0 {
		switch c {
		case srcOrganisation:
			return f.orgSubject(j, last, hi), true
		default:
			return f.descriptionSubject(j, hi, c), true
		}
	}
	// A person's surname the recognizer left alone (وأضاف السالم).
	if mi := f.surnameAt(j); mi >= 0 {
		sp := f.mentionSpeaker(mi)
		sp.span = article.Span{Start: f.bareStart(j), End: t.span.End}
		return f.withCoSpeakers(sp, j, hi), true
	}
	// Any other noun right after the verb is its subject, described as
	// written (وقالت امرأة، وأضاف شاهد عيان، وقال فواز العايد). An
	// accusative adverb or participle (لاحقا، مخاطبا), a word with the
	// preposition ل (للصحفيين), a number or a function word is no subject.
	b := f.bare(k)
	if isArabicKey(k) && !f.lx.accusative(k) && !isDigit(k[0]) && !f.lx.is(k, gSkip|gPronoun) && !f.lx.is(b, gSkip) &&
		!(len(b) >= 2 && f.lx.is(b[:2], gClitic) && !f.lx.definite(b)) {
		s := f.descriptionSubject(j, hi, srcDescription)
		s.anyNoun = true
		return s, true
	}
	return subject{}, false
}

// withCoSpeakers returns the subject of sp, whose phrase ends at token
// last, with the speakers coordinated after it (قال فلان وفلان).
func (f *finder) withCoSpeakers(sp *speaker, last, hi int) subject {
	cur := sp
	for n := 0; n < 3 && last+1 < hi; n++ {
		k := last + 1
		t := f.toks[k]
		if t.kind != tWord {
			break
		}
		var mi int32 = -1
		switch {
		case f.lx.is(t.key, gCoord) && k+1 < hi:
			mi = f.mentionAt(k+1, false)
			k++
		case t.mStart >= 0 && f.ments[t.mStart].Span.Start > t.span.Start && isArabicKey(t.key) && f.lx.is(t.key[:2], gCoord|gConj):
			mi = t.mStart
			if !speakerKind(f.ments[mi].Kind, false) {
				mi = -1
			}
		}
		if mi < 0 || f.ments[mi].Kind != sp.kindOfMention() {
			break
		}
		nx := f.mentionSpeaker(mi)
		cur.next = nx
		cur = nx
		last = f.mentionLast(mi, k)
	}
	return named(sp, last)
}

// kindOfMention returns the mention kind that sp's kind comes from.
func (sp *speaker) kindOfMention() entities.Kind {
	if sp.kind == entities.Person {
		return entities.PER
	}
	return entities.ORG
}

// phraseEnd returns the last token of a noun phrase whose head is token j:
// the words after it up to phraseWords, stopping at function words, cues,
// punctuation, quotations, time adverbs and the start of a person's name.
// A short quotation right after a head that names a body (صحيفة «هآرتس»)
// belongs to it.
func (f *finder) phraseEnd(j, hi int) int {
	end := j
	for k := j + 1; k < hi && k <= j+phraseWords; k++ {
		t := f.toks[k]
		if t.kind == tQuote && k == j+1 && f.namesBody(j) {
			if w, _ := f.shape(f.raw[t.quote]); w <= namedMaxWords {
				return k
			}
		}
		if t.kind != tWord || f.isStop(k) || f.cueTok(k) || f.gram(k)&(gSkip|gCoord) != 0 || f.prepClitic(k) {
			break
		}
		if t.mStart >= 0 && f.ments[t.mStart].Kind == entities.PER && f.ments[t.mStart].Span.Start == t.span.Start {
			break
		}
		end = k
	}
	return end
}

// namesBody reports whether the word at token j is a head noun that a
// name in marks may follow (صحيفة «هآرتس»، الحركة «…»): a naming word or
// an organisation noun, not a description (أحدهم «…» is someone and his
// words).
func (f *finder) namesBody(j int) bool {
	if f.gram(j)&gNaming != 0 {
		return true
	}
	c, _ := f.sourceAt(j)
	return c == srcOrganisation
}

// descriptionSubject reads an unnamed source whose head noun is token j
// (مصدر عسكري، أحد السكان، شهود عيان): the noun phrase as written. A
// definite noun that repeats a word of a description made earlier
// (وأضاف المصدر after مصدر أمني) is that description.
func (f *finder) descriptionSubject(j, hi int, c srcClass) subject {
	end := f.phraseEnd(j, hi)
	kind := entities.Description
	if c == srcGroup {
		kind = entities.Group
	}
	// A bare definite noun refers back (وأضاف المصدر، وأضاف القانوني); a
	// phrase with words of its own (وأكد المصدر المقرب من اللاعب) is a
	// description as written.
	if end == j {
		if sp := f.earlierDescription(j); sp != nil {
			return named(sp, end)
		}
	}
	sp := f.phraseSpeaker(kind, j, end)
	if len(f.descs) == recentDescriptions {
		copy(f.descs, f.descs[1:])
		f.descs = f.descs[:recentDescriptions-1]
	}
	f.descs = append(f.descs, sp)
	return named(sp, end)
}

// earlierDescription returns the description made earlier that the
// definite noun at token j refers to, or nil.
func (f *finder) earlierDescription(j int) *speaker {
	k := f.bare(f.key(j))
	if !f.lx.definite(k) || len(f.descs) == 0 {
		return nil
	}
	stem := f.a.Stem(f.a.Tokens[f.toks[j].at])
	for d := len(f.descs) - 1; d >= 0; d-- {
		sp := f.descs[d]
		if int(sp.first) == j {
			continue
		}
		for n := sp.first; n <= sp.last; n++ {
			if f.toks[n].kind == tWord && f.a.Stem(f.a.Tokens[f.toks[n].at]) == stem {
				return sp
			}
		}
	}
	return nil
}

// orgSubject reads an organisation whose head noun is token j: the name
// that follows it (وزارة الصحة, when the recognizer found it), the
// organisation a definite noun refers back to (الوزارة), or the phrase as
// written.
func (f *finder) orgSubject(j, last, hi int) subject {
	for k := j + 1; k < hi && k <= j+3; k++ {
		if mi := f.mentionAt(k, false); mi >= 0 && f.ments[mi].Kind != entities.PER {
			sp := f.mentionSpeaker(mi)
			sp.span.Start = f.bareStart(j)
			return named(sp, f.mentionLast(mi, k))
		}
		if f.toks[k].kind != tWord || f.isStop(k) {
			break
		}
	}
	end := f.phraseEnd(j, hi)
	sp := f.phraseSpeaker(entities.Organisation, j, end)
	if end == last && (f.lx.definite(f.bare(f.key(j))) || !isArabicKey(f.key(j))) {
		if e := f.orgAntecedent(j); e >= 0 {
			sp.entity = e
		}
	}
	return named(sp, end)
}

// orgAntecedent returns the organisation that the bare noun at token j
// (الوزارة، the ministry) refers to: the nearest organisation named before
// it with that noun in its name; -1 when there is none.
func (f *finder) orgAntecedent(j int) int {
	stem := f.a.Stem(f.a.Tokens[f.toks[j].at])
	if !isArabicKey(stem) {
		stem = f.key(j)
	}
	mi := f.mentionBefore(f.toks[j].span.Start)
	for n := 0; mi >= 0 && n < orgBack; mi, n = mi-1, n+1 {
		m := f.ments[mi]
		if m.Kind != entities.ORG || m.Entity < 0 {
			continue
		}
		for ti := f.tokenAt(m.Span.Start); ti < len(f.toks) && f.toks[ti].span.Start < m.Span.End; ti++ {
			t := f.toks[ti]
			if t.kind == tWord && (f.a.Stem(f.a.Tokens[t.at]) == stem || t.key == stem) {
				return m.Entity
			}
		}
	}
	return -1
}

// mentionBefore returns the index of the last mention starting before pos,
// or -1.
func (f *finder) mentionBefore(pos int) int {
	lo, hi := 0, len(f.ments)
	for lo < hi {
		m := (lo + hi) / 2
		if f.ments[m].Span.Start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// subjectRightBefore reads an Arabic subject written before its verb
// (بزشكیان قال): a name or a role phrase ending right before token i.
func (f *finder) subjectRightBefore(i, lo int) (subject, bool) {
	k := i - 1
	if k >= lo && f.isWord(k) && f.gram(k)&gParticle != 0 {
		k--
	}
	if k < lo || f.toks[k].kind != tWord {
		return subject{}, false
	}
	if mi := f.toks[k].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, false) {
		// The object of a preposition (في فرنسا قالوا) is no subject.
		if !f.afterPrep(mi) {
			return named(f.mentionSpeaker(mi), i), true
		}
		return subject{}, false
	}
	if code := f.demonymAt(k); code != "" && k-1 >= lo {
		if tt, te, prep := f.titleAt(k-1, i); te == k-1 && !prep && !tt.honorific {
			return named(f.roleSpeaker(k-1, k, tt, code), i), true
		}
	}
	for _, n := range []int{k, k - 1} {
		if n >= lo && f.isWord(n) && (n == k || !f.isStop(k)) {
			if c, _ := f.sourceAt(n); c == srcDescription || c == srcGroup {
				return f.descriptionSubject(n, i, c), true // لكن خبراء قالوا
			}
		}
	}
	return subject{}, false
}

// subjectAfterCopula reads the subject of a verb at token i in a
// sentence that opens with a copula (وكانت صحيفة «نيويورك تايمز» قد
// ذكرت، وكان مصدر أمني قد أكد): the subject stands between the two,
// ending right before the verb or its particle (قد).
func (f *finder) subjectAfterCopula(i, lo int) (subject, bool) {
	if i-lo < 2 || i-lo > clauseMax || !f.isWord(lo) || f.gram(lo)&gCopula == 0 {
		return subject{}, false
	}
	end := i - 1
	if f.isWord(end) && f.gram(end)&gParticle != 0 {
		end--
	}
	if end <= lo {
		return subject{}, false
	}
	s, ok := f.subjectAfter(lo+1, end+1, true)
	if !ok || s.last != end || s.sp == nil {
		return subject{}, false
	}
	s.last = i
	return s, true
}

// subjectAtStart reads the subject of a verb that is not first in its
// sentence and has none after it: the noun phrase the sentence opens with
// (المدافعون عن حقوق المزارعين … يقولون).
func (f *finder) subjectAtStart(i, lo int) (subject, bool) {
	if i == lo || i-lo > clauseMax || f.cues[f.toks[i].cue-1].c.prefix > 0 {
		return subject{}, false
	}
	for k := lo; k < i; k++ {
		if f.toks[k].kind == tQuote || f.cueTok(k) {
			return subject{}, false
		}
	}
	if mi := f.mentionAt(lo, false); mi >= 0 {
		return named(f.mentionSpeaker(mi), i), true
	}
	k := f.key(lo)
	if !isArabicKey(k) || !f.lx.definite(k) || f.isStop(lo) {
		return subject{}, false
	}
	if tt, te, prep := f.titleAt(lo, i); te >= 0 && !prep && !tt.honorific {
		return f.roleSubject(lo, te, tt, i), true
	}
	c, _ := f.sourceAt(lo)
	switch c {
	case srcOrganisation:
		return f.orgSubject(lo, lo, i), true
	case srcGroup:
		return f.descriptionSubject(lo, i, c), true
	}
	return f.descriptionSubject(lo, i, srcDescription), true
}

// subjectEn finds the subject of an English cue: before it (Lukashenko
// said, he said, officials said, the Iranian president said, the farmers'
// federation said), or after it when inverted ("…," said Lukashenko) or a
// source (according to the IMF). A place is a subject only right next to
// the verb, and never after a preposition (said in Nairobi).
func (f *finder) subjectEn(r cueRec, lo, hi int) subject {
	i := r.at
	none := subject{kind: sNone, last: r.end}
	if r.c.class == cSource {
		for j := r.end + 1; j < hi && j <= r.end+5; j++ {
			if f.toks[j].kind != tWord {
				break
			}
			if mi := f.toks[j].mStart; mi >= 0 && speakerKind(f.ments[mi].Kind, true) {
				return named(f.mentionSpeaker(mi), f.mentionLast(mi, j))
			}
			if c, _ := f.sourceAt(j); c != 0 {
				if c == srcOrganisation {
					return f.orgSubject(j, j, hi)
				}
				return f.descriptionSubject(j, hi, c)
			}
		}
		return subject{kind: sUnnamed, last: r.end}
	}
	if k := i - 1; k >= lo && f.toks[k].kind == tWord && f.gram(k)&gPronoun != 0 {
		return none
	}
	for k := i - 1; k >= lo && k >= i-8; k-- {
		t := f.toks[k]
		if t.kind == tQuote {
			break
		}
		if t.mEnd >= 0 && speakerKind(f.ments[t.mEnd].Kind, k == i-1) && !f.afterPrep(t.mEnd) {
			return f.withCoSpeakers(f.mentionSpeaker(t.mEnd), k, i)
		}
	}
	for k := i - 1; k >= lo && k >= i-3; k-- {
		t := f.toks[k]
		if t.kind != tWord {
			break
		}
		if c, _ := f.sourceAt(k); c != 0 {
			start := f.enPhraseStart(k, lo)
			if c == srcOrganisation {
				sp := f.phraseSpeaker(entities.Organisation, start, k)
				if e := f.orgAntecedent(k); e >= 0 && start == k-1 && f.gram(start)&gArticle != 0 {
					sp.entity = e
				}
				return named(sp, i)
			}
			kind := entities.Description
			if c == srcGroup {
				kind = entities.Group
			}
			return named(f.phraseSpeaker(kind, start, k), i)
		}
		if _, te, _ := f.titleAt(k, i); te >= 0 {
			start, country := f.roleBackward(k, lo)
			tt, _, _ := f.titleAt(k, i)
			return named(f.roleSpeaker(start, te, tt, country), i)
		}
	}
	// A capitalised name the recognizer missed, right before the verb.
	if k := i - 1; k >= lo && f.toks[k].kind == tWord && f.isUpper(k) && f.gram(k)&gPronoun == 0 {
		return named(f.capitalSpeaker(f.enPhraseStart(k, lo), k), i)
	}
	// Inverted: said Lukashenko, said the Iranian president.
	for j := r.end + 1; j < hi && j <= r.end+4; j++ {
		t := f.toks[j]
		if t.kind != tWord || f.isPrep(j) {
			break
		}
		if mi := f.mentionAt(j, j == r.end+1); mi >= 0 {
			return f.withCoSpeakers(f.mentionSpeaker(mi), f.mentionLast(mi, j), hi)
		}
		if tt, te, _ := f.titleAt(j, hi); te >= 0 {
			start, country := f.roleBackward(j, r.end+1)
			return named(f.roleSpeaker(start, te, tt, country), te)
		}
		if f.lx.is(t.key, gPronoun) {
			return none
		}
		// A capitalised name the recognizer missed: said Grace Wanjiru.
		if j == r.end+1 && f.isUpper(j) {
			end := j
			for end+1 < hi && f.toks[end+1].kind == tWord && f.isUpper(end+1) && end < j+3 {
				end++
			}
			return named(f.capitalSpeaker(j, end), end)
		}
	}
	return none
}

// capitalSpeaker makes a speaker of the capitalised English words [a, b]
// that no mention covers: an organisation when one of them is an
// organisation noun (Federation), else a person named as written.
func (f *finder) capitalSpeaker(a, b int) *speaker {
	for k := a; k <= b; k++ {
		if c, _ := f.sourceAt(k); c == srcOrganisation {
			return f.phraseSpeaker(entities.Organisation, a, b)
		}
	}
	kind := entities.Person
	if c, _ := f.sourceAt(b); c == srcGroup || c == srcDescription {
		kind = entities.Description
	}
	return f.phraseSpeaker(kind, a, b)
}

// enPhraseStart returns the first token of an English noun phrase ending
// at token k: the capitalised words, possessives and "of" before it, and a
// determiner.
func (f *finder) enPhraseStart(k, lo int) int {
	start := k
	for j := k - 1; j >= lo && j >= k-5; j-- {
		t := f.toks[j]
		if t.kind == tPunct && (t.r == '\'' || t.r == '’') {
			continue
		}
		if t.kind != tWord {
			break
		}
		if f.isUpper(j) || j > lo && f.isPrep(j) && f.isUpper(j-1) || f.demonymAt(j) != "" {
			start = j
			continue
		}
		if f.lx.is(t.key, gModifier|gArticle) {
			start = j
		}
		break
	}
	return start
}

// subjectFa finds the subject of a Persian verb, which ends its clause: the
// first name of the sentence that is not the object of a preposition (a
// place only when it opens the sentence).
func (f *finder) subjectFa(i, lo int) subject {
	none := subject{kind: sNone, last: i}
	lo = max(lo, i-clauseMax)
	for k := lo; k < i; k++ {
		t := f.toks[k]
		if t.kind != tWord {
			continue
		}
		prep := k > lo && f.isPrep(k-1)
		if prep {
			continue
		}
		if f.lx.is(t.key, gPronoun) {
			return none
		}
		if t.mStart >= 0 && speakerKind(f.ments[t.mStart].Kind, k == lo) && f.ments[t.mStart].Span.Start == t.span.Start {
			return f.withCoSpeakers(f.mentionSpeaker(t.mStart), f.mentionLast(t.mStart, k), i)
		}
		if tt, te, _ := f.titleAt(k, i); te >= 0 && !tt.honorific {
			end, country := f.roleForward(te, i)
			// رئیس جمهور ایران، مسعود پزشکیان: a name right after wins.
			if mi, last := f.appositionName(end, i); mi >= 0 {
				return named(f.mentionSpeaker(mi), last)
			}
			return named(f.roleSpeaker(k, end, tt, country), i)
		}
		if c, _ := f.sourceAt(k); c != 0 {
			if c == srcOrganisation {
				return f.orgSubject(k, k, i)
			}
			return f.descriptionSubject(k, i, c)
		}
	}
	return none
}
