package tagger

import "context"

// Context gathers how the words of a document are used across its
// sentences: which cue words stand before and after each word, how often it
// occurs, and whether a known name begins with it. A name that a title
// introduces once is then recognised in the sentences that only repeat it.
// Build one per document with Model.NewContext; a Context is read-only once
// built and safe for concurrent use.
type Context struct {
	stats map[uint64]uint32 // aggressive stem hash -> docBits
	// plab counts the first pass's labels by aggressive stem hash, for
	// the second pass of a stacked model (nil otherwise).
	plab map[uint64][NumLabels]uint16
}

// Bits of a Context entry.
const (
	docCueBefore = 0  // 1<<(docCueBefore+cue): cue class of the word before
	docCueAfter  = 9  // 1<<(docCueAfter+cue): cue class of the word after
	docCount     = 18 // two-bit saturating count of occurrences
	docGaz       = 20 // 1<<(docGaz+k-1): a known name of kind k begins here
	docBits      = 24
)

// NewContext returns the context of a document given as its sentences of
// words (the sentence to be tagged among them) and, optionally, the
// caller's gazetteer flags of each sentence. For a stacked model (the
// embedded one is) it also tags the document once, as TagDocument's first
// pass does, so that TagContext can make the second pass; building a
// Context then costs about as much as tagging the document.
func (m *Model) NewContext(sents [][]string, ext [][]Flags) *Context {
	ext = m.marks(sents, ext)
	s := m.scratch()
	defer m.pool.Put(s)
	c := m.newContext(s, sents, ext, nil)
	if m.stacked {
		// The first pass over the document, as TagDocument makes it.
		c.plab = make(map[uint64][NumLabels]uint16)
		p1, info, _ := m.firstPass(context.Background(), s, sents, c, false)
		for n := range info {
			stems := info[n]
			for i, l := range p1[n] {
				cl := c.plab[stems[i].stem2]
				if cl[l] < 0xffff {
					cl[l]++
				}
				c.plab[stems[i].stem2] = cl
			}
		}
	}
	return c
}

// newContext is NewContext without the first pass of a stacked model. It
// leaves the prepared tokens of every sentence in s (s.dtoks), for
// firstPass to tag them without preparing them again. The context's
// statistics go to stats, which must be empty, or to a new map when it is
// nil.
func (m *Model) newContext(s *scratch, sents [][]string, ext [][]Flags, stats map[uint64]uint32) *Context {
	total := 0
	for _, w := range sents {
		total += len(w)
	}
	if stats == nil {
		stats = make(map[uint64]uint32, total)
	}
	c := &Context{stats: stats}
	// The document's tokens point into the cache of word entries, which
	// must then not be emptied before they are tagged.
	if s.cacheIdx == nil || len(s.entries)+total > maxCache {
		s.resetCache()
	}
	s.inDoc = true
	s.dtoks, s.dbuf = s.dtoks[:0], s.dbuf[:0]
	s.dstart, s.bstart = append(s.dstart[:0], 0), append(s.bstart[:0], 0)
	for n, w := range sents {
		var e []Flags
		if n < len(ext) {
			e = ext[n]
		}
		s.prepare(w, e, &m.res, true)
		s.addStats(c.stats)
		s.dtoks = append(s.dtoks, s.toks...)
		s.dbuf = append(s.dbuf, s.buf...)
		s.dstart = append(s.dstart, int32(len(s.dtoks)))
		s.bstart = append(s.bstart, int32(len(s.dbuf)))
	}
	s.inDoc = false
	return c
}

// addStats adds the prepared sentence in s to stats.
func (s *scratch) addStats(stats map[uint64]uint32) {
	n := len(s.toks)
	for i := range s.toks {
		t := &s.toks[i]
		v := stats[t.stem2]
		before, after := numCues, numCues+1
		if i > 0 {
			before = s.toks[i-1].cue
		}
		if i+1 < n {
			after = s.toks[i+1].cue
		}
		if before < numCues {
			v |= 1 << (docCueBefore + uint32(before))
		}
		if after < numCues {
			v |= 1 << (docCueAfter + uint32(after))
		}
		if (v>>docCount)&3 < 3 {
			v += 1 << docCount
		}
		for k := PER; k <= MISC; k++ {
			if t.flags&FlagBegin(k) != 0 {
				v |= 1 << (docGaz + uint32(k) - 1)
			}
		}
		if s.lang != Arabic {
			v |= caseBits(t)
		}
		stats[t.stem2] = v
	}
}
