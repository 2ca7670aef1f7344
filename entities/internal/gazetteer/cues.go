package gazetteer

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
)

// Title and role cues and the words that end a name come from
// internal/lang: every language's Titles list (the role is its class, a
// dual or plural form has number 1) and Stopwords list.

func (g *Gazetteer) loadTitles() {
	index := map[Title]int16{}
	var buf []string
	insert := func(keys []string, ti int16) {
		nd := g.root.insert(keys)
		if nd.title == 0 {
			nd.title = ti // the first line of a phrase wins
		}
	}
	for _, e := range lang.Entries(lang.Titles) {
		t := Title{Role: e.Class, Plural: e.N == 1}
		ti, ok := index[t]
		if !ok {
			g.titles = append(g.titles, t)
			ti = int16(len(g.titles))
			index[t] = ti
		}
		buf = nameKeys(buf[:0], e.Word)
		if len(buf) == 0 {
			continue
		}
		insert(buf, ti)
		if len(buf) == 1 && buf[0][0] >= utf8.RuneSelf && !strings.HasPrefix(buf[0], "ال") && e.Class != "honorific" {
			// «الحارس» as well as «حارس»: the matcher does not split
			// the article off a title. Not for honorifics: السيد is a
			// family name as often as "Mr".
			insert([]string{"ال" + buf[0]}, ti)
		}
	}
}

// nonRoles are the classes of the Titles lists that name no office a
// person's record can hold.
var nonRoles = []string{"honorific", "occupation", "kin", "credit"}

// IsRole reports whether a title's role names an office (president,
// minister, …) rather than an honorific, an occupation, a kin word or a
// credit (الدكتور، اللاعب، زوجته، إخراج).
func IsRole(role string) bool { return !slices.Contains(nonRoles, role) }

//go:embed roles.tsv
var rolesTSV string

// roleHolders maps a title's role to the curated roles that hold it
// besides itself (roles.tsv).
var roleHolders = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(rolesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		role, holders, _ := strings.Cut(line, "\t")
		m[role] = strings.Split(holders, ",")
	}
	return m
})

// formerRole marks a curated record whose role is past.
const formerRole = "former"

// RoleFits reports whether a record with the curated roles can be the
// holder of title role, as in «الرئيس الإيراني» for a record with role
// "president"; roles.tsv says which roles hold which title (a foreign
// minister is a minister). Former holders do not fit.
func RoleFits(role string, roles []string) bool {
	if slices.Contains(roles, formerRole) {
		return false
	}
	holders := roleHolders()[role]
	for _, r := range roles {
		if r == role || slices.Contains(holders, r) {
			return true
		}
	}
	return false
}

// stopKeys are words that end a name captured after a title: function
// words, frequent reporting verbs, time words and a few common nouns of
// every language's Stopwords list, folded.
var stopKeys = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.Words(lang.Stopwords, "") {
		m[article.Key(w)] = true
	}
	return m
})

// IsStopKey reports whether key is a function word, a frequent reporting
// verb or another word that cannot be part of a name after a title.
func IsStopKey(key string) bool { return stopKeys()[key] }
