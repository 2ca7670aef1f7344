package quotes

import (
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// sentOf returns the token range of token i's sentence.
func (f *finder) sentOf(i int) (int, int) {
	s := f.sents[f.toks[i].sent]
	return s.Start, s.End
}

// newSpeaker returns a pointer to a copy of sp, allocated from a slab of
// f's: a few allocations per call instead of one per speaker. A slab is
// never grown (a full one is replaced), so the pointers stay valid, and it
// is dropped, not reused, when f goes back to the pool: the quotations
// returned keep pointing into it.
func (f *finder) newSpeaker(sp speaker) *speaker {
	if len(f.spk) == cap(f.spk) {
		f.spk = make([]speaker, 0, 8)
	}
	f.spk = append(f.spk, sp)
	return &f.spk[len(f.spk)-1]
}

// speakerOf makes a speaker from mention mi.
func (f *finder) speakerOf(mi int32) *speaker {
	m := f.ments[mi]
	sp := f.newSpeaker(speaker{Span: m.Span, Entity: -1})
	if m.Entity >= 0 && m.Entity < len(f.ents) {
		sp.Entity = m.Entity
	}
	return sp
}

// speakerKind reports whether a mention of kind k may name a speaker; loc
// says whether places count (a country speaking through its government,
// allowed only right next to the cue).
func speakerKind(k entities.Kind, loc bool) bool {
	return k == entities.PER || k == entities.ORG || loc && k == entities.LOC
}

// mentionAt returns the mention starting exactly at token i's start (no
// clitic before it) whose kind may name a speaker, or -1.
func (f *finder) mentionAt(i int, loc bool) int32 {
	t := f.toks[i]
	if t.kind != tWord || t.mStart < 0 {
		return -1
	}
	m := f.ments[t.mStart]
	if m.Span.Start != t.start || !speakerKind(m.Kind, loc) {
		return -1
	}
	return t.mStart
}

func named(sp *speaker, last int) subject {
	return subject{kind: sNamed, sp: sp, last: last, keep: true}
}

// subjectOf finds the subject of the cue at token i, caching the result.
func (f *finder) subjectOf(i int) subject {
	r := &f.cues[f.toks[i].cue-1]
	if !r.done {
		r.subj, r.done = f.findSubject(i), true
	}
	return r.subj
}

func (f *finder) findSubject(i int) subject {
	c := f.cues[f.toks[i].cue-1].c
	lo, hi := f.sentOf(i)
	after := i + 1
	if c.next != nil {
		after = i + 2
	}
	none := subject{kind: sNone, last: after - 1}
	switch c.typ {
	case cVerbAr:
		j := after
		for k := 0; k < 2 && j < hi && f.toks[j].kind == tWord && f.lx.skips[f.key(j)]; k++ {
			j++
		}
		if s, ok := f.subjectAfter(j, hi, false); ok {
			return s
		}
		if s, ok := f.subjectRightBefore(i, lo); ok {
			return s
		}
		return none
	case cPassiveAr:
		for j := after; j < hi && j < after+4; j++ {
			if f.key(j) == "قبل" || f.key(j) == "جانب" {
				if s, ok := f.subjectAfter(j+1, hi, true); ok {
					s.keep = false
					return s
				}
				break
			}
		}
		return subject{kind: sGeneric, last: i}
	case cCircAr:
		return none
	case cNomPron:
		for j := i - 1; j >= lo; j-- {
			if f.toks[j].kind == tQuote {
				break
			}
			if f.key(j) == "عن" && j+1 < i {
				if s, ok := f.subjectAfter(j+1, i, true); ok {
					s.last = i
					return s
				}
			}
		}
		for j := i - 1; j >= lo && f.toks[j].kind != tQuote; j-- {
			if mi := f.toks[j].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, false) {
				return named(f.speakerOf(mi), i)
			}
		}
		return none
	case cNomPlain:
		if after < hi {
			if mi := f.mentionAt(after, false); mi >= 0 {
				return named(f.speakerOf(mi), after)
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
				return named(f.speakerOf(t.mStart), f.mentionLast(t.mStart, j))
			}
			if s, ok := f.subjectAfter(j, hi, true); ok && s.kind == sNamed {
				return s
			}
			if f.lx.isGeneric(f.keys[t.ka:t.kb]) {
				return subject{kind: sGeneric, last: j, keep: true}
			}
		}
		return subject{kind: sGeneric, last: i}
	case cVerbEn:
		return f.subjectEn(i, lo, hi)
	case cVerbFa:
		return f.subjectFa(i, lo)
	}
	return none
}

