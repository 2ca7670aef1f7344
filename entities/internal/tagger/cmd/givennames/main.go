// Command givennames writes the list of Arabic given names that the
// tagger's name-list features use (data/given-names-ar.txt) from the name
// table of the npm package arabic-name-to-en (ISC licence). It keeps the
// Arabic names only, deduplicated and sorted, and drops the package's
// English spellings. To refresh the list:
//
//	npm pack arabic-name-to-en@1.0.6 && tar xzf arabic-name-to-en-1.0.6.tgz
//	go run ./cmd/givennames -in package/cases/fullnamedb.js
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"unicode"
)

const header = `# Arabic given names, one per line: the Arabic keys of the name table
# (cases/fullnamedb.js) of the npm package arabic-name-to-en 1.0.6 by
# HamdonGunner, ISC licence (see NOTICE). Written by cmd/givennames; the
# package's English spellings are not kept.
`

func main() {
	in := flag.String("in", "", "the package's cases/fullnamedb.js")
	out := flag.String("out", "data/given-names-ar.txt", "where to write the list")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("givennames: ")
	if *in == "" {
		log.Fatal("-in is required")
	}
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	names, err := readNames(bufio.NewScanner(f))
	if err != nil {
		log.Fatal(err)
	}
	if len(names) == 0 {
		log.Fatalf("%s: no names found", *in)
	}
	var b strings.Builder
	b.WriteString(header)
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d names\n", *out, len(names))
}

// readNames returns the sorted distinct keys of lines shaped
// `name: "Spelling",` whose key is a single Arabic word.
func readNames(sc *bufio.Scanner) ([]string, error) {
	seen := map[string]bool{}
	for sc.Scan() {
		k, _, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		k = strings.Trim(strings.TrimSpace(k), `"'`)
		if k == "" || !arabicWord(k) || seen[k] {
			continue
		}
		seen[k] = true
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(seen))
	for k := range seen {
		names = append(names, k)
	}
	slices.Sort(names)
	return names, nil
}

func arabicWord(s string) bool {
	for _, r := range s {
		// Diacritics are combining marks of the Inherited script.
		if !unicode.Is(unicode.Mn, r) && !(unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}
