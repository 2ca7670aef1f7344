// Command rtscore scores the date finder on parser cases in the JSON shape
// of Microsoft Recognizers-Text's DateTime specs (Specs/DateTime/Arabic/
// DateParser.json): each case has an Input, a Context.ReferenceDateTime and
// Results with a Text and a Value (Timex, FutureResolution,
// PastResolution). The spec files are not in this repository: pass their
// path.
//
//	go run ./entities/dates/internal/cmd/rtscore -spec PATH/DateParser.json [-v]
//
// A case is right when a found date overlaps the expected text and its
// value is the expected date: the Timex when it is complete, else the
// future or the past resolution (Recognizers-Text gives both for «سأعود في
// 2 أكتوبر»). A case whose resolution is 0001-01-01 (no such day: «الأحد
// الخامس» of a month with four Sundays) is right when nothing is found
// there. "coarser" counts the found dates whose value is the expected one
// cut to a coarser precision («قبل شهر»: 2016-10 for 2016-10-07).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-go/khabar/entities/dates"
)

func main() {
	spec := flag.String("spec", "", "path of a Recognizers-Text DateTime parser spec (JSON)")
	verbose := flag.Bool("v", false, "list every case that is not right")
	flag.Parse()
	if err := run(*spec, *verbose, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "rtscore:", err)
		os.Exit(1)
	}
}

// specCase is one case of a spec file.
type specCase struct {
	Input   string `json:"Input"`
	Context struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results []struct {
		Text  string `json:"Text"`
		Value struct {
			Timex            string `json:"Timex"`
			FutureResolution struct {
				Date string `json:"date"`
			} `json:"FutureResolution"`
			PastResolution struct {
				Date string `json:"date"`
			} `json:"PastResolution"`
		} `json:"Value"`
	} `json:"Results"`
}

// maxSpec bounds the size of a spec file.
const maxSpec = 16 << 20

func run(path string, verbose bool, w io.Writer) error {
	if path == "" {
		return errors.New("-spec is required")
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSpec+1))
	if err != nil {
		return err
	}
	if len(b) > maxSpec {
		return fmt.Errorf("%s: larger than %d bytes", path, maxSpec)
	}
	var cases []specCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s := score(cases, func(c specCase, why string) {
		if verbose {
			fmt.Fprintf(w, "%s\t%s\n", c.Input, why)
		}
	})
	fmt.Fprintf(w, "%s: %d cases, right %d (%.1f%%), coarser %d, found %d\n", path, s.cases, s.right, pct(s.right, s.cases), s.coarser, s.found)
	return nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// tally is a score.
type tally struct{ cases, right, coarser, found int }

// score scores the cases; miss is called for each expected result that is
// not right, with the reason.
func score(cases []specCase, miss func(specCase, string)) tally {
	var t tally
	for _, c := range cases {
		ref, err := parseRef(c.Context.ReferenceDateTime)
		if err != nil {
			miss(c, "bad reference: "+err.Error())
			continue
		}
		found := dates.FindDatesIn(c.Input, ref)
		for _, r := range c.Results {
			t.cases++
			start := strings.Index(c.Input, r.Text)
			if start < 0 {
				miss(c, "expected text not in the input")
				continue
			}
			end := start + len(r.Text)
			want := []string{r.Value.FutureResolution.Date, r.Value.PastResolution.Date}
			if !strings.Contains(r.Value.Timex, "X") {
				want = []string{r.Value.FutureResolution.Date}
			}
			invalid := want[0] == "0001-01-01"
			var got []string
			for _, m := range found {
				if m.Span.Start < end && start < m.Span.End {
					got = append(got, m.Value.String())
				}
			}
			switch {
			case invalid && len(got) == 0:
				t.right++
			case invalid:
				miss(c, fmt.Sprintf("no such day, got %v", got))
			case len(got) == 0:
				miss(c, "not found")
			default:
				t.found++
				if hit(got, want, func(g, w string) bool { return g == w }) {
					t.right++
				} else {
					if hit(got, want, func(g, w string) bool { return len(g) < len(w) && strings.HasPrefix(w, g) }) {
						t.coarser++
					}
					miss(c, fmt.Sprintf("want %v, got %v", want, got))
				}
			}
		}
	}
	return t
}

func hit(got, want []string, eq func(g, w string) bool) bool {
	for _, g := range got {
		for _, w := range want {
			if eq(g, w) {
				return true
			}
		}
	}
	return false
}

// parseRef reads a reference date time of a spec («2016-11-07T00:00:00»,
// «2017-09-27T17:25:49.8080661+08:00») as the date it names.
func parseRef(s string) (time.Time, error) {
	if len(s) < 10 || !utf8.ValidString(s) {
		return time.Time{}, fmt.Errorf("reference %q", s)
	}
	return time.Parse(time.DateOnly, s[:10])
}
