package dates

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/internal/golden"
)

var updateSweep = flag.Bool("update", false, "rewrite testdata/sweep.golden from the current output")

// sweepRefs are the reference days of the sweep, chosen for their edges:
// none at all, a Sunday and a Saturday, the last day of a month and of a
// year, 29 February of a leap year, a day inside Ramadan (1444 AH), and
// days at the ends of the years a Date holds.
var sweepRefs = []time.Time{
	{},
	day(2015, 8, 9),   // a Sunday
	day(2019, 3, 16),  // a Saturday
	day(2021, 4, 30),  // the last day of a month, a Friday
	day(2020, 12, 31), // the last day of a (leap) year
	day(2024, 2, 29),  // 29 February
	day(2023, 3, 30),  // 8 Ramadan 1444
	day(1, 1, 3),      // early in year 1
	day(9999, 12, 30), // late in year 9999
}

// sweepLine is one sentence of testdata/sweep.txt.
type sweepLine struct {
	ID, Text string
}

func readSweep(t *testing.T) []sweepLine {
	t.Helper()
	f, err := os.Open(filepath.Join(datesTestdata, "sweep.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sweepLine
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, text, ok := strings.Cut(line, "\t")
		if !ok || id == "" || text == "" || seen[id] {
			t.Fatalf("sweep.txt:%d: want a new id, a tab and a text, got %q", n, line)
		}
		seen[id] = true
		out = append(out, sweepLine{id, strings.ReplaceAll(text, `\n`, "\n")})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sweepRefName(ref time.Time) string {
	if ref.IsZero() {
		return "none"
	}
	return ref.Format("2006-01-02")
}

// sweepOutput runs every sentence against every reference day and returns
// the golden text: a header line per sentence, then one line per mention
// (id, reference, «span», value and, for a range, its end), or one line
// with «-» for a reference under which the sentence has no date.
func sweepOutput(t *testing.T, lines []sweepLine) string {
	t.Helper()
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("## " + l.ID + "\t" + strings.ReplaceAll(l.Text, "\n", `\n`) + "\n")
		src := l.Text
		var a *article.Article
		if strings.Contains(l.Text, "\n") {
			var err error
			if a, err = article.Parse(l.Text); err != nil {
				t.Fatalf("%s: %v", l.ID, err)
			}
			src = a.Source
		}
		for _, ref := range sweepRefs {
			var ms []entities.DateMention
			if a != nil {
				ms = FindDates(a, ref)
			} else {
				ms = FindDatesIn(l.Text, ref)
			}
			prefix := l.ID + "\t" + sweepRefName(ref) + "\t"
			if len(ms) == 0 {
				b.WriteString(prefix + "-\n")
				continue
			}
			for _, m := range ms {
				b.WriteString(prefix + "«" + src[m.Span.Start:m.Span.End] + "»\t" + m.Value.String())
				if m.End.Precision != 0 {
					b.WriteString("\t" + m.End.String())
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// TestSweepGolden runs every sentence of testdata/sweep.txt against every
// reference day of sweepRefs and compares the mentions with
// testdata/sweep.golden (go test -run TestSweepGolden -update rewrites
// it). Lines of the golden known to be wrong are listed, with what is
// right, in testdata/sweep.known-wrong: each must still be in the output,
// so that a fix shows up as a failure here until its line is taken off
// the list.
func TestSweepGolden(t *testing.T) {
	lines := readSweep(t)
	if len(lines) < 200 {
		t.Fatalf("sweep.txt has %d sentences, want 200 or more", len(lines))
	}
	got := sweepOutput(t, lines)
	golden.Check(t, filepath.Join(datesTestdata, "sweep.golden"), got, *updateSweep, "-update")

	have := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		have[l] = true
	}
	known, err := os.ReadFile(filepath.Join(datesTestdata, "sweep.known-wrong"))
	if err != nil {
		t.Fatal(err)
	}
	for n, l := range strings.Split(string(known), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out, right, ok := strings.Cut(l, "\t=> ")
		if !ok || right == "" {
			t.Errorf("sweep.known-wrong:%d: want a golden line, a tab, «=> » and what is right, got %q", n+1, l)
			continue
		}
		if !have[out] {
			t.Errorf("sweep.known-wrong:%d: %q is no longer in the output (fixed? right is %s): take it off the list", n+1, out, right)
		}
	}
}
