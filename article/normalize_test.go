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

// TestKeyEveryRune checks Key against the Normalizer chain on every rune
// up to U+2FFF and every 7th above in the BMP, alone, and on each rune of
// the fast tables (U+0000–U+07FF, U+2000–U+206F) between letters, before a
// composing mark and cut short.
func TestKeyEveryRune(t *testing.T) {
	check := func(s string) {
		if got, want := Key(s), chainKey(s); got != want {
			t.Fatalf("Key(%q) = %q, chain gives %q", s, got, want)
		}
	}
	for _, s := range []string{"a\x80b", "A\x80", "\xffx", "ب\x80", "\xe2\x80", "x\xc1\x81", "\xe2A\x80", "\xe2\x41\x80"} {
		check(s)
	}
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 || r >= 0x3000 && r%7 != 0 {
			continue
		}
		s := string(r)
		check(s)
		if r < 0x800 || 0x2000 <= r && r < 0x2070 {
			check("AZ" + s + "za")
			check("ب" + s + "ب")
			check(s + "\u0654")
			check(s[:len(s)-1])
			check("x" + s[:len(s)-1] + "x")
		}
	}
}

// TestFold checks Fold at the edges of its ranges.
func TestFold(t *testing.T) {
	for r, want := range map[rune]rune{
		'A': 'a', 'Z': 'z', '@': '@', '[': '[', 'a': 'a',
		'٠': '0', '٩': '9', 0x065F: 0x065F, 0x066A: 0x066A,
		'۰': '0', '۹': '9', 0x06EF: 0x06EF, 0x06FA: 0x06FA,
		'أ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ک': 'ك', 'ة': 'ه', '٫': '.', '٬': ',',
		'Σ': 'σ', 'Ж': 'ж', 0x80: 0x80,
	} {
		if got := Fold(r); got != want {
			t.Errorf("Fold(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestKeyOfLatinKey: a lower-case Latin key is returned as it is.
func TestKeyOfLatinKey(t *testing.T) {
	s := "reuters news"
	if n := testing.AllocsPerRun(100, func() { _ = Key(s) }); n != 0 {
		t.Errorf("Key of a Latin key allocates %v times, want 0", n)
	}
}

// TestTokenKeys checks the keys the tokenizer makes in its own fast path
// against the Normalizer chain, for every rune of the fast tables inside
// an Arabic and a Latin word.
func TestTokenKeys(t *testing.T) {
	special := []rune{'①', '½', '²', 'ﬁ', 'ﻻ', 0x1FFF, 0x2070, 0x2071, 0x0700, 0x08A0}
	for r := rune(1); r < 0x2080; r++ {
		if r == 0x800 {
			r = 0x1FF0
		}
		if r == 0x207F {
			for _, x := range special {
				checkTokenKeys(t, x)
			}
		}
		checkTokenKeys(t, r)
	}
}

// checkTokenKeys parses r inside and beside Arabic and Latin words, and
// alone, and compares every token's key with the Normalizer chain's.
func checkTokenKeys(t *testing.T, r rune) {
	t.Helper()
	s := string(r)
	a, err := Parse("كتب" + s + "ها و" + s + " Ab" + s + "cd " + s + "x " + s)
	if err != nil {
		return // a control character alone is not text
	}
	for _, tok := range a.Tokens {
		if got, want := a.Key(tok), chainKey(a.Text(tok.Span)); got != want {
			t.Fatalf("%U: token %q has key %q, chain gives %q", r, a.Text(tok.Span), got, want)
		}
	}
}
