package tagger

import "github.com/khabar-go/khabar/article"

// Common reports whether the training data holds word mostly outside
// names: it saw the word's stem (the conservative one, as the features
// use) and less than 30% of its occurrences were inside a name. A word
// the training data never saw is not common. The recognizer asks it
// before it takes an unknown word after a type word for a name.
func (m *Model) Common(word string) bool {
	var buf [64]byte
	key := article.AppendKey(buf[:0], word)
	l := m.res.lex[hashBytes(key[stemCut(key):])]
	return l != 0 && (l>>4)&3 < 2
}

// GivenName reports whether word is in one of the tagger's lists of
// given names (Arabic and foreign, as Arabic news writes them). A place
// name that is also a given name (نايف، خالد) needs evidence from its
// context.
func (m *Model) GivenName(word string) bool {
	var buf [64]byte
	key := article.AppendKey(buf[:0], word)
	return nameLists()[hashBytes(key[stemCut(key):])]&(nlGivenAr|nlGivenForeign|nlGivenListed) != 0
}

// InsideName reports the kind of name the training data holds word in
// most often, when at least 30% of its occurrences are inside a name
// (the conservative stem, as the features use); 0 otherwise.
func (m *Model) InsideName(word string) Kind {
	var buf [64]byte
	key := article.AppendKey(buf[:0], word)
	l := m.res.lex[hashBytes(key[stemCut(key):])]
	if l == 0 || (l>>4)&3 < 2 {
		return 0
	}
	return Label(l & 0x0f).Kind()
}

// ListedOrg reports whether word is in the tagger's list of well-known
// organisations, companies and clubs (data/names-ar.txt) and not in its
// list of currencies, religions and events (ريال is Real Madrid and the
// riyal).
func (m *Model) ListedOrg(word string) bool {
	var buf [64]byte
	key := article.AppendKey(buf[:0], word)
	return nameLists()[hashBytes(key[stemCut(key):])]&(nlOrgName|nlMisc) == nlOrgName
}

// ListedMisc reports whether word is in the tagger's list of currencies,
// religions, prizes and events.
func (m *Model) ListedMisc(word string) bool {
	var buf [64]byte
	key := article.AppendKey(buf[:0], word)
	return nameLists()[hashBytes(key[stemCut(key):])]&nlMisc != 0
}
