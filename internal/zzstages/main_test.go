package stages

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/dates"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/entities/quotes"
	"github.com/khabar-go/khabar/summarize"
)

func TestStages(t *testing.T) {
	b, _ := os.ReadFile("/tmp/big-15000000.txt")
	t0 := time.Now()
	a, err := article.Parser{MaxBytes: 1 << 30}.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("parse", time.Since(t0))
	r, _ := ner.DefaultRecognizer()
	t0 = time.Now()
	res := r.Recognize(a)
	t.Log("ner", time.Since(t0))
	t0 = time.Now()
	quotes.Find(a, res)
	t.Log("quotes", time.Since(t0))
	t0 = time.Now()
	dates.FindDates(a, time.Now())
	t.Log("dates", time.Since(t0))
	t0 = time.Now()
	summarize.Extractive{}.Summarize(context.Background(), summarize.Request{Article: a})
	t.Log("summary", time.Since(t0))
}
