// Package quotes finds quotations in article text, classifies them and
// attributes them to their speakers. It is the engine behind
// entities.FindQuotes and works on plain spans so that it does not depend on
// the entities package.
package quotes

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// speaker is who a quotation is attributed to: the span that names it and
// the index of its entity in input.Entities, or -1. Its name is the
// caller's to give (the entity's, else the text at Span).
type speaker struct {
	Span   article.Span
	Entity int
	// Role is true when Span is a role phrase (الرئيس الإيراني, the
	// minister) rather than a name; Entity is then the person the article
	// names in that role, or -1 when Find could not tell.
	Role bool
	// Guess is true when Entity was picked for a role only because it is
	// the one person of the role's country named, not because the article
	// gave it that title; a resolver that knows office holders should be
	// asked first.
	Guess bool
}

// found is one quotation found.
type found struct {
	Span    article.Span
	Kind    entities.QuoteKind
	speaker *speaker
	Cue     article.Span
}

// input is the text to search and what is known about its names.
type input struct {
	Source string
	// Paragraphs are the spans to search, sorted and disjoint. When nil,
	// every non-blank line of Source is a paragraph.
	Paragraphs []article.Span
	// Mentions are the named-entity mentions of Source; they need not be
	// sorted.
	Mentions []entities.Mention
	// Entities are indexed by Mention.Entity.
	Entities []entities.Entity
	// Indirect asks for reported speech without marks (قال إن…، said
	// that…) too, as quotations of kind Indirect.
	Indirect bool
}

// subjKind says what a cue's subject search found.
type subjKind uint8

const (
	sNone    subjKind = iota // no subject: the speaker carries over
	sNamed                   // a named speaker
	sGeneric                 // an unnamed source: no speaker
)

type subject struct {
	kind subjKind
	sp   *speaker
	// last is the last token of the subject phrase when it follows the cue
	// (used to tell a quotation right after it), or the cue itself.
	last int
	// keep is false for subjects that must not become the speaker of later
	// cues without a subject (the agent of a passive).
	keep bool
}

// cueRec is a cue found in the text and, once looked for, its subject.
type cueRec struct {
	c    cue
	subj subject
	done bool
}

// finder holds the state of one Find call.
type finder struct {
	lx    *lexicon
	src   string
	paras []article.Span
	ments []entities.Mention
	ents  []entities.Entity
	raw   []rawQuote
	toks  []token
	keys  string
	sents []article.Span // token index ranges [Start, End) per sentence

	cues []cueRec  // the cues found, indexed by token.cue-1
	spk  []speaker // the slab newSpeaker allocates from (never pooled)
	kb   []byte    // the buffer keys are folded into

	// state is the last named (or explicitly unnamed) speaker of a cue.
	state     subject
	stateSet  bool
	statePara int32
	// indirect asks for reported speech too.
	indirect bool
	// prevSpeaker is the speaker of the last quotation that had one.
	prevSpeaker *speaker
	prevPara    int32
}

// Find returns the quotations of in.Source, sorted by span.
func find(in input) []found {
	f := finderPool.Get().(*finder)
	defer f.release()
	f.lx, f.src, f.ents = getLexicon(), in.Source, in.Entities
	f.paras = sanitizeParas(in.Source, in.Paragraphs, f.paras[:0])
	f.ments = sortedMentions(in.Mentions, len(in.Source))
	f.raw = findMarks(f.src, f.paras, f.raw[:0])
	f.indirect = in.Indirect
	if len(f.raw) == 0 && !in.Indirect {
		return nil
	}
	f.tokenize()
	f.mapMentions()
	return f.run()
}

// finderPool recycles the buffers of finders between calls.
var finderPool = sync.Pool{New: func() any { return new(finder) }}

// maxPooledTokens bounds the token buffer a pooled finder keeps, so that
// one huge article does not pin its memory.
const maxPooledTokens = 1 << 14

// release clears f's references to the caller's data and returns its
// buffers to the pool.
func (f *finder) release() {
	if cap(f.toks) > maxPooledTokens {
		return
	}
	*f = finder{
		paras: f.paras[:0],
		raw:   f.raw[:0],
		toks:  f.toks[:0],
		kb:    f.kb[:0],
		sents: f.sents[:0],
		cues:  f.cues[:0],
	}
	finderPool.Put(f)
}