// subjectAfter reads a subject starting at token j (before hi): a name, a
// role phrase, an organisation phrase or an unnamed source. lenient lets a
// name carry a clitic (بحسب لوزارة…) and a place name anywhere.
func (f *finder) subjectAfter(j, hi int, lenient bool) (subject, bool) {
	if j >= hi || f.toks[j].kind != tWord {
		return subject{}, false
	}
	t := f.toks[j]
	if f.lx.stops[f.keys[t.ka:t.kb]] {
		return subject{}, false
	}
	if mi := f.mentionAt(j, true); mi >= 0 {
		return named(f.speakerOf(mi), f.mentionLast(mi, j)), true
	}
	if lenient && t.mStart >= 0 && speakerKind(f.ments[t.mStart].Kind, true) {
		return named(f.speakerOf(t.mStart), f.mentionLast(t.mStart, j)), true
	}
	if head, ok := f.lx.titles[f.keys[t.ka:t.kb]]; ok {
		end, country := f.roleForward(j, hi)
		// An apposition names the holder: الرئيس الإيراني مسعود بزشكيان.
		for k := end + 1; k < hi && k <= end+4; k++ {
			if f.toks[k].kind != tWord || f.lx.stops[f.key(k)] || f.lx.comp[f.key(k)] {
				break
			}
			if mi := f.mentionAt(k, false); mi >= 0 && f.ments[mi].Kind == entities.PER {
				return named(f.speakerOf(mi), f.mentionLast(mi, k)), true
			}
		}
		if country == "" {
			// A title with no country names its holder by what follows:
			// رئيس تحرير جريدة الوفاق.
			for k := end + 1; k < hi && k <= end+4; k++ {
				kt := f.toks[k]
				if kt.kind != tWord || kt.cue > 0 || f.lx.stops[f.keys[kt.ka:kt.kb]] || f.lx.comp[f.keys[kt.ka:kt.kb]] || f.lx.cues[f.keys[kt.ka:kt.kb]].typ != 0 {
					break
				}
				end = k
			}
		}
		return named(f.roleSpeaker(j, end, head, country), end), true
	}
	if f.lx.isGeneric(f.keys[t.ka:t.kb]) {
		return subject{kind: sGeneric, last: j, keep: true}, true
	}
	if f.lx.orgHeads[f.keys[t.ka:t.kb]] {
		end := j
		for k := j + 1; k < hi && k <= j+3; k++ {
			if mi := f.mentionAt(k, false); mi >= 0 {
				return named(f.speakerOf(mi), f.mentionLast(mi, k)), true
			}
			kt := f.toks[k]
			if kt.kind != tWord || !strings.HasPrefix(f.keys[kt.ka:kt.kb], "ال") || f.lx.stops[f.keys[kt.ka:kt.kb]] {
				break
			}
			end = k
		}
		sp := f.newSpeaker(speaker{Span: article.Span{Start: t.start, End: f.toks[end].end}, Entity: -1})
		return named(sp, end), true
	}
	// A description before the name: مساعد المدرب المحلي جمال يعقوب.
	for k := j + 1; k < hi && k <= j+nameAfterWords; k++ {
		kt := f.toks[k]
		if kt.kind != tWord || f.lx.stops[f.keys[kt.ka:kt.kb]] || f.lx.comp[f.keys[kt.ka:kt.kb]] {
			break
		}
		if mi := f.mentionAt(k, false); mi >= 0 && f.ments[mi].Kind == entities.PER {
			return named(f.speakerOf(mi), f.mentionLast(mi, k)), true
		}
	}
	// Any other Arabic word right after the verb is its subject, unnamed
	// (وقالت امرأة، وأضاف شاهد عيان): no speaker, and no carry-over. An
	// accusative adverb or participle (لاحقا، مخاطبا) or a word with the
	// preposition ل (للصحفيين) is not a subject.
	k := f.keys[t.ka:t.kb]
	if isArabicKey(k) && !strings.HasSuffix(k, "ا") && !strings.HasPrefix(k, "لل") && k != "ل" {
		return subject{kind: sGeneric, last: j, keep: true}, true
	}
	return subject{}, false
}

