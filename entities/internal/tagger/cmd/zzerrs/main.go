package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/khabar-go/khabar/entities/internal/tagger"
)

func main() {
	f, _ := os.Open("data/anercorp-train.txt")
	sents, _ := tagger.ReadCoNLL(f)
	tr, _ := tagger.SplitDev(sents)
	k := 5
	for fo := 0; fo < k; fo++ {
		lo, hi := fo*len(tr)/k, (fo+1)*len(tr)/k
		rest := append(append([]tagger.Sentence{}, tr[:lo]...), tr[hi:]...)
		m := tagger.Train(rest, tagger.TrainOptions{})
		g, p := tagger.TagCorpus(m, tr[lo:hi])
		for i := range g {
			w := tr[lo+i].Words
			gc := map[[3]int]bool{}
			for _, c := range tagger.Chunks(g[i]) {
				gc[[3]int{c.Start, c.End, int(c.Kind)}] = true
			}
			pc := map[[3]int]bool{}
			for _, c := range tagger.Chunks(p[i]) {
				pc[[3]int{c.Start, c.End, int(c.Kind)}] = true
			}
			for c := range gc {
				if !pc[c] {
					fmt.Printf("MISS %s\t%s\t| %s\n", tagger.Kind(c[2]), strings.Join(w[c[0]:c[1]], " "), ctx(w, c[0], c[1], p[i]))
				}
			}
			for c := range pc {
				if !gc[c] {
					fmt.Printf("FP   %s\t%s\t| %s\n", tagger.Kind(c[2]), strings.Join(w[c[0]:c[1]], " "), ctx(w, c[0], c[1], g[i]))
				}
			}
		}
	}
}

func ctx(w []string, s, e int, l []tagger.Label) string {
	lo, hi := max(0, s-3), min(len(w), e+3)
	var b []string
	for i := lo; i < hi; i++ {
		b = append(b, w[i]+"/"+l[i].String())
	}
	return strings.Join(b, " ")
}
