package tagger

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/khabar-go/khabar/article"
)

// Name-list classes: lists of words that often are, or often stand
// beside, names. A word's classes are features of the word and of its
// neighbours. The lists hold common facts of Arabic news writing (given
// names, nationality adjectives, country names), written for khabar; none
// is taken from the training data: data/names-ar.txt and internal/lang's
// Demonyms and OrgWords (lexicon_ar.go). One more list, of Arabic given
// names, comes from a public name table (givenNamesFile).
const (
	nlGivenAr      = 1 << iota // an Arabic given name: محمد، أحمد، عبدالله
	nlGivenForeign             // a foreign given name as Arabic news writes it: جورج، فلاديمير
	nlNationality              // a nationality or people adjective: الروسي، الفرنسية
	nlCountry                  // a country or large region: روسيا، فرنسا
	nlCity                     // a capital or large city: موسكو، القاهرة
	nlOrgWord                  // a word common inside organisation names: المتحدة، الوطني، للأنباء
	nlOrgName                  // a well-known organisation, company or club: رويترز، الناتو، مايكروسوفت
	nlMisc                     // a currency, religion, prize or event word: دولار، الإسلام، نوبل، بطولة
	nlWorkHead                 // a noun before the title of a work, event or treaty: رواية، فيلم، معركة، اتفاقية
	nlGivenListed              // in the longer list of Arabic given names of data/given-names-ar.txt
	numNameLists   = 10
)

var (
	nameOnce sync.Once
	nameMap  map[uint64]uint16
)

// givenNamesFile is a longer list of Arabic given names, one per line,
// from a public name table (see the file's header and cmd/givennames). It
// holds some words that are common nouns too (أكبر، لواء); the model
// learns what membership is worth, as a class of its own.
//
//go:embed data/given-names-ar.txt
var givenNamesFile string

// nameLists returns the name-list classes by hash of the conservative stem
// of the word's key (several classes may be set).
func nameLists() map[uint64]uint16 {
	nameOnce.Do(func() {
		m := make(map[uint64]uint16, 2048)
		var buf []byte
		put := func(w string, c uint16) {
			buf = article.AppendKey(buf[:0], w)
			m[hashBytes(buf[stemCut(buf):])] |= c
		}
		for _, l := range arabicNameLists() {
			for _, w := range l.words {
				put(w, l.class)
			}
		}
		for _, line := range strings.Split(givenNamesFile, "\n") {
			if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
				put(w, nlGivenListed)
			}
		}
		nameMap = m
	})
	return nameMap
}
