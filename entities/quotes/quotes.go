// Package quotes finds the quotations of an article, classifies them and
// attributes them to their speakers: persons, organisations, groups and
// unnamed sources as the article describes them. It reads the Article's
// one token stream (tokens, keys, sentences), its words from
// internal/lang, and the names a recognizer found (entities.Result).
package quotes

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// speaker is who a quotation is attributed to, as the engine found it.
type speaker struct {
	kind entities.SpeakerKind
	// span is the name or noun phrase as written.
	span article.Span
	// entity is the index of the speaker's entity in Result.Entities, or -1.
	entity int
	// first and last are the view tokens of a phrase speaker (a
	// description), used to find it again from a definite noun.
	first, last int32
	// next is the next of several speakers (قال فلان وفلان).
	next *speaker
}

// found is one quotation found.
type found struct {
	Span     article.Span
	Kind     entities.QuoteKind
	speaker  *speaker
	Cue      article.Span
	Implicit bool
}

// subjKind says what a cue's subject search found.
type subjKind uint8

const (
	sNone    subjKind = iota // no subject: the speaker carries over
	sNamed                   // a speaker, named or described
	sUnnamed                 // nobody the article names (an unnamed passive agent)
)

type subject struct {
	kind subjKind
	sp   *speaker
	// last is the last token of the subject phrase when it follows the cue
	// (used to tell a quotation right after it), or the cue's last token.
	last int
	// keep is false for subjects that must not become the speaker of later
	// cues without a subject (the agent of a passive).
	keep bool
	// anyNoun is true for a subject read only because a noun stood where
	// the subject goes, not because it names or describes a speaker.
	anyNoun bool
}

// cueRec is a cue found in the text and, once looked for, its subject.
type cueRec struct {
	c       cue
	at, end int // the cue's first and last tokens (a phrase spans several)
	subj    subject
	done    bool
	// ante is the speaker a cue with no subject continues, once resolved.
	ante     *speaker
	anteDone bool
}

// Limits of the carry-over.
const (
	// carryParas is how many paragraphs the current speaker carries over
	// to a cue without a subject, or to a quotation without a cue.
	carryParas = 2
	// ctxEvery is how many sentences the engine reads between two looks
	// at its context.
	ctxEvery = 64
)

// finder holds the state of one find call.
type finder struct {
	lx     *lexicon
	a      *article.Article
	ments  []entities.Mention
	ents   []entities.Entity
	roles  []entities.RoleCue
	blocks []block
	raw    []rawQuote
	toks   []token
	sents  []article.Span // token index ranges [Start, End) per sentence

	cues   []cueRec        // the cues found, indexed by token.cue-1
	info   []tokInfo       // what the lexicon says of each token, valid for epoch
	epoch  uint32          // this call's number, for info
	spk    []speaker       // the slab newSpeaker allocates from (never pooled)
	splits []article.Split // a buffer for clitic readings

	// indirect asks for reported speech too.
	indirect bool

	// state is the last speaker a cue named, at token statePos.
	state    subject
	stateSet bool
	statePos int
	// descs are the recent description speakers, for a definite noun that
	// refers back to one (المصدر).
	descs []*speaker

	holders      []holder
	holdersBuilt bool
	byCountry    map[string][]personAt
	// perEnds are the view tokens in which a person's mention ends, in
	// order, to read a name in marks or a surname alone.
	perEnds []int32
}

// finderPool recycles the buffers of finders between calls.
var finderPool = sync.Pool{New: func() any { return new(finder) }}

// maxPooledTokens bounds the token buffer a pooled finder keeps, so that
// one huge article does not pin its memory.
const maxPooledTokens = 1 << 14

// release clears f's references to the caller's data and returns its
// buffers to the pool.
func (f *finder) release() {
	if cap(f.toks) > maxPooledTokens || cap(f.info) > maxPooledTokens {
		return
	}
	*f = finder{
		blocks:  f.blocks[:0],
		raw:     f.raw[:0],
		toks:    f.toks[:0],
		sents:   f.sents[:0],
		cues:    f.cues[:0],
		splits:  f.splits[:0],
		info:    f.info,
		epoch:   f.epoch,
		descs:   f.descs[:0],
		holders: f.holders[:0],
		perEnds: f.perEnds[:0],
	}
	finderPool.Put(f)
}

// find returns the quotations of a, sorted by span, with res's names for
// their speakers, and reported speech too when indirect. It fails only
// when ctx is done.
func find(ctx context.Context, a *article.Article, res *entities.Result, indirect bool) ([]found, error) {
	if a == nil || len(a.Tokens) == 0 {
		return nil, nil
	}
	if res == nil {
		res = &entities.Result{}
	}
	f := finderPool.Get().(*finder)
	defer f.release()
	f.lx, f.a, f.ents, f.indirect = getLexicon(), a, res.Entities, indirect
	if f.epoch++; f.epoch == 0 {
		clear(f.info) // after 2^32 calls an old entry could match again
		f.epoch = 1
	}
	f.blocks = blocks(a, f.blocks[:0])
	f.raw = findMarks(a, f.blocks, f.raw[:0], f.speechVerb)
	if len(f.raw) == 0 && !indirect {
		return nil, nil
	}
	f.ments = sortedMentions(res.Mentions, a.Source)
	f.roles = sortedRoles(res.Roles)
	f.build()
	return f.run(ctx)
}

