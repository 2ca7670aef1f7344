package quotes

import (
	"slices"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// tokKind says what a token of the view is.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // a word or a number
	tPunct                    // one punctuation token
	tQuote                    // a whole quotation, marks included
)

// token is one token of the engine's view of the article: an
// Article.Tokens token of the title or a paragraph, with the quotations
// collapsed into one token each. The view adds no text of its own: keys
// are the Article's (Article.Key), sentences are unions of its sentences.
type token struct {
	span    article.Span
	key     string  // the Article's key of a tWord token, "" otherwise
	at      int32   // index in Article.Tokens (the opening mark of a quotation)
	para    int32   // block index of the token's start
	endPara int32   // block index of the token's end (differs for quotations over several paragraphs)
	quote   int32   // index into finder.raw for tQuote, else -1
	sent    int32   // sentence index in finder.sents
	mStart  int32   // index of the mention starting in this token, or -1
	mEnd    int32   // index of the mention ending in this token, or -1
	r       rune    // the first rune of a tPunct token
	kind    tokKind // word, punctuation or quotation
	cue     int16   // index+1 into finder.cues when a speech cue, -1 when not, 0 before lookup
}

// blocks returns the title and the paragraphs of a as runs of tokens,
// appended to dst. Datelines are left out: they are not running text.
func blocks(a *article.Article, dst []block) []block {
	add := func(span article.Span, ss []article.Sentence) {
		if len(ss) == 0 || ss[0].First >= ss[len(ss)-1].Last {
			return
		}
		dst = append(dst, block{span: span, first: ss[0].First, last: ss[len(ss)-1].Last})
	}
	add(a.Title, a.TitleSentences)
	for _, p := range a.Paragraphs {
		add(p.Span, p.Sentences)
	}
	return dst
}

// build makes the view: tokens with quotations collapsed, sentences, and
// the mentions mapped onto tokens.
func (f *finder) build() {
	a := f.a
	n := 0
	for _, b := range f.blocks {
		n += b.last - b.first
	}
	if cap(f.toks) < n {
		f.toks = make([]token, 0, n)
	}
	f.sents = f.sents[:0]
	qi := 0
	si := 0           // index in a.Sentences of the current token's sentence
	lastSi := -1      // article sentence of the last token placed
	joinNext := false // the last block ended with a colon: its sentence goes on
	for b := 0; b < len(f.blocks); b++ {
		bl := f.blocks[b]
		if b > 0 && !joinNext {
			lastSi = -1
		}
		b32 := int32(b)
		for ti := bl.first; ti < bl.last; ti++ {
			for si < len(a.Sentences) && a.Sentences[si].Last <= ti {
				si++
			}
			if len(f.sents) == 0 || si != lastSi && !joinNext {
				f.sents = append(f.sents, article.Span{Start: len(f.toks), End: len(f.toks)})
			}
			joinNext = false
			lastSi = si
			t := a.Tokens[ti]
			tk := token{span: t.Span, at: int32(ti), para: b32, endPara: b32, quote: -1, mStart: -1, mEnd: -1, sent: int32(len(f.sents) - 1)}
			if qi < len(f.raw) && f.raw[qi].open == ti {
				q := f.raw[qi]
				tk.kind, tk.quote, tk.span, tk.endPara = tQuote, int32(qi), q.outer, int32(q.lastPara)
				f.toks = append(f.toks, tk)
				qi++
				if q.lastPara != b {
					b = q.lastPara
					bl = f.blocks[b]
					b32 = int32(b)
				}
				ti = q.close
				for si < len(a.Sentences) && a.Sentences[si].Last <= ti {
					si++
				}
				lastSi = si
				continue
			}
			switch t.Kind {
			case article.Punct:
				tk.kind = tPunct
				tk.r, _ = utf8.DecodeRuneInString(a.Source[t.Start:t.End])
			default:
				tk.kind = tWord
				tk.key = a.Key(t)
				if tk.key == "" {
					// Only tatweel or joiners (a dash written ـ): punctuation.
					tk.kind = tPunct
					tk.r = '-'
				} else if !f.lx.maybeCue(tk.key) {
					tk.cue = -1 // no speech cue: cueAt need not look
				}
			}
			f.toks = append(f.toks, tk)
		}
		// A block ending in a colon introduces what the next one says.
		if k := len(f.toks) - 1; k >= 0 && f.toks[k].kind == tPunct && isColon(f.toks[k].r) && f.toks[k].para == int32(b) {
			joinNext = true
		}
	}
	for i := range f.sents {
		if i+1 < len(f.sents) {
			f.sents[i].End = f.sents[i+1].Start
		} else {
			f.sents[i].End = len(f.toks)
		}
	}
	f.mapMentions()
}

