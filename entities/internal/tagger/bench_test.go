package tagger

import (
	"context"
	"sync"
	"testing"

	"github.com/khabar-go/khabar/internal/cputime"
)

// BenchmarkTag tags the development split sentence by sentence with the
// embedded model. "warm" reuses the model's caches of word weights across
// the whole run; "cold" drops them every 40 sentences (about one article),
// as a stream of unrelated articles would. Besides ns/op it reports
// tokens/s of wall time and tokens/cpu-s of process CPU time, which a busy
// machine disturbs less.
func BenchmarkTag(b *testing.B) {
	_, dev := SplitDev(readData(b))
	for _, mode := range []struct {
		name  string
		every int
	}{{"warm", 0}, {"cold", 40}} {
		b.Run(mode.name, func(b *testing.B) {
			m, err := Default()
			if err != nil {
				b.Fatal(err)
			}
			var dst []Label
			tokens := 0
			b.ReportAllocs()
			cpu := cputime.Start()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if mode.every > 0 && i%mode.every == 0 {
					b.StopTimer()
					m.pool = sync.Pool{}
					b.StartTimer()
				}
				s := dev[i%len(dev)]
				dst = m.TagInto(dst[:0], s.Words, nil)
				tokens += len(s.Words)
			}
			b.StopTimer()
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
			if d, ok := cpu.Elapsed(); ok && d > 0 {
				b.ReportMetric(float64(tokens)/d.Seconds(), "tokens/cpu-s")
			}
		})
	}
}

// BenchmarkTagDocument tags the development split as articles of 20
// sentences with TagDocument, the way package entities calls the tagger.
func BenchmarkTagDocument(b *testing.B) {
	_, dev := SplitDev(readData(b))
	var docs [][][]string
	for lo := 0; lo < len(dev); lo += 20 {
		var d [][]string
		for _, s := range dev[lo:min(lo+20, len(dev))] {
			d = append(d, s.Words)
		}
		docs = append(docs, d)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchDocuments(b, m, docs)
}

// BenchmarkTagDocumentLang tags 2,000 sentences of each language's
// training data as articles of 20 sentences with TagDocument, the way
// package entities calls the tagger. The English and Persian sentences
// are tweets and Wikipedia sentences, shorter than news sentences.
func BenchmarkTagDocumentLang(b *testing.B) {
	for l := Arabic; l < numLangs; l++ {
		b.Run(l.String(), func(b *testing.B) {
			var sents []Sentence
			if l == Arabic {
				sents = readData(b)
			} else {
				sents = readLangData(b, l)
			}
			sents = sents[len(sents)-2000:]
			var docs [][][]string
			for lo := 0; lo < len(sents); lo += 20 {
				var d [][]string
				for _, s := range sents[lo:min(lo+20, len(sents))] {
					d = append(d, s.Words)
				}
				docs = append(docs, d)
			}
			m, err := DefaultFor(l)
			if err != nil {
				b.Fatal(err)
			}
			benchDocuments(b, m, docs)
		})
	}
}

// benchDocuments tags docs in turn with TagDocument, b.N of them, and
// reports tokens per second of wall and of CPU time.
func benchDocuments(b *testing.B, m *Model, docs [][][]string) {
	tokens := 0
	b.ReportAllocs()
	cpu := cputime.Start()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		m.TagDocument(context.Background(), d, nil)
		for _, s := range d {
			tokens += len(s)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	if d, ok := cpu.Elapsed(); ok && d > 0 {
		b.ReportMetric(float64(tokens)/d.Seconds(), "tokens/cpu-s")
	}
}
