package gazetteer

import (
	"strings"

	"github.com/khabar-go/khabar/article"
)

// Mark bits: for each token, the kinds of the gazetteer names that begin
// there (MarkBegin(k)) and that go on over it (MarkInside(k)).
const (
	markBits = 2
)

// MarkBegin is the mark of a name of kind k that begins at a token.
func MarkBegin(k Kind) uint8 { return 1 << (markBits * (k - 1)) }

// MarkInside is the mark of a name of kind k that goes on over a token.
func MarkInside(k Kind) uint8 { return 1 << (markBits*(k-1) + 1) }

// Mark writes into dst (grown to len(keys)) the marks of the longest
// gazetteer names found in the token keys (article.Key of each token):
// the kinds of the records each name names. As Matcher.At does, the first
// token of a name may carry clitics (و ف ب ل ك, and ل before the
// article), and a one-word name of fewer than three Arabic letters is
// left out. The statistical tagger takes the marks as features: it learns
// from its training data what the gazetteer's names are worth there.
// buf is scratch space for the clitic splits; Mark returns dst and buf.
func (g *Gazetteer) Mark(keys []string, dst []uint8, buf []article.Split) ([]uint8, []article.Split) {
	dst = append(dst[:0], make([]uint8, len(keys))...)
	for i := 0; i < len(keys); {
		n, kinds := 0, uint8(0)
		if k := keys[i]; k != "" {
			buf = article.AppendSplits(buf[:0], k)
			for _, sp := range buf {
				if strings.HasSuffix(sp.Prefix, "ال") && !strings.HasSuffix(sp.Prefix, "لل") {
					continue // the article is part of a name
				}
				stem := sp.Stem
				if strings.HasSuffix(sp.Prefix, "لل") {
					stem = "ال" + stem
				}
				nd := g.root.child(stem)
				for j := i + 1; nd != nil; j++ {
					if nd.recs != nil && j-i > n {
						n, kinds = j-i, g.kindsOf(nd.recs)
					}
					if j >= len(keys) || nd.leaf() {
						break
					}
					nd = nd.child(keys[j])
				}
			}
		}
		if n == 0 {
			i++
			continue
		}
		for k := PER; k <= ORG; k++ {
			if kinds&(1<<(k-1)) == 0 {
				continue
			}
			dst[i] |= MarkBegin(k)
			for j := i + 1; j < i+n; j++ {
				dst[j] |= MarkInside(k)
			}
		}
		i += n
	}
	return dst, buf
}

// kindsOf returns the set of the kinds of records, one bit per kind.
func (g *Gazetteer) kindsOf(recs []int32) uint8 {
	var s uint8
	for _, r := range recs {
		s |= 1 << (g.Records[r].Kind - 1)
	}
	return s
}
