package dates

import (
	"os"
	"testing"
	"time"
)

func BenchmarkZZFind(b *testing.B) {
	src, _ := os.ReadFile("../../testdata/seed.txt")
	s := string(src)
	ref := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	var buf []Match
	for b.Loop() {
		buf = Find(buf[:0], s, ref)
	}
}

func BenchmarkZZTok(b *testing.B) {
	src, _ := os.ReadFile("../../testdata/seed.txt")
	s := string(src)
	ts := new(tokens)
	for b.Loop() {
		tokenize(s, ts)
	}
}
