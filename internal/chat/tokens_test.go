package chat

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEstimateTokens(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t", 0},
		{"word", 1},
		{"words", 2},
		{"Iran and Belarus", 1 + 1 + 2},
		{"Hello, world!", 2 + 1 + 2 + 1},
		{`{"id":"p1"}`, 1 + 1 + 2 + 1 + 1},
		{"2025", 1},
		{"إيران", 3},                // 5 letters
		{"وبيلاروسيا", 5},           // 10 letters
		{"إيران وبيلاروسيا", 3 + 5}, // two words
		{"مَرْحَبًا", 5},            // 5 letters + 4 harakat, in one run
		{"«بيروت»", 1 + 3 + 1},      // guillemets are punctuation
		{"ایران", 3},                // Persian yeh
		{"北京", 2},                   // Han: one a character
		{"Москва", 2},               // Cyrillic: 3 a token
		{"tab\tand", 1 + 1},
		{"a-b", 3},
		{"a--b", 3},
		{"\"},{\"", 3},
	}
	for _, tt := range tests {
		if got := EstimateTokens(tt.in); got != tt.want {
			t.Errorf("EstimateTokens(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestEstimateTokensConservative checks the documented ratios on running
// text: at least one token per 3 Arabic letters and per 5 Latin ones.
func TestEstimateTokensConservative(t *testing.T) {
	ar := strings.Repeat("أعلن رئيسا بيلاروسيا وإيران خلال محادثات في مينسك عن عزمهما تعزيز العلاقات. ", 20)
	en := strings.Repeat("The presidents of Belarus and Iran announced during talks in Minsk their intention. ", 20)
	letters := func(s string) int {
		n := 0
		for _, r := range s {
			if r != ' ' && r != '.' {
				n++
			}
		}
		return n
	}
	if got, min := EstimateTokens(ar), letters(ar)/3; got < min {
		t.Errorf("Arabic: %d tokens for %d letters, want at least %d", got, letters(ar), min)
	}
	if got, min := EstimateTokens(en), letters(en)/5; got < min {
		t.Errorf("English: %d tokens for %d letters, want at least %d", got, letters(en), min)
	}
}

func TestChunk(t *testing.T) {
	tests := []struct {
		name   string
		sizes  []int
		budget int
		want   []Range
	}{
		{"empty", nil, 10, nil},
		{"all fit", []int{3, 3, 3}, 10, []Range{{0, 3}}},
		{"exact fit", []int{5, 5, 5}, 10, []Range{{0, 2}, {2, 3}}},
		{"oversize alone", []int{2, 30, 2, 2}, 10, []Range{{0, 1}, {1, 2}, {2, 4}}},
		{"no budget", []int{30, 30}, 0, []Range{{0, 2}}},
		{"one each", []int{6, 6, 6}, 10, []Range{{0, 1}, {1, 2}, {2, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Chunk(tt.sizes, tt.budget)); diff != "" {
				t.Errorf("Chunk(%v, %d) mismatch (-want +got):\n%s", tt.sizes, tt.budget, diff)
			}
		})
	}
}

func BenchmarkEstimateTokens(b *testing.B) {
	s := strings.Repeat("أعلن رئيسا بيلاروسيا وإيران خلال محادثات في مينسك عن عزمهما تعزيز العلاقات. ", 50)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		EstimateTokens(s)
	}
}
