package tagger

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLabels(t *testing.T) {
	type info struct {
		Name            string
		Kind            Kind
		IsBegin, Inside bool
	}
	tests := []struct {
		l    Label
		want info
	}{
		{O, info{"O", 0, false, false}},
		{BPER, info{"B-PER", PER, true, false}},
		{IPER, info{"I-PER", PER, false, true}},
		{BLOC, info{"B-LOC", LOC, true, false}},
		{ILOC, info{"I-LOC", LOC, false, true}},
		{BORG, info{"B-ORG", ORG, true, false}},
		{IORG, info{"I-ORG", ORG, false, true}},
		{BMISC, info{"B-MISC", MISC, true, false}},
		{IMISC, info{"I-MISC", MISC, false, true}},
		{Label(9), info{"Label(9)", 0, false, false}},
	}
	for _, tt := range tests {
		got := info{tt.l.String(), tt.l.Kind(), tt.l.IsBegin(), tt.l.IsInside()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("label %d mismatch (-want +got):\n%s", uint8(tt.l), diff)
		}
		if tt.l >= NumLabels {
			if _, err := tt.l.MarshalText(); err == nil {
				t.Errorf("Label(%d).MarshalText() succeeded", uint8(tt.l))
			}
			continue
		}
		b, err := tt.l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Label
		if err := back.UnmarshalText(b); err != nil || back != tt.l {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, tt.l)
		}
	}
	for k := PER; k <= MISC; k++ {
		if Begin(k).Kind() != k || Inside(k).Kind() != k || !Begin(k).IsBegin() || !Inside(k).IsInside() {
			t.Errorf("Begin/Inside(%v) = %v/%v", k, Begin(k), Inside(k))
		}
	}
	if _, ok := ParseLabel("B-XYZ"); ok {
		t.Error(`ParseLabel("B-XYZ") succeeded`)
	}
}

func TestAllowed(t *testing.T) {
	tests := []struct {
		a, b Label
		want bool
	}{
		{O, BPER, true},
		{O, IPER, false},
		{BPER, IPER, true},
		{IPER, IPER, true},
		{BLOC, IPER, false},
		{IORG, O, true},
		{IORG, BORG, true},
		{BMISC, IMISC, true},
	}
	for _, tt := range tests {
		if got := allowed(tt.a, tt.b); got != tt.want {
			t.Errorf("allowed(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
