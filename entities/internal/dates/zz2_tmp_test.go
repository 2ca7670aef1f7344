package dates

import (
	"os"
	"testing"
)

func TestZZHits(t *testing.T) {
	src, _ := os.ReadFile("../../testdata/seed.txt")
	ts := new(tokens)
	tokenize(string(src), ts)
	p := parser{ts: ts, n: len(ts.toks), lastYear: -1}
	hits, found := 0, 0
	var ks []string
	for i := range ts.toks {
		tk := &ts.toks[i]
		if tk.kind != tWord {
			continue
		}
		if lexHashes.has(tk.h[0]) || tk.h[1] != 0 && lexHashes.has(tk.h[1]) || tk.h[2] != 0 && lexHashes.has(tk.h[2]) {
			hits++
			ks = append(ks, ts.key(i))
			if e, _ := p.word(i); e != nil {
				found++
			}
		}
	}
	t.Logf("toks %d hits %d found %d %v", len(ts.toks), hits, found, ks)
}