// nameAfterWords is how many words of description may stand between a verb
// and the name of its subject.
const nameAfterWords = 5

// mentionLast returns the last token of mention mi, which starts in token j.
func (f *finder) mentionLast(mi int32, j int) int {
	end := f.ments[mi].Span.End
	for j+1 < len(f.toks) && f.toks[j+1].start < end {
		j++
	}
	return j
}

// subjectRightBefore reads an Arabic subject written before its verb
// (بزشكیان قال): a name or a role phrase ending right before token i.
func (f *finder) subjectRightBefore(i, lo int) (subject, bool) {
	k := i - 1
	if k >= lo && (f.key(k) == "قد" || f.key(k) == "ثم" || f.key(k) == "لقد") {
		k--
	}
	if k < lo || f.toks[k].kind != tWord {
		return subject{}, false
	}
	if mi := f.toks[k].mEnd; mi >= 0 && speakerKind(f.ments[mi].Kind, true) {
		// The object of a preposition (في فرنسا قالوا) is no subject.
		first := f.tokenAt(f.ments[mi].Span.Start)
		if first < len(f.toks) && f.toks[first].start == f.ments[mi].Span.Start &&
			(first <= lo || !f.lx.stops[f.key(first-1)] || f.lx.comp[f.key(first-1)]) {
			return named(f.speakerOf(mi), i), true
		}
		return subject{}, false
	}
	if code, ok := f.lx.nation[f.key(k)]; ok && k-1 >= lo {
		if head, ok := f.lx.titles[f.key(k-1)]; ok {
			return named(f.roleSpeaker(k-1, k, head, code), i), true
		}
	}
	if f.lx.isGeneric(f.key(k)) || k-1 >= lo && f.lx.isGeneric(f.key(k-1)) && !f.lx.stops[f.key(k)] {
		return subject{kind: sGeneric, last: i, keep: true}, true // لكن خبراء قالوا
	}
	return subject{}, false
}

// subjectEn finds the subject of an English speech verb: before it
// (Lukashenko said, he said, officials said, the Iranian president said),
// or after it when inverted ("…," said Lukashenko).
func (f *finder) subjectEn(i, lo, hi int) subject {
	none := subject{kind: sNone, last: i}
	if k := i - 1; k >= lo && f.toks[k].kind == tWord {
		if f.lx.pronouns[f.key(k)] {
			return none
		}
		if f.lx.isGeneric(f.key(k)) || k-1 >= lo && f.toks[k-1].kind == tWord && f.lx.isGeneric(f.key(k-1)) {
			return subject{kind: sGeneric, last: i, keep: true}
		}
	}
	for k := i - 1; k >= lo && k >= i-8; k-- {
		t := f.toks[k]
		if t.kind == tQuote {
			break
		}
		if t.mEnd >= 0 && speakerKind(f.ments[t.mEnd].Kind, k == i-1) {
			return named(f.speakerOf(t.mEnd), i)
		}
	}
	for k := i - 1; k >= lo && k >= i-3; k-- {
		t := f.toks[k]
		if t.kind != tWord {
			break
		}
		if head, ok := f.lx.titles[f.keys[t.ka:t.kb]]; ok {
			start, country := f.roleBackward(k, lo)
			return named(f.roleSpeaker(start, k, head, country), i)
		}
	}
	// Inverted: said Lukashenko, said the Iranian president.
	for j := i + 1; j < hi && j <= i+4; j++ {
		t := f.toks[j]
		if t.kind != tWord {
			break
		}
		if mi := f.mentionAt(j, true); mi >= 0 {
			return named(f.speakerOf(mi), f.mentionLast(mi, j))
		}
		if head, ok := f.lx.titles[f.keys[t.ka:t.kb]]; ok {
			start, country := f.roleBackward(j, i+1)
			return named(f.roleSpeaker(start, j, head, country), j)
		}
		if f.lx.pronouns[f.keys[t.ka:t.kb]] {
			return none
		}
	}
	return none
}