// sanitizeParas returns paras clamped to src, sorted and disjoint, or the
// non-blank lines of src when paras is empty.
func sanitizeParas(src string, paras []article.Span, out []article.Span) []article.Span {
	if len(paras) == 0 {
		start := 0
		for i := 0; i <= len(src); i++ {
			if i == len(src) || src[i] == '\n' {
				s := trim(src, article.Span{Start: start, End: i})
				if !s.Empty() {
					out = append(out, s)
				}
				start = i + 1
			}
		}
		return out
	}
	last := 0
	for _, p := range paras {
		if p.Start < last {
			p.Start = last
		}
		if p.End > len(src) {
			p.End = len(src)
		}
		for p.Start < p.End && !utf8.RuneStart(src[p.Start]) {
			p.Start++
		}
		for p.End > p.Start && p.End < len(src) && !utf8.RuneStart(src[p.End]) {
			p.End--
		}
		if p.Start >= p.End {
			continue
		}
		out = append(out, p)
		last = p.End
	}
	return out
}

// sortedMentions returns the valid mentions sorted by start.
func sortedMentions(ms []entities.Mention, n int) []entities.Mention {
	sorted := true
	for i, m := range ms {
		if m.Span.Start < 0 || m.Span.End > n || m.Span.Start >= m.Span.End ||
			i > 0 && ms[i-1].Span.Start > m.Span.Start {
			sorted = false
			break
		}
	}
	if sorted {
		return ms
	}
	out := make([]entities.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Span.Start >= 0 && m.Span.End <= n && m.Span.Start < m.Span.End {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// tokenize splits the paragraphs into words, punctuation and whole
// quotations, computes word keys and sentence ranges.
func (f *finder) tokenize() {
	src := f.src
	if n := strings.Count(src, " ")*5/4 + 16; cap(f.toks) < n {
		f.toks = make([]token, 0, n)
	}
	kb := f.kb[:0]
	if cap(kb) < len(src)+16 {
		kb = make([]byte, 0, len(src)+16)
	}
	qi := 0
	for p := 0; p < len(f.paras); p++ {
		lo, hi := f.paras[p].Start, f.paras[p].End
		p32 := int32(p)
		for i := lo; i < hi; {
			if qi < len(f.raw) && i == f.raw[qi].outer.Start {
				q := f.raw[qi]
				f.toks = append(f.toks, token{start: q.outer.Start, end: q.outer.End, kind: tQuote, para: p32, endPara: int32(q.lastPara), quote: int32(qi), mStart: -1, mEnd: -1})
				qi++
				i = q.outer.End
				if q.lastPara != p {
					p = q.lastPara
					p32 = int32(p)
					lo, hi = f.paras[p].Start, f.paras[p].End
				}
				continue
			}
			b := src[i]
			if b == ' ' || b == '\t' || b == '\r' || b == '\n' {
				i++
				continue
			}
			r, n := rune(b), 1
			word := false
			switch {
			case b < utf8.RuneSelf:
				word = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
			case b >= 0xD8 && b <= 0xDB && i+1 < hi && src[i+1]&0xC0 == 0x80:
				n = 2
				r = rune(b&0x1F)<<6 | rune(src[i+1]&0x3F)
				word = arClass[r-0x0600] != arNon
			default:
				r, n = utf8.DecodeRuneInString(src[i:hi])
				word = isWordRune(r)
			}
			if !word {
				if !isSpace(r) && r != 0xFEFF {
					f.toks = append(f.toks, token{start: i, end: i + n, kind: tPunct, r: r, para: p32, endPara: p32, quote: -1, mStart: -1, mEnd: -1})
				}
				i += n
				continue
			}
			j := i
			a := int32(len(kb))
			// Fast path: ASCII letters and digits and the Arabic block,
			// with no call in the loop; anything else goes on in the
			// general loop below from where it stopped.
			if cap(kb)-len(kb) < hi-i {
				kb = slices.Grow(kb, hi-i)
			}
			kn := len(kb)
			kfast := kb[:cap(kb)]
			done := false
			for j < hi {
				c := src[j]
				if c < utf8.RuneSelf {
					if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
						kfast[kn] = c
						kn++
						j++
						continue
					}
					if c >= 'A' && c <= 'Z' {
						kfast[kn] = c + 'a' - 'A'
						kn++
						j++
						continue
					}
					done = c != '\''
					break
				}
				if c < 0xD8 || c > 0xDB || j+1 >= hi || src[j+1]&0xC0 != 0x80 {
					break
				}
				cl := arClass[(c&0x03)<<6|src[j+1]&0x3F]
				switch {
				case cl&arKeep != 0:
					kfast[kn] = 0xD8 | byte(cl&0xFF)>>6
					kfast[kn+1] = 0x80 | byte(cl)&0x3F
					kn += 2
					j += 2
					continue
				case cl&arDigit != 0:
					kfast[kn] = byte(cl)
					kn++
					j += 2
					continue
				case cl == arDrop:
					j += 2
					continue
				}
				done = true // not a word rune
				break
			}
			kb = kb[:kn]
			for !done && j < hi {
				c := src[j]
				if c < utf8.RuneSelf {
					if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
						kb = append(kb, c)
						j++
						continue
					}
					if c >= 'A' && c <= 'Z' {
						kb = append(kb, c+'a'-'A')
						j++
						continue
					}
					// An apostrophe between Latin letters stays in the word (don't).
					if c == '\'' && j > i && j+1 < hi && src[j-1] < utf8.RuneSelf && isWordRune(rune(src[j+1])) {
						kb = append(kb, c)
						j++
						continue
					}
					break
				}
				if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) && j+1 < hi && src[j+1]&0xC0 == 0x80 {
					// Arabic-script fast path: U+0600–U+06FF.
					cl := arClass[(c&0x03)<<6|src[j+1]&0x3F]
					switch {
					case cl&arKeep != 0:
						kb = append(kb, 0xD8|byte(cl&0xFF)>>6, 0x80|byte(cl)&0x3F)
						j += 2
						continue
					case cl&arDigit != 0:
						kb = append(kb, byte(cl))
						j += 2
						continue
					case cl == arDrop:
						j += 2
						continue
					}
					break
				}
				r, n := utf8.DecodeRuneInString(src[j:hi])
				if !isWordRune(r) {
					if r == '’' && j > i && j+n < hi && src[j-1] < utf8.RuneSelf && src[j+n] < utf8.RuneSelf && isWordRune(rune(src[j+n])) {
						kb = append(kb, '\'')
						j += n
						continue
					}
					break
				}
				if fr := foldRune(r); fr >= 0 {
					kb = utf8.AppendRune(kb, fr)
				}
				j += n
			}
			if int(a) == len(kb) {
				// Only tatweel or joiners (a dash written ـ): punctuation.
				f.toks = append(f.toks, token{start: i, end: j, kind: tPunct, r: r, para: p32, endPara: p32, quote: -1, mStart: -1, mEnd: -1})
			} else {
				var cue int16
				if !f.lx.maybeCue(unsafe.String(unsafe.SliceData(kb[a:]), len(kb)-int(a))) {
					cue = -1 // no speech cue: cueAt need not look
				}
				f.toks = append(f.toks, token{start: i, end: j, ka: a, kb: int32(len(kb)), kind: tWord, para: p32, endPara: p32, quote: -1, mStart: -1, mEnd: -1, cue: cue})
			}
			i = j
		}
	}
	// The keys view the pooled buffer without a copy. No key outlives the
	// call: speakers and cues are spans of the source, never keys;
	// release drops f.keys before the buffer is reused.
	f.keys = unsafe.String(unsafe.SliceData(kb), len(kb))
	f.kb = kb
	// Sentences: split after sentence-final punctuation and at paragraph
	// breaks, except after a paragraph ending in a colon (the quotation it
	// introduces follows in the next paragraph).
	start := 0
	f.sents = f.sents[:0]
	for i := range f.toks {
		t := &f.toks[i]
		if i > start {
			pv := &f.toks[i-1]
			brk := false
			if t.para != pv.endPara && !(pv.kind == tPunct && isColon(pv.r)) {
				brk = true
			} else if pv.kind == tPunct && isSentenceEnd(pv.r) && !f.noBreakAfter(i-1) {
				brk = true
			}
			if brk {
				f.sents = append(f.sents, article.Span{Start: start, End: i})
				start = i
			}
		}
		t.sent = int32(len(f.sents))
	}
	if start < len(f.toks) {
		f.sents = append(f.sents, article.Span{Start: start, End: len(f.toks)})
	}
}

