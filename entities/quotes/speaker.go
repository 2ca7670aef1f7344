package quotes

import (
	"strings"

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

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

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
//     person that sentence names outside prepositional phrases, else the
//     person the sentence before is about (see previousSubject), unless
//     the cue says the words go on (وأضاف، وتابع);
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
		if mi := f.previousSubject(i); mi >= 0 && !f.continues(i) {
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

// subjectLead is how many tokens may open a sentence before the name of
// its subject (بدوره، من جهة ثانية، عبر فلان).
const subjectLead = 6

// previousSubject returns the person the sentence before token i's is
// about, when that sentence holds no speech cue and the current speaker
// spoke before it: its first person, named within its first subjectLead
// tokens outside a prepositional phrase (من جانبه جدد فلان …، بدوره عبر
// فلان عن سعادته …). A cue with no subject right after such a sentence
// (وقال: «…») is that person speaking. Otherwise -1.
func (f *finder) previousSubject(i int) int32 {
	sent := int(f.toks[i].sent)
	if sent == 0 {
		return -1
	}
	ps := f.sents[sent-1]
	if f.toks[i].para-f.toks[ps.Start].para > 1 || f.stateSet && f.statePos >= ps.Start {
		return -1
	}
	var found, clause int32 = -1, -1
	for k := ps.Start; k < ps.End && k < ps.Start+clauseMax; k++ {
		t := f.toks[k]
		if t.kind != tWord {
			continue
		}
		if _, ok := f.cueAt(k); ok {
			return -1
		}
		if t.mStart < 0 || k == ps.Start || !f.isWord(k-1) {
			continue
		}
		m := f.ments[t.mStart]
		if m.Kind != entities.PER || m.Span.Start != t.span.Start || f.afterPrep(t.mStart) {
			continue
		}
		// The name after a word, its verb (a name that opens the
		// sentence heads a caption or a title as often).
		if found < 0 && k < ps.Start+subjectLead {
			found = t.mStart
		}
		// The name after the verb of a clause coordinated later in the
		// sentence (…، وتمكن فلان من …): the last such clause is the
		// nearest to the cue.
		if k >= 2 && f.clauseVerb(k-1) {
			clause = t.mStart
		}
	}
	if found < 0 {
		return clause
	}
	return found
}

// clauseVerb reports whether token k opens a coordinated clause as its
// verb: a word with a conjunction joined to it (وتمكن، فرد) right after a
// comma.
func (f *finder) clauseVerb(k int) bool {
	p := f.toks[k-1]
	if p.kind != tPunct || p.r != '،' && p.r != ',' {
		return false
	}
	return f.bareStart(k) != f.toks[k].span.Start && f.gram(k)&(gPreposition|gRelative|gComp|gCoord) == 0
}

// continues reports whether the cue at token i says that its words go on
// from words quoted before (أضاف، تابع، added): its speaker is the one
// who spoke last, whoever the text mentioned in between.
func (f *finder) continues(i int) bool {
	ci, ok := f.cueAt(i)
	return ok && f.cues[ci].c.continues
}