// subjectFa finds the subject of a Persian verb, which ends its clause: the
// first name of the sentence that is not the object of a preposition.
func (f *finder) subjectFa(i, lo int) subject {
	none := subject{kind: sNone, last: i}
	for k := lo; k < i; k++ {
		t := f.toks[k]
		if t.kind != tWord {
			continue
		}
		prep := k > lo && f.lx.faPreps[f.key(k-1)]
		if f.lx.pronouns[f.keys[t.ka:t.kb]] && !prep {
			return none
		}
		if t.mStart >= 0 && !prep && speakerKind(f.ments[t.mStart].Kind, k == lo) && f.ments[t.mStart].Span.Start == t.start {
			return named(f.speakerOf(t.mStart), i)
		}
		if head, ok := f.lx.titles[f.keys[t.ka:t.kb]]; ok && !prep {
			end, country := f.roleForward(k, i)
			// رئیس جمهور ایران، مسعود پزشکیان: a name right after wins.
			for n := end + 1; n < i && n <= end+2; n++ {
				if mi := f.mentionAt(n, false); mi >= 0 && f.ments[mi].Kind == entities.PER {
					return named(f.speakerOf(mi), i)
				}
			}
			return named(f.roleSpeaker(k, end, head, country), i)
		}
		if f.lx.isGeneric(f.keys[t.ka:t.kb]) && !prep {
			return subject{kind: sGeneric, last: i, keep: true}
		}
	}
	return none
}

// roleForward reads a role phrase starting at its head word j: modifiers
// and a nationality adjective or a country name (الرئيس الإيراني، وزير
// الخارجية الروسي، رئيس جمهور ایران). It returns the phrase's last token and
// the country code ("" when none).
func (f *finder) roleForward(j, hi int) (int, string) {
	end := j
	for k := j + 1; k < hi && k <= j+4; k++ {
		t := f.toks[k]
		if t.kind != tWord {
			break
		}
		if code, ok := f.lx.nation[f.keys[t.ka:t.kb]]; ok {
			return k, code
		}
		if t.mStart >= 0 && f.ments[t.mStart].Kind == entities.LOC {
			if c := f.entCountry(f.ments[t.mStart].Entity); c != "" {
				return f.mentionLast(t.mStart, k), c
			}
		}
		if !f.lx.modif[f.keys[t.ka:t.kb]] {
			break
		}
		end = k
	}
	return end, ""
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
		if code, ok := f.lx.nation[f.keys[t.ka:t.kb]]; ok && t.kind == tWord {
			start = j
			if j-1 >= lo && f.key(j-1) == "the" {
				start = j - 1
			}
			return start, code
		}
		if t.kind == tWord && t.mEnd >= 0 && f.ments[t.mEnd].Kind == entities.LOC {
			if c := f.entCountry(f.ments[t.mEnd].Entity); c != "" {
				return j, c
			}
		}
		if t.kind == tWord && !f.lx.modif[f.keys[t.ka:t.kb]] {
			break
		}
		start = j
	}
	return start, ""
}

