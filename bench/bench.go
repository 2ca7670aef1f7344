// Package bench compares khabar's date finder with go-dateparser's search
// on Arabic text: speed (BenchmarkKhabar, BenchmarkDateparser and the
// cmd/datebench program) and accuracy on khabar's development sets.
//
// It is a module of its own so that the library does not depend on
// go-dateparser.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"github.com/khabar-go/khabar/entities/dates"
)

// Item is one sentence of a development set: its reference date ("" for
// none) and the expected mentions as [span text, value] pairs.
type Item struct {
	Ref  string      `json:"ref"`
	Text string      `json:"text"`
	Want [][2]string `json:"want"`
}

// LoadItems reads a JSON-lines development set.
func LoadItems(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	var items []Item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("bench: %s line %d: %w", path, len(items)+1, err)
		}
		items = append(items, it)
	}
	return items, sc.Err()
}

// RefTime parses a reference date; "" is the zero time.
func RefTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Found is a mention as the comparison sees it.
type Found struct {
	Text, Value string
}

// Finder finds the dates of one sentence.
type Finder func(text string, ref time.Time) []Found

// Khabar is khabar's FindDatesIn.
func Khabar(text string, ref time.Time) []Found {
	var out []Found
	for _, m := range dates.FindDatesIn(text, ref) {
		out = append(out, Found{text[m.Span.Start:m.Span.End], m.Value.String()})
	}
	return out
}

// Lang guesses the dateparser language of a sentence: Persian letters make
// it "fa", a Latin first letter "en", else "ar".
func Lang(text string) string {
	for _, r := range text {
		switch {
		case strings.ContainsRune("پچژگیک", r):
			return "fa"
		case r >= 'A' && r <= 'z':
			return "en"
		case r >= 0x0600 && r <= 0x06FF:
		default:
			continue
		}
	}
	return "ar"
}

// Dateparser is go-dateparser's SearchWithLanguage, with the reference as
// its current time (2000-01-01 when there is none) and values cut to the
// period it reports.
func Dateparser(p *dps.Parser) Finder {
	return func(text string, ref time.Time) []Found {
		cur := ref
		if cur.IsZero() {
			cur = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		cfg := &dps.Configuration{CurrentTime: cur, DefaultTimezone: time.UTC}
		res, err := p.SearchWithLanguage(cfg, Lang(text), text)
		if err != nil {
			return nil
		}
		var out []Found
		for _, r := range res {
			out = append(out, Found{r.Text, cut(r.Date)})
		}
		return out
	}
}

func cut(d date.Date) string {
	t := d.Time
	switch d.Period {
	case date.Year:
		return t.Format("2006")
	case date.Month:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// Score counts, over items, the wanted mentions found with the same span
// text and value (Strict), those found with the same value and a span that
// contains or is contained in the wanted one (Lenient), and the found
// mentions that match no wanted one under the lenient rule (Extra).
type Score struct {
	Wanted, Strict, Lenient, Found, Extra int
}

// Evaluate scores f on items.
func Evaluate(items []Item, f Finder) Score {
	var s Score
	for _, it := range items {
		got := f(it.Text, RefTime(it.Ref))
		s.Found += len(got)
		usedS := make([]bool, len(got))
		usedL := make([]bool, len(got))
		for _, w := range it.Want {
			s.Wanted++
			for i, g := range got {
				if !usedS[i] && g.Text == w[0] && g.Value == w[1] {
					usedS[i] = true
					s.Strict++
					break
				}
			}
			for i, g := range got {
				gt := strings.TrimSpace(g.Text)
				if !usedL[i] && g.Value == w[1] && gt != "" && (strings.Contains(gt, w[0]) || strings.Contains(w[0], gt)) {
					usedL[i] = true
					s.Lenient++
					break
				}
			}
		}
		for i := range got {
			if !usedL[i] {
				s.Extra++
			}
		}
	}
	return s
}

// Paragraphs returns Arabic paragraphs for the speed comparison: the
// sample article's paragraphs and the Arabic development sentences
// grouped by five.
func Paragraphs(seedPath string, items []Item) ([]string, error) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	var out []string
	for _, p := range strings.Split(string(b), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	var cur []string
	for _, it := range items {
		if Lang(it.Text) != "ar" {
			continue
		}
		cur = append(cur, it.Text)
		if len(cur) == 5 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out, nil
}
