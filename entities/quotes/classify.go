package quotes

import (
	"strings"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// Limits of the classification, in words of the quoted text or tokens.
const (
	// termMaxWords is the longest quotation that may be a term when it is
	// not introduced as speech.
	termMaxWords = 6
	// namedMaxWords is the longest quotation that a naming word before it
	// (جبهة، so-called) makes a term even inside reported speech.
	namedMaxWords = 4
	// titleMaxWords is the longest quotation that a naming word and a
	// colon before it (بعنوان: «…») make a title.
	titleMaxWords = 16
	// directMinWords is the shortest quotation that counts as a statement
	// when it follows its cue and speaker with no complementiser (قال X "…").
	directMinWords = 4
	// cueAfterWindow is how many tokens after a quotation its cue may come
	// ("…," Lukashenko said).
	cueAfterWindow = 6
	// plainGapMax is how many tokens may stand between a cue's subject and
	// a quotation that is still its direct object (وقالت فلانة في تقرير
	// نشرته المجلة «…»).
	plainGapMax = 20
	// nearCue is how close after its cue a one-word quotation must be to
	// be the speaker's word rather than a name (said the deal was "dead").
	nearCue = 5
	// shortGapMax is how many tokens may stand between a cue's subject and
	// a short quotation that is still its object (قال الوزير أمس «كلا»).
	shortGapMax = 4
	// clauseMax bounds how far back in its sentence a quotation or a cue
	// looks (for a cue, a subject, a person): a sentence of a thousand
	// words costs no more per quotation than one of fifty, so the cost
	// stays linear in the article.
	clauseMax = 64
	// reportedGap is how many tokens may stand between a speech verb (or
	// its subject) and the complementiser of its reported clause.
	reportedGap = 14
)

// reported returns the reported speech that cue record ci introduces with
// a complementiser (قال إن…، أكد أنه…، said that…، گفت که…), in the
// sentence ending before token hi. The clause runs from after the
// complementiser to the end of the sentence, or to the next cue or colon.
func (f *finder) reported(ci, hi int) (found, bool) {
	r := f.cues[ci]
	switch r.c.class {
	case cVerb, cLabel, cAdverb:
	default:
		return found{}, false
	}
	s := f.subjectOf(ci)
	from := r.end + 1
	if s.last > r.end {
		from = s.last + 1
	}
	comp := -1
	for k := from; k < hi && k < from+reportedGap; k++ {
		t := f.toks[k]
		if t.kind == tQuote || t.kind == tPunct && (isColon(t.r) || isSentenceEnd(t.r)) {
			break
		}
		if f.cueTok(k) {
			break // the complementiser belongs to a later cue
		}
		if t.kind != tWord || f.gram(k)&gComp == 0 {
			continue
		}
		if k > 0 && f.gram(k-1)&gNotComp != 0 {
			break // بعد أن، قبل أن: a conjunction, not reported speech
		}
		comp = k
		break
	}
	if comp < 0 || comp+1 >= hi {
		return found{}, false
	}
	end, words := -1, 0
	for k := comp + 1; k < hi && k <= comp+clauseMax*4; k++ {
		t := f.toks[k]
		if t.kind == tPunct && (isColon(t.r) || isSentenceEnd(t.r)) {
			break
		}
		if t.kind == tWord {
			if ck, ok := f.cueAt(k); ok && f.newClause(ck) {
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
	q := found{Span: article.Span{Start: f.toks[comp+1].span.Start, End: f.toks[end].span.End}, Kind: entities.Indirect, Cue: f.cueSpan(ci), speaker: f.speakerFor(ci)}
	return q, true
}

// newClause reports whether cue record ci starts a new reported clause
// rather than belonging to the current one: a participle (، مضيفا أن) or a
// verb with a conjunction (وأضاف) after a comma.
func (f *finder) newClause(ci int) bool {
	r := f.cues[ci]
	if r.c.class == cAdverb {
		return true
	}
	pv := r.at - 1
	return r.c.prefix > 0 && pv >= 0 && f.toks[pv].kind == tPunct && (f.toks[pv].r == '،' || f.toks[pv].r == ',')
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

// classify decides the kind, cue and speaker of the quotation at token qi
// in the sentence [lo, hi).
func (f *finder) classify(qi, lo, hi int) found {
	raw := f.raw[f.toks[qi].quote]
	q := found{Span: raw.inner}
	words, stmt := f.shape(raw)

	// The nearest cue before the quotation in its sentence, and one right
	// after it.
	cb := -1
	for k := qi - 1; k >= lo && k >= qi-clauseMax; k-- {
		if f.toks[k].kind == tWord && f.toks[k].cue > 0 {
			cb = int(f.toks[k].cue) - 1
			if p, ok := f.channelOf(cb); ok {
				cb = p // the words of the cue whose channel it names
			} else if f.cues[cb].c.class == cReport {
				// اعتبر أن تصريحات فلان «…»: statements the reported
				// clause is about, characterised by its speaker.
				if p := f.embeddingCue(cb); p >= 0 {
					cb = p
				}
			}
			break
		}
	}
	ca := -1
	for k := qi + 1; k < hi && k <= qi+cueAfterWindow; k++ {
		if f.toks[k].kind == tQuote {
			break
		}
		if ci, ok := f.cueAt(k); ok {
			ca = ci
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
	naming := prev >= lo && f.toks[prev].kind == tWord && f.namingWord(prev, true)
	// A short quotation glued to the preposition ل right after the verb is
	// who was spoken to (قال لـ«الشرق الأوسط»), a name.
	recipient := prev >= lo && f.toks[prev].kind == tWord && f.gram(prev)&gRecipient != 0
	if (isName || naming || recipient) && words <= namedMaxWords && !stmt {
		q.Kind = entities.Term
		return q
	}
	// A title after a word that announces one (ندوة بعنوان «…»، تحت شعار
	// «…»), however long.
	if prev >= lo && f.toks[prev].kind == tWord && f.gram(prev)&gEntitled != 0 && words <= titleMaxWords && !stmt {
		q.Kind = entities.Term
		return q
	}
	// A name in marks right after its verb, as its subject (وأكد «الملحم»
	// أن …، قال «المعلم» في …، أكد "فلان الفلاني"، مدير …): the person's
	// name, not his words.
	if prev >= lo && f.toks[prev].kind == tWord && f.toks[prev].cue > 0 && f.cues[f.toks[prev].cue-1].end == prev &&
		qi+1 < hi && f.toks[qi+1].kind != tQuote && (f.quotedName(qi) >= 0 || f.quotedNewName(qi, hi)) {
		q.Kind = entities.Term
		return q
	}
	// A question put to the speaker (ردا على سؤال «…»): someone else's
	// words, whoever answers.
	if prev >= lo && f.toks[prev].kind == tWord && f.gram(prev)&gQuestion != 0 {
		q.Kind = entities.Direct
		q.speaker = f.interviewer(qi)
		return q
	}
	// The name of a body inside a role phrase: رئيس «لجنة …» الدكتور فلان.
	if prev >= lo && f.toks[prev].kind == tWord && words <= titleMaxWords && !stmt && f.inRolePhrase(prev, qi, lo, hi) {
		q.Kind = entities.Term
		return q
	}
	// A title after an indefinite naming word and a colon: محاضرة بعنوان:
	// «…» (not في الندوة: «…», where the colon is the speaker's).
	if colon && prev-1 >= lo && f.toks[prev-1].kind == tWord && f.namingWord(prev-1, false) && !f.lx.definite(f.bare(f.key(prev-1))) &&
		words <= titleMaxWords && !stmt {
		q.Kind = entities.Term
		return q
	}

	switch {
	case colon && words <= namedMaxWords && !stmt && (qi+1 < hi && f.toks[qi+1].kind == tWord && !f.cueTok(qi+1) || f.listed(qi, hi)):
		// فلان: «سوق عكاظ» يعنى بمد جسور …: a name that opens the
		// sentence after the colon, not the words the colon introduces;
		// رعاة الاتحاد: «فيزا»، و«كوكاكولا»: a list of names.
		q.Kind = entities.Term
		return q
	case colon:
		q.Kind = entities.Direct
		if cb >= 0 {
			q.Cue = f.cueSpan(cb)
			q.speaker = f.speakerFor(cb)
			return q
		}
		// A headline or a transcript: Lukashenko: «…».
		if k := prev - 1; k >= lo && f.toks[k].kind == tWord {
			if mi := f.toks[k].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, false) {
				q.speaker = f.mentionSpeaker(mi)
				f.state, f.stateSet, f.statePos = named(q.speaker, k), true, k
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
		// A sentence or paragraph that only continues the current
		// speaker's words.
		q.Kind = entities.Direct
		if sp := f.antecedent(qi, true); sp != nil {
			q.speaker, q.Implicit = sp, true
		}
		return q
	}
	short := words <= termMaxWords && !stmt
	if cb >= 0 {
		q.Cue = f.cueSpan(cb)
		q.speaker = f.speakerFor(cb)
		q.Kind = f.runningKind(qi, prev, lo, cb, ca, short, words)
		if q.Kind == entities.Term {
			q.Cue, q.speaker = article.Span{}, nil
		}
		return q
	}
	if ca >= 0 {
		if short && !f.attributed(ca, qi) && f.looksLikeName(qi, prev, lo, words, -nearCue-len(f.toks)) {
			q.Kind = entities.Term
			return q
		}
		q.Kind = entities.Partial
		q.Cue = f.cueSpan(ca)
		q.speaker = f.speakerFor(ca)
		f.note(ca)
		return q
	}
	if short {
		q.Kind = entities.Term
		return q
	}
	// A long quotation in running text with no cue in its sentence: the
	// words of the current speaker when one was set in this paragraph or
	// the one before; otherwise a title or a slogan, unless it reads as a
	// statement.
	if f.stateSet && f.toks[qi].para-f.toks[f.statePos].para <= 1 {
		q.Kind = entities.Partial
		q.speaker, q.Implicit = f.state.sp, true
		return q
	}
	if stmt {
		q.Kind = entities.Partial
		return q
	}
	q.Kind = entities.Term
	return q
}

// runningKind returns the kind of a quotation at token qi inside its
// sentence, after cue record cb: Partial for the speaker's words inside
// reported speech or a characterisation, Direct for a whole statement
// quoted as the verb's object or as a whole reported clause, Term for a
// name.
func (f *finder) runningKind(qi, prev, lo, cb, ca int, short bool, words int) entities.QuoteKind {
	r := f.cues[cb]
	if r.c.class == cLabel || r.c.class == cPassive ||
		prev >= lo && f.toks[prev].kind == tWord && f.gram(prev)&gLabel != 0 {
		return entities.Partial
	}
	s := f.subjectOf(cb)
	from := max(s.last, r.end)
	comp := -1
	for k := from + 1; k < qi; k++ {
		if f.toks[k].kind == tWord && f.gram(k)&gComp != 0 {
			comp = k
		}
	}
	// The quotation is the verb's object: قال فلان «…»; a few words
	// only when close to it.
	object := comp < 0 && f.plainGap(from, qi) && (!short || qi-from <= shortGapMax)
	ends := f.endsClause(qi)
	whole := words >= directMinWords
	switch {
	case short && ca >= 0 && f.attributed(ca, qi):
		return entities.Partial
	case object:
		if whole {
			return entities.Direct
		}
		return entities.Partial
	case comp >= 0 && comp == prev:
		// أن «…»: a whole clause quoted after the complementiser; after
		// one that carries the clause's subject (إنهم «…») it is a
		// predicate, a fragment.
		if ends && whole && !f.compWithPronoun(f.key(comp)) {
			return entities.Direct
		}
	case comp < 0 && f.startsWithComp(qi) && ends && whole:
		return entities.Direct // قال في حوار مع الصحيفة، «إن …».
	}
	if short && f.looksLikeName(qi, prev, lo, words, from) {
		return entities.Term
	}
	return entities.Partial
}

// listed reports whether the quotation at token qi is followed by another
// short one coordinated with it («…»، و«…»، «…» و«…»): items of a list.
func (f *finder) listed(qi, hi int) bool {
	k := qi + 1
	if k < hi && f.toks[k].kind == tPunct && (f.toks[k].r == '،' || f.toks[k].r == ',') {
		k++
	}
	if k < hi && f.isWord(k) && f.lx.is(f.key(k), gCoord) {
		k++
	}
	if k == qi+1 || k >= hi || f.toks[k].kind != tQuote {
		return false
	}
	w, stmt := f.shape(f.raw[f.toks[k].quote])
	return w <= namedMaxWords && !stmt
}

// interviewer returns who put the questions of the interview the
// quotation at token qi belongs to: the body or person an interview noun
// names after its preposition (في مقابلة مع قناة «…»، في حوار خاص مع
// صحيفة …، in an interview with …), in the nearest sentences before it;
// nil when the article names none.
func (f *finder) interviewer(qi int) *speaker {
	sent := int(f.toks[qi].sent)
	budget := backSentences * clauseMax
	for s, n := sent, 0; s >= 0 && n < backSentences && budget > 0; s, n = s-1, n+1 {
		ss := f.sents[s]
		end := min(ss.End, qi)
		lo := max(ss.Start, end-budget)
		budget -= end - lo
		for k := end - 1; k >= lo; k-- {
			if !f.isWord(k) || f.gram(k)&gInterview == 0 {
				continue
			}
			if sp := f.interviewWith(k, ss.End); sp != nil {
				return sp
			}
		}
	}
	return nil
}

// interviewWith reads who an interview noun at token k was held with: a
// preposition within two words after it, then a name, a short quoted
// name, or an organisation's head noun before one (قناة «العربية»).
func (f *finder) interviewWith(k, hi int) *speaker {
	p := k + 1
	for ; p < hi && p <= k+2 && f.isWord(p) && !f.isPrep(p); p++ {
	}
	if p >= hi || p > k+2 || !f.isWord(p) || !f.isPrep(p) {
		return nil
	}
	j := p + 1
	if j+1 < hi && f.isWord(j) && f.toks[j+1].kind == tQuote {
		if c, _ := f.sourceAt(j); c == srcOrganisation || f.gram(j)&gNaming != 0 {
			j++ // قناة «العربية»
		}
	}
	if j >= hi {
		return nil
	}
	if f.toks[j].kind == tQuote {
		q := f.raw[f.toks[j].quote]
		if w, stmt := f.shape(q); w > namedMaxWords || stmt {
			return nil
		}
		return f.newSpeaker(speaker{kind: entities.Organisation, span: q.inner, entity: f.mentionIn(q.inner), first: int32(j), last: int32(j)})
	}
	if mi := f.mentionAt(j, false); mi >= 0 {
		return f.mentionSpeaker(mi)
	}
	if c, last := f.sourceAt(j); c == srcOrganisation {
		return f.orgSubject(j, last, hi).sp
	}
	return nil
}

// mentionIn returns the entity of the mention that covers span s (a name
// in marks), or -1.
func (f *finder) mentionIn(s article.Span) int {
	for mi := f.mentionBefore(s.End); mi >= 0 && f.ments[mi].Span.End > s.Start; mi-- {
		if m := f.ments[mi]; m.Span.Start <= s.Start && m.Span.End >= s.End && speakerKind(m.Kind, false) {
			return m.Entity
		}
	}
	return -1
}

// inRolePhrase reports whether the quotation at token qi, right after
// token prev, names the body of a title and is followed by its holder's
// name: رئيس «لجنة متابعة الأسعار» الدكتور مطر النيادي، رئيس الشركة
// الوطنية السياحية «سياحية» فلان.
func (f *finder) inRolePhrase(prev, qi, lo, hi int) bool {
	// The title ends right before the quotation, or heads a phrase of a
	// few words that does (رئيس الشركة الوطنية السياحية «سياحية» فلان).
	role := false
	for k := prev; k >= lo && k >= prev-phraseWords && f.isWord(k) && !role; k-- {
		tt, te, prep := f.titleAt(k, qi)
		role = te >= 0 && !tt.honorific && !prep && (te == prev || k < prev)
	}
	if !role {
		return false
	}
	for k := qi + 1; k < hi && k <= qi+3; k++ {
		if f.toks[k].kind != tWord {
			return false
		}
		if mi := f.mentionAt(k, false); mi >= 0 {
			return f.ments[mi].Kind == entities.PER
		}
		if tt, te, _ := f.titleAt(k, hi); te < 0 || !tt.honorific {
			return false
		}
	}
	return false
}

// compWithPronoun reports whether the complementiser k carries a pronoun
// (أنه، إنهم).
func (f *finder) compWithPronoun(k string) bool {
	for _, o := range f.lx.objs {
		if len(k) > len(o) && strings.HasSuffix(k, o) && f.lx.is(k[:len(k)-len(o)], gComp) {
			return true
		}
	}
	return false
}

// attributed reports whether cue record ca, right after the quotation at
// token qi, attributes it (بحسب فلان، على حد تعبيره، he said): at most two
// words between, none of which starts a clause of its own.
func (f *finder) attributed(ca, qi int) bool {
	r := f.cues[ca]
	words := 0
	for k := qi + 1; k < r.at; k++ {
		if f.toks[k].kind != tWord {
			continue
		}
		words++
		if words > 2 || f.gram(k)&(gRelative|gComp) != 0 {
			return false
		}
	}
	switch r.c.class {
	case cSource, cNoun, cVerb:
		return true
	}
	return false
}

// looksLikeName reports whether a short quotation at token qi inside a
// sentence reads as a name or a scare-quoted word rather than someone's
// words: a single word not right after its cue, or after a preposition; a
// quotation in apposition to a name; one that opens its clause (after a
// comma, أما or ثم); or one coordinated with a quoted name («الغازولين»
// و«الديزل»). cue is the last token of the cue before it, or of its
// subject when the subject follows it: a long subject phrase (أعلن وزير
// الخارجية فلان الفلاني أن بلاده ستبدأ «قريبا») does not put the word far
// from the speaker.
func (f *finder) looksLikeName(qi, prev, lo, words, cue int) bool {
	if prev < lo {
		return false
	}
	t := f.toks[prev]
	// One word far from its cue, after a preposition, or opening a
	// reported clause as its subject (أن «ساهر» خفض الحوادث): a name.
	if words <= 1 && (qi-cue > nearCue || t.kind == tWord && f.gram(prev)&(gPreposition|gComp) != 0) {
		return true
	}
	if words <= 1 {
		// In a clause of its own after the cue: الذي تحتفظ «الاقتصادية».
		for k := max(cue+1, lo); k < qi; k++ {
			if f.toks[k].kind == tWord && f.gram(k)&gRelative != 0 {
				return true
			}
		}
	}
	switch t.kind {
	case tPunct:
		return t.r == '،' || t.r == ',' || t.r == '؛' || t.r == ';'
	case tQuote:
		return true
	}
	if t.mEnd >= 0 {
		return true // مدينة الرقة «عاصمة داعش»
	}
	if f.gram(prev)&(gParticle|gRelative) != 0 {
		return true
	}
	// A coordinated item (، و«…»، «…» و«…»), the first one included.
	if f.lx.is(t.key, gCoord|gConj) && prev-1 >= lo && (f.toks[prev-1].kind == tQuote || f.toks[prev-1].kind == tPunct) {
		return true
	}
	_, hi := f.sentOf(qi)
	return f.listed(qi, hi)
}

// endsClause reports whether the quotation at token qi ends its clause:
// the sentence ends after it, or a comma, a cue or another quotation
// follows.
func (f *finder) endsClause(qi int) bool {
	_, hi := f.sentOf(qi)
	k := qi + 1
	if k >= hi {
		return true
	}
	t := f.toks[k]
	switch t.kind {
	case tPunct:
		return isSentenceEnd(t.r) || t.r == '،' || t.r == ',' || t.r == '؛' || t.r == ';' || t.r == ')' || isColon(t.r)
	case tQuote:
		return true
	}
	return f.cueTok(k)
}

// startsWithComp reports whether the quoted text of the quotation at token
// qi opens with a complementiser («إن الشركات …»).
func (f *finder) startsWithComp(qi int) bool {
	q := f.raw[f.toks[qi].quote]
	return f.lx.is(f.a.Key(f.a.Tokens[q.first]), gComp)
}

// plainGap reports whether the tokens between a cue's subject (or the cue)
// at a and a quotation at b leave the quotation the verb's object: no
// complementiser, other cue, noun of stance (أهمية) or quotation of more
// than a few words among them, and no preposition glued to the mark (بـ"…").
func (f *finder) plainGap(a, b int) bool {
	if b-a-1 > plainGapMax {
		return false
	}
	for k := a + 1; k < b; k++ {
		t := f.toks[k]
		switch t.kind {
		case tQuote:
			if w, _ := f.shape(f.raw[t.quote]); w > namedMaxWords {
				return false
			}
		case tPunct:
			if isSentenceEnd(t.r) || isColon(t.r) {
				return false
			}
		case tWord:
			if f.gram(k)&(gComp|gRelative|gObject) != 0 || f.toks[k].cue > 0 {
				return false // the verb has its object already (أكد أهمية …)
			}
		}
	}
	pv := b - 1
	for pv > a && f.toks[pv].kind == tPunct && isOpenPunct(f.toks[pv].r) {
		pv--
	}
	return pv <= a || f.toks[pv].kind != tWord || !f.isPrep(pv)
}

// namingWord reports whether token k (right before a quotation) makes a
// short quotation a name: جبهة «النصرة», the so-called "…", ما يسمى بـ"…";
// with possessive, one with a pronoun too (في كتابه «…»).
func (f *finder) namingWord(k int, possessive bool) bool {
	key := f.bare(f.key(k))
	if f.gram(k)&gNaming != 0 {
		return true
	}
	if isArabicKey(key) {
		for _, sp := range article.AppendSplits(f.splits[:0], key) {
			if sp.Prefix != "" && f.lx.is(sp.Stem, gNaming) {
				return true
			}
		}
		// with a possessive pronoun right before the quotation: في كتابه
		// «…»، روايتها «…» (not before a colon: طلب عدم الكشف عن اسمه: «…»)
		for _, o := range f.lx.objs {
			if !possessive {
				break
			}
			if len(key) <= len(o)+4 || !strings.HasSuffix(key, o) {
				continue
			}
			stem := key[:len(key)-len(o)]
			if f.lx.is(stem, gNaming) || f.lx.is(f.lx.tehMarbuta(stem), gNaming) {
				return true
			}
		}
	}
	// a clitic ب or ل glued to the mark (بـ"…") after a naming word
	if f.lx.is(key, gClitic) && k > 0 && f.toks[k-1].kind == tWord {
		return f.gram(k-1)&gNaming != 0
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

// shape returns the number of words of the quoted text of q and whether it
// reads as a statement: sentence punctuation inside it, or at its end after
// more than one word.
func (f *finder) shape(q rawQuote) (words int, stmt bool) {
	for k := q.first; k <= q.last; k++ {
		t := f.a.Tokens[k]
		if t.Kind != article.Punct {
			words++
			continue
		}
		r, _ := utf8.DecodeRuneInString(f.a.Source[t.Start:t.End])
		if isSentenceEnd(r) && (k < q.last || words > 1) {
			stmt = true
		}
	}
	return words, stmt
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
