package tagger

import (
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions configure Train. The zero value means the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the data (default 12).
	Epochs int
	// Seed fixes the order of the sentences in each pass (default 1).
	Seed uint64
	// Bits is the base-2 logarithm of the number of hashed feature rows
	// (default 18 for Arabic, 17 for English and Persian, whose models
	// must fit 3 MB and lose nothing measurable with fewer rows).
	Bits uint8
	// Folds is the number of contiguous blocks the data is cut into so that
	// each sentence's gazetteer and lexicon features come from the other
	// blocks' names (default 10).
	Folds int
	// Dropout is the probability, per token and pass, that the features of
	// the word itself are hidden from the learner, so that the context
	// and lexicon features learn to find names the data has not shown it.
	// Zero means the default, 0.3; a negative value disables it.
	Dropout float64
	// Window is how many sentences before and after a sentence make up its
	// document context in training and in Evaluate (default 5; negative:
	// the sentence alone). ANERcorp does not mark article boundaries.
	Window int
	// Margin is added to the score of every wrong label in training, so
	// that the learner keeps updating until the right answer wins by that
	// much (loss-augmented decoding; default 30, negative: none).
	// RecallCost adds to it on the tokens of names, so that missing a name
	// costs more than a false alarm (default 0).
	Margin, RecallCost int
	// Ensemble is the number of perceptrons, trained with seeds Seed,
	// Seed+1, …, whose weights are summed (default 3: the F1 then varies
	// less with the seed, and its mean over seeds was higher than one
	// perceptron's on both development splits; see README.md).
	Ensemble int
	// Stack, when above 1, trains a stacked model, which tags in two
	// passes: the second also sees the first pass's labels of the word and
	// its neighbours, and those of the word's other occurrences in the
	// document. The labels that the training data gets for this come from
	// Stack contiguous blocks, each tagged by a model trained on the
	// others. Zero means the default, 3; 1 or a negative value gives a
	// model that tags in one pass.
	Stack int
	// Marker, when not nil, marks the names of a gazetteer in each
	// sentence (ext flags); the model learns what the marks are worth,
	// and keeps the Marker to mark the sentences it tags.
	Marker Marker
	// Lang is the language of the sentences, which selects the stems,
	// word lists and features (default Arabic).
	Lang Lang
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Bits == 0 {
		o.Bits = 18
		if o.Lang != Arabic {
			o.Bits = 17
		}
	}
	o.Bits = min(max(o.Bits, 12), 24)
	if o.Dropout == 0 {
		o.Dropout = 0.3
	}
	if o.Margin == 0 {
		o.Margin = 30
	}
	o.Margin = max(o.Margin, 0)
	o.RecallCost = max(o.RecallCost, 0)
	if o.Ensemble <= 0 {
		o.Ensemble = 3
	}
	o.Ensemble = min(o.Ensemble, 16)
	if o.Window == 0 {
		o.Window = 5
	}
	o.Window = min(max(o.Window, 0), 255)
	if o.Folds <= 1 {
		o.Folds = 10
	}
	if o.Stack == 0 {
		o.Stack = 3
	}
	o.Stack = min(max(o.Stack, 1), 20)
	return o
}

// buildResources makes the gazetteer and lexicon of the sentences for which
// use returns true.
func buildResources(sents []Sentence, lang Lang, use func(i int) bool) resources {
	gaz := make(map[uint64]uint8)
	counts := make(map[uint64]*[NumLabels]int32)
	s := scratch{lang: lang}
	for n, st := range sents {
		if !use(n) {
			continue
		}
		s.prepare(st.Words, nil, nil, false)
		for i, t := range s.toks {
			c := counts[t.stem]
			if c == nil {
				c = new([NumLabels]int32)
				counts[t.stem] = c
			}
			c2 := counts[t.stem2^lex2Salt]
			if c2 == nil {
				c2 = new([NumLabels]int32)
				counts[t.stem2^lex2Salt] = c2
			}
			if l := st.Labels[i]; l < NumLabels {
				c[l]++
				c2[l]++
			}
		}
		for _, ch := range Chunks(st.Labels) {
			if ch.End-ch.Start > maxGazLen {
				continue
			}
			firsts := []uint64{s.toks[ch.Start].stem}
			if s2 := s.toks[ch.Start].stem2; s2 != firsts[0] {
				firsts = append(firsts, s2)
			}
			for _, f := range firsts {
				h := seqHash(0, f)
				for j := ch.Start + 1; j <= ch.End; j++ {
					if j == ch.End {
						gaz[h] |= 1 << (ch.Kind - 1)
						break
					}
					gaz[h] |= gazPrefix
					h = seqHash(h, s.toks[j].stem)
				}
			}
		}
	}
	lex := make(map[uint64]uint8, len(counts))
	for h, c := range counts {
		lex[h] = lexPack(c)
	}
	return resources{gaz: gaz, lex: lex}
}