// noBreakAfter reports whether the full stop at token i does not end a
// sentence: a decimal point, or after an abbreviation or an initial.
func (f *finder) noBreakAfter(i int) bool {
	t := f.toks[i]
	if t.r != '.' || i == 0 {
		return false
	}
	pv := f.toks[i-1]
	if pv.kind != tWord || pv.end != t.start {
		return false
	}
	if i+1 < len(f.toks) {
		nx := f.toks[i+1]
		if nx.start == t.end && nx.kind == tWord {
			return true // 3.5, U.S
		}
	}
	if len(f.keys[pv.ka:pv.kb]) == 1 && f.keys[pv.ka:pv.kb][0] < utf8.RuneSelf {
		return true // an initial: J. Smith
	}
	return f.lx.abbrev(f.keys[pv.ka:pv.kb])
}

func (lx *lexicon) abbrev(k string) bool { return abbreviations[k] }

// mapMentions records on each token the mention that starts or ends in it.
// Mentions inside quotations are not mapped: they never name a speaker.
func (f *finder) mapMentions() {
	ti := 0
	for mi, m := range f.ments {
		for ti < len(f.toks) && f.toks[ti].end <= m.Span.Start {
			ti++
		}
		if ti == len(f.toks) {
			break
		}
		t := &f.toks[ti]
		if t.kind != tWord || m.Span.Start < t.start {
			continue
		}
		if t.mStart < 0 {
			t.mStart = int32(mi)
		}
		// the token holding the mention's last byte
		k := ti
		for k < len(f.toks) && f.toks[k].end < m.Span.End {
			k++
		}
		if k < len(f.toks) && f.toks[k].kind == tWord && f.toks[k].start < m.Span.End {
			f.toks[k].mEnd = int32(mi)
		}
	}
}

