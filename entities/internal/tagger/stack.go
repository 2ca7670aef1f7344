package tagger

import (
	"os"
	"slices"
	"strconv"
)

var stackVar, _ = strconv.Atoi(os.Getenv("STACKVAR"))

// stackPreds returns the first-stage labels of every sentence, each block
// of k contiguous blocks tagged by a model trained on the others.
func stackPreds(sents []Sentence, opts TrainOptions, k int) [][]Label {
	preds := make([][]Label, len(sents))
	for f := 0; f < k; f++ {
		lo, hi := f*len(sents)/k, (f+1)*len(sents)/k
		rest := append(append([]Sentence{}, sents[:lo]...), sents[hi:]...)
		m := Train(rest, opts)
		_, p := TagCorpus(m, sents[lo:hi])
		copy(preds[lo:hi], p)
	}
	return preds
}

// sentenceStems returns the aggressive-stem hashes of every sentence.
func sentenceStems(sents []Sentence) [][]uint64 {
	var s scratch
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

// countLabels adds the labels of one sentence to counts by stem.
func countLabels(counts map[uint64][NumLabels]uint16, stems []uint64, labels []Label) {
	for i, h := range stems {
		c := counts[h]
		if l := labels[i]; l < NumLabels && c[l] < 0xffff {
			c[l]++
		}
		counts[h] = c
	}
}

// stackRows appends the features of token i that come from the first
// stage: its label and its neighbours', and the labels of the word's other
// occurrences in the document.
func (s *scratch) stackRows(i int, t *tokInfo, shift uint8) {
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
	if stackVar&1 == 0 {
		add(feat(fStackOwn, uint64(own)))
	}
	if stackVar&2 == 0 {
		add(feat2(fStackNb, uint64(pm), uint64(pp)))
	}
	if stackVar&4 != 0 {
		// The first-stage chunk around the token: kind, length, position.
		a, b := i, i+1
		if own != O {
			for a > 0 && p[a].IsInside() {
				a--
			}
			for b < len(p) && p[b].IsInside() {
				b++
			}
			add(feat(fStackOwn+100, uint64(own.Kind())<<16|uint64(min(b-a, 5))<<8|uint64(min(i-a, 3))))
		}
	}
	if s.plab == nil {
		return
	}
	c := s.plab[t.stem2]
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
	if stackVar&8 != 0 {
		add(feat2(fStackMaj+100, uint64(best)<<4|b, uint64(own)))
	}
}

// tagStacked is tag for a stacked model: p1 holds the first stage's labels
// of the sentence and plab its label counts over the document.
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

var edgeOn = os.Getenv("EDGE") != ""

// edgeObs is the class of a token that the transition weights into it
// depend on: its cue class, whether it has the article, and whether it is
// a nationality adjective or a word common inside organisation names.
func (s *scratch) edgeObs(t *tokInfo) uint64 {
	o := uint64(t.cue)
	clit := s.buf[t.keyS:t.stemS]
	if n := len(clit); n >= 4 && (string(clit[n-4:]) == "ال" || string(clit[n-4:]) == "لل") {
		o |= 1 << 4
	}
	if stackVar&32 != 0 {
		return o | uint64(t.names)<<5
	}
	if t.names&nlNationality != 0 {
		o |= 1 << 5
	}
	if t.names&nlOrgWord != 0 {
		o |= 1 << 6
	}
	return o
}

var selfStack = os.Getenv("SELF") != ""

func stackEnds(s *scratch, on bool) []int32 {
	if !on {
		return nil
	}
	return slices.Clone(s.sEnd[:len(s.toks)])
}
