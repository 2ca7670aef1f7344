package quotes

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNextMark checks the eight-bytes-at-a-time scan against a plain loop
// on every start offset of texts with marks at every position.
func TestNextMark(t *testing.T) {
	naive := func(s string, i, hi int) int {
		for i < hi && !isMarkByte(s[i]) {
			i++
		}
		return i
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"ا", "ب", " ", "x", "\"", "'", "«", "»", "“", "”", "\u00a0", "٠"}
	for n := 0; n < 300; n++ {
		var b []byte
		for k := r.IntN(40); k > 0; k-- {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			for _, hi := range []int{len(s), (len(s) + i) / 2} {
				if hi < i {
					continue
				}
				if got, want := nextMark(s, i, hi), naive(s, i, hi); got != want {
					t.Fatalf("nextMark(%q, %d, %d) = %d, want %d", s, i, hi, got, want)
				}
			}
		}
	}
}

func TestFindMarksBounds(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"nested same marks", "قال: «أ «ب» ج» ثم «د».", []string{"أ «ب» ج", "د"}},
		{"straight then curly", `"a" and “b”`, []string{"a", "b"}},
		{"reversed curly", "”a“ and ”b”", []string{"a", "b"}},
		{"curly closed by curly opener", "“a“ x", []string{"a"}},
		{"apostrophes", "don't 'x' rock'n'roll", []string{"x"}},
		{"chain of three paragraphs", "«a\n«b\n«c» d", []string{"a\n«b\n«c"}},
		{"chain broken by a paragraph without the mark", "«a\nb»", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := sanitizeParas(tt.text, nil, nil)
			var got []string
			for _, q := range findMarks(tt.text, paras, nil) {
				got = append(got, tt.text[q.inner.Start:q.inner.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findMarks(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
