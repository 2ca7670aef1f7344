// Package rank chooses the sentences of an extractive summary: a
// lead-biased centrality score with title overlap and a length prior,
// then a greedy selection with maximal-marginal-relevance redundancy
// control, within a sentence and word budget. It works on term ids, not
// text, so it knows nothing of languages or of the article model.
package rank

import (
	"math"
	"slices"
)

// Sentence is one candidate sentence.
type Sentence struct {
	// Terms are the ids of the sentence's content-word stems, repeats
	// included, in any order.
	Terms []int32
	// Words is the sentence's length in words (the budget unit).
	Words int
}

// Params are the scoring weights. The zero Params is not useful; start
// from Default.
type Params struct {
	// Position is the weight of the lead prior 1/sqrt(1+i).
	Position float64
	// Centrality is the weight of the cosine similarity to the centroid of
	// the other sentences, scaled to [0, 1] by its maximum.
	Centrality float64
	// Title is the weight of the share of title terms found in the
	// sentence.
	Title float64
	// Lambda trades relevance (1) against novelty (0) in the greedy
	// selection.
	Lambda float64
	// MaxOverlap drops a candidate whose cosine similarity to a chosen
	// sentence is above it (a near duplicate).
	MaxOverlap float64
}

// Default are the weights the summarizer uses: a strong lead prior, then
// centrality, then title overlap. They were set from first principles
// (lead is the strongest single signal in news) and checked on a small
// development set, not fitted to it.
var Default = Params{Position: 1, Centrality: 0.3, Title: 0.2, Lambda: 0.8, MaxOverlap: 0.8}

// Select returns the indices of the chosen sentences in increasing order,
// and the index of the sentence that would have come next had the word
// budget allowed it (-1 if none). maxSentences and maxWords bound the
// choice (0: no bound). With skip, a sentence too long for the words left
// is passed over for a shorter one; without it the choice stops there.
// title holds the title's term ids (may be empty); vocab is one more than
// the largest term id. Ties are broken by position, so the result is
// deterministic.
func Select(sents []Sentence, title []int32, vocab int, maxSentences, maxWords int, skip bool, p Params) (chosen []int, next int) {
	n := len(sents)
	if n == 0 {
		return nil, -1
	}
	if maxSentences <= 0 || maxSentences > n {
		maxSentences = n
	}
	vecs, norms := weigh(sents, vocab)
	score := scores(sents, vecs, norms, title, vocab, p)

	chosen = make([]int, 0, maxSentences)
	used := make([]bool, n)
	maxSim := make([]float64, n) // to the chosen sentences
	words := 0
	next = -1
	for len(chosen) < maxSentences {
		best, bestVal := -1, math.Inf(-1)
		over, overVal := -1, math.Inf(-1)
		for i := range sents {
			if used[i] || maxSim[i] > p.MaxOverlap {
				continue
			}
			v := p.Lambda*score[i] - (1-p.Lambda)*maxSim[i]
			if maxWords > 0 && words+sents[i].Words > maxWords {
				if v > overVal {
					over, overVal = i, v
				}
				continue
			}
			if v > bestVal { // strict: the earlier sentence wins a tie
				best, bestVal = i, v
			}
		}
		if over >= 0 && (!skip || best < 0) && (best < 0 || overVal > bestVal) {
			next = over
			break
		}
		if best < 0 {
			break
		}
		used[best] = true
		chosen = append(chosen, best)
		words += sents[best].Words
		for i := range sents {
			if !used[i] {
				if s := cosine(vecs[i], vecs[best], norms[i], norms[best]); s > maxSim[i] {
					maxSim[i] = s
				}
			}
		}
	}
	slices.Sort(chosen)
	return chosen, next
}

// termWeight is one component of a sparse sentence vector.
type termWeight struct {
	id int32
	w  float64
}

