package tagger

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func readLangData(t testing.TB, l Lang) []Sentence {
	t.Helper()
	f, err := os.Open("data/ner-" + l.String() + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, _, err := ReadCoNLLDocs(f)
	if err != nil {
		t.Fatal(err)
	}
	return Interleave(sents)
}

func TestLangOf(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		want Lang
		ok   bool
	}{
		{language.Arabic, Arabic, true},
		{language.MustParse("ar-EG"), Arabic, true},
		{language.English, English, true},
		{language.MustParse("en-GB"), English, true},
		{language.Persian, Persian, true},
		{language.French, Arabic, false},
	}
	for _, tt := range tests {
		got, ok := LangOf(tt.tag)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LangOf(%v) = %v, %v; want %v, %v", tt.tag, got, ok, tt.want, tt.ok)
		}
		if ok {
			if back, ok := ParseLang(got.String()); !ok || back != got {
				t.Errorf("ParseLang(%q) = %v, %v", got.String(), back, ok)
			}
		}
	}
}

// TestStems checks the English and Persian stems: what each cuts off the
// word's key.
func TestStems(t *testing.T) {
	tests := []struct {
		lang        Lang
		word        string
		stem, stem2 string
	}{
		{English, "Biden's", "biden", "biden"},
		{English, "Americans", "americans", "american"},
		{English, "Reuters'", "reuters", "reuter"},
		{English, "Paris", "paris", "paris"},
		{English, "glass", "glass", "glass"},
		{Persian, "کتاب‌ها", "كتاب", "كتاب"},
		{Persian, "کتابها", "كتابها", "كتاب"},
		{Persian, "می‌خواند", "خواند", "خواند"},
		{Persian, "ترکیه‌ای", "تركيهاي", "تركيهاي"}, // an adjective: not cut
		{Persian, "رئیس‌جمهور", "رئيسجمهور", "رئيسجمهور"},
		{Persian, "بزرگ‌ترین", "بزرگ", "بزرگ"},
		{Arabic, "والرئيس", "رئيس", "رئيس"},
	}
	for _, tt := range tests {
		key, s := stemsOf(tt.lang, nil, tt.word)
		got := [2]string{string(key[s.c1:s.e1]), string(key[s.c2:s.e2])}
		if want := [2]string{tt.stem, tt.stem2}; got != want {
			t.Errorf("stemsOf(%v, %q) = %q, want %q", tt.lang, tt.word, got, want)
		}
	}
}

