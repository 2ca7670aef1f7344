package tagger

// propagate is the second pass over a document: a word that the first pass
// left outside any name, though it was tagged as the one-word name of one
// kind elsewhere in the document, gets that kind when the training data
// never saw it outside a name. preds are the first pass's labels, one
// slice per sentence of sents, and are changed in place.
func (m *Model) propagate(sents [][]string, preds [][]Label, window int) {
	s := m.scratch()
	defer m.pool.Put(s)
	// kinds[n] maps aggressive stem hashes of sentence n's single-token
	// names to a kind bitset.
	type occ struct {
		stem uint64
		kind Kind
	}
	found := make([][]occ, len(sents))
	for n, w := range sents {
		s.prepare(w, nil, &m.res)
		for _, c := range Chunks(preds[n]) {
			if c.End-c.Start == 1 {
				found[n] = append(found[n], occ{s.toks[c.Start].stem2, c.Kind})
			}
		}
	}
	kinds := make(map[uint64]uint8)
	for n, w := range sents {
		clear(kinds)
		for j := max(0, n-window); j <= min(len(sents)-1, n+window); j++ {
			for _, o := range found[j] {
				kinds[o.stem] |= 1 << (o.kind - 1)
			}
		}
		if len(kinds) == 0 {
			continue
		}
		s.prepare(w, nil, &m.res)
		p := preds[n]
		for i := range p {
			if p[i] != O || (i+1 < len(p) && p[i+1].IsInside()) {
				continue
			}
			t := &s.toks[i]
			ks, ok := kinds[t.stem2]
			if !ok || ks&(ks-1) != 0 {
				continue
			}
			if t.lex2 != 0 && (t.lex2>>4)&3 < 2 {
				continue // a common word in training
			}
			var k Kind
			for k = PER; ks&(1<<(k-1)) == 0; k++ {
			}
			p[i] = Begin(k)
		}
	}
}
