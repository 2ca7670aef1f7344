package article

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsLatin(t *testing.T) {
	for r, want := range map[rune]bool{
		'a': true, 'z': true, 'A': true, 'Z': true, '@': false, '[': false, '`': false, '{': false,
		'é': true, 0x2AF: true, 0x2B0: false, 'Ω': false, 'ж': false,
		0x1D00: true, 'Ḁ': true, 'ب': false,
	} {
		if got := isLatin(r); got != want {
			t.Errorf("isLatin(%U) = %v", r, got)
		}
	}
}

// TestWordEdges checks where words end: at a number after an Arabic
// letter, at an apostrophe not between Latin letters, at a joiner not
// before a letter or a mark, at the end of the text.
func TestWordEdges(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"بلغ العدد 42", []string{"بلغ", "العدد", "42"}},
		{"بلغ العدد 42.", []string{"بلغ", "العدد", "42", "."}},
		{"It rocks'", []string{"It", "rocks", "'"}},
		{"well-known", []string{"well", "-", "known"}},
		{"G7 و١٩٩٠", []string{"G7", "و", "١٩٩٠"}},
		{"don't d'Arabie rock' 'n", []string{"don't", "d'Arabie", "rock", "'", "'", "n"}},
		{"ب'ت", []string{"ب", "'", "ت"}},
		{"rock’n’roll", []string{"rock’n’roll"}},
		{"می\u200c\u064eخواهد", []string{"می\u200c\u064eخواهد"}},
		{"کتاب\u200c و", []string{"کتاب", "و"}},
		{"ܫܠܡ܀ ܫܠܡ", []string{"ܫܠܡ", "܀", "ܫܠܡ"}},
		{"ab\u1fff cd", []string{"ab", "\u1fff", "cd"}},
		{"x⁰ ab", []string{"x", "⁰", "ab"}},
	}
	for _, tt := range tests {
		a := mustParse(t, tt.in)
		var got []string
		for _, tok := range a.Tokens {
			got = append(got, a.Text(tok.Span))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("tokens of %q (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestMarksAlone: a token of marks or tatweel with no letter (a stray ٌ,
// the ـ some wires put between a place and an agency) is punctuation,
// never a word: every later stage may take a word's key to be non-empty.
func TestMarksAlone(t *testing.T) {
	tests := []struct {
		in   string
		want []TokenKind
	}{
		{"تهران ـ ایرنا", []TokenKind{Word, Punct, Word}},
		{"قال ـــ الوزير", []TokenKind{Word, Punct, Word}},
		{"السياسة ٌ السعودية", []TokenKind{Word, Punct, Word}},
		{"كتـــاب", []TokenKind{Word}},
		{"𐒰 ab", []TokenKind{Word, Word}},
	}
	for _, tt := range tests {
		a := mustParse(t, tt.in)
		var got []TokenKind
		for _, tok := range a.Tokens {
			got = append(got, tok.Kind)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("token kinds of %q (-want +got):\n%s", tt.in, diff)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("%q: %v", tt.in, err)
		}
	}
}
