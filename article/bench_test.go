package article

import (
	"github.com/khabar-go/khabar/internal/cputime"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// benchCorpus builds a text of about size bytes by concatenating the test
// articles in several shapes: as they are, with CRLF line ends, indented
// with blank lines between paragraphs, and hard-wrapped at 72 columns.
func benchCorpus(tb testing.TB, size int) string {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no test articles: %v", err)
	}
	var arts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, strings.TrimSpace(string(b)))
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
				col := 0
				for _, w := range strings.Fields(l) {
					if col > 0 && col+len([]rune(w)) > 72 {
						b.WriteByte('\n')
						col = 0
					} else if col > 0 {
						b.WriteByte(' ')
						col++
					}
					b.WriteString(w)
					col += len([]rune(w))
				}
				b.WriteString("\n\n")
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
	text := benchCorpus(t, 64<<10)
	a, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
}