// weigh returns each sentence's sparse tf-isf vector, sorted by term id,
// and its Euclidean norm. The inverse sentence frequency is log(1+n/sf).
func weigh(sents []Sentence, vocab int) ([][]termWeight, []float64) {
	sf := make([]int32, vocab)
	vecs := make([][]termWeight, len(sents))
	total := 0
	for _, s := range sents {
		total += len(s.Terms)
	}
	backing := make([]termWeight, 0, total) // one allocation for all vectors
	var scratch []int32
	for i, s := range sents {
		ids := append(scratch[:0], s.Terms...)
		slices.Sort(ids)
		scratch = ids
		v := backing[len(backing):len(backing):cap(backing)]
		for j := 0; j < len(ids); {
			k := j
			for k < len(ids) && ids[k] == ids[j] {
				k++
			}
			v = append(v, termWeight{ids[j], float64(k - j)})
			sf[ids[j]]++
			j = k
		}
		backing = backing[:len(backing)+len(v)]
		vecs[i] = v[:len(v):len(v)]
	}
	n := float64(len(sents))
	norms := make([]float64, len(sents))
	for i, v := range vecs {
		var sq float64
		for j := range v {
			v[j].w = (1 + math.Log(v[j].w)) * math.Log(1+n/float64(sf[v[j].id]))
			sq += v[j].w * v[j].w
		}
		norms[i] = math.Sqrt(sq)
	}
	return vecs, norms
}

func cosine(a, b []termWeight, na, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	var dot float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			dot += a[i].w * b[j].w
			i++
			j++
		}
	}
	return dot / (na * nb)
}

// scores returns each sentence's relevance, scaled so the best is 1.
func scores(sents []Sentence, vecs [][]termWeight, norms []float64, title []int32, vocab int, p Params) []float64 {
	n := len(sents)
	centroid := make([]float64, vocab)
	for _, v := range vecs {
		for _, t := range v {
			centroid[t.id] += t.w
		}
	}
	var inTitle []bool
	titleTerms := 0
	if len(title) > 0 {
		inTitle = make([]bool, vocab)
		for _, id := range title {
			if !inTitle[id] {
				inTitle[id] = true
				titleTerms++
			}
		}
	}
	var sq float64 // |C|^2
	for _, c := range centroid {
		sq += c * c
	}
	cent := make([]float64, n)
	maxCent := 0.0
	for i, v := range vecs {
		// Cosine with the centroid of the other sentences, C - v:
		// v.(C-v) = C.v - |v|^2 and |C-v|^2 = |C|^2 - 2 C.v + |v|^2.
		var cv float64
		for _, t := range v {
			cv += centroid[t.id] * t.w
		}
		vv := norms[i] * norms[i]
		other := sq - 2*cv + vv
		if other > 1e-12 && norms[i] > 0 {
			cent[i] = (cv - vv) / (norms[i] * math.Sqrt(other))
		}
		if cent[i] > maxCent {
			maxCent = cent[i]
		}
	}
	score := make([]float64, n)
	maxScore := 0.0
	for i, s := range sents {
		x := p.Position / math.Sqrt(float64(1+i))
		if maxCent > 0 {
			x += p.Centrality * cent[i] / maxCent
		}
		if titleTerms > 0 {
			seen := 0
			for _, t := range vecs[i] {
				if inTitle[t.id] {
					seen++
				}
			}
			x += p.Title * float64(seen) / float64(titleTerms)
		}
		x *= lengthPrior(s.Words)
		score[i] = x
		if x > maxScore {
			maxScore = x
		}
	}
	if maxScore > 0 {
		for i := range score {
			score[i] /= maxScore
		}
	}
	return score
}

// lengthPrior discounts fragments: very short sentences are rarely
// summary-worthy (captions, "He added:", bylines).
func lengthPrior(words int) float64 {
	switch {
	case words < 4:
		return 0.2
	case words < 7:
		return 0.6
	case words < 10:
		return 0.85
	}
	return 1
}
