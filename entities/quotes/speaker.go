package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// Limits of the speaker search, in tokens.
const (
	// nameAfterWords is how many words of description may stand between a
	// verb and the name of its subject (وخالف المحامي المعروف خالد …).
	nameAfterWords = 5
	// phraseWords is how many words a role, description or organisation
	// phrase runs on after its head word.
	phraseWords = 4
	// appositionWords is how far after a role phrase the name of its
	// holder may come (الرئيس التنفيذي للهيئة، الدكتور فلان).
	appositionWords = 6
	// backSentences is how many sentences back a cue with no subject looks
	// for the person it refers to, once the current speaker is stale.
	backSentences = 12
	// recentDescriptions is how many descriptions a definite noun (المصدر)
	// may refer back to.
	recentDescriptions = 16
	// holdersNear is how many titled persons before and after a role a
	// reader's memory holds: the role resolves among them.
	holdersNear = 32
	// orgBack is how many mentions back a definite organisation noun
	// (الوزارة) looks for the organisation it refers to.
	orgBack = 48
)

// newSpeaker returns a pointer to a copy of sp, allocated from a slab of
// f's: a few allocations per call instead of one per speaker. A slab is
// never grown (a full one is replaced), so the pointers stay valid.
func (f *finder) newSpeaker(sp speaker) *speaker {
	if len(f.spk) == cap(f.spk) {
		f.spk = make([]speaker, 0, 32)
	}
	f.spk = append(f.spk, sp)
	return &f.spk[len(f.spk)-1]
}

// mentionSpeaker makes a speaker from mention mi: a person, or an
// organisation for an organisation or a place speaking for its government.
func (f *finder) mentionSpeaker(mi int32) *speaker {
	m := f.ments[mi]
	sp := speaker{kind: entities.Organisation, span: m.Span, entity: -1}
	if m.Kind == entities.PER {
		sp.kind = entities.Person
	}
	if m.Entity >= 0 && m.Entity < len(f.ents) {
		sp.entity = m.Entity
	}
	return f.newSpeaker(sp)
}

// phraseSpeaker makes a speaker of kind k from the tokens [a, b] as written,
// without a conjunction or the article's preposition clitics in front.
func (f *finder) phraseSpeaker(k entities.SpeakerKind, a, b int) *speaker {
	return f.newSpeaker(speaker{kind: k, span: article.Span{Start: f.bareStart(a), End: f.toks[b].span.End}, entity: -1, first: int32(a), last: int32(b)})
}

// bareStart returns the start of token i without a leading conjunction (و،
// ف) where the Article's stem reads one off: والرئيس → الرئيس, but وزير.
func (f *finder) bareStart(i int) int {
	t := f.toks[i]
	at := f.a.Tokens[t.at]
	if len(f.a.Stem(at)) == len(t.key) {
		return t.span.Start
	}
	for _, c := range f.lx.conj {
		if strings.HasPrefix(t.key, c) {
			return f.a.KeySpan(at, len(c)).Start
		}
	}
	return t.span.Start
}

// speakerKind reports whether a mention of kind k may name a speaker; loc
// says whether places count (a country or a capital speaking through its
// government, allowed only as the verb's own subject).
func speakerKind(k entities.Kind, loc bool) bool {
	return k == entities.PER || k == entities.ORG || k == entities.MISC || loc && k == entities.LOC
}

// mentionAt returns the mention starting exactly at token i's start (no
// clitic before it) whose kind may name a speaker, or -1.
func (f *finder) mentionAt(i int, loc bool) int32 {
	t := f.toks[i]
	if t.kind != tWord || t.mStart < 0 {
		return -1
	}
	m := f.ments[t.mStart]
	if m.Span.Start != t.span.Start || !speakerKind(m.Kind, loc) {
		return -1
	}
	return t.mStart
}

// mentionLast returns the last token of mention mi, which starts in token j.
func (f *finder) mentionLast(mi int32, j int) int {
	end := f.ments[mi].Span.End
	for j+1 < len(f.toks) && f.toks[j+1].span.Start < end {
		j++
	}
	return j
}

