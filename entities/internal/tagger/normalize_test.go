package tagger

import (
	"testing"

	"github.com/khabar-go/khabar/article"
)

func TestAppendKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أحمد", "احمد"},
		{"إيران", "ايران"},
		{"آسيا", "اسيا"},
		{"مُحَمَّد", "محمد"},
		{"القاهـــرة", "القاهره"},
		{"مصطفى", "مصطفي"},
		{"بزشكیان", "بزشكيان"},
		{"کرمان", "كرمان"},
		{"٢٠٢٥", "2025"},
		{"۱۴۰۳", "1403"},
		{"IRNA", "irna"},
		{"اﻹنجليزية", "الانجليزيه"},
		{"…", "..."},
		{"Zürich", "zürich"},
		{"", ""},
	}
	for _, tt := range tests {
		got := string(article.AppendKey(nil, tt.in))
		if got != tt.want {
			t.Errorf("article.AppendKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := string(article.AppendKey(nil, got)); again != got {
			t.Errorf("article.AppendKey not idempotent on %q: %q", got, again)
		}
	}
}

func TestStemCut(t *testing.T) {
	tests := []struct {
		in          string
		stem, stem2 string
	}{
		{"الرئيس", "رئيس", "رئيس"},
		{"والرئيس", "رئيس", "رئيس"},
		{"بالعاصمة", "عاصمه", "عاصمه"},
		{"للأمم", "امم", "امم"},
		{"وإسرائيل", "وإسرائيل", "اسرائيل"},
		{"لموسكو", "لموسكو", "موسكو"},
		{"بوتين", "بوتين", "وتين"},
		{"واشنطن", "واشنطن", "اشنطن"},
		{"الله", "له", "له"},
		{"ال", "ال", "ال"},
		{"في", "في", "في"},
		{"و", "و", "و"},
		{"Reuters", "reuters", "reuters"},
	}
	for _, tt := range tests {
		key := article.AppendKey(nil, tt.in)
		wantStem := string(article.AppendKey(nil, tt.stem))
		wantStem2 := string(article.AppendKey(nil, tt.stem2))
		if got := string(key[stemCut(key):]); got != wantStem {
			t.Errorf("stem of %q = %q, want %q", tt.in, got, wantStem)
		}
		if got := string(key[stemCut2(key):]); got != wantStem2 {
			t.Errorf("aggressive stem of %q = %q, want %q", tt.in, got, wantStem2)
		}
	}
}
