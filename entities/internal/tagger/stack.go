package tagger

// A stacked model tags in two passes with one set of weights. The first
// pass is the plain tagger. The second adds features of the first pass's
// labels: the word's own label, the labels of its neighbours, and the
// labels its other occurrences in the document got. Training shows the
// second-pass features on half the sentences only, so that the same
// weights serve both passes, and takes the first-pass labels of the
// training data from models that did not see them (stackPreds).

// stackPreds returns the labels that models trained without stacking give
// the sentences: the data is cut into opts.Stack contiguous blocks, and
// each block is tagged by a model trained on the others.
func stackPreds(sents []Sentence, opts TrainOptions) [][]Label {
	k := opts.Stack
	o := opts
	o.Stack = -1
	preds := make([][]Label, len(sents))
	for f := 0; f < k; f++ {
		lo, hi := f*len(sents)/k, (f+1)*len(sents)/k
		rest := append(append([]Sentence{}, sents[:lo]...), sents[hi:]...)
		m := Train(rest, o)
		_, p := TagCorpus(m, sents[lo:hi])
		copy(preds[lo:hi], p)
	}
	return preds
}

// sentenceStems returns the aggressive-stem hashes of every sentence.
func sentenceStems(sents []Sentence, lang Lang) [][]uint64 {
	s := scratch{lang: lang}
	out := make([][]uint64, len(sents))
	for n, st := range sents {
		s.prepare(st.Words, nil, nil, false)
		out[n] = make([]uint64, len(s.toks))
		for i := range s.toks {
			out[n][i] = s.toks[i].stem2
		}
	}
	return out
}

// countLabels adds the labels of one sentence, whose tokens have the
// aggressive-stem hashes stems, to counts.
func countLabels(counts map[uint64][NumLabels]uint16, stems []uint64, labels []Label) {
	for i, h := range stems {
		c := counts[h]
		if l := labels[i]; l < NumLabels && c[l] < 0xffff {
			c[l]++
		}
		counts[h] = c
	}
}

// stackRows appends the second-pass features of token i, whose aggressive
// stem hash is stem2: its first-pass label and its neighbours', and the
// first-pass labels of the word's other occurrences in the document.
func (s *scratch) stackRows(i int, stem2 uint64, shift uint8) {
	add := func(h uint64) { s.rows = append(s.rows, uint32(h>>shift)) }
	p := s.p1
	own := p[i]
	pm, pp := Label(NumLabels), Label(NumLabels)
	if i > 0 {
		pm = p[i-1]
	}
	if i+1 < len(p) {
		pp = p[i+1]
	}
	add(feat(fStackOwn, uint64(own)))
	add(feat2(fStackNb, uint64(pm), uint64(pp)))
	if s.plab == nil {
		return
	}
	c := s.plab[stem2]
	if c[own] > 0 {
		c[own]--
	}
	var total, ent uint32
	best := O
	for l := Label(0); l < NumLabels; l++ {
		total += uint32(c[l])
		if l == O || c[l] == 0 {
			continue
		}
		ent += uint32(c[l])
		add(feat(fStackDoc, uint64(l)))
		if best == O || c[l] > c[best] {
			best = l
		}
	}
	if total == 0 {
		add(feat(fStackMaj, 0xff))
		return
	}
	var b uint64
	switch {
	case ent == 0:
		b = 0
	case 2*ent < total:
		b = 1
	case ent < total:
		b = 2
	default:
		b = 3
	}
	add(feat(fStackMaj, uint64(best)<<4|b))
}

// tagStacked is the second pass of a stacked model over one sentence: p1
// holds the first pass's labels of the sentence and plab the first pass's
// label counts over the document.
func (m *Model) tagStacked(dst []Label, words []string, ext []Flags, ctx *Context, p1 []Label, plab map[uint64][NumLabels]uint16) []Label {
	if len(words) == 0 {
		return dst
	}
	s := m.scratch()
	s.p1, s.plab = p1, plab
	dst = m.tag(s, dst, words, ext, ctx)
	s.p1, s.plab = nil, nil
	m.pool.Put(s)
	return dst
}

// secondPass is the second pass of a stacked model over one sentence whose
// first-pass emission scores are in s.em: it adds the weights of the
// second-pass features (which need s.p1 and s.plab) and decodes into out.
// info holds the sentence's tokens. The result is the same as tagging with
// all features at once, because emission scores are sums.
func (m *Model) secondPass(s *scratch, out []Label, info []wordInfo) {
	shift := 64 - m.bits
	for i := range out {
		s.rows = s.rows[:0]
		s.stackRows(i, info[i].stem2, shift)
		e := s.em[i*NumLabels : (i+1)*NumLabels : (i+1)*NumLabels]
		for _, r := range s.rows {
			row := m.w[int(r)*NumLabels : int(r)*NumLabels+NumLabels : int(r)*NumLabels+NumLabels]
			for l := range e {
				e[l] += int32(row[l])
			}
		}
	}
	s.viterbi(out, &m.trans, &m.end)
}
