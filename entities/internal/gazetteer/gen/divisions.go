package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/khabar-go/khabar/article"
)

// divisionFile is one language file of iso3166-2-db's i18n folder: by
// country code, the country's first-level divisions.
type divisionFile map[string]struct {
	Regions []struct {
		Name      string `json:"name"`
		ISO       string `json:"iso"`
		Reference struct {
			Wikipedia string `json:"wikipedia"`
		} `json:"reference"`
	} `json:"regions"`
}

// divisionRecords reads the first-level divisions (states, provinces,
// regions, governorates) of every country from the iso3166-2-db package
// in dir: Arabic, English and Russian names, each also without its
// descriptor (منطقة تبوك → تبوك, Tabuk Region → Tabuk). Arabic-script
// names with Persian letters are Persian; every Arabic name is listed for
// Persian too, in Persian letters, since the provinces of Iran and
// Afghanistan have no Persian file there.
func divisionRecords(dir string, stop map[string]bool) ([]*record, error) {
	files := map[string]divisionFile{}
	for _, l := range []string{"ar", "en", "ru"} {
		b, err := os.ReadFile(filepath.Join(dir, "i18n", l+".json"))
		if err != nil {
			return nil, fmt.Errorf("gen: divisions: %w", err)
		}
		var f divisionFile
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("gen: divisions: %s.json: %w", l, err)
		}
		files[l] = f
	}
	byID := map[string]*record{}
	for _, l := range []string{"en", "ar", "ru"} {
		for cc, c := range files[l] {
			for _, reg := range c.Regions {
				if reg.ISO == "" || len(cc) != 2 {
					continue
				}
				id := "d:" + cc + "-" + reg.ISO
				r := byID[id]
				if r == nil {
					if l != "en" {
						continue // a division has an English name first
					}
					en := stripDescriptor(reg.Name, "en")
					if en == "" {
						en = reg.Name
					}
					r = &record{id: id, kind: "LOC", en: en, country: cc}
					byID[id] = r
				}
				names := []string{reg.Name, stripDescriptor(reg.Name, l)}
				for _, n := range names {
					if n == "" || stop[article.Key(n)] {
						continue
					}
					switch {
					case l == "ar" && !isArabicScript(n):
						// An English name left in the Arabic file.
					case l == "ar":
						lang := "ar"
						if hasPersianLetter(n) {
							lang = "fa"
						}
						r.add(lang, n)
						r.add("fa", persianLetters(n))
					case l == "ru" && !isRussian(n):
					default:
						r.add(l, n)
					}
				}
				for _, lang := range []string{"ar", "fa", "en"} {
					r.add(lang, divisionVariants[id][lang]...)
				}
			}
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var recs []*record
	for _, id := range ids {
		if r := byID[id]; len(r.names) > 0 {
			if r.en == "" {
				r.en = r.names[0].text
			}
			recs = append(recs, r)
		}
	}
	for id := range divisionVariants {
		if byID[id] == nil {
			return nil, fmt.Errorf("gen: division variants for %s: division not found", id)
		}
	}
	return recs, nil
}

// stripDescriptor drops the word that says what kind of division a name
// names: «منطقة تبوك» → «تبوك», "Tabuk Region" → "Tabuk". It returns ""
// when nothing is dropped or nothing would be left.
func stripDescriptor(name, lang string) string {
	w := strings.Fields(name)
	if len(w) < 2 {
		return ""
	}
	switch lang {
	case "ar":
		if slices.Contains(arDescriptors, w[0]) {
			return strings.Join(w[1:], " ")
		}
	case "en":
		if slices.Contains(enDescriptors, w[len(w)-1]) {
			return strings.Join(w[:len(w)-1], " ")
		}
	case "ru":
		if slices.Contains(ruDescriptors, w[len(w)-1]) || slices.Contains(ruDescriptors, w[0]) {
			if slices.Contains(ruDescriptors, w[0]) {
				return strings.Join(w[1:], " ")
			}
			return strings.Join(w[:len(w)-1], " ")
		}
	}
	return ""
}

// persianLetters writes an Arabic name with Persian yeh and kaf.
func persianLetters(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ي', 'ى':
			return 'ی'
		case 'ك':
			return 'ک'
		}
		return r
	}, s)
}

// gVariants returns the other two spellings of the g of a foreign name
// in Arabic (غ ج ك) for a name that writes it with one of غ and ج: news
// writes كوبنهاجن as well as كوبنهاغن. Names with ك are left alone (it is
// a k more often than a g).
func gVariants(name string) []string {
	var out []string
	for _, from := range []rune{'غ', 'ج'} {
		if !strings.ContainsRune(name, from) {
			continue
		}
		for _, to := range []rune{'غ', 'ج', 'ك'} {
			if to != from {
				out = append(out, strings.Map(func(r rune) rune {
					if r == from {
						return to
					}
					return r
				}, name))
			}
		}
	}
	return out
}
