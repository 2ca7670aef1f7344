package bench

import (
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"

	"github.com/khabar-go/khabar/entities/dates"
)

const data = "../entities/dates/testdata"

func paragraphs(b *testing.B) []string {
	dev, err := LoadItems(data + "/devset.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	paras, err := Paragraphs(data+"/seed.txt", dev)
	if err != nil {
		b.Fatal(err)
	}
	return paras
}

var ref = time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkKhabar is one pass of khabar's FindDatesIn over the paragraphs.
func BenchmarkKhabar(b *testing.B) {
	paras := paragraphs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			dates.FindDatesIn(p, ref)
		}
	}
}

// BenchmarkDateparser is one pass of go-dateparser's Arabic search over the
// same paragraphs.
func BenchmarkDateparser(b *testing.B) {
	paras := paragraphs(b)
	p := &dps.Parser{}
	cfg := &dps.Configuration{CurrentTime: ref, DefaultTimezone: time.UTC}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range paras {
			if _, err := p.SearchWithLanguage(cfg, "ar", s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestEvaluate(t *testing.T) {
	items := []Item{{Ref: "2025-11-01", Text: "منذ عام 1994 وفي 20 أغسطس 2025", Want: [][2]string{{"عام 1994", "1994"}, {"20 أغسطس 2025", "2025-08-20"}}}}
	got := Evaluate(items, Khabar)
	if want := (Score{Wanted: 2, Strict: 2, Lenient: 2, Found: 2}); got != want {
		t.Errorf("Evaluate(Khabar) = %+v, want %+v", got, want)
	}
	wrong := func(string, time.Time) []Found { return []Found{{"في 20 أغسطس 2025", "2025-08-20"}, {"x", "1"}} }
	if got, want := Evaluate(items, wrong), (Score{Wanted: 2, Strict: 0, Lenient: 1, Found: 2, Extra: 1}); got != want {
		t.Errorf("Evaluate(wrong) = %+v, want %+v", got, want)
	}
}