func named(sp *speaker, last int) subject {
	return subject{kind: sNamed, sp: sp, last: last, keep: true}
}

// isArabicKey reports whether k starts with a letter of the Arabic block.
func isArabicKey(k string) bool { return k != "" && k[0] >= 0xD8 && k[0] <= 0xDB }

// Flags of tokInfo: which of its fields are filled in.
const (
	infoGram uint8 = 1 << iota
	infoTitle
	infoSource
)

// tokInfo is what the lexicon says of a token, looked up once, as asked.
type tokInfo struct {
	epoch     uint32 // the call the entry belongs to
	flags     uint8
	titlePrep bool
	src       srcClass
	titleEnd  int32
	gram      uint32
	title     *title
}

// inf returns token i's lexicon information, to be filled in. Entries
// of earlier calls are told by their epoch and start afresh.
func (f *finder) inf(i int) *tokInfo {
	if len(f.info) < len(f.toks) {
		f.info = make([]tokInfo, len(f.toks)+len(f.toks)/4)
	}
	in := &f.info[i]
	if in.epoch != f.epoch {
		*in = tokInfo{epoch: f.epoch}
	}
	return in
}

// gram returns the grammar groups of token i's key, with or without a
// conjunction in front.
func (f *finder) gram(i int) uint32 {
	in := f.inf(i)
	if in.flags&infoGram == 0 {
		in.flags |= infoGram
		k := f.key(i)
		in.gram = f.lx.grammar[k]
		if b := f.bare(k); len(b) != len(k) {
			in.gram |= f.lx.grammar[b]
		}
	}
	return in.gram
}

// isG reports whether key k, or k without a conjunction clitic in front
// (وفي), belongs to one of the grammar groups g.
func (f *finder) isG(k string, g uint32) bool {
	return f.lx.is(k, g) || f.lx.is(f.bare(k), g)
}

// bare returns k without a conjunction clitic in front.
func (f *finder) bare(k string) string {
	if !isArabicKey(k) {
		return k
	}
	for _, c := range f.lx.conj {
		if len(k) > len(c)+2 && strings.HasPrefix(k, c) {
			return k[len(c):]
		}
	}
	return k
}

// isStop reports whether token i ends a subject or a phrase: a
// preposition, a relative, a complementiser or a particle, with or
// without a conjunction in front (وفي), or a subject pronoun.
func (f *finder) isStop(i int) bool {
	return f.gram(i)&(gPreposition|gRelative|gComp|gParticle|gPronoun|gVerbWord) != 0
}

// isPrepBefore reports whether token i is a preposition, or the
// preposition clitic alone (لـ).
func (f *finder) isPrep(i int) bool {
	return f.gram(i)&gPreposition != 0
}

// afterPrep reports whether mention mi stands after a preposition: the
// token before it is one, or a clitic preposition is glued to it (لبشار،
// بالرئيس).
func (f *finder) afterPrep(mi int32) bool {
	m := f.ments[mi]
	i := f.tokenAt(m.Span.Start)
	if i >= len(f.toks) {
		return false
	}
	t := f.toks[i]
	if m.Span.Start > t.span.Start {
		k := f.bare(t.key)
		if len(k) >= 2 && f.lx.is(k[:2], gClitic) {
			return true
		}
	}
	if i > 1 && f.isWord(i-1) && f.gram(i-1)&gArticle != 0 {
		i-- // for the Red Crescent
	}
	return i > 0 && f.isWord(i-1) && f.isPrep(i-1)
}

