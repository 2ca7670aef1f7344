package lang

import (
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

func TestEmbeddedLoads(t *testing.T) {
	all, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []language.Tag{language.Arabic, language.Persian, language.English} {
		x := For(tag)
		if x == nil {
			t.Fatalf("For(%v) = nil", tag)
		}
		if len(x.Entries(Months)) == 0 || len(x.Entries(Weekdays)) == 0 {
			t.Errorf("%v: no months or weekdays", tag)
		}
	}
	if len(all) < 3 {
		t.Errorf("Load found %d languages, want at least 3", len(all))
	}
	if x := For(language.MustParse("ar-SA")); x == nil || x.Tag != language.Arabic {
		t.Errorf("For(ar-SA) = %v, want the Arabic lexicon", x)
	}
	if For(language.Japanese) != nil {
		t.Error("For(ja) is not nil")
	}
}

func TestLoadErrors(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"unknown list":    {"ar/colours.txt": {Data: []byte("أحمر\n")}},
		"bad number":      {"ar/months.txt": {Data: []byte("يناير\tgregorian\tone\n")}},
		"too many fields": {"ar/months.txt": {Data: []byte("يناير\tgregorian\t1\tx\n")}},
		"not a tag":       {"arabic!/months.txt": {Data: []byte("يناير\n")}},
		"padded word":     {"ar/months.txt": {Data: []byte(" يناير\tgregorian\t1\n")}},
		"repeated entry":  {"ar/grammar.txt": {Data: []byte("نحو\tstop\nنحو\tpreposition\nنحو\tstop\n")}},
	} {
		if _, err := Load(fsys); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
	got, err := Load(fstest.MapFS{"en/weekdays.txt": {Data: []byte("# c\n\nSunday\t\t0\nMonday\t\t1\n")}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{Word: "Sunday", N: 0}, {Word: "Monday", N: 1}}
	if len(got) != 1 || len(got[0].Entries(Weekdays)) != 2 || got[0].Entries(Weekdays)[1] != want[1] {
		t.Errorf("Load = %+v, want %+v", got, want)
	}
}

func TestListNames(t *testing.T) {
	for l := List(1); l < numLists; l++ {
		if listNames[l] == "" {
			t.Errorf("List %d has no name", l)
		}
	}
	if s := List(0).String(); s != "List(0)" {
		t.Errorf("List(0).String() = %q", s)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("# c\nيناير\tgregorian\t1\n\nMay\n")
	f.Add("a\tb\tc\td")
	f.Fuzz(func(t *testing.T, text string) {
		es, err := parse("fuzz", text)
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Word == "" {
				t.Fatalf("parse(%q) gave an empty word", text)
			}
		}
	})
}
