package quotes

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/internal/cputime"
)

// gold is the part of the seed's gold annotation the quote tests use.
type gold struct {
	Entities []struct {
		Kind    string `json:"kind"`
		Span    [2]int `json:"span"`
		Name    string `json:"name"`
		Country string `json:"country"`
	} `json:"entities"`
	Quotes []struct {
		Text    string `json:"text"`
		Span    [2]int `json:"span"`
		Speaker string `json:"speaker"`
		Kind    string `json:"kind"`
	} `json:"quotes"`
}

var kindByName = map[string]entities.Kind{"PER": entities.PER, "LOC": entities.LOC, "ORG": entities.ORG, "MISC": entities.MISC}

// seedDir holds the seed article and its gold annotation, shared with
// package entities.
const seedDir = "../testdata/"

// seedInput parses the seed text and makes a result from its gold
// entities, one Entity per distinct gold name, and returns the entities'
// names.
func seedInput(tb testing.TB) (*article.Article, *entities.Result, []string, gold) {
	tb.Helper()
	src, err := os.ReadFile(seedDir + "seed.txt")
	if err != nil {
		tb.Fatal(err)
	}
	b, err := os.ReadFile(seedDir + "seed.gold.json")
	if err != nil {
		tb.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		tb.Fatal(err)
	}
	a := parse(tb, string(src))
	res := &entities.Result{}
	var names []string
	idx := map[string]int{}
	for _, e := range g.Entities {
		k := kindByName[e.Kind]
		i, ok := idx[e.Name]
		if !ok {
			i = len(res.Entities)
			idx[e.Name] = i
			res.Entities = append(res.Entities, entities.Entity{Kind: k, Country: e.Country})
			names = append(names, e.Name)
		}
		res.Mentions = append(res.Mentions, entities.Mention{Span: article.Span{Start: e.Span[0], End: e.Span[1]}, Kind: k, Entity: i})
	}
	return a, res, names, g
}

var kindNames = map[entities.QuoteKind]string{entities.Direct: "direct", entities.Partial: "partial", entities.Term: "term", entities.Indirect: "indirect"}

type flat struct {
	Span    [2]int
	Kind    string
	Speaker string
}

func TestSeedGold(t *testing.T) {
	a, res, names, g := seedInput(t)
	var want, got []flat
	for _, q := range g.Quotes {
		want = append(want, flat{q.Span, q.Kind, q.Speaker})
	}
	for _, q := range findAll(t, a, res, false) {
		s := ""
		if q.speaker != nil {
			s = speakerName(a.Source, names, q.speaker)
		}
		got = append(got, flat{[2]int{q.Span.Start, q.Span.End}, kindNames[q.Kind], s})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("find(seed) mismatch (-want +got):\n%s", diff)
	}
}

// BenchmarkFindSeed measures Find on the seed article. Besides wall time it
// reports cpu-ns/op, the process CPU time per call, which stays meaningful
// when the machine is shared and wall time is not.
func BenchmarkFindSeed(b *testing.B) {
	a, res, _, _ := seedInput(b)
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := find(ctx, a, res, false); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// scaled returns an article of n paragraphs that cycle through speakers,
// cues, quotations and stray marks, with the mentions of its names: the
// same mix at every size, so time per paragraph should not grow with n.
func scaled(tb testing.TB, n int, oneSentence bool) (*article.Article, *entities.Result) {
	tb.Helper()
	names := []string{"سالم الكعبي", "خالد المطيري", "يحيى سريع", "مطر النيادي", "سعيد الحربي"}
	pattern := []string{
		"وقال %s في بيان: «الأسعار ستخضع للمراجعة كل شهر» ",
		"وأضاف أن «الرحلات ستعود الأسبوع المقبل»، مشيرا إلى أن الخطة «طموحة» ",
		"وقالت مصادر مطلعة لـ«الوطن» إن المفاوضات «وصلت إلى طريق مسدود» ",
		"وألقى %s محاضرة بعنوان: «آداب المسجد» في القاعة « الكبرى ",
		"وتحدث الوزير عن الخطة وقال: «سنواصل العمل» ",
	}
	var sb strings.Builder
	var ms []ment
	for i := 0; i < n; i++ {
		name := names[(i/len(pattern))%len(names)]
		p := pattern[i%len(pattern)]
		if strings.Contains(p, "%s") {
			p = fmt.Sprintf(p, name)
		}
		fmt.Fprintf(&sb, "وفي الجولة %d ", i)
		sb.WriteString(p)
		if oneSentence {
			sb.WriteString("و ")
		} else {
			sb.WriteString(".\n\n")
		}
	}
	for _, name := range names {
		ms = append(ms, ment{name, "PER", name, "SA"})
	}
	a, res, _ := build(tb, sb.String(), ms)
	return a, res
}

// BenchmarkFindScale measures find on articles of 16, 128 and 1024
// paragraphs, and on one sentence of the same length with no full stop:
// ns/op divided by the size should stay flat (the cost is linear).
func BenchmarkFindScale(b *testing.B) {
	for _, one := range []bool{false, true} {
		for _, n := range []int{16, 128, 1024} {
			a, res := scaled(b, n, one)
			name := fmt.Sprintf("paragraphs=%d", n)
			if one {
				name = fmt.Sprintf("one-sentence=%d", n)
			}
			b.Run(name, func(b *testing.B) {
				ctx := context.Background()
				for b.Loop() {
					if _, err := find(ctx, a, res, true); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