// lexPack packs token-label counts into a byte: bit 7 set, the most
// frequent entity label (or O) in bits 0-3, and a bucket of the entity
// fraction in bits 4-5.
func lexPack(c *[NumLabels]int32) uint8 {
	var total, ent int32
	best := Label(0)
	for l := Label(0); l < NumLabels; l++ {
		total += c[l]
		if l != O {
			ent += c[l]
			if best == O || c[l] > c[best] {
				best = l
			}
		}
	}
	if ent == 0 || total == 0 {
		return 0x80
	}
	var b uint8
	switch f := float64(ent) / float64(total); {
	case f < 0.3:
		b = 1
	case f < 0.7:
		b = 2
	default:
		b = 3
	}
	return 0x80 | b<<4 | uint8(best)
}

// example is a training sentence with its features computed once.
type example struct {
	rows   []uint32
	off    []int32
	lexEnd []int32
	sEnd   []int32 // of a stacked model: where the first-pass rows begin
	labels []Label
}

// Train fits an averaged structured perceptron to the sentences. The result
// depends only on the sentences and the options: the same input gives a
// model with the same MarshalBinary bytes.
func Train(sents []Sentence, opts TrainOptions) *Model {
	opts = opts.withDefaults()
	sents = slices.DeleteFunc(slices.Clone(sents), func(s Sentence) bool {
		return len(s.Words) == 0 || len(s.Words) != len(s.Labels)
	})
	m := &Model{bits: opts.Bits, window: uint8(opts.Window), mark: opts.Marker, lang: opts.Lang}
	m.res = buildResources(sents, opts.Lang, func(int) bool { return true })
	var ext [][]Flags
	if opts.Marker != nil {
		ext = make([][]Flags, len(sents))
		for n, st := range sents {
			ext[n] = opts.Marker(st.Words)
		}
	}
	extOf := func(n int) []Flags {
		if ext == nil {
			return nil
		}
		return ext[n]
	}
	var preds1 [][]Label
	var stems2 [][]uint64
	if opts.Stack > 1 && len(sents) >= opts.Stack {
		preds1 = stackPreds(sents, opts)
		stems2 = sentenceStems(sents, opts.Lang)
		m.stacked = true
	}
	plab := make(map[uint64][NumLabels]uint16)

	// Jackknifed features: sentence n belongs to fold n*Folds/len.
	exs := make([]example, len(sents))
	s := scratch{lang: opts.Lang}
	stats := make(map[uint64]uint32)
	for f := 0; f < opts.Folds; f++ {
		fold := func(n int) int { return n * opts.Folds / len(sents) }
		res := buildResources(sents, opts.Lang, func(n int) bool { return fold(n) != f })
		for n, st := range sents {
			if fold(n) != f {
				continue
			}
			clear(stats)
			lo, hi := docWindow(sents, n, opts.Window)
			for j := lo; j <= hi; j++ {
				s.prepare(sents[j].Words, extOf(j), &res, false)
				s.addStats(stats)
			}
			s.prepare(st.Words, extOf(n), &res, false)
			if preds1 != nil {
				clear(plab)
				for j := lo; j <= hi; j++ {
					countLabels(plab, stems2[j], preds1[j])
				}
				s.p1, s.plab = preds1[n], plab
			}
			s.features(opts.Bits, stats)
			s.p1, s.plab = nil, nil
			exs[n] = example{rows: slices.Clone(s.rows), off: slices.Clone(s.off), lexEnd: slices.Clone(s.lexEnd), labels: st.Labels}
			if preds1 != nil {
				exs[n].sEnd = slices.Clone(s.sEnd)
			}
		}
	}

	// An ensemble of perceptrons that differ in the order they see the
	// data and in what dropout hides; their averaged weights are summed.
	var (
		wf []float64
		tf [NumLabels + 1][NumLabels]float64
		ef [NumLabels]float64
	)
	for e := 0; e < opts.Ensemble; e++ {
		w, t, en := perceptron(exs, opts, opts.Seed+uint64(e))
		if wf == nil {
			wf = w
		} else {
			for i, v := range w {
				wf[i] += v
			}
		}
		for i := range t {
			for j := range t[i] {
				tf[i][j] += t[i][j]
			}
		}
		for j := range en {
			ef[j] += en[j]
		}
	}
	m.quantise(wf, &tf, &ef)
	return m
}

