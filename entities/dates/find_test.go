package dates

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
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

// errAfter is a context whose Err reports cancellation from its n-th call
// on: it shows where a long run looks at its context.
type errAfter struct {
	context.Context
	n, calls int
}

func (c *errAfter) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

// TestExtractContext checks that Finder.Extract stops on a done context:
// at once, and in the middle of a long article (it looks every ctxEvery
// regions).
func TestExtractContext(t *testing.T) {
	var b strings.Builder
	for i := range 10 * ctxEvery {
		fmt.Fprintf(&b, "الفقرة %d: اجتمع المجلس في 3 مارس 2014.\n\n", i)
	}
	a, err := article.Parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	opts := entities.Options{Reference: time.Date(2015, 8, 6, 0, 0, 0, 0, time.UTC)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (Finder{}).Extract(ctx, a, &entities.Result{}, opts); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract with a cancelled context: err = %v, want context.Canceled", err)
	}
	late := &errAfter{Context: context.Background(), n: 3}
	if _, err := (Finder{}).Extract(late, a, &entities.Result{}, opts); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract cancelled mid-way: err = %v, want context.Canceled", err)
	}
	if late.calls != 3 {
		t.Errorf("Extract looked at its context %d times before stopping, want 3", late.calls)
	}
	all := &errAfter{Context: context.Background(), n: 1 << 30}
	res, err := (Finder{}).Extract(all, a, &entities.Result{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dates) != 10*ctxEvery {
		t.Errorf("Extract found %d dates, want %d", len(res.Dates), 10*ctxEvery)
	}
	if want := 1 + 10*ctxEvery/ctxEvery; all.calls < want {
		t.Errorf("Extract looked at its context %d times over %d paragraphs, want at least %d", all.calls, 10*ctxEvery, want)
	}
}

// BenchmarkFindDatesSize runs FindDates over articles of growing size,
// made of the sentences of the date sets in a different order in each
// paragraph: the time per byte should not grow with the size.
func BenchmarkFindDatesSize(b *testing.B) {
	var sents []string
	for _, f := range []string{"devset", "blind", "blind2", "forms", "forms2"} {
		for _, it := range loadDevset(b, "testdata/"+f+".jsonl") {
			sents = append(sents, it.Text)
		}
	}
	ref := time.Date(2015, 8, 6, 0, 0, 0, 0, time.UTC)
	for _, size := range []int{64 << 10, 256 << 10, 1 << 20} {
		var sb strings.Builder
		for n := 0; sb.Len() < size; n++ {
			for k := range 8 {
				sb.WriteString(sents[(n*7919+k*104729)%len(sents)])
				sb.WriteByte(' ')
			}
			sb.WriteString("\n\n")
		}
		a, err := article.Parse(sb.String())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(a.Source)))
			for b.Loop() {
				FindDates(a, ref)
			}
		})
	}
}
