package tagger

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugCats(t *testing.T) {
	if os.Getenv("NERDEBUG") == "" {
		t.Skip()
	}
	f, _ := os.Open("data/anercorp-train.txt")
	sents, _ := ReadCoNLL(f)
	tr, _ := SplitDev(sents)
	lo, hi := 0, len(tr)/5
	m := Train(tr[hi:], TrainOptions{Bits: 18})
	seen := map[string]bool{}
	for _, s := range tr[hi:] {
		for _, c := range Chunks(s.Labels) {
			seen[strings.Join(s.Words[c.Start:c.End], " ")] = true
		}
	}
	cat := map[string]int{}
	for _, s := range tr[lo:hi] {
		p := m.Tag(s.Words, nil)
		pc := Chunks(p)
		ps := map[Chunk]bool{}
		for _, c := range pc {
			ps[c] = true
		}
		for _, c := range Chunks(s.Labels) {
			sn := "unseen"
			if seen[strings.Join(s.Words[c.Start:c.End], " ")] {
				sn = "seen"
			}
			cat[sn+" total"]++
			if ps[c] {
				cat[sn+" ok"]++
				continue
			}
			allO, overlapType, overlapKind := true, false, false
			for i := c.Start; i < c.End; i++ {
				if p[i] != O {
					allO = false
					if p[i].Kind() != c.Kind {
						overlapType = true
					} else {
						overlapKind = true
					}
				}
			}
			switch {
			case allO:
				if c.Kind == LOC || c.Kind == PER {
					fmt.Println("MISS", c.Kind, sn, strings.Join(s.Words[c.Start:c.End], " "), " || ", strings.Join(s.Words[max(0, c.Start-3):min(len(s.Words), c.End+2)], " "))
				}
				cat[sn+" missO "+c.Kind.String()]++
			case overlapKind && !overlapType:
				cat[sn+" boundary"]++
			default:
				cat[sn+" wrongtype"]++
			}
		}
	}
	for k, v := range cat {
		fmt.Println(k, v)
	}
}
