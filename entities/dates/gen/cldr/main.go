// Command cldr writes the month and weekday names of internal/lang from
// the Unicode CLDR JSON data: the Gregorian calendar of cldr-dates-full and
// the Islamic and Persian calendars of cldr-cal-islamic-full and
// cldr-cal-persian-full (npm packages, Unicode License v3; see NOTICE).
//
//	npm pack cldr-dates-full cldr-cal-islamic-full cldr-cal-persian-full
//	for f in cldr-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//	go run ./entities/dates/gen/cldr -dates cldr-dates-full-48.2.0/package \
//		-islamic cldr-cal-islamic-full-48.2.0/package -persian cldr-cal-persian-full-46.1.0/package
//
// For each language (ar, fa, en) it writes months.txt and weekdays.txt in
// internal/lang/LANG: the CLDR names, wide and stand-alone, of the
// language and, for Arabic, of every regional variant (ar-SY's كانون
// الثاني, ar-MA's يوليوز, ar-DZ's جانفي); for English also the Gregorian
// abbreviations; one line per spelling.
// The lines after the "# By hand" line of the existing file (dialect and
// press spellings CLDR does not have) are kept as they are.
//
// Arabic gets no Persian-calendar names: CLDR's Arabic transliterations
// (فرفردن، تار) are not the forms the Arabic press writes, and they collide
// with common words.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/khabar-go/khabar/article"
)

// handMark starts the hand-curated part of a generated file.
const handMark = "# By hand"

func main() {
	dates := flag.String("dates", "", "root of the cldr-dates-full package (holds main/)")
	islamic := flag.String("islamic", "", "root of the cldr-cal-islamic-full package")
	persian := flag.String("persian", "", "root of the cldr-cal-persian-full package")
	out := flag.String("out", "internal/lang", "folder of the language folders")
	flag.Parse()
	if *dates == "" || *islamic == "" || *persian == "" {
		fmt.Fprintln(os.Stderr, "cldr: -dates, -islamic and -persian are required")
		os.Exit(2)
	}
	if err := run(*dates, *islamic, *persian, *out); err != nil {
		fmt.Fprintln(os.Stderr, "cldr:", err)
		os.Exit(1)
	}
}

// calendarData is the part of a CLDR ca-*.json file this program reads.
type calendarData struct {
	Main map[string]struct {
		Dates struct {
			Calendars map[string]struct {
				Months map[string]map[string]map[string]string `json:"months"`
				Days   map[string]map[string]weekdayNames      `json:"days"`
			} `json:"calendars"`
		} `json:"dates"`
	} `json:"main"`
}

// weekdayNames are the names of the days of one width.
type weekdayNames struct {
	Sun string `json:"sun"`
	Mon string `json:"mon"`
	Tue string `json:"tue"`
	Wed string `json:"wed"`
	Thu string `json:"thu"`
	Fri string `json:"fri"`
	Sat string `json:"sat"`
}

// line is one output line: a word, its class and number.
type line struct {
	word, class string
	n           int
}

func run(dates, islamic, persian, out string) error {
	for _, lang := range []string{"ar", "fa", "en"} {
		locales, err := localesOf(filepath.Join(dates, "main"), lang)
		if err != nil {
			return err
		}
		var months, days []line
		type source struct{ root, file, cal, class string }
		sources := []source{{dates, "ca-gregorian.json", "gregorian", "gregorian"}, {islamic, "ca-islamic.json", "islamic", "hijri"}}
		if lang != "ar" {
			sources = append(sources, source{persian, "ca-persian.json", "persian", "jalali"})
		}
		for _, src := range sources {
			for _, loc := range locales {
				c, err := read(filepath.Join(src.root, "main", loc, src.file), loc, src.cal)
				if os.IsNotExist(err) {
					continue
				}
				if err != nil {
					return err
				}
				widths := []string{"wide"}
				if lang == "en" && src.cal == "gregorian" {
					widths = append(widths, "abbreviated") // Jan, Sep
				}
				for _, ctx := range []string{"format", "stand-alone"} {
					for _, w := range widths {
						for k, name := range c.Months[ctx][w] {
							n, err := strconv.Atoi(k)
							if err != nil {
								return fmt.Errorf("%s %s: month %q", loc, src.file, k)
							}
							months = append(months, line{name, src.class, n})
						}
						if src.cal != "gregorian" {
							continue
						}
						d := c.Days[ctx][w]
						for n, name := range []string{d.Sun, d.Mon, d.Tue, d.Wed, d.Thu, d.Fri, d.Sat} {
							if name == "" {
								return fmt.Errorf("%s: %s %s days incomplete", loc, ctx, w)
							}
							days = append(days, line{name, "", n})
						}
					}
				}
			}
		}
		dir := filepath.Join(out, lang)
		if err := write(filepath.Join(dir, "months.txt"), "# Month names: word<TAB>calendar<TAB>month (calendar: gregorian, hijri, jalali).", months); err != nil {
			return err
		}
		if err := write(filepath.Join(dir, "weekdays.txt"), "# Weekdays: word<TAB><TAB>day, 0 for Sunday to 6 for Saturday.", days); err != nil {
			return err
		}
	}
	return nil
}

// localesOf returns lang and its regional locales found under dir.
func localesOf(dir, lang string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if n := e.Name(); n == lang || strings.HasPrefix(n, lang+"-") {
			if lang != "ar" && n != lang {
				// Regional English names add nothing; Dari (fa-AF) names
				// its months after the zodiac (میزان، اسد، حوت), common
				// words in Arabic script.
				continue
			}
			out = append(out, n)
		}
	}
	return out, nil
}

func read(path, loc, cal string) (*struct {
	Months map[string]map[string]map[string]string
	Days   map[string]map[string]weekdayNames
}, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d calendarData
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c, ok := d.Main[loc].Dates.Calendars[cal]
	if !ok {
		return nil, fmt.Errorf("%s: no %s calendar for %s", path, cal, loc)
	}
	return &struct {
		Months map[string]map[string]map[string]string
		Days   map[string]map[string]weekdayNames
	}{c.Months, c.Days}, nil
}

// write writes the generated lines, one per key (class, number) and
// spelling, sorted by class and number, then the hand part of the existing
// file.
func write(path, head string, lines []line) error {
	hand := handMark + ": spellings CLDR does not have (kept by the generator).\n"
	if b, err := os.ReadFile(path); err == nil {
		if i := strings.Index(string(b), "\n"+handMark); i >= 0 {
			hand = string(b[i+1:])
		}
	}
	slices.SortStableFunc(lines, func(a, b line) int {
		if a.class != b.class {
			return strings.Compare(a.class, b.class)
		}
		return a.n - b.n
	})
	seen := map[string]bool{}
	var sb strings.Builder
	sb.WriteString("# Generated by entities/dates/gen/cldr from Unicode CLDR (Unicode License v3,\n# see NOTICE); edit only below the \"" + handMark + "\" line.\n")
	sb.WriteString(head + "\n")
	for _, l := range lines {
		k := article.Key(l.word) + "\t" + l.class + "\t" + strconv.Itoa(l.n)
		if seen[k] {
			continue
		}
		seen[k] = true
		fmt.Fprintf(&sb, "%s\t%s\t%d\n", l.word, l.class, l.n)
	}
	sb.WriteString(hand)
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}