// perceptron trains an averaged structured perceptron on the examples and
// returns its averaged weights.
func perceptron(exs []example, opts TrainOptions, seed uint64) (wf []float64, tf [NumLabels + 1][NumLabels]float64, ef [NumLabels]float64) {
	rng := rand.New(rand.NewPCG(seed, 0x6b686162617221))
	var s scratch
	rows := 1 << opts.Bits
	w := make([]int32, rows*NumLabels)
	wa := make([]int64, rows*NumLabels)
	var trans, transA [NumLabels + 1][NumLabels]int64
	var end, endA [NumLabels]int64
	var tr32 [NumLabels + 1][NumLabels]int32
	var end32 [NumLabels]int32
	c := int64(1)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var pred []Label
	var from []int32
	for range opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, n := range order {
			ex := &exs[n]
			k := len(ex.labels)
			// A stacked model sees half the sentences without the
			// first-pass features, so that it can make the first pass.
			ends := ex.off[1:]
			if ex.sEnd != nil && rng.Float64() < 0.5 {
				ends = ex.sEnd
			}
			from = slices.Grow(from[:0], k)[:k]
			for i := range from {
				from[i] = ex.off[i]
				if opts.Dropout > 0 && rng.Float64() < opts.Dropout {
					from[i] = ex.lexEnd[i]
				}
			}
			s.em = grow(s.em, k*NumLabels)
			for i := 0; i < k; i++ {
				e := s.em[i*NumLabels : (i+1)*NumLabels]
				clear(e)
				for _, r := range ex.rows[from[i]:ends[i]] {
					row := w[int(r)*NumLabels : int(r)*NumLabels+NumLabels]
					for l := range e {
						e[l] += row[l]
					}
				}
			}
			if opts.Margin > 0 {
				for i := 0; i < k; i++ {
					g := ex.labels[i]
					for l := Label(0); l < NumLabels; l++ {
						if l == g {
							continue
						}
						c := opts.Margin
						if g != O {
							c += opts.RecallCost
						}
						s.em[i*NumLabels+int(l)] += int32(c)
					}
				}
			}
			for i := range trans {
				for j := range trans[i] {
					tr32[i][j] = int32(trans[i][j])
				}
			}
			for j := range end {
				end32[j] = int32(end[j])
			}
			pred = slices.Grow(pred[:0], k)[:k]
			s.viterbi(pred, &tr32, &end32)
			if !slices.Equal(pred, ex.labels) {
				prevG, prevP := Label(NumLabels), Label(NumLabels)
				for i := 0; i < k; i++ {
					g, p := ex.labels[i], pred[i]
					if g != p {
						for _, r := range ex.rows[from[i]:ends[i]] {
							w[int(r)*NumLabels+int(g)]++
							wa[int(r)*NumLabels+int(g)] += c
							w[int(r)*NumLabels+int(p)]--
							wa[int(r)*NumLabels+int(p)] -= c
						}
					}
					if g != p || prevG != prevP {
						trans[prevG][g]++
						transA[prevG][g] += c
						trans[prevP][p]--
						transA[prevP][p] -= c
					}
					prevG, prevP = g, p
				}
				if prevG != prevP {
					end[prevG]++
					endA[prevG] += c
					end[prevP]--
					endA[prevP] -= c
				}
			}
			c++
		}
	}

	// Average, then quantise.
	avg := func(v int32, a int64) float64 { return float64(v) - float64(a)/float64(c) }
	wf = make([]float64, len(w))
	for i := range w {
		wf[i] = avg(w[i], wa[i])
	}
	for i := range trans {
		for j := range trans[i] {
			tf[i][j] = avg(int32(trans[i][j]), transA[i][j])
		}
	}
	for j := range end {
		ef[j] = avg(int32(end[j]), endA[j])
	}
	return wf, tf, ef
}

