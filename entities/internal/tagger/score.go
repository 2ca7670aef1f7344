package tagger

import (
	"fmt"
	"strings"
)

// Chunk is an entity span over token indices [Start, End) with its kind.
type Chunk struct {
	Start, End int
	Kind       Kind
}

// Chunks returns the entity spans of a label sequence, read as conlleval
// reads them: a span starts at a B- label, or at an I- label that does not
// continue a span of the same kind, and runs over the I- labels of its kind
// that follow.
func Chunks(labels []Label) []Chunk {
	var out []Chunk
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == O || l >= NumLabels {
			i++
			continue
		}
		k := l.Kind()
		j := i + 1
		for j < len(labels) && labels[j] == Inside(k) {
			j++
		}
		out = append(out, Chunk{Start: i, End: j, Kind: k})
		i = j
	}
	return out
}

// Counts holds the span counts of one kind, or of all kinds.
type Counts struct {
	Gold, Pred, Correct int
}

// Precision is Correct/Pred, or 0.
func (c Counts) Precision() float64 {
	if c.Pred == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Pred)
}

// Recall is Correct/Gold, or 0.
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall, as a fraction.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores are CoNLL span scores: exact token span and kind.
type Scores struct {
	// All is micro-averaged over the kinds.
	All Counts
	// ByKind is indexed by Kind; index 0 is unused.
	ByKind [NumKinds]Counts
}

// Score compares predicted label sequences with gold ones, sentence by
// sentence, as the CoNLL evaluation script does. A predicted span counts as
// correct when a gold span has the same start, end and kind.
func Score(gold, pred [][]Label) Scores {
	var s Scores
	for n := range gold {
		var p []Label
		if n < len(pred) {
			p = pred[n]
		}
		gc, pc := Chunks(gold[n]), Chunks(p)
		set := make(map[Chunk]bool, len(gc))
		for _, c := range gc {
			set[c] = true
			s.ByKind[c.Kind].Gold++
			s.All.Gold++
		}
		for _, c := range pc {
			if c.Kind >= NumKinds {
				continue
			}
			s.ByKind[c.Kind].Pred++
			s.All.Pred++
			if set[c] {
				s.ByKind[c.Kind].Correct++
				s.All.Correct++
			}
		}
	}
	return s
}

// String formats the scores as a small table of percentages.
func (s Scores) String() string {
	var b strings.Builder
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-5s P %6.2f  R %6.2f  F1 %6.2f  (gold %d, pred %d, correct %d)\n",
			name, 100*c.Precision(), 100*c.Recall(), 100*c.F1(), c.Gold, c.Pred, c.Correct)
	}
	row("ALL", s.All)
	for k := PER; k <= MISC; k++ {
		row(k.String(), s.ByKind[k])
	}
	return b.String()
}
