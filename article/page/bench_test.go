package page

import (
	"os"
	"testing"
)

// BenchmarkParse parses the English test page, from its bytes to the
// Article with its page spans.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/en-news.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