// quantise sets the model's weights to w, trans and end, rounded to int16
// with one scale for all of them.
func (m *Model) quantise(w []float64, trans *[NumLabels + 1][NumLabels]float64, end *[NumLabels]float64) {
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for i := range trans {
		for _, v := range trans[i] {
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	for _, v := range end {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	q := func(v float64) float64 { return math.Round(float64(v * scale)) }
	m.w = make([]int16, len(w))
	for i, v := range w {
		m.w[i] = int16(q(v))
	}
	for i := range trans {
		for j, v := range trans[i] {
			m.trans[i][j] = int32(q(v))
		}
	}
	for j, v := range end {
		m.end[j] = int32(q(v))
	}
}

// SplitDev cuts the development split off the end of ANERcorp's training
// sentences: the last tenth (rounded down), contiguous so that the
// articles of the development split are mostly unseen in training, as
// those of the held-out test split are.
func SplitDev(sents []Sentence) (train, dev []Sentence) {
	cut := len(sents) - len(sents)/10
	return sents[:cut], sents[cut:]
}

// Evaluate tags every sentence with m, in the context of the sentences
// around it (as many as the model was trained with), and scores the result
// against the sentences' labels. The sentences must be in corpus order.
func Evaluate(m *Model, sents []Sentence) Scores {
	return Score(TagCorpus(m, sents))
}

// TagCorpus tags every sentence with m in the context of the sentences
// around it and returns the gold and predicted labels.
func TagCorpus(m *Model, sents []Sentence) (gold, pred [][]Label) {
	gold = make([][]Label, len(sents))
	for i, s := range sents {
		gold[i] = s.Labels
	}
	pred = tagCorpus(m, sents, nil)
	if m.stacked {
		pred = tagCorpus(m, sents, pred)
	}
	return gold, pred
}

// tagCorpus tags every sentence in the context of the sentences around
// it, in the first pass (p1 nil) or the second pass of a stacked model
// (p1: the first pass's labels).
func tagCorpus(m *Model, sents []Sentence, p1 [][]Label) [][]Label {
	pred := make([][]Label, len(sents))
	w := int(m.window)
	var stems2 [][]uint64
	var plab map[uint64][NumLabels]uint16
	if p1 != nil {
		stems2 = sentenceStems(sents, m.lang)
		plab = make(map[uint64][NumLabels]uint16)
	}
	all := make([][]string, len(sents))
	for i, s := range sents {
		all[i] = s.Words
	}
	ext := m.marks(all, nil)
	for i, s := range sents {
		doc := make([][]string, 0, 2*w+1)
		var dext [][]Flags
		clear(plab)
		lo, hi := docWindow(sents, i, w)
		for j := lo; j <= hi; j++ {
			doc = append(doc, sents[j].Words)
			if ext != nil {
				dext = append(dext, ext[j])
			}
			if p1 != nil {
				countLabels(plab, stems2[j], p1[j])
			}
		}
		var e []Flags
		if ext != nil {
			e = ext[i]
		}
		sc := m.scratch()
		ctx := m.newContext(sc, doc, dext, nil)
		m.pool.Put(sc)
		if p1 != nil {
			pred[i] = m.tagStacked(nil, s.Words, e, ctx, p1[i], plab)
		} else {
			pred[i] = m.tagOnce(nil, s.Words, e, ctx)
		}
	}
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Words
	}
	// Labels spread within a document only.
	for lo := 0; lo < len(sents); {
		hi := lo + 1
		for hi < len(sents) && sents[hi].Doc == sents[lo].Doc {
			hi++
		}
		m.propagateWords(words[lo:hi], pred[lo:hi], w)
		lo = hi
	}
	return pred
}

// docWindow returns the first and last of the sentences within window of
// sentence n that belong to its document.
func docWindow(sents []Sentence, n, window int) (lo, hi int) {
	lo, hi = max(0, n-window), min(len(sents)-1, n+window)
	for sents[lo].Doc != sents[n].Doc {
		lo++
	}
	for sents[hi].Doc != sents[n].Doc {
		hi--
	}
	return lo, hi
}
