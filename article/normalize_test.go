package article

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"Reuters", "reuters"},
		{"ÉCOLE", "école"},
		{"Москва", "москва"},
		{"إيران", "ايران"},
		{"أَعْلَنَ", "اعلن"},
		{"آخر", "اخر"},
		{"ٱلله", "الله"},
		{"مستشفى", "مستشفي"},
		{"بزشكیان", "بزشكيان"},
		{"کشور", "كشور"},
		{"العلاقات الثنائية", "العلاقات الثنائيه"},
		{"الـــرئيس", "الرئيس"},
		{"١٩٩٤", "1994"},
		{"۱۴۰۴", "1404"},
		{"١٫٥", "1.5"},
		{"می\u200cخواهد", "ميخواهد"},
		{"\u200fنص\u200e", "نص"},
		{"ﻻ", "لا"},        // presentation form, NFKC
		{"ا\u0653", "ا"},   // alef + combining madda composes to آ first
		{"و\u0654", "ؤ"},   // waw + hamza above composes to ؤ
		{"ي\u0654", "ئ"},   // yeh + hamza above composes to ئ
		{"ﬁ", "fi"},        // Latin ligature
		{"①", "1"},         // circled digit
		{"\u00A0x", " x"},  // no-break space
		{"e\u0301", "é"},   // composes
		{"\xff", "\uFFFD"}, // invalid bytes become U+FFFD, as the chain does
		{"تحدٍ قاسٍ شيئًا", "تحد قاس شيئا"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := chainKey(tt.in); got != tt.want {
			t.Errorf("Normalizer chain on %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// chainKey runs the reference chain.
func chainKey(s string) string {
	k, _, err := transform.String(Normalizer(), s)
	if err != nil {
		return "error: " + err.Error()
	}
	return k
}

// FuzzKey proves that Key's fast path gives exactly the Normalizer chain's
// output.
func FuzzKey(f *testing.F) {
	for _, s := range []string{
		"", "abc", "ABC xyz", "إيران", "أَعْلَنَ", "ا\u0653", "و\u0654ي", "ﻻ", "٣٫٥", "۱۴۰۴",
		"می\u200cخواهد", "e\u0301", "\xff\xfe", "بزشکیان", "تحدٍ", "ـــ", "ٱ", "\u0670",
		"\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064b\u064bا",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), chainKey(s); got != want {
			t.Errorf("Key(%q) = %q, chain gives %q", s, got, want)
		}
	})
}

// TestComposingMarks checks the composing list the fast path relies on: of
// the marks keys drop, exactly these compose with a letter the fast tables
// accept.
func TestComposingMarks(t *testing.T) {
	isComposing := map[rune]bool{}
	for _, c := range composing {
		isComposing[c] = true
	}
	bases := []rune{}
	for r := rune(1); r < 0x700; r++ {
		if fastLow[r] != fastSlow && fastLow[r] != fastDrop {
			bases = append(bases, r)
		}
	}
	for r := rune(0); r < 0x70; r++ {
		if fastPunct[r] != fastSlow && fastPunct[r] != fastDrop {
			bases = append(bases, 0x2000+r)
		}
	}
	for m := rune(0); m < 0x10000; m++ {
		if !Ignorable(m) {
			continue
		}
		composes := false
		for _, b := range bases {
			s := string(b) + string(m)
			if utf8.RuneCountInString(norm.NFC.String(s)) == 1 {
				composes = true
				break
			}
		}
		if composes != isComposing[m] {
			t.Errorf("mark %U composes: %v; composing list says %v", m, composes, isComposing[m])
		}
	}
}

func TestKeyAllocs(t *testing.T) {
	s := "الرئيس"
	if n := testing.AllocsPerRun(100, func() { _ = Key(s) }); n != 0 {
		t.Errorf("Key of a key allocates %v times, want 0", n)
	}
}

func BenchmarkKey(b *testing.B) {
	s := "وَالاستراتيجية"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Key(s)
	}
}
