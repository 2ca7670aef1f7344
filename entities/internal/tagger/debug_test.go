package tagger

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugErrors(t *testing.T) {
	if os.Getenv("NERDEBUG") == "" {
		t.Skip()
	}
	f, _ := os.Open("data/anercorp-train.txt")
	sents, _ := ReadCoNLL(f)
	tr, dv := SplitDev(sents)
	m := Train(tr, TrainOptions{Bits: 18})
	_, preds := TagCorpus(m, dv)
	out, _ := os.Create("/tmp/nerdbg/errors.txt")
	defer out.Close()
	for si, s := range dv {
		p := preds[si]
		g := Chunks(s.Labels)
		pc := Chunks(p)
		gs := map[Chunk]bool{}
		for _, c := range g {
			gs[c] = true
		}
		ps := map[Chunk]bool{}
		for _, c := range pc {
			ps[c] = true
		}
		for _, c := range g {
			if !ps[c] {
				fmt.Fprintf(out, "MISS %s %q ctx: %s\n", c.Kind, strings.Join(s.Words[c.Start:c.End], " "), strings.Join(s.Words[max(0, c.Start-3):min(len(s.Words), c.End+2)], " "))
			}
		}
		for _, c := range pc {
			if !gs[c] {
				fmt.Fprintf(out, "SPUR %s %q ctx: %s\n", c.Kind, strings.Join(s.Words[c.Start:c.End], " "), strings.Join(s.Words[max(0, c.Start-3):min(len(s.Words), c.End+2)], " "))
			}
		}
	}
}
