package article

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/internal/cputime"
)

// benchCorpus builds a text of about size bytes by concatenating the test
// articles in several shapes: as they are, with CRLF line ends, indented
// with blank lines between paragraphs, and hard-wrapped at 73 columns (the
// corpus the README's numbers were measured on).
func benchCorpus(tb testing.TB, size int) string {
	var arts []string
	for _, t := range testArticles(tb) {
		arts = append(arts, strings.TrimSpace(t.text))
	}
	shapes := []func(string) string{
		func(s string) string { return s },
		func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		func(s string) string {
			var b strings.Builder
			for _, l := range strings.Split(s, "\n") {
				if strings.TrimSpace(l) != "" {
					b.WriteString("    " + strings.TrimSpace(l) + "\n\n")
				}
			}
			return b.String()
		},
		func(s string) string {
			var b strings.Builder
			for _, l := range strings.Split(s, "\n") {
				b.WriteString(wrapLine(l, 73) + "\n\n")
			}
			return b.String()
		},
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		art := rotate(arts[i%len(arts)], i/len(arts))
		b.WriteString(shapes[(i/len(arts))%len(shapes)](art))
		b.WriteString("\n\n")
	}
	return b.String()
}

// rotate rotates the words of every line of s by k and writes k at the
// line's start, so that repeated articles do not become duplicates of the
// first copy.
func rotate(s string, k int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		w := strings.Fields(l)
		if len(w) > 1 {
			j := k % len(w)
			w = append(w[j:], w[:j]...)
			w = append([]string{strconv.Itoa(k)}, w...)
			lines[i] = strings.Join(w, " ")
		}
	}
	return strings.Join(lines, "\n")
}

func benchmarkParse(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var a *Article
	n := 0
	cpu := cputime.Start()
	for b.Loop() {
		var err error
		if a, err = Parse(text); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu, ok := cpu.Elapsed(); ok && cpu > 0 {
		// Throughput per CPU second: on a loaded machine wall-clock MB/s
		// understates it. GC work on other threads counts too.
		b.ReportMetric(float64(len(text))*float64(n)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
	sents := 0
	for _, p := range a.Paragraphs {
		sents += len(p.Sentences)
	}
	b.ReportMetric(float64(len(a.Paragraphs)), "paragraphs")
	b.ReportMetric(float64(sents), "sentences")
	b.ReportMetric(float64(len(a.Tokens)), "tokens")
}

func BenchmarkParse(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("seed", func(b *testing.B) { benchmarkParse(b, string(seed)) })
	b.Run("1MB", func(b *testing.B) { benchmarkParse(b, benchCorpus(b, 1<<20)) })
}

func TestBenchCorpusParses(t *testing.T) {
	mustParse(t, benchCorpus(t, 64<<10))
}
