package tagger

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNameLists checks the name-list classes that prepare gives tokens,
// including clitics and the article stripped from list words.
func TestNameLists(t *testing.T) {
	words := []string{"ومحمد", "فلاديمير", "الروسية", "لروسيا", "بموسكو", "رويترز", "بالدولار", "رواية", "كتب", "الرئيس", "ومثنى"}
	want := []uint16{
		nlGivenAr | nlGivenListed,
		nlGivenForeign | nlGivenListed,
		nlNationality,
		nlCountry,
		nlCity,
		nlOrgName,
		nlMisc,
		nlWorkHead,
		0,
		nlGivenListed, // رئيس is a given name too; the model weighs the class
		nlGivenListed,
	}
	var s scratch
	s.prepare(words, nil, nil, false)
	got := make([]uint16, len(s.toks))
	for i, tk := range s.toks {
		got[i] = tk.names
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("name classes of %q (-want +got):\n%s", words, diff)
	}
	// The cached path of TagContext must give the same classes.
	s.prepare(words, nil, nil, true)
	s.prepare(words, nil, nil, true)
	for i, tk := range s.toks {
		got[i] = tk.names
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cached name classes (-want +got):\n%s", diff)
	}
}
