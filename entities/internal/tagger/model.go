package tagger

import (
	"math"
	"sync"
)

// Model is a trained linear-chain tagger: hashed feature weights per label,
// label transition weights, and the lexical tables its features consult.
// A Model is safe for concurrent use once built.
type Model struct {
	bits   uint8
	window uint8                           // sentences of context on each side in training
	w      []int16                         // (1<<bits) rows of NumLabels weights
	trans  [NumLabels + 1][NumLabels]int32 // from label (row NumLabels: sentence start) to label
	end    [NumLabels]int32                // from label to sentence end
	res    resources
	// mark gives the gazetteer marks of a sentence's words when a caller
	// passes none (TrainOptions.Marker, WithMarker); nil: none.
	mark Marker
	// stacked models tag twice: the second pass also sees the first
	// pass's labels (stack.go).
	stacked bool
	lang    Lang      // the language of the training data (langs.go)
	pool    sync.Pool // of *scratch
}

func (m *Model) scratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{lang: m.lang}
}

// Lang returns the language the model was trained for.
func (m *Model) Lang() Lang { return m.lang }

// Tag returns one label per word, taking the sentence alone as its
// document. words are whitespace tokens as ANERcorp has them, or article
// tokens (punctuation separate); keys normalised by article.Key work as
// well. ext, when not nil, gives per-token gazetteer flags from the caller
// (see MatchFlags); it may be shorter than words. Prefer TagDocument when
// the other sentences of the document are at hand.
func (m *Model) Tag(words []string, ext []Flags) []Label {
	return m.TagInto(make([]Label, 0, len(words)), words, ext)
}

// TagInto is Tag appending to dst, for callers that reuse a buffer.
func (m *Model) TagInto(dst []Label, words []string, ext []Flags) []Label {
	return m.TagContext(dst, words, ext, nil)
}

// TagContext is TagInto with the context of the sentence's document, from
// NewContext. A nil ctx stands for the sentence alone. A stacked model
// tags the sentence twice; the second pass sees the first pass's labels of
// the sentence and, through ctx, of the document.
func (m *Model) TagContext(dst []Label, words []string, ext []Flags, ctx *Context) []Label {
	if len(words) == 0 {
		return dst
	}
	if ext == nil && m.mark != nil {
		ext = m.mark(words)
	}
	s := m.scratch()
	start := len(dst)
	dst = m.tag(s, dst, words, ext, ctx)
	if m.stacked {
		s.p1buf = append(s.p1buf[:0], dst[start:]...)
		var plab map[uint64][NumLabels]uint16
		if ctx != nil {
			plab = ctx.plab
		}
		if plab == nil {
			// The sentence is its own document.
			if s.plabBuf == nil {
				s.plabBuf = make(map[uint64][NumLabels]uint16)
			}
			clear(s.plabBuf)
			for i := range s.toks {
				c := s.plabBuf[s.toks[i].stem2]
				c[s.p1buf[i]]++
				s.plabBuf[s.toks[i].stem2] = c
			}
			plab = s.plabBuf
		}
		s.p1, s.plab = s.p1buf, plab
		s.info = s.summarise(s.info[:0])
		m.secondPass(s, dst[start:], s.info)
		s.p1, s.plab = nil, nil
	}
	m.pool.Put(s)
	return dst
}

// tagOnce is TagContext without the second pass of a stacked model.
func (m *Model) tagOnce(dst []Label, words []string, ext []Flags, ctx *Context) []Label {
	if len(words) == 0 {
		return dst
	}
	s := m.scratch()
	dst = m.tag(s, dst, words, ext, ctx)
	m.pool.Put(s)
	return dst
}

// tag is TagContext with a given scratch, which holds the sentence's
// prepared tokens afterwards.
func (m *Model) tag(s *scratch, dst []Label, words []string, ext []Flags, ctx *Context) []Label {
	s.prepare(words, ext, &m.res, true)
	return m.tagPrepared(s, dst, ctx)
}