func TestCapsOf(t *testing.T) {
	tests := []struct {
		word string
		want uint8
	}{
		{"said", capLower}, {"Biden", capTitle}, {"NATO", capUpper}, {"A", capLetter},
		{"iPhone", capMixed}, {"McDonald", capMixed}, {"تهران", capScript}, {"1990s", capDigit},
		{",", capNone}, {"U", capLetter},
	}
	for _, tt := range tests {
		if got := capsOf(tt.word); got != tt.want {
			t.Errorf("capsOf(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

// TestSentenceCase checks the sentence-initial bit and the headline
// modes that prepare sets for English.
func TestSentenceCase(t *testing.T) {
	tests := []struct {
		name  string
		words string
		first []bool
		mode  uint8
	}{
		{"ordinary", `" He met Smith .`, []bool{true, true, false, false, false}, 0},
		{"upper-case headline", "SOCCER - JAPAN BEAT CHINA", []bool{true, false, true, false, false}, capModeUpper},
		{"title-case headline", "Brazil And Norway Sign Pact", []bool{true, false, false, false, false}, capModeTitle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scratch{lang: English}
			s.prepare(strings.Fields(tt.words), nil, nil, false)
			var first []bool
			for i, tok := range s.toks {
				first = append(first, tok.caps&capFirst != 0)
				if m := tok.caps & capModeMask; m != tt.mode {
					t.Errorf("token %d: mode %d, want %d", i, m, tt.mode)
				}
			}
			if diff := cmp.Diff(tt.first, first); diff != "" {
				t.Errorf("first-word bits mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLexiconLists checks that the English and Persian word lists mark
// names of several tokens and the cue words.
func TestLexiconLists(t *testing.T) {
	tests := []struct {
		lang  Lang
		words string
		kind  Kind // of the name that begins at the first word
		n     int  // its tokens
	}{
		{English, "New York", LOC, 2},
		{English, "Mahmoud Abbas", PER, 2},
		{Persian, "سازمان انرژی اتمی", ORG, 3},
		{Persian, "تهران", LOC, 1},
	}
	for _, tt := range tests {
		s := scratch{lang: tt.lang}
		s.prepare(strings.Fields(tt.words), nil, nil, false)
		if s.toks[0].flags&(FlagBegin(tt.kind)<<listShift) == 0 {
			t.Errorf("%v %q: no %v list name begins at the first word (flags %x)", tt.lang, tt.words, tt.kind, s.toks[0].flags)
		}
		for i := 1; i < tt.n; i++ {
			if s.toks[i].flags&(FlagInside(tt.kind)<<listShift) == 0 {
				t.Errorf("%v %q: word %d is not inside the %v name", tt.lang, tt.words, i, tt.kind)
			}
		}
	}
	for _, tt := range []struct {
		lang Lang
		word string
		cue  uint8
	}{
		{English, "President", cueTitle}, {English, "Mr", cueTitle}, {English, "Ministry", cueOrg},
		{Persian, "آقای", cueTitle}, {Persian, "دوشنبه", cueTime}, {Persian, "وزارت", cueOrg},
	} {
		s := scratch{lang: tt.lang}
		s.prepare([]string{tt.word}, nil, nil, false)
		if s.toks[0].cue != tt.cue {
			t.Errorf("%v %q: cue class %d, want %d", tt.lang, tt.word, s.toks[0].cue, tt.cue)
		}
	}
}

func TestReadCoNLLDocs(t *testing.T) {
	in := "# header\n#\na\tB-PER\nb\tO\n\nc\tO\n# second\n#tag\tO\n\n# third\nd\tB-LOC\n"
	sents, comments, err := ReadCoNLLDocs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"a", "b"}, Labels: []Label{BPER, O}, Doc: 2},
		{Words: []string{"c"}, Labels: []Label{O}, Doc: 2},
		{Words: []string{"#tag"}, Labels: []Label{O}, Doc: 3},
		{Words: []string{"d"}, Labels: []Label{BLOC}, Doc: 4},
	}
	if diff := cmp.Diff(want, sents); diff != "" {
		t.Errorf("ReadCoNLLDocs() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"", "header", "", "second", "third"}, comments); diff != "" {
		t.Errorf("comments mismatch (-want +got):\n%s", diff)
	}
	_, _, err = ReadCoNLLDocs(strings.NewReader("# a\nx\tO\n# b\ny\tB-FOO\n"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 4 {
		t.Errorf("ReadCoNLLDocs(bad label on line 4) error = %v, want a *SyntaxError on line 4", err)
	}
}

func TestInterleave(t *testing.T) {
	var sents []Sentence
	for d := range 20 {
		for i := range 1 + d%3 {
			sents = append(sents, Sentence{Words: []string{string(rune('a' + i))}, Doc: d})
		}
	}
	got := Interleave(sents)
	if len(got) != len(sents) {
		t.Fatalf("Interleave: %d sentences, want %d", len(got), len(sents))
	}
	seen := map[int]bool{}
	moved := false
	for i := 0; i < len(got); {
		d := got[i].Doc
		if seen[d] {
			t.Fatalf("document %d is split", d)
		}
		seen[d] = true
		for j := 0; i < len(got) && got[i].Doc == d; i, j = i+1, j+1 {
			if got[i].Words[0] != string(rune('a'+j)) {
				t.Fatalf("document %d: sentence %d out of order", d, j)
			}
		}
		moved = moved || d != len(seen)-1
	}
	if !moved {
		t.Error("Interleave kept the documents in their order")
	}
	if diff := cmp.Diff(got, Interleave(sents)); diff != "" {
		t.Error("Interleave is not deterministic")
	}
}

// TestDefaultFor checks that each embedded model decodes, is of its
// language, and is shared.
func TestDefaultFor(t *testing.T) {
	for l := Arabic; l < numLangs; l++ {
		m, err := DefaultFor(l)
		if err != nil {
			t.Fatal(err)
		}
		if m.Lang() != l {
			t.Errorf("DefaultFor(%v) is a %v model", l, m.Lang())
		}
		if m2, _ := DefaultFor(l); m2 != m {
			t.Errorf("DefaultFor(%v) returned two models", l)
		}
	}
	if _, err := DefaultFor(numLangs); err == nil {
		t.Error("DefaultFor(numLangs) gave no error")
	}
}

// TestLangModelsTag checks that the English and Persian models find the
// people and places of sentences written for this test.
func TestLangModelsTag(t *testing.T) {
	tests := []struct {
		lang  Lang
		words string
		want  string // the labels
	}{
		{English, "Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Tuesday .",
			"O O B-PER I-PER O O B-PER I-PER O B-LOC O O O"},
		{Persian, "آقای علی لاریجانی روز یکشنبه به مسکو رفت .",
			"O B-PER I-PER O O O B-LOC O O"},
	}
	for _, tt := range tests {
		m, err := DefaultFor(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range m.Tag(strings.Fields(tt.words), nil) {
			got = append(got, l.String())
		}
		if diff := cmp.Diff(strings.Fields(tt.want), got); diff != "" {
			t.Errorf("%v: Tag(%q) mismatch (-want +got):\n%s", tt.lang, tt.words, diff)
		}
	}
}

func TestMarshalLang(t *testing.T) {
	sents := readLangData(t, Persian)[:200]
	m := Train(sents, TrainOptions{Epochs: 2, Bits: 14, Ensemble: 1, Stack: 1, Lang: Persian})
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var q Model
	if err := q.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if q.Lang() != Persian {
		t.Errorf("decoded model is %v, want fa", q.Lang())
	}
	b2, _ := q.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Error("a Persian model does not survive a round trip")
	}
}

// TestEmbeddedLangModelsReproducible retrains the English and Persian
// models from the bundled data and word lists and checks that the
// embedded bytes are reproduced exactly (about a minute each; run with
// -retrain). After a change to internal/lang or the gazetteer's data,
// run go generate ./entities/internal/tagger, which rewrites the word
// lists and retrains.
func TestEmbeddedLangModelsReproducible(t *testing.T) {
	skipUnlessRetrain(t)
	for _, l := range []Lang{English, Persian} {
		b, err := Train(readLangData(t, l), TrainOptions{Lang: l}).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		want := modelEnBytes
		if l == Persian {
			want = modelFaBytes
		}
		if !bytes.Equal(b, want) {
			t.Errorf("retrained %v model (%d bytes) differs from the embedded one (%d bytes); run go generate ./entities/internal/tagger", l, len(b), len(want))
		}
	}
}

// TestRuneClass checks the fast rune classes against the Unicode tables.
func TestRuneClass(t *testing.T) {
	for r := rune(0); r < 0x20000; r++ {
		want := uint8(rcOther)
		switch {
		case unicode.IsUpper(r):
			want = rcUpper
		case unicode.IsLower(r):
			want = rcLower
		case unicode.IsLetter(r):
			want = rcUncased
		case unicode.IsDigit(r):
			want = rcDigit
		}
		if got := runeClass(r); got != want {
			t.Fatalf("runeClass(%U) = %d, want %d", r, got, want)
		}
	}
}

func FuzzReadCoNLLDocs(f *testing.F) {
	f.Add("# doc 1\nBrazil\tB-LOC\n\n#\n#tag\tO\n")
	f.Add("#\n#\n\nx\tI-PER\n# c\ny z\tO\n")
	f.Add("a\tB-FOO\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, comments, err := ReadCoNLLDocs(strings.NewReader(in))
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			return
		}
		last := 0
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Labels) {
				t.Fatalf("sentence with %d words and %d labels", len(s.Words), len(s.Labels))
			}
			if s.Doc < last || s.Doc >= len(comments) {
				t.Fatalf("document %d out of order or range (%d comments)", s.Doc, len(comments))
			}
			last = s.Doc
		}
		if got := Interleave(sents); len(got) != len(sents) {
			t.Fatalf("Interleave kept %d of %d sentences", len(got), len(sents))
		}
	})
}
