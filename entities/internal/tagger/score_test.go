package tagger

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name   string
		labels []Label
		want   []Chunk
	}{
		{"empty", nil, nil},
		{"single", []Label{O, BPER, O}, []Chunk{{1, 2, PER}}},
		{"multi", []Label{BORG, IORG, IORG, O, BLOC}, []Chunk{{0, 3, ORG}, {4, 5, LOC}}},
		{"adjacent", []Label{BPER, BPER, IPER}, []Chunk{{0, 1, PER}, {1, 3, PER}}},
		{"stray inside starts a chunk", []Label{O, ILOC, ILOC, IPER}, []Chunk{{1, 3, LOC}, {3, 4, PER}}},
		{"kind change", []Label{BMISC, IORG}, []Chunk{{0, 1, MISC}, {1, 2, ORG}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Chunks(tt.labels)); diff != "" {
				t.Errorf("Chunks() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScore(t *testing.T) {
	gold := [][]Label{
		{BPER, IPER, O, BLOC},
		{BORG, IORG, IORG, O, BMISC},
	}
	pred := [][]Label{
		{BPER, IPER, O, BORG},     // PER right, LOC missed as ORG
		{BORG, IORG, O, O, BMISC}, // ORG too short, MISC right
	}
	got := Score(gold, pred)
	want := Scores{
		All: Counts{Gold: 4, Pred: 4, Correct: 2},
		ByKind: [NumKinds]Counts{
			PER:  {Gold: 1, Pred: 1, Correct: 1},
			LOC:  {Gold: 1, Pred: 0, Correct: 0},
			ORG:  {Gold: 1, Pred: 2, Correct: 0},
			MISC: {Gold: 1, Pred: 1, Correct: 1},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Score() mismatch (-want +got):\n%s", diff)
	}
	if f := got.All.F1(); f != 0.5 {
		t.Errorf("F1 = %v, want 0.5", f)
	}
	if f := got.ByKind[LOC].F1(); f != 0 {
		t.Errorf("LOC F1 = %v, want 0", f)
	}
}

func ExampleScore() {
	gold := [][]Label{{BPER, IPER, O, BLOC, O, BORG}}
	pred := [][]Label{{BPER, IPER, O, BLOC, O, O}}
	s := Score(gold, pred)
	fmt.Printf("P %.2f R %.2f F1 %.2f\n", s.All.Precision(), s.All.Recall(), s.All.F1())
	// Output: P 1.00 R 0.67 F1 0.80
}
