package tagger

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// referenceEmissions sums every feature row of every token, without the
// caches TagContext uses.
func referenceEmissions(m *Model, words []string, ctx *Context) []int32 {
	var s scratch
	s.prepare(words, nil, &m.res, false)
	stats := ctx.stats
	s.features(m.bits, stats)
	em := make([]int32, len(words)*NumLabels)
	for i := range words {
		for _, r := range s.rows[s.off[i]:s.off[i+1]] {
			for l := 0; l < NumLabels; l++ {
				em[i*NumLabels+l] += int32(m.w[int(r)*NumLabels+l])
			}
		}
	}
	return em
}

// TestCachedEmissions checks that the emission scores TagContext computes
// with its per-word caches equal the plain sums of the feature weights,
// over sentences that repeat words within and across calls.
func TestCachedEmissions(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := readData(t)[:60]
	var doc [][]string
	for _, s := range sents {
		doc = append(doc, s.Words)
	}
	ctx := m.NewContext(doc, nil)
	s := new(scratch)
	for pass := 0; pass < 2; pass++ {
		for n, words := range doc {
			m.tag(s, nil, words, nil, ctx)
			got := slices.Clone(s.em[:len(words)*NumLabels])
			want := referenceEmissions(m, words, ctx)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("pass %d sentence %d: emissions differ (-reference +cached):\n%s", pass, n, diff)
			}
		}
	}
}
