package ner

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/internal/cputime"
	"github.com/khabar-go/khabar/internal/golden"
)

var updateNER = flag.Bool("update-ner", false, "rewrite ../testdata/*.ner.golden from the current output")

type goldEntity struct {
	Kind     string       `json:"kind"`
	Text     string       `json:"text"`
	Span     article.Span `json:"span"`
	Name     string       `json:"name"`
	Country  string       `json:"country"`
	Optional bool         `json:"optional"`
}

func parseFile(t testing.TB, path string) *article.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(string(b))
	if err != nil {
		t.Fatalf("article.Parse(%s): %v", path, err)
	}
	return a
}

func mustRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	r, err := DefaultRecognizer()
	if err != nil {
		t.Fatalf("DefaultRecognizer() error: %v", err)
	}
	return r
}

// TestSeedGold checks recognition and linking on the seed article against
// its hand annotation: every required mention found with its kind, span,
// linked name and country, and at most two mentions the gold lacks.
func TestSeedGold(t *testing.T) {
	a := parseFile(t, "../testdata/seed.txt")
	b, err := os.ReadFile("../testdata/seed.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Entities []goldEntity `json:"entities"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	res := mustRecognizer(t).Recognize(a)
	bySpan := make(map[article.Span]entities.Mention)
	for _, m := range res.Mentions {
		bySpan[m.Span] = m
	}
	required, found := 0, 0
	goldSpans := make(map[article.Span]bool)
	for _, ge := range gold.Entities {
		goldSpans[ge.Span] = true
		if ge.Optional {
			continue
		}
		required++
		m, ok := bySpan[ge.Span]
		if !ok {
			t.Errorf("missing %s %q at %v", ge.Kind, ge.Text, ge.Span)
			continue
		}
		e := res.Entities[m.Entity]
		got := fmt.Sprintf("%s %s/%s", m.Kind, e.Name, e.Country)
		want := fmt.Sprintf("%s %s/%s", ge.Kind, ge.Name, ge.Country)
		if got != want {
			t.Errorf("mention %q at %v = %s, want %s", ge.Text, ge.Span, got, want)
			continue
		}
		found++
	}
	spurious := 0
	for _, m := range res.Mentions {
		if !goldSpans[m.Span] {
			spurious++
			t.Logf("spurious %s %q at %v", m.Kind, a.Text(m.Span), m.Span)
		}
	}
	t.Logf("seed: %d/%d required mentions right, %d spurious", found, required, spurious)
	if required != 41 {
		t.Errorf("gold has %d required mentions, want 41", required)
	}
	if spurious > 2 {
		t.Errorf("%d spurious mentions, want at most 2", spurious)
	}
}

// nerGolden renders a recognition result as stable text for golden files.
func nerGolden(a *article.Article, res *entities.Result) string {
	var b strings.Builder
	for _, m := range res.Mentions {
		fmt.Fprintf(&b, "M %v %s %q -> %d\n", m.Span, m.Kind, a.Text(m.Span), m.Entity)
	}
	for i, e := range res.Entities {
		var c string
		if e.Coord != nil {
			c = fmt.Sprintf(" @%.2f,%.2f", e.Coord.Lat, e.Coord.Lon)
		}
		fmt.Fprintf(&b, "E %d %s %q %s %s linked=%v id=%s%s mentions=%d\n", i, e.Kind, e.Name, e.Country, e.Wikidata, e.Linked(), e.ID, c, len(e.Mentions))
	}
	for _, r := range res.Roles {
		fmt.Fprintf(&b, "R %v %q %s %s plural=%v -> %d\n", r.Span, a.Text(r.Span), r.Role, r.Country, r.Plural, r.Entity)
	}
	return b.String()
}

// TestGolden compares the full output on the test articles with golden
// files; run with -update-ner to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/ner-*.txt")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "../testdata/seed.txt")
	r := mustRecognizer(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a := parseFile(t, f)
			path := strings.TrimSuffix(f, ".txt") + ".ner.golden"
			golden.Check(t, path, nerGolden(a, r.Recognize(a)), *updateNER, "-update-ner")
		})
	}
}

