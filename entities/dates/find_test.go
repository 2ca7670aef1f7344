package dates

import (
	"os"
	"testing"
	"time"

	"github.com/khabar-go/khabar/internal/cputime"
)

func TestFindSpansInvariants(t *testing.T) {
	for _, it := range loadDevset(t, "testdata/devset.jsonl") {
		last := 0
		for _, m := range FindDatesIn(it.Text, parseRef(it.Ref)) {
			if m.Span.Start < last || m.Span.Start >= m.Span.End || m.Span.End > len(it.Text) {
				t.Errorf("bad span [%d,%d) after %d in %q", m.Span.Start, m.Span.End, last, it.Text)
			}
			last = m.Span.End
		}
	}
}

func BenchmarkFindDatesIn(b *testing.B) {
	src, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	ref := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		FindDatesIn(text, ref)
	}
	cpu.Report(b)
}
