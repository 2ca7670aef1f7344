package rank

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"الايرانيه", "ايران"},
		{"ايراني", "ايران"},
		{"ايران", "ايران"},
		{"العقوبات", "عقوب"},
		{"عقوبه", "عقوب"},
		{"والمعلمون", "معلم"},
		{"بالمدينه", "مدين"},
		{"للتعاون", "تعاون"},
		{"كتابها", "كتاب"},
		{"من", "من"},        // too short to strip
		{"الي", "الي"},      // too short to strip
		{"كتابهاي", "كتاب"}, // Persian plural + ezafe
		{"Sanctions", "sanction"},
		{"talks", "talk"},
		{"agreed", "agre"},
		{"countries", "country"},
		{"running", "runn"},
		{"glass", "glass"},
		{"ab", "ab"},
		{"", ""},
		{"москва", "москва"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStopwords checks function words in each language, with and without
// an attached conjunction, and names that are none.
func TestStopwords(t *testing.T) {
	if len(stopwords()) < 300 {
		t.Errorf("%d stop words, want the three languages' lists", len(stopwords()))
	}
	for _, w := range []string{"في", "الذي", "the", "است", "وله", "فهي"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false", w)
		}
	}
	for _, w := range []string{"ايران", "وايران", "ف", "فايران"} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true", w)
		}
	}
}

func sents(terms ...[]int32) []Sentence {
	out := make([]Sentence, len(terms))
	for i, t := range terms {
		out[i] = Sentence{Terms: t, Words: 10}
	}
	return out
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name       string
		sents      []Sentence
		title      []int32
		maxS, maxW int
		skip       bool
		want       []int
		wantNext   int
	}{
		{
			name:  "lead wins ties",
			sents: sents([]int32{0, 1}, []int32{2, 3}, []int32{4, 5}, []int32{6, 7}),
			maxS:  2, want: []int{0, 1}, wantNext: -1,
		},
		{
			name: "central sentence beats a peripheral lead sentence",
			sents: sents(
				[]int32{0, 1}, []int32{9, 10, 11}, []int32{2, 3, 4},
				[]int32{2, 3, 5}, []int32{2, 4, 5}, []int32{3, 4, 5}),
			maxS: 2, want: []int{0, 2}, wantNext: -1,
		},
		{
			name: "near duplicate is skipped",
			sents: sents(
				[]int32{0, 1, 2, 3}, []int32{0, 1, 2, 3}, []int32{4, 5}, []int32{6, 7}),
			maxS: 2, want: []int{0, 2}, wantNext: -1,
		},
		{
			name:  "word budget stops at the best sentence that does not fit",
			sents: []Sentence{{Terms: []int32{0}, Words: 10}, {Terms: []int32{1}, Words: 30}, {Terms: []int32{2}, Words: 5}},
			maxW:  20, want: []int{0}, wantNext: 1,
		},
		{
			name:  "skip passes over it",
			sents: []Sentence{{Terms: []int32{0}, Words: 10}, {Terms: []int32{1}, Words: 30}, {Terms: []int32{2}, Words: 5}},
			maxW:  20, skip: true, want: []int{0, 2}, wantNext: 1,
		},
		{
			name:  "nothing fits",
			sents: []Sentence{{Terms: []int32{0}, Words: 10}, {Terms: []int32{1}, Words: 30}},
			maxW:  3, skip: true, want: []int{}, wantNext: 0,
		},
		{
			name:  "title overlap lifts a sentence",
			sents: sents([]int32{0, 1}, []int32{2, 3}, []int32{4, 5}, []int32{6, 7}),
			title: []int32{4, 5},
			maxS:  2, want: []int{0, 2}, wantNext: -1,
		},
		{name: "empty", want: nil, wantNext: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, next := Select(tt.sents, tt.title, 12, tt.maxS, tt.maxW, tt.skip, Default)
			if diff := cmp.Diff(tt.want, got); diff != "" || next != tt.wantNext {
				t.Errorf("Select() mismatch (-want +got):\n%s next %d, want %d", diff, next, tt.wantNext)
			}
		})
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"والمعلمون", "الايرانيه", "روسيا", "sanctions", "العقوبات"}
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}