// checkInvariants checks the span rules of DESIGN.md on a result: spans in
// range, on UTF-8 boundaries, sorted and disjoint; indexes in range; every
// entity mention is a mention of that entity.
func checkInvariants(t testing.TB, a *article.Article, res *entities.Result) {
	t.Helper()
	n := len(a.Source)
	valid := func(what string, s article.Span) {
		if s.Start < 0 || s.Start > s.End || s.End > n {
			t.Fatalf("%s span %v out of range [0,%d]", what, s, n)
		}
		if !utf8.RuneStart(a.Source[s.Start]) && s.Start < n || (s.End < n && !utf8.RuneStart(a.Source[s.End])) {
			t.Fatalf("%s span %v not on UTF-8 boundaries", what, s)
		}
		if s.Empty() {
			t.Fatalf("%s span %v is empty", what, s)
		}
	}
	for i, m := range res.Mentions {
		valid("mention", m.Span)
		if i > 0 && res.Mentions[i-1].Span.End > m.Span.Start {
			t.Fatalf("mentions %v and %v overlap or are unsorted", res.Mentions[i-1].Span, m.Span)
		}
		if m.Entity < 0 || m.Entity >= len(res.Entities) {
			t.Fatalf("mention %v: entity %d out of range", m.Span, m.Entity)
		}
		e := res.Entities[m.Entity]
		if e.Kind != m.Kind || !slices.Contains(e.Mentions, m.Span) {
			t.Fatalf("mention %v %s not in its entity %+v", m.Span, m.Kind, e)
		}
	}
	total := 0
	for i, e := range res.Entities {
		total += len(e.Mentions)
		if len(e.Mentions) == 0 {
			t.Fatalf("entity %d has no mentions", i)
		}
		if !slices.IsSortedFunc(e.Mentions, func(x, y article.Span) int { return x.Start - y.Start }) {
			t.Fatalf("entity %d mentions unsorted", i)
		}
		if i > 0 && res.Entities[i-1].Mentions[0].Start > e.Mentions[0].Start {
			t.Fatalf("entities not in order of first mention")
		}
	}
	if total != len(res.Mentions) {
		t.Fatalf("entities hold %d mentions, result has %d", total, len(res.Mentions))
	}
	for i, r := range res.Roles {
		valid("role", r.Span)
		if i > 0 && res.Roles[i-1].Span.Start > r.Span.Start {
			t.Fatalf("roles unsorted")
		}
		if r.Entity < -1 || r.Entity >= len(res.Entities) {
			t.Fatalf("role %v: entity %d out of range", r.Span, r.Entity)
		}
	}
}

func FuzzRecognize(f *testing.F) {
	for _, file := range []string{"../testdata/seed.txt", "../testdata/ner-ar.txt", "../testdata/ner-fa.txt", "../testdata/ner-en.txt"} {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		"وإيران", "لموسكو وللعراق", "الرئيس الروسي", "الرئيس", "President", "Iranian President",
		"الرئيسين ألكسندر", "وزير الخارجية الروسي سيرغي", "ـــإيـــران", "إِيرَان", "\u200cایران",
		"رئیس‌جمهور ایران", "الرئيس البيروفي عبد", "x", "لل", "و",
	} {
		f.Add(s)
	}
	r, err := DefaultRecognizer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := article.Parse(text)
		if err != nil {
			return
		}
		res := r.Recognize(a)
		checkInvariants(t, a, res)
		for _, rc := range res.Roles {
			if i := ResolveRole(res, rc.Span); i < -1 || i >= len(res.Entities) {
				t.Fatalf("ResolveRole(%v) = %d out of range", rc.Span, i)
			}
		}
	})
}

// BenchmarkRecognize measures recognition and linking (without parsing)
// over the test articles; it reports tokens per second.
func BenchmarkRecognize(b *testing.B) {
	var arts []*article.Article
	tokens := 0
	for _, file := range []string{"../testdata/seed.txt", "../testdata/ner-ar.txt", "../testdata/ner-fa.txt", "../testdata/ner-en.txt"} {
		a := parseFile(b, file)
		arts = append(arts, a)
		tokens += len(a.Tokens)
	}
	for _, bc := range []struct {
		name string
		opts RecognizerOptions
	}{{"tagger", RecognizerOptions{}}, {"gazetteer-only", RecognizerOptions{NoTagger: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			r, err := NewRecognizer(bc.opts)
			if err != nil {
				b.Fatal(err)
			}
			benchRecognize(b, r, arts, tokens)
		})
	}
}

// TestConcurrentRecognize runs one Recognizer from several goroutines (run
// with -race) and checks that each gets the sequential result.
func TestConcurrentRecognize(t *testing.T) {
	r := mustRecognizer(t)
	var arts []*article.Article
	var want []string
	for _, f := range []string{"../testdata/seed.txt", "../testdata/ner-ar.txt", "../testdata/ner-fa.txt", "../testdata/ner-en.txt"} {
		a := parseFile(t, f)
		arts = append(arts, a)
		want = append(want, nerGolden(a, r.Recognize(a)))
	}
	errs := make(chan string, 4*len(arts))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(arts) {
				i := (g + k) % len(arts)
				if got := nerGolden(arts[i], r.Recognize(arts[i])); got != want[i] {
					errs <- fmt.Sprintf("goroutine %d, article %d: result differs from the sequential one", g, i)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// benchRecognize recognizes arts in turn, b.N times, and reports tokens
// per second of wall and of CPU time: on a shared machine wall time
// includes waiting for a core, CPU time does not (the benchmark runs on
// one goroutine).
func benchRecognize(b *testing.B, r *Recognizer, arts []*article.Article, tokens int) {
	b.ReportAllocs()
	cpu := cputime.Start()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			r.Recognize(a)
		}
	}
	b.StopTimer()
	n := float64(tokens) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
	if d, ok := cpu.Elapsed(); ok && d > 0 {
		b.ReportMetric(n/d.Seconds(), "tokens/cpu-s")
	}
}
