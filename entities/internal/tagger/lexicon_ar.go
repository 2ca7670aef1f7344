package tagger

import (
	_ "embed"
	"strings"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/internal/lang"
)

// The Arabic tagger's cue words and name lists: the words of
// internal/lang's Arabic lists, and the name lists of data/names-ar.txt.

// cueList is the words of one cue class.
type cueList struct {
	class uint8
	words []string
}

// arabicCueWords returns the cue words of each class, in the order in
// which a stem's first class wins: titles and roles, speech verbs, place
// words, prepositions, organisation heads, name particles, state bodies,
// time words. Only one-word entries are cues.
func arabicCueWords() []cueList {
	x := lang.For(language.Arabic)
	words := func(l lang.List, classes ...string) []string {
		var out []string
		for _, e := range x.Entries(l) {
			if strings.Contains(e.Word, " ") {
				continue
			}
			for _, c := range classes {
				if c == "*" || e.Class == c {
					out = append(out, e.Word)
					break
				}
			}
		}
		return out
	}
	var time []string
	for _, l := range []lang.List{lang.Months, lang.Weekdays, lang.TimeWords, lang.Relative, lang.Units} {
		time = append(time, words(l, "*")...)
	}
	return []cueList{
		{cueTitle, words(lang.Titles, "*")},
		{cueSpeech, words(lang.Speech, "verb")},
		{cuePlace, words(lang.OrgWords, "place", "LOC")},
		{cuePrep, words(lang.Grammar, "preposition")},
		{cueOrg, words(lang.OrgWords, "ORG", "classifier", "press", "plural", "cue")},
		{cueKin, words(lang.Grammar, "naming")},
		{cueNation, words(lang.OrgWords, "body")},
		{cueTime, time},
	}
}

// namesFile holds the hand-written name lists, word<TAB>class.
//
//go:embed data/names-ar.txt
var namesFile string

// nameList is the words of one name-list class.
type nameList struct {
	class uint16
	words []string
}

// arabicNameLists returns the words of each name-list class but the
// longer list of given names: data/names-ar.txt, the Arabic nationality
// adjectives of internal/lang (Demonyms), the words common inside
// organisation names (OrgWords "part") and the heads of the names of
// works, battles and treaties (OrgWords "MISC").
func arabicNameLists() []nameList {
	classes := map[string]uint16{
		"given": nlGivenAr, "foreign": nlGivenForeign, "country": nlCountry, "city": nlCity,
		"org": nlOrgName, "misc": nlMisc,
	}
	byClass := map[uint16][]string{}
	for _, line := range strings.Split(namesFile, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, c, _ := strings.Cut(line, "\t")
		if cl, ok := classes[c]; ok {
			byClass[cl] = append(byClass[cl], w)
		}
	}
	x := lang.For(language.Arabic)
	byClass[nlNationality] = x.Words(lang.Demonyms, "")
	byClass[nlOrgWord] = x.Words(lang.OrgWords, "part")
	byClass[nlWorkHead] = x.Words(lang.OrgWords, "MISC")
	var out []nameList
	for _, c := range []uint16{nlGivenAr, nlGivenForeign, nlCountry, nlCity, nlOrgWord, nlOrgName, nlMisc, nlWorkHead, nlNationality} {
		out = append(out, nameList{c, byClass[c]})
	}
	return out
}
