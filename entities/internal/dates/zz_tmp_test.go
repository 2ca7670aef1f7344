package dates

import (
	"os"
	"testing"
	"time"
)

func BenchmarkZZTokenize(b *testing.B) {
	src, _ := os.ReadFile("../../testdata/seed.txt")
	ts := new(tokens)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		tokenize(string(src), ts)
	}
	b.Logf("toks %d", len(ts.toks))
}

func BenchmarkZZFind(b *testing.B) {
	src, _ := os.ReadFile("../../testdata/seed.txt")
	ref := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	var buf []Match
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		buf = Find(buf[:0], string(src), ref)
	}
}

var sink int

func BenchmarkZZBaseline(b *testing.B) {
	src, _ := os.ReadFile("../../testdata/seed.txt")
	s := string(src)
	for b.Loop() {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] >= 0xD8 {
				n += int(arTab[s[i]&0x3f].fold)
			}
		}
		sink = n
	}
}
