package tagger

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func gazBaseline(train, test []Sentence) Scores {
	cnt := map[string]map[Kind]int{}
	maxL := 0
	for _, s := range train {
		for _, c := range Chunks(s.Labels) {
			k := strings.Join(s.Words[c.Start:c.End], " ")
			if cnt[k] == nil {
				cnt[k] = map[Kind]int{}
			}
			cnt[k][c.Kind]++
			maxL = max(maxL, c.End-c.Start)
		}
	}
	var gold, pred [][]Label
	for _, s := range test {
		p := make([]Label, len(s.Words))
		for i := 0; i < len(s.Words); {
			done := false
			for l := min(maxL, len(s.Words)-i); l >= 1; l-- {
				if m := cnt[strings.Join(s.Words[i:i+l], " ")]; m != nil {
					best, bk := 0, Kind(0)
					for k, v := range m {
						if v > best || (v == best && k < bk) {
							best, bk = v, k
						}
					}
					p[i] = Begin(bk)
					for j := i + 1; j < i+l; j++ {
						p[j] = Inside(bk)
					}
					i += l
					done = true
					break
				}
			}
			if !done {
				i++
			}
		}
		gold = append(gold, s.Labels)
		pred = append(pred, p)
	}
	return Score(gold, pred)
}

func TestDebugGaz(t *testing.T) {
	if os.Getenv("NERDEBUG") == "" {
		t.Skip()
	}
	f, _ := os.Open("data/anercorp-train.txt")
	sents, _ := ReadCoNLL(f)
	tr, dv := SplitDev(sents)
	fmt.Println("dev", gazBaseline(tr, dv).All.F1())
	n := len(tr)
	var all Scores
	for k := 0; k < 5; k++ {
		lo, hi := k*n/5, (k+1)*n/5
		rest := append(append([]Sentence{}, tr[:lo]...), tr[hi:]...)
		s := gazBaseline(rest, tr[lo:hi])
		all.All.Gold += s.All.Gold
		all.All.Pred += s.All.Pred
		all.All.Correct += s.All.Correct
	}
	fmt.Println("cv", all.All.F1())
}
