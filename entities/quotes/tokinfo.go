package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
)

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
// without a conjunction in front (وفي), a subject pronoun, or a word
// that only a verb's object or its predicate starts with.
func (f *finder) isStop(i int) bool {
	return f.gram(i)&(gPreposition|gRelative|gComp|gParticle|gPronoun|gVerbWord|gObject) != 0
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
		if _, c := f.lx.clitics(sp.Prefix); !f.lx.is(c, gArticle) && f.lx.is(c, gClitic) {
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

// splitsOf returns the clitic readings of key k (see article.Splits), in
// a buffer of f's that the next call reuses.
func (f *finder) splitsOf(k string) []article.Split {
	f.splits = article.AppendSplits(f.splits[:0], k)
	return f.splits
}

// isUpper reports whether token i starts with an upper-case letter.
func (f *finder) isUpper(i int) bool {
	r, _ := utf8.DecodeRuneInString(f.a.Source[f.toks[i].span.Start:])
	return unicode.IsUpper(r)
}
