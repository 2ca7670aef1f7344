package article

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestScriptBalance checks how the script is chosen when the evidence is
// even or nearly so. Scripts are weighed in bytes of words, an Arabic
// letter counting two: a tie goes to Arabic, the library's first language
// (over Latin or another script), and between Latin and another script to
// Latin; harakat are not letters and add no weight.
func TestScriptBalance(t *testing.T) {
	tests := []struct {
		name string
		in   string
		lang language.Tag
		dir  Direction
	}{
		{"Arabic and Latin even", "abcd عن", language.Arabic, RTL},
		{"Arabic and Greek even", "عن αβ", language.Arabic, RTL},
		{"the last letter of the Arabic block", "ۿبب αβ", language.Arabic, RTL},
		{"one Latin letter more", "abcde عن", language.Und, LTR},
		{"Latin and Cyrillic even", "the and где", language.English, LTR},
		{"one Cyrillic letter more", "the and гдеж", language.Und, LTR},
		// كَتَبَ is three letters (six bytes) and three harakat: less than
		// the seven bytes of "Hello ok".
		{"harakat do not weigh", "Hello ok كَتَبَ", language.Und, LTR},
	}
	for _, tt := range tests {
		a := mustParse(t, tt.in)
		if a.Lang != tt.lang || a.Dir != tt.dir {
			t.Errorf("%s: %q is %v %v, want %v %v", tt.name, tt.in, a.Lang, a.Dir, tt.lang, tt.dir)
		}
	}
}

// TestLanguageThresholds checks the language decision at the edges of its
// rules. Arabic-script texts are built from a filler word of four plain
// Arabic letters (سلام: no letter that only Arabic, Persian or Urdu uses),
// so that the letters counted are known exactly.
func TestLanguageThresholds(t *testing.T) {
	filler := func(letters int) string { // letters must be a multiple of 4
		return strings.Repeat(" سلام", letters/4)
	}
	latin := func(words int, extra string) string {
		return strings.TrimSpace(strings.Repeat("talks ", words) + extra)
	}
	ckb, ps := language.Make("ckb"), language.Make("ps")
	tests := []struct {
		name string
		in   string
		lang language.Tag
		dir  Direction
	}{
		// Urdu, Central Kurdish, Pashto: their own letters at least 1% of
		// the letters, and at least two of them.
		{"Urdu letters 1% of 200", "ٹٹ" + filler(196) + " سل", language.Urdu, RTL},
		{"Urdu letters 2 of 201", "ٹٹ" + filler(196) + " سلا", language.Arabic, RTL},
		{"one Urdu letter of 20", "ٹ" + filler(20), language.Arabic, RTL},
		{"Kurdish letters 1% of 200", "ەە" + filler(196) + " سل", ckb, RTL},
		{"Kurdish letters 2 of 201", "ەە" + filler(196) + " سلا", language.Arabic, RTL},
		{"one Kurdish letter of 20", "ە" + filler(20), language.Arabic, RTL},
		{"Pashto letters 1% of 200", "ټټ" + filler(196) + " سل", ps, RTL},
		{"Pashto letters 2 of 201", "ټټ" + filler(196) + " سلا", language.Arabic, RTL},
		{"one Pashto letter of 20", "ټ" + filler(20), language.Arabic, RTL},
		// Persian: more Persian letters (پ چ ژ گ ک ی) than Arabic ones
		// (ي ك ة); or پ چ ژ گ at least 1% with ة under one in 500.
		{"Persian and Arabic letters even", "ی ي" + filler(40), language.Arabic, RTL},
		{"one Persian letter more", "ی ی ي" + filler(40), language.Persian, RTL},
		{"پ 1% of 500, no ة", "پپپپپ يييييي" + filler(488) + " س", language.Persian, RTL},
		{"پ 5 of 501", "پپپپپ يييييي" + filler(488) + " سل", language.Arabic, RTL},
		{"پ 1%, ة one in 500", "پپپپپ يييييية" + filler(488), language.Arabic, RTL},
		{"پ over 1%, ة one in 502", "پپپپپپ ييييييية" + filler(488), language.Persian, RTL},
		// Other scripts: Hebrew when more than half of their bytes, another
		// right-to-left script (Syriac) likewise.
		{"Hebrew half", "של αβ", language.Und, LTR},
		{"Hebrew more than half", "שלו αβ", language.Hebrew, RTL},
		{"Syriac half", "ܫܠ αβ", language.Und, LTR},
		{"Syriac more than half", "ܫܠܡ αβ", language.Und, RTL},
		{"Greek alone", "αβγ δεζ", language.Und, LTR},
		{"Arabic Extended-A is another right-to-left script", "ࢠࢠ αβ", language.Und, RTL},
		// Latin: the language with the most function words, English first
		// on a tie; none when fewer than one word in 25 is one.
		{"one function word in 25", latin(24, "the"), language.English, LTR},
		{"one function word in 26", latin(25, "the"), language.Und, LTR},
		{"English and French even", latin(2, "the la"), language.English, LTR},
		{"French ahead", latin(2, "the la les"), language.French, LTR},
	}
	for _, tt := range tests {
		a := mustParse(t, tt.in)
		if a.Lang != tt.lang || a.Dir != tt.dir {
			t.Errorf("%s: %v %v, want %v %v", tt.name, a.Lang, a.Dir, tt.lang, tt.dir)
		}
	}
}
