package tagger

import (
	"testing"

	"github.com/khabar-go/khabar/article"
)

// TestKeyMatchesArticle checks that the tagger's allocation-free folding
// agrees with article.Key on every word of the training data and on both
// kinds of input the tagger gets: raw words and keys.
func TestKeyMatchesArticle(t *testing.T) {
	seen := make(map[string]bool)
	bad := 0
	for _, s := range readData(t) {
		for _, w := range s.Words {
			if seen[w] {
				continue
			}
			seen[w] = true
			want := article.Key(w)
			if got := string(appendKey(nil, w)); got != want {
				if bad++; bad <= 10 {
					t.Errorf("appendKey(%q) = %q, article.Key = %q", w, got, want)
				}
			}
			if got := string(appendKey(nil, want)); got != want {
				t.Errorf("appendKey(article.Key(%q)) = %q, want the key unchanged", w, got)
			}
		}
	}
	if bad > 10 {
		t.Errorf("%d words of %d differ", bad, len(seen))
	}
}
