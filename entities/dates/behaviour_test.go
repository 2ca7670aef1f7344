package dates

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestBehaviour pins down rules that the date sets reach only by chance
// (issue 17: a mutation check let changes to each of them through), each
// with sentences written for it.
func TestBehaviour(t *testing.T) {
	ref := day(2015, 8, 6) // a Thursday
	tests := []struct {
		name string
		ref  time.Time
		text string
		want []found
	}{
		// A time of day after a date belongs to its span, an hour written
		// as an ordinal too, from the first hour to the twelfth.
		{"first hour", ref, "وقع الانفجار يوم 3 مارس 2014، الساعة الأولى صباحاً.", []found{{"يوم 3 مارس 2014، الساعة الأولى صباحاً", "2014-03-03"}}},
		{"eleventh hour", ref, "وقع الانفجار يوم 3 مارس 2014، الساعة الحادية عشرة مساءً.", []found{{"يوم 3 مارس 2014، الساعة الحادية عشرة مساءً", "2014-03-03"}}},
		{"twelfth hour", ref, "وقع الانفجار يوم 3 مارس 2014، الساعة الثانية عشرة ظهراً.", []found{{"يوم 3 مارس 2014، الساعة الثانية عشرة ظهراً", "2014-03-03"}}},
		// The n-th week of a month is a week, with or without a reference
		// when its year is written; with neither its ordinal is no day.
		{"week of a month", ref, "سيعقد المؤتمر في الأسبوع الثاني من أكتوبر.", []found{{"الأسبوع الثاني من أكتوبر", "2015-W41"}}},
		{"week of a month no reference", time.Time{}, "سيعقد المؤتمر في الأسبوع الثاني من أكتوبر 2016.", []found{{"الأسبوع الثاني من أكتوبر 2016", "2016-W41"}}},
		{"week of a month no year", time.Time{}, "سيعقد المؤتمر في الأسبوع الثاني من أكتوبر.", []found{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := foundIn(tt.text, FindDatesIn(tt.text, tt.ref))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindDatesIn(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
