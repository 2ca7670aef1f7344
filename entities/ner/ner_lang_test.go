package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

// TestTaggerByLanguage checks that the Recognizer tags English and Persian
// articles with their own taggers: persons no list holds are found, and a
// weekday that the gazetteer also knows as a city (دوشنبه, Monday and
// Dushanbe) stays a weekday in a Persian date. The sentences are written
// for this test.
func TestTaggerByLanguage(t *testing.T) {
	r := mustRecognizer(t)
	tests := []struct {
		name, text string
		want       []string // "KIND text" of every mention, in order
	}{
		{
			name: "English persons no list holds",
			text: "Farm leader Agnes Whitlock told lawmakers in Ottawa that Daniel Okafor would lead the talks.",
			want: []string{"PER Agnes Whitlock", "LOC Ottawa", "PER Daniel Okafor"},
		},
		{
			name: "Persian persons no list holds",
			text: "به گزارش خبرنگار ما، آقای بهرام سلطانی روز چهارشنبه در اصفهان با خانم نسرین کاظمی دیدار کرد.",
			want: []string{"PER بهرام سلطانی", "LOC اصفهان", "PER نسرین کاظمی"},
		},
		{
			name: "Persian weekday in a date",
			text: "نشست دو کشور روز دوشنبه ۱۲ مهر ۱۴۰۲ در شهر تبریز برگزار شد و هیئت‌ها روز سه‌شنبه به تهران رفتند.",
			want: []string{"LOC تبریز", "LOC تهران"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.Parse(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range r.Recognize(a).Mentions {
				got = append(got, m.Kind.String()+" "+a.Text(m.Span))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Recognize(%q) mentions mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// BenchmarkRecognizeLang runs the Recognizer with the tagger on the test
// articles of each language, one language at a time, parsing excluded.
func BenchmarkRecognizeLang(b *testing.B) {
	for _, bc := range []struct {
		lang  string
		files []string
	}{
		{"ar", []string{"../testdata/seed.txt", "../testdata/ner-ar.txt"}},
		{"en", []string{"../testdata/ner-en.txt", "testdata/news-en.txt"}},
		{"fa", []string{"../testdata/ner-fa.txt", "testdata/news-fa.txt"}},
	} {
		b.Run(bc.lang, func(b *testing.B) {
			var arts []*article.Article
			tokens := 0
			for _, f := range bc.files {
				a := parseFile(b, f)
				if strings.HasPrefix(f, "testdata/news-") {
					text, _ := readMarked(b, f)
					var err error
					if a, err = article.Parse(text); err != nil {
						b.Fatal(err)
					}
				}
				arts = append(arts, a)
				tokens += len(a.Tokens)
			}
			benchRecognize(b, mustRecognizer(b), arts, tokens)
		})
	}
}