// speechVerb reports whether the word t is a speech verb or participle
// that a quotation follows without a colon (وأضاف «…، قائلا «…).
func (f *finder) speechVerb(t article.Token) bool {
	if t.Kind == article.Punct {
		return false
	}
	k := f.a.Key(t)
	if !f.lx.maybeCue(k) {
		return false
	}
	for _, c := range f.lx.cues[k] {
		if len(c.rest) == 0 && !c.ambiguous && (c.class == cVerb || c.class == cAdverb) {
			return true
		}
	}
	return false
}

// run walks the tokens in order, updating the current speaker at every
// cue, and classifies each quotation.
func (f *finder) run(ctx context.Context) ([]found, error) {
	out := make([]found, 0, len(f.raw))
	for si, s := range f.sents {
		if si%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("quotes: %w", err)
			}
		}
		for i := s.Start; i < s.End; i++ {
			switch t := &f.toks[i]; t.kind {
			case tWord:
				if t.cue < 0 {
					continue
				}
				if ci, ok := f.cueAt(i); ok && f.cues[ci].at == i {
					f.note(ci)
					if f.indirect {
						if q, ok := f.reported(ci, s.End); ok {
							out = append(out, q)
						}
					}
				}
			case tQuote:
				out = append(out, withoutInner(f.classify(i, s.Start, s.End)))
			}
		}
	}
	if f.indirect {
		// Already in order (a reported clause starts after its cue and
		// before the quotations inside it); sort to keep the promise.
		slices.SortStableFunc(out, func(a, b found) int { return a.Span.Start - b.Span.Start })
	}
	return out, nil
}

// note records the speaker of cue record ci as the current speaker: its
// subject, or the speaker it continues. An attribution that only names
// the channel of another cue's words (see channelOf) changes nothing.
func (f *finder) note(ci int) {
	if _, ok := f.channelOf(ci); ok || f.embedded(ci) {
		return
	}
	s := f.subjectOf(ci)
	switch {
	case s.kind == sNamed && s.keep:
	case s.kind == sNone:
		sp := f.speakerFor(ci)
		if sp == nil {
			return
		}
		s = named(sp, s.last)
	default:
		return
	}
	f.state, f.stateSet, f.statePos = s, true, f.cues[ci].at
}

// speakerFor resolves the speaker of cue record ci.
func (f *finder) speakerFor(ci int) *speaker {
	s := f.subjectOf(ci)
	switch s.kind {
	case sNamed:
		return s.sp
	case sUnnamed:
		return nil
	}
	r := &f.cues[ci]
	if !r.anteDone {
		r.ante, r.anteDone = f.antecedent(r.at, false), true
	}
	return r.ante
}

// embedded reports whether cue record ci stands inside the reported
// clause of an earlier cue of its sentence (وأشار فلان إلى أن آخر جملة
// قالتها زوجته «…»): its speaker speaks for its own words only, and the
// current speaker stays the reporter. A cue that opens a clause of its
// own (، وقال) is not embedded.
func (f *finder) embedded(ci int) bool {
	return f.embeddingCue(ci) >= 0
}

// embeddingCue returns the record of the cue in whose reported clause cue
// record ci stands (see embedded), or -1.
func (f *finder) embeddingCue(ci int) int {
	r := f.cues[ci]
	if r.c.class == cAdverb || f.newClause(ci) {
		return -1
	}
	lo, _ := f.sentOf(r.at)
	p := r.at - 1
	for p >= lo && p >= r.at-clauseMax && f.toks[p].cue <= 0 {
		p--
	}
	if p < lo || p < r.at-clauseMax {
		return -1 // no cue before it in its sentence: most cues
	}
	for k := p + 1; k < r.at; k++ {
		if f.toks[k].kind == tWord && f.gram(k)&gComp != 0 {
			return int(f.toks[p].cue) - 1
		}
	}
	return -1
}

// channelOf reports whether cue record ci attributes words another cue
// just introduced to the medium that carried them, and returns that
// cue's record: in «وأضاف، بحسب ما ذكره موقع النادي: …» or «مضيفا بحسب
// وكالة الأنباء: …» the speaker is whoever added, the site or the agency
// only reported it. ci is an attribution (بحسب، نقلا عن, according to),
// or a verb in one (بحسب ما ذكره), and only punctuation stands between it
// and the end of the other cue, in the same sentence.
func (f *finder) channelOf(ci int) (int, bool) {
	r := f.cues[ci]
	start := r.at
	if r.c.class != cSource {
		// بحسب ما ذكره: the verb of an attribution's relative clause.
		k := r.at - 1
		if r.c.class != cVerb || k < 1 || !f.isWord(k) || f.gram(k)&gRelative == 0 || f.toks[k-1].cue <= 0 {
			return 0, false
		}
		if f.cues[f.toks[k-1].cue-1].c.class != cSource {
			return 0, false
		}
		start = f.cues[f.toks[k-1].cue-1].at
	}
	lo, _ := f.sentOf(r.at)
	k := start - 1
	for k >= lo && k >= start-2 && f.toks[k].kind == tPunct && !isSentenceEnd(f.toks[k].r) && !isColon(f.toks[k].r) {
		k--
	}
	if k < lo || f.toks[k].kind != tWord || f.toks[k].cue <= 0 {
		return 0, false
	}
	p := int(f.toks[k].cue) - 1
	if p == ci || f.cues[p].c.class == cSource {
		return 0, false
	}
	return p, true
}

