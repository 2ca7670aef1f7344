// Package lang is the one home of each language's lexical data: month and
// weekday names in every calendar and spelling, number words, speech verbs
// and nouns, titles and roles, nationality adjectives, abbreviations,
// function words. Every stage (article layout and sentences, the
// recognizer, quotes, dates, summaries) reads its words from here; none
// keeps a list of its own (a test in this package checks it).
//
// # Layout
//
// Each language has a folder named by its BCP 47 tag (ar, fa, en) with one
// text file per List, so adding a language, or a spelling, touches one
// folder. A file holds one entry per line: the word or phrase, then, after
// a tab, a class and a number, both optional:
//
//	# comment
//	word<TAB>class<TAB>number
//
// What class and number mean is the list's (see List); the file's opening
// comment says it too. Words are written as a reader writes them, with
// hamza, alef maqsura and teh marbuta where they belong; stages fold them
// with article.Key to match. Some files are generated (their first line
// says by what); the rest are curated by hand.
//
// The data is embedded and parsed once, on first use. Lexicons are
// read-only and safe for concurrent use.
package lang

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// List names one list of a lexicon; its file is List.String() + ".txt".
type List uint8

// The lists. Each says what its class and number columns hold.
const (
	// Months: class is the calendar ("gregorian", "hijri", "jalali"),
	// number the month (1-12). Every spelling and dialect (Levantine
	// كانون الثاني، Maghrebi يناير/جانفي) is its own line.
	Months List = iota + 1
	// Weekdays: number is the day, 0 for Sunday to 6 for Saturday.
	Weekdays
	// Numbers: class "cardinal" or "ordinal", number the value.
	Numbers
	// Relative: words that place a time relative to the reference:
	// class the unit ("day", "week", "month", "year"), number the offset
	// (أمس day -1, الماضي with no unit: the previous one, -1).
	Relative
	// TimeWords: words of date and time lines that are neither months nor
	// weekdays (هـ، مساء، GMT, updated); class says which ("era",
	// "daytime", "zone", "label", "unit", and "published" and "updated"
	// for the labels that say which time a dateline gives).
	TimeWords
	// Speech: speech cues; class "verb", "label" (وصف، called), "noun" (a
	// verbal noun such as قوله), "report" (تصريحات), "attribution" (بحسب،
	// according to), "passive" (يقال) or "adverb" (قائلا، مضيفا); number
	// holds flags (ar/speech.txt says which). Complementisers are Grammar's.
	Speech
	// Titles: titles and roles before a name; class is the role
	// ("president", "minister", ...), number 1 for a plural or dual form.
	Titles
	// Demonyms: nationality adjectives and demonym nouns; class is the
	// ISO 3166-1 alpha-2 code of the country.
	Demonyms
	// Abbreviations: words that a period follows without ending a
	// sentence (Mr., Gen., د.).
	Abbreviations
	// Stopwords: function words that carry no topic.
	Stopwords
	// OrgWords: type words that head a name (وزارة، جامعة، حزب,
	// Ministry): class "ORG" or "LOC" for the kind of the name they head.
	OrgWords
	// Sources: nouns for unnamed speakers (مصدر، شهود عيان، officials):
	// class "description", "group" or "organisation" (الوزارة، the army).
	Sources
	// Units: words for spans of time; class the unit ("day", "week",
	// "month", "year", "hour", "minute", "second"), number the count a
	// bare word means (يومين 2).
	Units
	// DateCues: words around dates that say how to read them; class the
	// cue ("year" for عام, "since", "ago", "past", "next", "this",
	// "period" for مطلع, "hijri" for هـ, ...), as the dates package
	// documents.
	DateCues
	// Credits: words of credit and byline lines; class "agency" for a news
	// agency's name as credited (واس، أ ف ب, Reuters), "byline" for a word
	// that opens a byline (بقلم, By).
	Credits
	// Grammar: function words a stage reads syntax by; class names the
	// group ("pronoun", "preposition", "complementiser", "modifier",
	// "naming", ...), as the stage that reads it documents.
	Grammar
	numLists
)

var listNames = [...]string{
	Months: "months", Weekdays: "weekdays", Numbers: "numbers", Relative: "relative",
	TimeWords: "timewords", Speech: "speech", Titles: "titles", Demonyms: "demonyms",
	Abbreviations: "abbreviations", Stopwords: "stopwords", OrgWords: "orgwords", Sources: "sources",
	Units: "units", DateCues: "datecues", Credits: "credits", Grammar: "grammar",
}

