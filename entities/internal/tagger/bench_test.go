package tagger

import (
	"os"
	"testing"
)

func BenchmarkTag(b *testing.B) {
	f, err := os.Open("data/anercorp-train.txt")
	if err != nil {
		b.Fatal(err)
	}
	sents, err := ReadCoNLL(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	_, dev := SplitDev(sents)
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var dst []Label
	tokens := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := dev[i%len(dev)]
		dst = m.TagInto(dst[:0], s.Words, nil)
		tokens += len(s.Words)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