// cueAt reports whether token i is (part of) a speech cue and returns its
// record's index.
func (f *finder) cueAt(i int) (int, bool) {
	t := &f.toks[i]
	if t.cue > 0 {
		return int(t.cue) - 1, true
	}
	if t.cue < 0 || t.kind != tWord {
		return 0, false
	}
	t.cue = -1
	if !f.lx.maybeCue(t.key) {
		return 0, false
	}
	cs, ok := f.lx.cues[t.key]
	if !ok {
		return 0, false
	}
	// The longest entry whose words follow in the sentence.
	best, bestLen := -1, -1
	for n, c := range cs {
		if len(c.rest) <= bestLen || i+len(c.rest) >= len(f.toks) || f.toks[i+len(c.rest)].sent != t.sent {
			continue
		}
		ok := true
		for r, k := range c.rest {
			if f.toks[i+1+r].key != k {
				ok = false
				break
			}
		}
		if ok {
			best, bestLen = n, len(c.rest)
		}
	}
	if best < 0 || len(f.cues) >= 1<<15-1 {
		return 0, false // no entry fits, or more cues than a token can index
	}
	c := cs[best]
	if c.ambiguous && !(c.verbOnly && f.afterParticle(i)) && !f.cueByContext(i) {
		return 0, false
	}
	f.cues = append(f.cues, cueRec{c: c, at: i, end: i + len(c.rest)})
	for k := i; k <= i+len(c.rest); k++ {
		f.toks[k].cue = int16(len(f.cues))
	}
	return len(f.cues) - 1, true
}

// afterParticle reports whether a particle that only a verb follows (قد،
// لقد) stands right before token i.
func (f *finder) afterParticle(i int) bool {
	lo, _ := f.sentOf(i)
	p := i - 1
	return p >= lo && f.isWord(p) && f.gram(p)&gParticle != 0 && f.gram(p)&(gPreposition|gRelative) == 0
}

// cueByContext reports whether the bare form at token i, as often a noun
// as a verb (ذكر، رأى), is a verb of speech here: a named subject follows
// it, and then a complementiser, a colon or a quotation.
func (f *finder) cueByContext(i int) bool {
	_, hi := f.sentOf(i)
	j := i + 1
	if j >= hi || f.toks[j].kind != tWord {
		return false
	}
	last := -1
	if mi := f.mentionAt(j, false); mi >= 0 {
		last = f.mentionLast(mi, j)
	} else if tt, te, prep := f.titleAt(j, hi); te >= 0 && !prep {
		end, _ := f.roleForward(te, hi)
		last = end
		if !tt.honorific {
			if mi, l := f.appositionName(end, hi); mi >= 0 {
				last = l
			}
		}
	} else if c, _ := f.sourceAt(j); c != 0 {
		last = f.phraseEnd(j, hi)
	}
	if last < 0 {
		return false
	}
	for k := last + 1; k < hi && k <= last+4; k++ {
		t := f.toks[k]
		switch {
		case t.kind == tQuote, t.kind == tPunct && isColon(t.r), t.kind == tWord && f.lx.is(t.key, gComp):
			return true
		}
	}
	return false
}

// cueSpan returns the span of cue record ci, without a leading
// conjunction and with the words that complete it (تاکید کرد، according
// to).
func (f *finder) cueSpan(ci int) article.Span {
	r := f.cues[ci]
	t := f.toks[r.at]
	s := article.Span{Start: t.span.Start, End: f.toks[r.end].span.End}
	if r.c.prefix > 0 {
		s.Start = f.a.KeySpan(f.a.Tokens[t.at], r.c.prefix).Start
	}
	return s
}

// withoutInner drops from q the speakers whose span lies in the quotation
// itself (a caller's mention that runs into the marks): no one speaks
// from inside their own words. The speakers are shared, so the chain is
// copied when one goes.
func withoutInner(q found) found {
	inner := false
	for sp := q.speaker; sp != nil; sp = sp.next {
		inner = inner || sp.span.Overlaps(q.Span)
	}
	if !inner {
		return q
	}
	var head *speaker
	tail := &head
	for sp := q.speaker; sp != nil; sp = sp.next {
		if sp.span.Overlaps(q.Span) {
			continue
		}
		c := *sp
		c.next = nil
		*tail = &c
		tail = &c.next
	}
	q.speaker = head
	if head == nil {
		q.Implicit = false
	}
	return q
}
