package tagger

import (
	"context"
	"fmt"
)

// TagDocument tags the sentences of one document (an article), each in the
// context of all of them: a name introduced by a title in one sentence is
// then found where a later sentence only repeats it. ext, when not nil,
// holds the caller's gazetteer flags of each sentence (see MatchFlags).
// It returns one label slice per sentence, or ctx's error (wrapped) when
// ctx is done first; its cost grows linearly with the document.
func (m *Model) TagDocument(ctx context.Context, sents [][]string, ext [][]Flags) ([][]Label, error) {
	ext = m.marks(sents, ext)
	s := m.scratch()
	defer m.pool.Put(s)
	// The context does not outlive the call: its statistics can live
	// in the scratch.
	if s.docStats == nil {
		s.docStats = make(map[uint64]uint32)
	}
	clear(s.docStats)
	dc := m.newContext(s, sents, ext, s.docStats)
	p1, info, err := m.firstPass(ctx, s, sents, dc, m.stacked)
	if err != nil {
		return nil, err
	}
	if !m.stacked {
		return p1, nil
	}
	if s.plabBuf == nil {
		s.plabBuf = make(map[uint64][NumLabels]uint16)
	}
	clear(s.plabBuf)
	for n := range info {
		for i, l := range p1[n] {
			c := s.plabBuf[info[n][i].stem2]
			if c[l] < 0xffff {
				c[l]++
			}
			s.plabBuf[info[n][i].stem2] = c
		}
	}
	out := make([][]Label, len(sents))
	labels := make([]Label, 0, len(s.docEm)/NumLabels)
	s.plab = s.plabBuf
	for n, p := range p1 {
		if n%ctxEvery == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("tagger: %w", ctx.Err())
		}
		start := len(labels)
		labels = append(labels, p...)
		if len(p) > 0 {
			s.p1 = p
			s.em = grow(s.em, len(p)*NumLabels)
			copy(s.em, s.docEm[start*NumLabels:])
			m.secondPass(s, labels[start:], info[n])
		}
		out[n] = labels[start:len(labels):len(labels)]
	}
	s.p1, s.plab = nil, nil
	propagate(info, out, len(sents))
	return out, nil
}

// ctxEvery is how many sentences pass between two looks at the context.
const ctxEvery = 64

// firstPass tags the sentences of a document in the document context dc,
// which newContext built with s (s holds the prepared sentences), without
// the second pass of a stacked model, and returns the labels, the
// tokens' second-pass view; with keepEm, s.docEm holds the emission scores
// of all the tokens afterwards. It stops with ctx's error when ctx is done.
func (m *Model) firstPass(ctx context.Context, s *scratch, sents [][]string, dc *Context, keepEm bool) ([][]Label, [][]wordInfo, error) {
	out := make([][]Label, len(sents))
	info := make([][]wordInfo, len(sents))
	total := 0
	for _, w := range sents {
		total += len(w)
	}
	labels := make([]Label, 0, max(total, 1))
	infos := make([]wordInfo, 0, total)
	s.docEm = s.docEm[:0]
	toks, buf := s.toks, s.buf
	defer func() { s.toks, s.buf = toks, buf }()
	for n, w := range sents {
		if n%ctxEvery == 0 && ctx.Err() != nil {
			return nil, nil, fmt.Errorf("tagger: %w", ctx.Err())
		}
		start := len(labels)
		if len(w) > 0 {
			a, b := s.dstart[n], s.dstart[n+1]
			s.toks = s.dtoks[a:b:b]
			a, b = s.bstart[n], s.bstart[n+1]
			s.buf = s.dbuf[a:b:b]
			labels = m.tagPrepared(s, labels, dc)
			infos = s.summarise(infos)
			if keepEm {
				s.docEm = append(s.docEm, s.em[:len(w)*NumLabels]...)
			}
		}
		out[n] = labels[start:len(labels):len(labels)]
		info[n] = infos[start:len(infos):len(infos)]
	}
	propagate(info, out, len(sents))
	return out, info, nil
}

// KindSet is a set of entity kinds: bit k-1 stands for Kind k.
type KindSet uint8

// Has reports whether k is in the set.
func (s KindSet) Has(k Kind) bool { return k >= PER && k <= MISC && s&(1<<(k-1)) != 0 }

// Add returns the set with k added.
func (s KindSet) Add(k Kind) KindSet {
	if k < PER || k > MISC {
		return s
	}
	return s | 1<<(k-1)
}

// Lexicon is a gazetteer supplied by the caller, such as the linker's
// countries, cities, people and organisations.
type Lexicon interface {
	// Lookup reports the longest known name that begins at keys[i]: its
	// length in tokens (0 when none) and the kinds it may have. keys are
	// normalised tokens, as article.Key makes them.
	Lookup(keys []string, i int) (kinds KindSet, n int)
}

// MatchFlags appends to dst the gazetteer flags of each token of keys
// according to lex: FlagBegin(k) where a name of kind k begins and
// FlagInside(k) on the tokens it continues over.
func MatchFlags(dst []Flags, lex Lexicon, keys []string) []Flags {
	start := len(dst)
	for range keys {
		dst = append(dst, 0)
	}
	f := dst[start:]
	for i := range keys {
		kinds, n := lex.Lookup(keys, i)
		if n <= 0 {
			continue
		}
		n = min(n, len(keys)-i)
		for k := PER; k <= MISC; k++ {
			if !kinds.Has(k) {
				continue
			}
			f[i] |= FlagBegin(k)
			for j := i + 1; j < i+n; j++ {
				f[j] |= FlagInside(k)
			}
		}
	}
	return dst
}