// sortedMentions returns the valid mentions of ms (in src, on rune
// boundaries) sorted by start: ms itself when all are valid and sorted.
func sortedMentions(ms []entities.Mention, src string) []entities.Mention {
	valid := func(s article.Span) bool {
		return s.Start >= 0 && s.End <= len(src) && s.Start < s.End &&
			utf8.RuneStart(src[s.Start]) && (s.End == len(src) || utf8.RuneStart(src[s.End]))
	}
	sorted := true
	for i, m := range ms {
		if !valid(m.Span) || i > 0 && ms[i-1].Span.Start > m.Span.Start {
			sorted = false
			break
		}
	}
	if sorted {
		return ms
	}
	out := make([]entities.Mention, 0, len(ms))
	for _, m := range ms {
		if valid(m.Span) {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b entities.Mention) int { return a.Span.Start - b.Span.Start })
	return out
}

// sortedRoles returns the role cues of rs sorted by start (rs itself when
// it already is).
func sortedRoles(rs []entities.RoleCue) []entities.RoleCue {
	if slices.IsSortedFunc(rs, func(a, b entities.RoleCue) int { return a.Span.Start - b.Span.Start }) {
		return rs
	}
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b entities.RoleCue) int { return a.Span.Start - b.Span.Start })
	return out
}

// mapMentions records on each token the mention that starts or ends in it.
// Mentions inside quotations are not mapped: they never name a speaker.
func (f *finder) mapMentions() {
	ti := 0
	for mi, m := range f.ments {
		for ti < len(f.toks) && f.toks[ti].span.End <= m.Span.Start {
			ti++
		}
		if ti == len(f.toks) {
			break
		}
		t := &f.toks[ti]
		if t.kind != tWord || m.Span.Start < t.span.Start {
			continue
		}
		// the token holding the mention's last byte; a mention that runs
		// into a quotation names nobody outside it
		k := ti
		for k < len(f.toks) && f.toks[k].span.End < m.Span.End && f.toks[k].kind != tQuote {
			k++
		}
		if k == len(f.toks) || f.toks[k].kind != tWord || f.toks[k].span.Start >= m.Span.End {
			continue
		}
		if t.mStart < 0 {
			t.mStart = int32(mi)
		}
		f.toks[k].mEnd = int32(mi)
		if m.Kind == entities.PER {
			f.perEnds = append(f.perEnds, int32(k))
		}
	}
}

// tokenAt returns the index of the view token containing byte pos, or of
// the first token after it.
func (f *finder) tokenAt(pos int) int {
	i, _ := slices.BinarySearchFunc(f.toks, pos, func(t token, pos int) int {
		if t.span.End <= pos {
			return -1
		}
		return 1
	})
	return i
}

// sentOf returns the token range of token i's sentence.
func (f *finder) sentOf(i int) (int, int) {
	s := f.sents[f.toks[i].sent]
	return s.Start, s.End
}

// key returns the key of token i ("" for punctuation and quotations).
func (f *finder) key(i int) string { return f.toks[i].key }

// isWord reports whether token i is a word or number.
func (f *finder) isWord(i int) bool { return f.toks[i].kind == tWord }

// isPunct reports whether token i is punctuation r.
func (f *finder) isPunct(i int, r rune) bool { return f.toks[i].kind == tPunct && f.toks[i].r == r }

// isSentenceEnd reports whether the punctuation rune r ends a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '۔':
		return true
	}
	return false
}