// cueTok reports whether token i is a known speech cue.
func (f *finder) cueTok(i int) bool {
	_, ok := f.cueAt(i)
	return ok
}

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
		if s, ok := f.subjectAfter(j, hi, false); ok {
			return s
		}
		if s, ok := f.subjectRightBefore(i, lo); ok {
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
// subject, past adverbs (أيضا، أمس) and the person spoken to (قال لـ«عكاظ»،
// قال للصحفيين): كشفت لـ"الاقتصادية" مصادر اتفاقية.
func (f *finder) skipAfterVerb(j, hi int) int {
	for n := 0; n < 3 && j < hi && f.isWord(j); n++ {
		k := f.key(j)
		switch {
		case f.isG(k, gSkip):
			j++
		case f.lx.is(k, gRecipient) && j+1 < hi:
			j += 2 // لـ «الشرق الأوسط»
		case f.prepClitic(j) && f.lx.is(f.bare(k)[:2], gRecipient):
			j++ // للصحفيين
		default:
			return j
		}
	}
	return j
}

// prepClitic reports whether token i starts with a preposition glued to
// the article (بالرئيس، للدكتور), as the Article's stem reads it: a noun
// in a prepositional phrase.
func (f *finder) prepClitic(i int) bool {
	p := f.bare(f.cliticPrefix(i))
	return len(p) >= 2 && f.lx.is(p[:2], gClitic)
}

// cliticPrefix returns the clitics the Article's stem reads off token i
// (وال، بال، لل), "" when none.
func (f *finder) cliticPrefix(i int) string {
	t := f.toks[i]
	if t.kind != tWord {
		return ""
	}
	return t.key[:len(t.key)-len(f.a.Stem(f.a.Tokens[t.at]))]
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
	if j >= hi || f.toks[j].kind != tWord || f.isStop(j) {
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
	// A description before the name: مساعد المدرب المحلي جمال يعقوب.
	for n := j + 1; n < hi && n <= j+nameAfterWords; n++ {
		if f.toks[n].kind != tWord || f.isStop(n) || f.cueTok(n) || f.prepClitic(n) {
			break
		}
		if mi := f.mentionAt(n, false); mi >= 0 && f.ments[mi].Kind == entities.PER {
			return f.withCoSpeakers(f.mentionSpeaker(mi), f.mentionLast(mi, n), hi), true
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

// sourceAt returns the Sources class of the noun at token j (read with or
// without the article and a conjunction, and without an object pronoun:
// منتقديه) and j; 0 when it is none.
func (f *finder) sourceAt(j int) (srcClass, int) {
	in := f.inf(j)
	if in.flags&infoSource == 0 {
		in.flags |= infoSource
		in.src = f.findSource(f.key(j))
	}
	return in.src, j
}

// findSource is sourceAt without the cache.
func (f *finder) findSource(k string) srcClass {
	if c := f.lx.sources[k]; c != 0 {
		return c
	}
	if !isArabicKey(k) {
		return 0
	}
	for _, sp := range f.splitsOf(k) {
		if sp.Prefix == "" {
			continue
		}
		cl := sp.Clitics()
		if c := cl[len(cl)-1]; !f.lx.is(c, gArticle) && f.lx.is(c, gClitic) {
			continue // بالمصادر: a preposition, not a subject
		}
		if c := f.lx.sources[sp.Stem]; c != 0 {
			return c
		}
	}
	for _, o := range f.lx.objs {
		if len(k) > len(o)+4 && strings.HasSuffix(k, o) {
			if c := f.lx.sources[k[:len(k)-len(o)]]; c != 0 && c != srcOrganisation {
				return c
			}
		}
	}
	return 0
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

// titleAt returns the longest title phrase at token j that ends before
// hi, and its last token (-1 when there is none), reading the word with and
// without its clitics; prep is true when a preposition is glued to it
// (للرئيس).
func (f *finder) titleAt(j, hi int) (title, int, bool) {
	in := f.inf(j)
	if in.flags&infoTitle == 0 {
		in.flags |= infoTitle
		_, shi := f.sentOf(j)
		t, e, prep := f.findTitle(j, shi)
		in.title, in.titleEnd, in.titlePrep = t, int32(e), prep
	}
	if int(in.titleEnd) < hi {
		if in.title == nil {
			return title{}, -1, false
		}
		return *in.title, int(in.titleEnd), in.titlePrep
	}
	t, e, prep := f.findTitle(j, hi) // a shorter phrase may end before hi
	if t == nil {
		return title{}, -1, false
	}
	return *t, e, prep
}

// findTitle is titleAt without the cache; it returns nil for no title.
func (f *finder) findTitle(j, hi int) (*title, int, bool) {
	var best *title
	bestEnd, bestPrep := -1, false
	try := func(k string, prep bool) {
		ts := f.lx.titles[k]
		for n := range ts {
			t := &ts[n]
			e := j + len(t.rest)
			if e >= hi || e <= bestEnd {
				continue
			}
			ok := true
			for n, r := range t.rest {
				if f.key(j+1+n) != r {
					ok = false
					break
				}
			}
			if ok {
				best, bestEnd, bestPrep = t, e, prep
			}
		}
	}
	k := f.key(j)
	if k == "" {
		return nil, -1, false
	}
	try(k, false)
	if isArabicKey(k) {
		for _, sp := range f.splitsOf(k) {
			if sp.Prefix == "" {
				continue
			}
			prep := false
			for _, c := range sp.Clitics() {
				if f.lx.is(c, gClitic) {
					prep = true
				}
			}
			try(sp.Stem, prep)
			if !f.lx.definite(sp.Stem) {
				try(f.lx.art+sp.Stem, prep) // لل+رئيس is ل+الرئيس
			}
		}
	}
	return best, bestEnd, bestPrep
}

// splitsOf returns the clitic readings of key k (see article.Splits), in
// a buffer of f's that the next call reuses.
func (f *finder) splitsOf(k string) []article.Split {
	f.splits = article.AppendSplits(f.splits[:0], k)
	return f.splits
}

// demonymAt returns the country of the nationality adjective at token k,
// or "".
func (f *finder) demonymAt(k int) string {
	key := f.key(k)
	if c := f.lx.demonyms[key]; c != "" {
		return c
	}
	if !isArabicKey(key) {
		if strings.HasSuffix(key, "'s") {
			// Iran's president: a place named in the possessive.
			if t := f.toks[k]; t.mStart >= 0 && f.ments[t.mStart].Kind == entities.LOC {
				return f.entCountry(f.ments[t.mStart].Entity)
			}
		}
		return ""
	}
	for _, sp := range f.splitsOf(key) {
		if c := f.lx.demonyms[sp.Stem]; c != "" && sp.Prefix != "" {
			return c
		}
	}
	return ""
}

// roleForward reads the rest of a role phrase whose title ends at token e:
// modifiers, genitives and a nationality adjective or a country name
// (الرئيس الإيراني، وزير الخارجية الروسي، المتحدث باسم الحركة، رئيس جمهور
// ایران). It returns the phrase's last token and the country code ("" when
// none).
func (f *finder) roleForward(e, hi int) (int, string) {
	end := e
	for k := e + 1; k < hi && k <= e+phraseWords; k++ {
		t := f.toks[k]
		if t.kind != tWord || f.isStop(k) || f.cueTok(k) || f.gram(k)&gSkip != 0 {
			break
		}
		if c := f.demonymAt(k); c != "" {
			return k, c
		}
		if t.mStart >= 0 {
			m := f.ments[t.mStart]
			if m.Kind == entities.PER && m.Span.Start == t.span.Start {
				break
			}
			if m.Kind == entities.LOC {
				if c := f.entCountry(m.Entity); c != "" {
					return f.mentionLast(t.mStart, k), c
				}
			}
		}
		if tt, te, _ := f.titleAt(k, hi); te >= 0 && tt.honorific {
			break
		}
		end = k
	}
	return end, ""
}

// roleSubject reads the role phrase whose title is tokens [j, e]: the name
// in apposition after it, else the person the article gives the role,
// else the phrase as written.
func (f *finder) roleSubject(j, e int, tt title, hi int) subject {
	end, country := f.roleForward(e, hi)
	if tt.rest == nil && end == e && country == "" && f.toks[e].kind == tWord && !isArabicKey(f.key(e)) {
		end = e
	}
	if mi, last := f.appositionName(end, hi); mi >= 0 {
		return f.withCoSpeakers(f.mentionSpeaker(mi), last, hi)
	}
	return named(f.roleSpeaker(j, end, tt, country), end)
}

// appositionName returns the person named right after a role phrase
// ending at token end, skipping forms of address and one comma (وزير
// الخارجية الأمريكي، جون كيري; الرئيس التنفيذي سعادة الدكتور علاء نصيف),
// and the mention's last token; -1 when there is none.
func (f *finder) appositionName(end, hi int) (int32, int) {
	commas := 0
	for k := end + 1; k < hi && k <= end+appositionWords; k++ {
		t := f.toks[k]
		if t.kind == tPunct && (t.r == '،' || t.r == ',') && commas == 0 {
			commas++
			continue
		}
		if t.kind == tQuote {
			// رئيس «لجنة متابعة الأسعار» الدكتور فلان: the body's name.
			if w, stmt := f.shape(f.raw[t.quote]); w <= titleMaxWords && !stmt {
				continue
			}
			break
		}
		if t.kind != tWord || f.isStop(k) || f.cueTok(k) {
			break
		}
		if mi := f.mentionAt(k, false); mi >= 0 {
			if f.ments[mi].Kind == entities.PER {
				return mi, f.mentionLast(mi, k)
			}
			k = f.mentionLast(mi, k) // the body of the role (باسم الحركة)
			continue
		}
		if commas > 0 {
			if tt, te, _ := f.titleAt(k, hi); te < 0 || !tt.honorific {
				break
			}
		}
	}
	return -1, 0
}

// roleSpeaker makes the speaker of a role phrase spanning tokens [a, b]:
// the person the article names in that role when it can tell who (from
// the recognizer's role cues, else from the titles it reads itself), or
// the phrase as written.
func (f *finder) roleSpeaker(a, b int, tt title, country string) *speaker {
	sp := f.phraseSpeaker(entities.Description, a, b)
	if tt.plural {
		return sp
	}
	if e := f.roleCueEntity(sp.span); e >= 0 {
		sp.kind, sp.entity = entities.Person, e
		return sp
	}
	if e := f.resolveRole(tt, country, a); e >= 0 {
		sp.kind, sp.entity = entities.Person, e
	}
	return sp
}

// roleCueEntity returns the person the recognizer's role cue overlapping
// span refers to, or -1.
func (f *finder) roleCueEntity(span article.Span) int {
	lo, hi := 0, len(f.roles)
	for lo < hi {
		m := (lo + hi) / 2
		if f.roles[m].Span.End <= span.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for k := max(0, lo-2); k < len(f.roles) && f.roles[k].Span.Start < span.End; k++ {
		rc := f.roles[k]
		if rc.Span.Overlaps(span) && rc.Entity >= 0 && rc.Entity < len(f.ents) && f.ents[rc.Entity].Kind == entities.PER {
			return rc.Entity
		}
	}
	return -1
}

// holder is a person the article names with a title: in apposition
// before (وزير الطاقة سهيل المزروعي) or after (فلان، وزير الطاقة).
type holder struct {
	pos    int // the mention's first token
	entity int
	title  title
}

// buildHolders indexes the titled persons of the article, once.
func (f *finder) buildHolders() {
	if f.holdersBuilt {
		return
	}
	f.holdersBuilt = true
	for i := range f.toks {
		mi := f.toks[i].mStart
		if mi < 0 || f.ments[mi].Kind != entities.PER || f.ments[mi].Entity < 0 {
			continue
		}
		e := f.ments[mi].Entity
		lo, _ := f.sentOf(i)
		// The titles before the name, with nothing but their phrases
		// between (المتحدث باسم الشرطة العقيد فلان: two).
		for k := i - 1; k >= lo && k >= i-appositionWords; k-- {
			t := f.toks[k]
			if t.kind != tWord || f.isStop(k) {
				break
			}
			if tt, te, _ := f.titleAt(k, i); te >= 0 && !tt.honorific && !tt.plural {
				f.holders = append(f.holders, holder{pos: i, entity: e, title: tt})
			}
		}
		// A title after it: فلان، وزير الطاقة.
		last := f.mentionLast(mi, i)
		_, hi := f.sentOf(i)
		k := last + 1
		if k < hi && f.toks[k].kind == tPunct && (f.toks[k].r == '،' || f.toks[k].r == ',') {
			k++
		}
		if k < hi && f.toks[k].kind == tWord {
			if tt, te, prep := f.titleAt(k, hi); te >= 0 && !tt.honorific && !tt.plural && !prep {
				f.holders = append(f.holders, holder{pos: i, entity: e, title: tt})
			}
		}
	}
}

// roleFits reports whether a holder of title held answers title want:
// the same role, or, when loose, a title with the same head word (الوزير
// for وزير الطاقة).
func roleFits(want, held title, loose bool) bool {
	if loose {
		return want.head == held.head
	}
	switch want.role {
	case "", titleHonorific, titleOccupation, titleKin:
		return false
	}
	return want.role == held.role
}

// resolveRole returns the person the article gives the title tt (of country,
// when not "") that is mentioned at token pos: the nearest holder before
// it, else the first after it; failing that, for a role with a country,
// the only person of that country named before it (or at all). It returns
// -1 when it cannot tell.
func (f *finder) resolveRole(tt title, country string, pos int) int {
	f.buildHolders()
	// holders are in token order: the last fitting one before pos, else
	// the first after it; the same role first, then the same title word.
	best := -1
	// holders are in token order: look at those near pos only.
	at, _ := slices.BinarySearchFunc(f.holders, pos, func(h holder, pos int) int { return h.pos - pos })
	near := f.holders[max(0, at-holdersNear):min(len(f.holders), at+holdersNear)]
	for _, loose := range []bool{false, true} {
		for _, h := range near {
			if !roleFits(tt, h.title, loose) || country != "" && f.entCountry(h.entity) != country {
				continue
			}
			if h.pos < pos || best < 0 {
				best = h.entity
			}
			if h.pos >= pos {
				break
			}
		}
		if best >= 0 {
			return best
		}
	}
	if best >= 0 || country == "" {
		return best
	}
	before, anywhere := -1, -1
	nBefore, nAny := 0, 0
	for _, e := range f.countryPersons(country) {
		nAny++
		anywhere = e.entity
		if e.pos < pos {
			nBefore++
			before = e.entity
		}
	}
	switch {
	case nBefore == 1:
		return before
	case nAny == 1 && nBefore == 0:
		return anywhere
	}
	return -1
}

// personAt is a distinct person and the token of its first mention.
type personAt struct{ entity, pos int }

// countryPersons returns the first three distinct persons of country in
// the order the article names them (all countries are indexed in one pass,
// on first use).
func (f *finder) countryPersons(country string) []personAt {
	if f.byCountry == nil {
		f.byCountry = make(map[string][]personAt)
		for i := range f.toks {
			mi := f.toks[i].mStart
			if mi < 0 {
				continue
			}
			m := f.ments[mi]
			c := f.entCountry(m.Entity)
			if m.Kind != entities.PER || m.Entity < 0 || c == "" {
				continue
			}
			ps := f.byCountry[c]
			if len(ps) > 2 || slices.ContainsFunc(ps, func(p personAt) bool { return p.entity == m.Entity }) {
				continue // more than two cannot resolve anything
			}
			f.byCountry[c] = append(ps, personAt{m.Entity, i})
		}
	}
	return f.byCountry[country]
}

func (f *finder) entCountry(e int) string {
	if e >= 0 && e < len(f.ents) {
		return f.ents[e].Country
	}
	return ""
}

// phraseEnd returns the last token of a noun phrase whose head is token j:
// the words after it up to phraseWords, stopping at function words, cues,
// punctuation, quotations, time adverbs and the start of a person's name.
// A short quotation right after the head (صحيفة «هآرتس») belongs to it.
func (f *finder) phraseEnd(j, hi int) int {
	end := j
	for k := j + 1; k < hi && k <= j+phraseWords; k++ {
		t := f.toks[k]
		if t.kind == tQuote && k == j+1 {
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
	if sp := f.earlierDescription(j); sp != nil {
		return named(sp, end)
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

// isUpper reports whether token i starts with an upper-case letter.
func (f *finder) isUpper(i int) bool {
	r, _ := utf8.DecodeRuneInString(f.a.Source[f.toks[i].span.Start:])
	return unicode.IsUpper(r)
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

// roleBackward reads an English role phrase ending at its head word k:
// the Iranian president, Iran's foreign minister.
func (f *finder) roleBackward(k, lo int) (int, string) {
	start := k
	for j := k - 1; j >= lo && j >= k-4; j-- {
		t := f.toks[j]
		if t.kind != tWord && !(t.kind == tPunct && (t.r == '\'' || t.r == '’')) {
			break
		}
		if t.kind == tWord {
			if code := f.demonymAt(j); code != "" {
				start = j
				if j-1 >= lo && f.gram(j-1)&gModifier != 0 {
					start = j - 1
				}
				return start, code
			}
			if t.mEnd >= 0 && f.ments[t.mEnd].Kind == entities.LOC {
				if c := f.entCountry(f.ments[t.mEnd].Entity); c != "" {
					return j, c
				}
			}
			if !f.lx.is(t.key, gModifier) {
				break
			}
		}
		start = j
	}
	return start, ""
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

// sentencePerson returns the first person named in the sentence of token i
// before it, outside quotations and not after a preposition, or -1.
func (f *finder) sentencePerson(i int) int32 {
	lo, _ := f.sentOf(i)
	for k := max(lo, i-clauseMax); k < i; k++ {
		t := f.toks[k]
		if t.kind != tWord || t.mStart < 0 {
			continue
		}
		if m := f.ments[t.mStart]; m.Kind == entities.PER && !f.afterPrep(t.mStart) {
			return t.mStart
		}
	}
	return -1
}

// antecedent returns the speaker that a cue with no subject at token i (or
// a quotation with no cue, when implicit) continues:
//   - the speaker set earlier in the same sentence, else, for a cue, the
//     person that sentence names outside prepositional phrases;
//   - the current speaker, when it was set within the last carryParas
//     paragraphs (a new speaker replaces it only by speaking);
//   - failing that, for a cue, the first person named in the nearest
//     sentence that names one, at most backSentences back.
func (f *finder) antecedent(i int, implicit bool) *speaker {
	sent := f.toks[i].sent
	if f.stateSet && f.toks[f.statePos].sent == sent && f.statePos < i {
		return f.state.sp
	}
	if !implicit {
		if mi := f.sentencePerson(i); mi >= 0 {
			return f.mentionSpeaker(mi)
		}
	}
	if f.stateSet && f.toks[i].para-f.toks[f.statePos].para <= carryParas {
		return f.state.sp
	}
	if implicit {
		return nil
	}
	// The nearest sentence that names a person (looking at no more than
	// backSentences sentences and as many clauses).
	budget := backSentences * clauseMax
	for s, n := int(sent)-1, 0; s >= 0 && n < backSentences && budget > 0; s, n = s-1, n+1 {
		ss := f.sents[s]
		end := min(ss.End, ss.Start+budget)
		budget -= end - ss.Start
		for k := ss.Start; k < end; k++ {
			if mi := f.toks[k].mStart; mi >= 0 && f.toks[k].kind == tWord && f.ments[mi].Kind == entities.PER {
				return f.mentionSpeaker(mi)
			}
		}
	}
	return nil
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }
