package article

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplits(t *testing.T) {
	tests := []struct {
		key  string
		want []string
	}{
		{"وبالايران", []string{"وبالايران", "و+بالايران", "و+ب+الايران", "و+ب+ال+ايران"}},
		{"لموسكو", []string{"لموسكو", "ل+موسكو"}},
		{"للرئيس", []string{"للرئيس", "ل+لرئيس", "ل+ال+رئيس"}},
		{"والرئيس", []string{"والرئيس", "و+الرئيس", "و+ال+رئيس"}},
		{"فلبنان", []string{"فلبنان", "ف+لبنان", "ف+ل+بنان"}},
		{"فللبنان", []string{"فللبنان", "ف+للبنان", "ف+ل+لبنان", "ف+ل+ال+بنان"}},
		{"بها", []string{"بها", "ب+ها"}},
		{"وكالعادة", []string{"وكالعادة", "و+كالعادة", "و+ك+العادة", "و+ك+ال+عادة"}},
		{"فبالتالي", []string{"فبالتالي", "ف+بالتالي", "ف+ب+التالي", "ف+ب+ال+تالي"}},
		{"وب", []string{"وب"}}, // no stem under two letters
		{"ال", []string{"ال"}},
		{"reuters", []string{"reuters"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Splits(tt.key) {
			if s.Prefix+s.Stem != tt.key {
				t.Errorf("split %+v does not add up to %q", s, tt.key)
			}
			got = append(got, s.String())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Splits(%q) (-want +got):\n%s", tt.key, diff)
		}
	}
}

// TestClitics: each prefix comes apart into its clitics, the
// preposition ك like ب and ل.
func TestClitics(t *testing.T) {
	tests := []struct {
		prefix string
		want   []string
	}{
		{"", nil},
		{"و", []string{"و"}},
		{"ف", []string{"ف"}},
		{"ال", []string{"ال"}},
		{"لل", []string{"ل", "ال"}},
		{"ك", []string{"ك"}},
		{"كال", []string{"ك", "ال"}},
		{"وكال", []string{"و", "ك", "ال"}},
		{"فبال", []string{"ف", "ب", "ال"}},
		{"ولل", []string{"و", "ل", "ال"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Split{Prefix: tt.prefix}.Clitics()); diff != "" {
			t.Errorf("Clitics(%q) (-want +got):\n%s", tt.prefix, diff)
		}
	}
}

func TestAppendSplitsAllocs(t *testing.T) {
	buf := make([]Split, 0, 8)
	if n := testing.AllocsPerRun(100, func() { buf = AppendSplits(buf[:0], "وبالايران") }); n != 0 {
		t.Errorf("AppendSplits allocates %v times, want 0", n)
	}
}

func TestStem(t *testing.T) {
	in := "وَإيران والرئيس بالاتفاق للرئيس وزير وزارة لموسكو فرنسا والد وبيلاروسيا الحرب كالعادة فالحكومة وكالمعتاد قالب."
	type stem struct{ Text, Key, Stem, StemText string }
	want := []stem{
		{"وَإيران", "وايران", "ايران", "إيران"},
		{"والرئيس", "والرئيس", "رئيس", "رئيس"},
		{"بالاتفاق", "بالاتفاق", "اتفاق", "اتفاق"},
		{"للرئيس", "للرئيس", "رئيس", "رئيس"},
		{"وزير", "وزير", "وزير", "وزير"},
		{"وزارة", "وزاره", "وزاره", "وزارة"},
		{"لموسكو", "لموسكو", "لموسكو", "لموسكو"},
		{"فرنسا", "فرنسا", "فرنسا", "فرنسا"},
		{"والد", "والد", "والد", "والد"},
		{"وبيلاروسيا", "وبيلاروسيا", "بيلاروسيا", "بيلاروسيا"},
		{"الحرب", "الحرب", "حرب", "حرب"},
		// ك and ف with the article come off like ب and و; ق, a letter
		// next to them, stays.
		{"كالعادة", "كالعاده", "عاده", "عادة"},
		{"فالحكومة", "فالحكومه", "حكومه", "حكومة"},
		{"وكالمعتاد", "وكالمعتاد", "معتاد", "معتاد"},
		{"قالب", "قالب", "قالب", "قالب"},
		{".", ".", ".", "."},
	}
	a, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []stem
	for _, tok := range a.Tokens {
		got = append(got, stem{a.Text(tok.Span), a.Key(tok), a.Stem(tok), a.Text(a.StemSpan(tok))})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stems (-want +got):\n%s", diff)
	}
}

func TestStemOnlyInArabic(t *testing.T) {
	// والدین (parents) would lose و and ال in Arabic.
	a, err := Parse("وزیر نیرو گفت که دولت برنامه تازه‌ای برای کاهش مصرف آب در کشاورزی والدین دارد.")
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range a.Tokens {
		if a.Stem(tok) != a.Key(tok) {
			t.Errorf("Persian token %q has stem %q", a.Text(tok.Span), a.Stem(tok))
		}
	}
}

func TestKeySpan(t *testing.T) {
	// Harakat and a tatweel between the clitics and the stem stay out of
	// the stem's span; a presentation form goes through NFKC.
	tests := []struct {
		word, prefix, want string
	}{
		{"وَبِالْـإيران", "وبال", "إيران"},
		{"وَبِالْـإيران", "و", "بِالْـإيران"},
		{"لِموسكو", "ل", "موسكو"},
		{"وﻻية", "و", "ﻻية"},
		{"ﻻﻻية", "لا", "ﻻية"}, // presentation forms: the key is longer than the text
		{"Reuters", "", "Reuters"},
		{"\u064eكتب", "", "\u064eكتب"}, // offset 0 is the whole token
		{"Reuters", "r", "euters"},
		{"Reuters", "reuter", "s"},
		{"Reuters", "reuters", ""},
	}
	for _, tt := range tests {
		a, err := Parse(tt.word)
		if err != nil {
			t.Fatal(err)
		}
		tok := a.Tokens[0]
		sp := a.KeySpan(tok, len(tt.prefix))
		if got := a.Text(sp); got != tt.want {
			t.Errorf("KeySpan(%q, %d) = %q, want %q", tt.word, len(tt.prefix), got, tt.want)
		}
	}
}
