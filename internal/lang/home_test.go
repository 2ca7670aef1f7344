package lang

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
)

// unmigrated lists the files that still keep words of their own; each
// stage moves its lists here and takes its files off. The list only
// shrinks.
var unmigrated = []string{
	"entities/internal/gazetteer/gen/main.go",
}

// samples are the conformance kits, whose Arabic is sample articles for
// the implementations they check, not lexical data.
var samples = []string{
	"summarize/summarizetest/summarizetest.go",
	"translate/translatetest/translatetest.go",
	"entities/entitiestest/entitiestest.go",
}

// TestOneHome checks that no Go file outside this package (tests aside)
// keeps lexical data of its own: no string literal holds an Arabic-script
// word, and none equals a word of an English list here.
func TestOneHome(t *testing.T) {
	english := map[string]bool{}
	// English words are checked in the lists whose words are never a
	// program's own names: titles, type words, units and source nouns
	// (press, agency, day, year) double as class names and JSON keys.
	for _, l := range []List{Months, Weekdays, Speech, Demonyms} {
		for _, w := range For(language.English).Words(l, "") {
			if len(w) > 2 {
				english[strings.ToLower(w)] = true
			}
		}
	}
	root := filepath.Join("..", "..")
	var offenders []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", ".git", "lang", "bench":
				if d.Name() != "lang" || filepath.Base(filepath.Dir(path)) == "internal" {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if slices.Contains(unmigrated, rel) || slices.Contains(samples, rel) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, lit := range stringLiterals(src) {
			if w := arabicWord(lit); w != "" {
				offenders = append(offenders, rel+": "+strconv.Quote(w))
				break
			}
			if english[strings.ToLower(lit)] {
				offenders = append(offenders, rel+": "+strconv.Quote(lit))
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range offenders {
		t.Errorf("lexical data outside internal/lang: %s", o)
	}
}

// stringLiterals returns the values of the string literals of a Go file.
func stringLiterals(src []byte) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", fset.Base(), len(src)), src, nil, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.STRING {
			if v, err := strconv.Unquote(lit); err == nil {
				out = append(out, v)
			}
		}
	}
}

// arabicWord returns the first run of three or more Arabic-script letters
// in s, or "".
func arabicWord(s string) string {
	start, n := -1, 0
	for i, r := range s {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			n++
			if n >= 3 {
				end := i + len(string(r))
				for _, r2 := range s[end:] {
					if !unicode.Is(unicode.Arabic, r2) {
						break
					}
					end += len(string(r2))
				}
				return s[start:end]
			}
			continue
		}
		start, n = -1, 0
	}
	return ""
}
