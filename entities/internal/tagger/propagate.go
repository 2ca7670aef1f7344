package tagger

// occ is a one-word name found by the first pass.
type occ struct {
	stem uint64
	kind Kind
}

// wordInfo is what the second pass needs of a token.
type wordInfo struct {
	stem2 uint64
	lex2  uint8
}

// summarise appends the second-pass view of the prepared tokens of s.
func (s *scratch) summarise(dst []wordInfo) []wordInfo {
	for i := range s.toks {
		dst = append(dst, wordInfo{s.toks[i].stem2, s.toks[i].lex2})
	}
	return dst
}

// propagate is the second pass over a document: a word that the first pass
// left outside any name, though it was tagged as the one-word name of one
// kind elsewhere in the document (within window sentences), gets that kind
// when the training data never saw it mostly outside names. info holds the
// tokens of each sentence and preds the first pass's labels, which are
// changed in place.
func propagate(info [][]wordInfo, preds [][]Label, window int) {
	found := make([][]occ, len(info))
	for n := range info {
		for _, c := range Chunks(preds[n]) {
			switch {
			case c.End-c.Start == 1:
				found[n] = append(found[n], occ{info[n][c.Start].stem2, c.Kind})
			case c.Kind == PER:
				// The last word of a person's full name stands for the
				// person later on: ألكسندر لوكاشينكو, then لوكاشينكو.
				found[n] = append(found[n], occ{info[n][c.End-1].stem2, c.Kind})
			}
		}
	}
	// The kinds found within the window, as counts per stem and kind,
	// slid along the document: each sentence enters and leaves once, so
	// the pass is linear in the document whatever the window.
	counts := make(map[uint64]*[4]int32)
	add := func(j int, d int32) {
		for _, o := range found[j] {
			c := counts[o.stem]
			if c == nil {
				c = new([4]int32)
				counts[o.stem] = c
			}
			c[o.kind-1] += d
		}
	}
	kindsOf := func(stem uint64) uint8 {
		c := counts[stem]
		if c == nil {
			return 0
		}
		var ks uint8
		for k := range c {
			if c[k] > 0 {
				ks |= 1 << k
			}
		}
		return ks
	}
	hi := -1 // sentences [lo, hi] are in the window
	for n, toks := range info {
		for hi < min(len(info)-1, n+window) {
			hi++
			add(hi, 1)
		}
		if lo := n - window - 1; lo >= 0 {
			add(lo, -1)
		}
		if len(counts) == 0 {
			continue
		}
		p := preds[n]
		for i := range p {
			if p[i] != O || (i+1 < len(p) && p[i+1].IsInside()) {
				continue
			}
			ks := kindsOf(toks[i].stem2)
			if ks == 0 || ks&(ks-1) != 0 {
				continue
			}
			if l := toks[i].lex2; l != 0 && (l>>4)&3 < 2 {
				continue // mostly outside names in training
			}
			var k Kind
			for k = PER; ks&(1<<(k-1)) == 0; k++ {
			}
			p[i] = Begin(k)
		}
	}
}

// propagateWords is propagate for sentences given as words.
func (m *Model) propagateWords(sents [][]string, preds [][]Label, window int) {
	s := m.scratch()
	info := make([][]wordInfo, len(sents))
	for n, w := range sents {
		s.prepare(w, nil, &m.res, true)
		info[n] = s.summarise(nil)
	}
	m.pool.Put(s)
	propagate(info, preds, window)
}