// String returns the list's name, which is its file name without ".txt".
func (l List) String() string {
	if l > 0 && l < numLists {
		return listNames[l]
	}
	return fmt.Sprintf("List(%d)", uint8(l))
}

// Entry is one line of a list.
type Entry struct {
	// Word is the word or phrase as written.
	Word string
	// Class and N are the list's second and third columns ("" and 0 when
	// absent); see List for their meaning.
	Class string
	N     int
}

// Lexicon is the lexical data of one language.
type Lexicon struct {
	// Tag is the language.
	Tag   language.Tag
	lists [numLists][]Entry
}

// Entries returns the entries of list l in file order; nil when the
// language has none. The slice must not be modified.
func (x *Lexicon) Entries(l List) []Entry {
	if x == nil || l <= 0 || l >= numLists {
		return nil
	}
	return x.lists[l]
}

// Words returns the words of list l, optionally only those of one class
// (class "" means all).
func (x *Lexicon) Words(l List, class string) []string {
	var out []string
	for _, e := range x.Entries(l) {
		if class == "" || e.Class == class {
			out = append(out, e.Word)
		}
	}
	return out
}

//go:embed */*.txt
var data embed.FS

var load = sync.OnceValues(func() ([]*Lexicon, error) { return Load(data) })

// All returns the lexicons of every language, in tag order. The data is
// embedded and tested, so it fails only if the binary was built from
// broken data.
func All() []*Lexicon {
	all, err := load()
	if err != nil {
		panic(err) // the embedded data is checked by this package's tests
	}
	return all
}

// For returns the lexicon of the language tag's base language (ar for
// ar-SA), or nil when there is none.
func For(tag language.Tag) *Lexicon {
	base, _ := tag.Base()
	for _, x := range All() {
		if b, _ := x.Tag.Base(); b == base {
			return x
		}
	}
	return nil
}

// Words returns the words of list l in every language, optionally of one
// class: for stages that match text whatever its language.
func Words(l List, class string) []string {
	var out []string
	for _, x := range All() {
		out = append(out, x.Words(l, class)...)
	}
	return out
}

// Entries returns the entries of list l in every language.
func Entries(l List) []Entry {
	var out []Entry
	for _, x := range All() {
		out = append(out, x.Entries(l)...)
	}
	return out
}

// Load reads the lexicons from fsys: one folder per language tag, one
// file per List. Unknown files are an error, so a misspelt name is caught.
func Load(fsys fs.FS) ([]*Lexicon, error) {
	dirs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("lang: %w", err)
	}
	var out []*Lexicon
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		tag, err := language.Parse(d.Name())
		if err != nil {
			return nil, fmt.Errorf("lang: folder %q is not a language tag: %w", d.Name(), err)
		}
		x := &Lexicon{Tag: tag}
		files, err := fs.ReadDir(fsys, d.Name())
		if err != nil {
			return nil, fmt.Errorf("lang: %w", err)
		}
		for _, f := range files {
			name := strings.TrimSuffix(f.Name(), ".txt")
			i := slices.Index(listNames[:], name)
			if i < 1 || f.IsDir() || !strings.HasSuffix(f.Name(), ".txt") {
				return nil, fmt.Errorf("lang: %s/%s is not a known list", d.Name(), f.Name())
			}
			p := path.Join(d.Name(), f.Name())
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil, fmt.Errorf("lang: %w", err)
			}
			if x.lists[i], err = parse(p, string(b)); err != nil {
				return nil, err
			}
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b *Lexicon) int { return strings.Compare(a.Tag.String(), b.Tag.String()) })
	return out, nil
}

// parse reads the entries of one file. An entry written twice is an
// error: a list is a set, and a repeat is a slip that hides an edit.
func parse(name, text string) ([]Entry, error) {
	var out []Entry
	seen := map[Entry]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) > 3 || strings.TrimSpace(f[0]) != f[0] || f[0] == "" {
			return nil, fmt.Errorf("lang: %s:%d: want word<TAB>class<TAB>number, got %q", name, n, line)
		}
		e := Entry{Word: f[0]}
		if len(f) > 1 {
			e.Class = f[1]
		}
		if len(f) > 2 {
			v, err := strconv.Atoi(f[2])
			if err != nil {
				return nil, fmt.Errorf("lang: %s:%d: number %q: %w", name, n, f[2], err)
			}
			e.N = v
		}
		if first, ok := seen[e]; ok {
			return nil, fmt.Errorf("lang: %s:%d: %q repeats line %d", name, n, line, first)
		}
		seen[e] = n
		out = append(out, e)
	}
	return out, sc.Err()
}