func (f *finder) entCountry(e int) string {
	if e >= 0 && e < len(f.ents) {
		return f.ents[e].Country
	}
	return ""
}

// roleSpeaker makes the speaker of a role phrase spanning tokens [a, b]:
// linked to the person the article names in that role when it can tell who.
func (f *finder) roleSpeaker(a, b int, head, country string) *speaker {
	sp := f.newSpeaker(speaker{Span: article.Span{Start: f.stemStart(a), End: f.toks[b].end}, Entity: -1, Role: true})
	if e, sure := f.resolveRole(head, country, f.toks[a].start); e >= 0 {
		sp.Entity = e
		sp.Guess = !sure
	}
	return sp
}

// stemStart returns the start of token a without a leading conjunction or
// preposition clitic (وأشار الرئيس → الرئيس is already bare; والرئيس → الرئيس).
func (f *finder) stemStart(a int) int {
	t := f.toks[a]
	k := f.keys[t.ka:t.kb]
	if len(k) > 4 && isArabicKey(k) && (strings.HasPrefix(k, "وال") || strings.HasPrefix(k, "فال") || strings.HasPrefix(k, "بال") || strings.HasPrefix(k, "لل")) {
		return t.start + 2 // one two-byte Arabic letter
	}
	return t.start
}

// resolveRole returns the entity the article names in the role (head,
// country) before byte pos: the person of that country named earlier with
// the same head word near a mention (sure); else, as a guess, the only
// person of that country named earlier, or the only one named at all. It
// returns -1 when it cannot tell.
func (f *finder) resolveRole(head, country string, pos int) (int, bool) {
	if country == "" {
		return -1, false
	}
	withRole, before, anywhere := -1, -1, -1
	nRole, nBefore, nAny := 0, 0, 0
	seen := make(map[int]uint8)
	for _, m := range f.ments {
		e := m.Entity
		if e < 0 || e >= len(f.ents) || f.ents[e].Kind != entities.PER || f.ents[e].Country != country {
			continue
		}
		flags := seen[e]
		if flags&1 == 0 {
			flags |= 1
			nAny++
			anywhere = e
		}
		if m.Span.Start < pos {
			if flags&2 == 0 {
				flags |= 2
				nBefore++
				before = e
			}
			if flags&4 == 0 && f.roleNear(m.Span.Start, head) {
				flags |= 4
				nRole++
				withRole = e
			}
		}
		seen[e] = flags
	}
	switch {
	case nRole == 1:
		return withRole, true
	case nBefore == 1:
		return before, false
	case nAny == 1 && nBefore == 0:
		return anywhere, false
	}
	return -1, false
}

// roleNear reports whether the head word appears within four tokens before
// the mention starting at byte pos.
func (f *finder) roleNear(pos int, head string) bool {
	i := f.tokenAt(pos)
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if h, ok := f.lx.titles[f.key(k)]; ok && h == head {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the token containing byte pos, or of the
// first token after it.
func (f *finder) tokenAt(pos int) int {
	lo, hi := 0, len(f.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if f.toks[m].end <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sentencePerson returns the person a cue without a subject at token i
// most likely refers to: the first PER mention outside quotations in the
// cue's sentence before the cue, or else in the nearest earlier sentence
// that names one. News sentences name their subject first («استقبل الرئيس
// X نظيره Y … وقال»; «X met Y … He said»), so the first person of a
// sentence is a better antecedent than the last person named. It returns
// -1 when no person is named before the cue.
func (f *finder) sentencePerson(i int) int32 {
	first := int32(-1)
	sent := f.toks[i].sent
	for k := i - 1; k >= 0; k-- {
		t := &f.toks[k]
		if t.sent != sent {
			if first >= 0 {
				return first
			}
			sent = t.sent
		}
		if t.mStart >= 0 && f.ments[t.mStart].Kind == entities.PER {
			first = t.mStart
		}
	}
	return first
}
