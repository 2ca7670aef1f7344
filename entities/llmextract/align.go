package llmextract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/khabar-go/khabar/article"
)

// Status says how an item's text was found in the article.
type Status uint8

// Alignment statuses, from the surest to none.
const (
	// Unaligned: the text is nowhere in the article (the model invented it
	// or rewrote it past recognition); the item is dropped.
	Unaligned Status = iota
	// Exact: the text is in the source byte for byte.
	Exact
	// Normalized: the text's words match the source's by article.Key
	// (spelling variants, harakat, letter case), the first one possibly
	// with Arabic clitics before it.
	Normalized
	// Fuzzy: most of the text's words, or a word spelt a little
	// differently, match the words of one sentence (or two in a row).
	Fuzzy
)

// String returns "unaligned", "exact", "normalized" or "fuzzy".
func (s Status) String() string {
	switch s {
	case Unaligned:
		return "unaligned"
	case Exact:
		return "exact"
	case Normalized:
		return "normalized"
	case Fuzzy:
		return "fuzzy"
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// MarshalText encodes the status as String does.
func (s Status) MarshalText() ([]byte, error) {
	if s > Fuzzy {
		return nil, fmt.Errorf("llmextract: unknown status %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// Thresholds of fuzzy alignment.
const (
	// minWordSimilarity is the least similarity (1 - edit distance /
	// longer length, over keys) for a word of a short text to match.
	minWordSimilarity = 0.8
	// minCoverage is the least share of a long text's words that must be
	// found, in order, in one sentence or two in a row.
	minCoverage = 0.75
	// shortWords is the most words a text may have to be aligned word by
	// word; longer texts (quotations) are aligned by coverage.
	shortWords = 3
)

// aligner finds texts in one article.
type aligner struct {
	a     *article.Article
	words []int    // indexes in a.Tokens of the word and number tokens
	keys  []string // a.Key of each of words
}

func newAligner(a *article.Article) *aligner {
	al := &aligner{a: a}
	for i, t := range a.Tokens {
		if t.Kind == article.Punct {
			continue
		}
		al.words = append(al.words, i)
		al.keys = append(al.keys, a.Key(t))
	}
	return al
}

// textWords returns the words of a text's key.
func textWords(s string) []string {
	return strings.FieldsFunc(article.Key(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// all returns every occurrence of text in region, as whole words: the
// spans where it is written exactly (Exact) or where its words match by
// key (Normalized). A first word with clitics before it (وإيران for
// إيران) matches, and the span leaves the clitics out.
func (al *aligner) all(text string, region article.Span) ([]article.Span, Status) {
	w := textWords(text)
	if len(w) == 0 {
		return nil, Unaligned
	}
	var spans []article.Span
	status := Exact
	lo, hi := al.wordRange(region)
	for i := lo; i+len(w) <= hi; i++ {
		off, ok := stemOffset(al.keys[i], w[0])
		if !ok || !equalStrings(al.keys[i+1:i+len(w)], w[1:]) {
			continue
		}
		first, last := al.a.Tokens[al.words[i]], al.a.Tokens[al.words[i+len(w)-1]]
		sp := article.Span{Start: al.a.KeySpan(first, off).Start, End: last.End}
		spans = append(spans, sp)
		if al.a.Text(sp) != strings.TrimSpace(text) {
			status = Normalized
		}
	}
	if spans == nil {
		return nil, Unaligned
	}
	return spans, status
}

// one returns the occurrence of text in region nearest to hint (a byte
// offset into the source, or -1 for none), leaving out those that overlap
// skip: exactly as written; else by words (see all); else fuzzily within a
// sentence, or two in a row.
func (al *aligner) one(text string, region article.Span, hint int, skip article.Span) (article.Span, Status) {
	text = strings.TrimSpace(text)
	if text == "" {
		return article.Span{}, Unaligned
	}
	src := al.a.Source[region.Start:region.End]
	var exact []article.Span
	for off := 0; ; {
		i := strings.Index(src[off:], text)
		if i < 0 {
			break
		}
		start := region.Start + off + i
		if sp := (article.Span{Start: start, End: start + len(text)}); !sp.Overlaps(skip) {
			exact = append(exact, sp)
		}
		off += i + len(text)
	}
	if len(exact) > 0 {
		return nearest(exact, hint), Exact
	}
	if spans, st := al.all(text, region); st != Unaligned {
		spans = slices.DeleteFunc(spans, func(sp article.Span) bool { return sp.Overlaps(skip) })
		if len(spans) > 0 {
			return nearest(spans, hint), st
		}
	}
	if sp, ok := al.fuzzy(text, region, hint); ok {
		return sp, Fuzzy
	}
	return article.Span{}, Unaligned
}

// fuzzy finds text in one sentence of region (or two in a row): a short
// text word for word with each word similar enough, a long one by the
// share of its words found in order.
func (al *aligner) fuzzy(text string, region article.Span, hint int) (article.Span, bool) {
	w := textWords(text)
	if len(w) == 0 {
		return article.Span{}, false
	}
	lo, hi := al.wordRange(region)
	var best article.Span
	bestScore, found := 0.0, false
	consider := func(sp article.Span, score float64) {
		if score > bestScore || score == bestScore && found && closer(sp, best, hint) {
			best, bestScore, found = sp, score, true
		}
	}
	if len(w) <= shortWords {
		for i := lo; i+len(w) <= hi; i++ {
			if !al.oneSentence(i, i+len(w)-1) {
				continue
			}
			score := 1.0
			for j := range w {
				score = min(score, similarity(al.keys[i+j], w[j]))
			}
			if score >= minWordSimilarity {
				consider(al.span(i, i+len(w)-1), score)
			}
		}
		return best, found
	}
	sents := al.a.Sentences
	for s := range sents {
		for n := 1; n <= 2 && s+n <= len(sents); n++ {
			first, last := sents[s].First, sents[s+n-1].Last
			slo, shi := al.wordIndex(first), al.wordIndex(last)
			slo, shi = max(slo, lo), min(shi, hi)
			if shi-slo < 1 {
				continue
			}
			m, a, b := lcsWindow(w, al.keys[slo:shi])
			if m == 0 {
				continue
			}
			score := float64(m) / float64(len(w))
			if score >= minCoverage && b-a+1 <= 2*len(w) {
				consider(al.span(slo+a, slo+b), score)
			}
		}
	}
	return best, found
}

// wordRange returns the range of al.words inside region.
func (al *aligner) wordRange(region article.Span) (lo, hi int) {
	lo = len(al.words)
	for i, ti := range al.words {
		t := al.a.Tokens[ti]
		if t.Start >= region.Start && t.End <= region.End {
			if i < lo {
				lo = i
			}
			hi = i + 1
		}
	}
	if lo > hi {
		lo = hi
	}
	return lo, hi
}

// wordIndex returns the index in al.words of the first word token at or
// after token index ti.
func (al *aligner) wordIndex(ti int) int {
	lo, hi := 0, len(al.words)
	for lo < hi {
		m := (lo + hi) / 2
		if al.words[m] < ti {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// oneSentence reports whether words i and j are in the same sentence.
func (al *aligner) oneSentence(i, j int) bool {
	a, b := al.a.Tokens[al.words[i]], al.a.Tokens[al.words[j]]
	return al.a.SentenceAt(a.Start) == al.a.SentenceAt(b.Start)
}

// span returns the span from word i to word j.
func (al *aligner) span(i, j int) article.Span {
	return article.Span{Start: al.a.Tokens[al.words[i]].Start, End: al.a.Tokens[al.words[j]].End}
}

// stemOffset reports whether the key k is the word w, with clitics before
// it or not, and returns the byte length of the clitics in k.
func stemOffset(k, w string) (int, bool) {
	if k == w {
		return 0, true
	}
	if !strings.HasSuffix(k, w) {
		return 0, false
	}
	for _, s := range article.Splits(k) {
		if s.Stem == w {
			return len(s.Prefix), true
		}
	}
	return 0, false
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nearest returns the span of spans nearest to hint (the first when hint
// is negative).
func nearest(spans []article.Span, hint int) article.Span {
	best := spans[0]
	for _, sp := range spans[1:] {
		if closer(sp, best, hint) {
			best = sp
		}
	}
	return best
}

// closer reports whether a starts nearer hint than b (never when hint is
// negative).
func closer(a, b article.Span, hint int) bool {
	if hint < 0 {
		return false
	}
	return abs(a.Start-hint) < abs(b.Start-hint)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// similarity returns 1 - edit distance / length of the longer of a and b,
// over runes.
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if n == 0 {
		return 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(n)
}

// lcsWindow returns the length of the longest common subsequence of the
// words w and the keys, and the first and last key index of one such
// subsequence.
func lcsWindow(w, keys []string) (m, first, last int) {
	// dp[i][j]: LCS of w[:i] and keys[:j].
	dp := make([][]int32, len(w)+1)
	for i := range dp {
		dp[i] = make([]int32, len(keys)+1)
	}
	for i := 1; i <= len(w); i++ {
		for j := 1; j <= len(keys); j++ {
			switch {
			case w[i-1] == keys[j-1]:
				dp[i][j] = dp[i-1][j-1] + 1
			case dp[i-1][j] >= dp[i][j-1]:
				dp[i][j] = dp[i-1][j]
			default:
				dp[i][j] = dp[i][j-1]
			}
		}
	}
	m = int(dp[len(w)][len(keys)])
	if m == 0 {
		return 0, 0, 0
	}
	// Walk back for the matched key indexes.
	first, last = -1, -1
	for i, j := len(w), len(keys); i > 0 && j > 0; {
		switch {
		case w[i-1] == keys[j-1]:
			if last < 0 {
				last = j - 1
			}
			first = j - 1
			i, j = i-1, j-1
		case dp[i-1][j] >= dp[i][j-1]:
			i--
		default:
			j--
		}
	}
	return m, first, last
}