// tagPrepared is tag for the sentence prepared in s.
func (m *Model) tagPrepared(s *scratch, dst []Label, ctx *Context) []Label {
	var stats map[uint64]uint32
	if ctx != nil {
		stats = ctx.stats
	} else {
		if s.stats == nil {
			s.stats = make(map[uint64]uint32)
		}
		clear(s.stats)
		s.addStats(s.stats)
		stats = s.stats
	}
	s.features(m.bits, stats)
	n := len(s.toks)
	s.em = grow(s.em, n*NumLabels)
	for i := 0; i < n; i++ {
		e := s.em[i*NumLabels : (i+1)*NumLabels : (i+1)*NumLabels]
		// The rows of the word alone are summed once per distinct key.
		we := &s.entries[s.toks[i].ent]
		if !we.hasEm {
			for _, r := range s.rows[s.off[i]:s.wordEnd[i]] {
				row := m.w[int(r)*NumLabels : int(r)*NumLabels+NumLabels : int(r)*NumLabels+NumLabels]
				for l := range we.em {
					we.em[l] += int32(row[l])
				}
			}
			we.hasEm = true
		}
		v := &we.em
		copy(e, v[:])
		for _, r := range s.rows[s.wordEnd[i]:s.off[i+1]] {
			row := m.w[int(r)*NumLabels : int(r)*NumLabels+NumLabels : int(r)*NumLabels+NumLabels]
			for l := range e {
				e[l] += int32(row[l])
			}
		}
	}
	start := len(dst)
	for range n {
		dst = append(dst, O)
	}
	s.viterbi(dst[start:], &m.trans, &m.end)
	return dst
}

// maxCache bounds the per-scratch cache of word emission sums.
const maxCache = 1 << 15

func grow(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

// viterbi writes the best valid BIO label sequence for the emission scores
// s.em into out.
func (s *scratch) viterbi(out []Label, trans *[NumLabels + 1][NumLabels]int32, end *[NumLabels]int32) {
	n := len(out)
	if cap(s.bp) < n*NumLabels {
		s.bp = make([]uint8, n*NumLabels)
	}
	bp := s.bp[:n*NumLabels]
	const neg = math.MinInt64 / 4
	var cur, next [NumLabels]int64
	for j := Label(0); j < NumLabels; j++ {
		if !allowed(O, j) {
			cur[j] = neg
			continue
		}
		cur[j] = int64(trans[NumLabels][j]) + int64(s.em[j])
	}
	for t := 1; t < n; t++ {
		em := s.em[t*NumLabels : t*NumLabels+NumLabels : t*NumLabels+NumLabels]
		b := bp[t*NumLabels : t*NumLabels+NumLabels : t*NumLabels+NumLabels]
		for j := Label(0); j < NumLabels; j++ {
			// O and B- labels may follow any label; I-k only B-k and I-k.
			lo, hi := Label(0), Label(NumLabels)
			if j.IsInside() {
				lo, hi = j-1, j+1
			}
			best, arg := int64(neg), lo
			for i := lo; i < hi; i++ {
				if v := cur[i] + int64(trans[i][j]); cur[i] != neg && v > best {
					best, arg = v, i
				}
			}
			if best == neg {
				next[j] = neg
			} else {
				next[j] = best + int64(em[j])
			}
			b[j] = uint8(arg)
		}
		cur = next
	}
	best, arg := int64(neg), Label(0)
	for j := Label(0); j < NumLabels; j++ {
		if cur[j] == neg {
			continue
		}
		if v := cur[j] + int64(end[j]); v > best {
			best, arg = v, j
		}
	}
	for t := n - 1; t >= 0; t-- {
		out[t] = arg
		arg = Label(bp[t*NumLabels+int(arg)])
	}
}

// Marker returns the gazetteer marks (ext flags) of a sentence's words:
// the marks of the gazetteer a model was trained with (TrainOptions.Marker).
type Marker func(words []string) []Flags

// WithMarker returns a model with m's weights that marks the sentences it
// is given no flags for with mark, as a model trained with
// TrainOptions.Marker does; m is unchanged.
func (m *Model) WithMarker(mark Marker) *Model {
	return &Model{bits: m.bits, window: m.window, w: m.w, trans: m.trans, end: m.end, res: m.res, stacked: m.stacked, mark: mark}
}

// marks returns ext, or the marks of every sentence when ext is nil and m
// has a Marker.
func (m *Model) marks(sents [][]string, ext [][]Flags) [][]Flags {
	if ext != nil || m.mark == nil {
		return ext
	}
	ext = make([][]Flags, len(sents))
	for i, w := range sents {
		ext[i] = m.mark(w)
	}
	return ext
}
