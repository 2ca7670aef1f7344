package tagger

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuoteClasses(t *testing.T) {
	const (
		in  = qInside
		f   = qFirst
		l   = qLast
		lng = qLong
	)
	tests := []struct {
		words string
		want  []uint8
	}{
		{"برنامج « حوار من القلب » الذي", []uint8{0, 0, in | f, in, in | l, 0, 0}},
		{"سيارة « أوبل » و « جيلي »", []uint8{0, 0, in | f | l, 0, 0, 0, in | f | l, 0}},
		{`قال " نحن هنا ولن نرحل أبدا "`, []uint8{0, 0, in | f | lng, in | lng, in | lng, in | lng, in | l | lng, 0}},
		// Too long to be a title.
		{"« واحد اثنان ثلاثة أربعة خمسة ستة سبعة »", make([]uint8, 9)},
		// Empty, unclosed, reversed and mismatched marks make no span.
		{"« » كلمة", make([]uint8, 3)},
		{"« كلمة أخرى", make([]uint8, 3)},
		{"» كلمة «", make([]uint8, 3)},
		{"« كلمة ” أخرى »", make([]uint8, 5)},
	}
	for _, tt := range tests {
		var s scratch
		s.prepare(strings.Fields(tt.words), nil, nil, false)
		got := make([]uint8, len(s.toks))
		s.quoteClasses(got)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("quoteClasses(%q) (-want +got):\n%s", tt.words, diff)
		}
	}
}
