package tagger

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakeLexicon knows names as space-joined keys.
type fakeLexicon map[string]KindSet

func (f fakeLexicon) Lookup(keys []string, i int) (KindSet, int) {
	for n := len(keys) - i; n > 0; n-- {
		if k, ok := f[strings.Join(keys[i:i+n], " ")]; ok {
			return k, n
		}
	}
	return 0, 0
}

func TestMatchFlags(t *testing.T) {
	lex := fakeLexicon{
		"الامم المتحده": KindSet(0).Add(ORG),
		"موسكو":         KindSet(0).Add(LOC),
		"جورجيا":        KindSet(0).Add(LOC).Add(PER),
	}
	keys := strings.Fields("في موسكو و الامم المتحده و جورجيا")
	got := MatchFlags(nil, lex, keys)
	want := []Flags{0, FlagBegin(LOC), 0, FlagBegin(ORG), FlagInside(ORG), 0, FlagBegin(PER) | FlagBegin(LOC)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MatchFlags() mismatch (-want +got):\n%s", diff)
	}
}

func TestKindSet(t *testing.T) {
	s := KindSet(0).Add(PER).Add(MISC).Add(Kind(9))
	for k, want := range map[Kind]bool{PER: true, LOC: false, ORG: false, MISC: true, 0: false, 9: false} {
		if s.Has(k) != want {
			t.Errorf("Has(%v) = %v, want %v", k, s.Has(k), want)
		}
	}
}

func TestTagDocument(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := [][]string{
		strings.Fields("قال الرئيس الروسي فلاديمير بوتين إن موسكو ستواصل المحادثات ."),
		nil,
		strings.Fields("وأضاف بوتين أن الاتفاق مهم ."),
	}
	got := mustTagDocument(t, m, doc, [][]Flags{nil, nil, {0, FlagBegin(PER)}})
	if len(got) != len(doc) {
		t.Fatalf("TagDocument returned %d sentences, want %d", len(got), len(doc))
	}
	for n := range doc {
		if len(got[n]) != len(doc[n]) {
			t.Errorf("sentence %d: %d labels for %d words", n, len(got[n]), len(doc[n]))
		}
	}
}

func TestPropagate(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// زرقاوييف is not in the training data.
	sents := [][]string{
		strings.Fields("زرقاوييف"),
		strings.Fields("ورد زرقاوييف على في"),
		strings.Fields("ثم كلام"),
		strings.Fields("ثم وزرقاوييف"),
		strings.Fields("زرقاوييف و زرقاوييف"),
	}
	preds := [][]Label{
		{BPER},
		{O, O, O, O},
		{O, O},
		{O, O},
		{BPER, O, BORG},
	}
	m.propagateWords(sents, preds, 1)
	want := [][]Label{
		{BPER},
		{O, BPER, O, O}, // a one-word PER next door
		{O, O},
		{O, O}, // the next sentence has it as PER and as ORG
		{BPER, O, BORG},
	}
	if diff := cmp.Diff(want, preds); diff != "" {
		t.Errorf("propagate() mismatch (-want +got):\n%s", diff)
	}

	// The last word of a person's full name stands for the person; the
	// first word does not, nor do the words of other kinds' names.
	sents = [][]string{
		strings.Fields("قال فلانوف زرقاوييف"),
		strings.Fields("زرقاوييف و فلانوف"),
		strings.Fields("بحر قزوينوف الشمالي"),
		strings.Fields("قزوينوف الشمالي"),
	}
	preds = [][]Label{
		{O, BPER, IPER},
		{O, O, O},
		{O, BLOC, ILOC},
		{O, O},
	}
	m.propagateWords(sents, preds, 1)
	want = [][]Label{
		{O, BPER, IPER},
		{BPER, O, O},
		{O, BLOC, ILOC},
		{O, O},
	}
	if diff := cmp.Diff(want, preds); diff != "" {
		t.Errorf("propagate() of surnames mismatch (-want +got):\n%s", diff)
	}
}

// TestConcurrentTag tags from several goroutines at once (run with -race)
// and checks that each gets the sequential result.
func TestConcurrentTag(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var doc [][]string
	for _, s := range readData(t)[:40] {
		doc = append(doc, s.Words)
	}
	want := mustTagDocument(t, m, doc, nil)
	errs := make(chan string, 8)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if diff := cmp.Diff(want, mustTagDocument(t, m, doc, nil)); diff != "" {
					errs <- diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for d := range errs {
		t.Errorf("concurrent TagDocument differs (-sequential +concurrent):\n%s", d)
	}
}

// TestSecondPassSums checks that TagDocument's second pass, which adds
// the second-pass weights to the first pass's emission scores, gives what
// tagging with all the features at once gives.
func TestSecondPassSums(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !m.stacked {
		t.Skip("the embedded model is not stacked")
	}
	_, dev := SplitDev(readData(t))
	for a := 0; a+20 <= len(dev); a += 20 {
		var sents [][]string
		for _, s := range dev[a : a+20] {
			sents = append(sents, s.Words)
		}
		got := mustTagDocument(t, m, sents, nil)
		s := m.scratch()
		ctx := m.newContext(s, sents, nil, nil)
		p1, info, _ := m.firstPass(context.Background(), s, sents, ctx, false)
		plab := make(map[uint64][NumLabels]uint16)
		for n := range info {
			stems := make([]uint64, len(info[n]))
			for i := range stems {
				stems[i] = info[n][i].stem2
			}
			countLabels(plab, stems, p1[n])
		}
		want := make([][]Label, len(sents))
		for n, w := range sents {
			want[n] = m.tagStacked(nil, w, nil, ctx, p1[n], plab)
		}
		propagate(info, want, len(sents))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("sentences %d-%d: TagDocument differs from tagging with all features (-want +got):\n%s", a, a+19, diff)
		}
	}
}

// mustTagDocument is TagDocument with a background context, failing t on
// an error.
func mustTagDocument(t testing.TB, m *Model, sents [][]string, ext [][]Flags) [][]Label {
	t.Helper()
	out, err := m.TagDocument(context.Background(), sents, ext)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
