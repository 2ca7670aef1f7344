package summarize

import (
	"strings"
	"unicode"

	"github.com/khabar-go/khabar/article"
)

// rougeTokens splits text into normalised tokens (article.Key, then runs of
// letters and digits) for ROUGE. No stemming and no stop words, as in the
// usual ROUGE-1/2 setup for Arabic.
func rougeTokens(text string) []string {
	return strings.FieldsFunc(article.Key(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// ngrams counts the n-grams of toks.
func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

// rougeN returns ROUGE-N recall, precision and F1 of cand against ref.
func rougeN(cand, ref []string, n int) (r, p, f float64) {
	c, g := ngrams(cand, n), ngrams(ref, n)
	overlap, nc, ng := 0, 0, 0
	for k, v := range g {
		overlap += min(v, c[k])
		ng += v
	}
	for _, v := range c {
		nc += v
	}
	if ng > 0 {
		r = float64(overlap) / float64(ng)
	}
	if nc > 0 {
		p = float64(overlap) / float64(nc)
	}
	if r+p > 0 {
		f = 2 * r * p / (r + p)
	}
	return r, p, f
}

// rougeMulti returns the mean ROUGE-N F1 of cand against each reference,
// after cutting cand to length tokens (ROUGE at the references' length).
func rougeMulti(cand string, refs []string, n, length int) float64 {
	ct := rougeTokens(cand)
	if length > 0 && len(ct) > length {
		ct = ct[:length]
	}
	var sum float64
	for _, ref := range refs {
		_, _, f := rougeN(ct, rougeTokens(ref), n)
		sum += f
	}
	return sum / float64(len(refs))
}