// cueAt reports whether token i is a speech cue and returns its entry.
func (f *finder) cueAt(i int) (cue, bool) {
	t := &f.toks[i]
	if t.cue > 0 {
		return f.cues[t.cue-1].c, true
	}
	if t.cue < 0 || t.kind != tWord {
		return cue{}, false
	}
	t.cue = -1
	k := f.keys[t.ka:t.kb]
	if !f.lx.maybeCue(k) {
		return cue{}, false
	}
	c, ok := f.lx.cues[k]
	if !ok {
		return cue{}, false
	}
	if c.prev != "" && (i == 0 || f.key(i-1) != c.prev) {
		return cue{}, false
	}
	if c.next != nil {
		if i+1 >= len(f.toks) || f.toks[i+1].sent != t.sent {
			return cue{}, false
		}
		nk := f.key(i + 1)
		found := false
		for _, w := range c.next {
			if nk == w {
				found = true
				break
			}
		}
		if !found {
			return cue{}, false
		}
	}
	if len(f.cues) >= 1<<15-1 {
		return cue{}, false // more cues than a token can index: ignore the rest
	}
	f.cues = append(f.cues, cueRec{c: c})
	t.cue = int16(len(f.cues))
	return c, true
}

// cueSpan returns the span of the cue at token i, without a leading
// conjunction and with the word that completes it (تاکید کرد، according to).
func (f *finder) cueSpan(i int) article.Span {
	t := f.toks[i]
	c := f.cues[t.cue-1].c
	s := article.Span{Start: t.start, End: t.end}
	for k := 0; k < c.prefix && s.Start < s.End; k++ {
		_, n := utf8.DecodeRuneInString(f.src[s.Start:s.End])
		s.Start += n
	}
	if c.prev != "" && i > 0 {
		s.Start = f.toks[i-1].start
	}
	if c.next != nil && i+1 < len(f.toks) {
		s.End = f.toks[i+1].end
	}
	return s
}

// key returns the folded key of token i ("" for punctuation and quotations).
func (f *finder) key(i int) string { return f.keys[f.toks[i].ka:f.toks[i].kb] }
