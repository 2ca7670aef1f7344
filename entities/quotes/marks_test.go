package quotes

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFindMarksBounds(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"nested same marks", "قال: «أ «ب» ج» ثم «د».", []string{"أ «ب» ج", "د"}},
		{"straight then curly", `"a" and “b”`, []string{"a", "b"}},
		{"reversed curly", "”a“ and ”b”", []string{"a", "b"}},
		{"curly closed by curly opener", "“a“ x", []string{"a"}},
		{"apostrophes", "don't 'x' rock'n'roll", []string{"x"}},
		{"chain of three paragraphs", "«a\n\n«b\n\n«c» d", []string{"a\n\n«b\n\n«c"}},
		{"chain broken by a paragraph without the mark", "«a\n\nb»", nil},
		{"guillemet closed by another opening guillemet", "وقال المهندس « لدينا عقود كثيرة «.. وأضاف", []string{"لدينا عقود كثيرة"}},
		{"reversed guillemet closed by another", "بـ» الشبكة العامة» و", []string{"الشبكة العامة"}},
		{"an opening guillemet before a word still opens", "« a «b» c", []string{"b"}},
		{"a straight mark before a word inside a straight quotation nests", `قال "إن "النصرة" انسحبت من البلدة" أمس`, []string{`إن "النصرة" انسحبت من البلدة`}},
		{"straight marks after words alternate", `بين "أ" و"ب" فقط`, []string{"أ", "ب"}},
		{"a closing ” before punctuation opens nothing", "وقال إن من الضروري” تدريب القوات”. وأضاف أنه سيصد تحركاتها “غير المشروعة”، كما قال.", []string{"غير المشروعة"}},
		{"a ” glued to a word and before one still opens", "وأكد أن و”الديزل” متوفر", []string{"الديزل"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parse(t, tt.text)
			var got []string
			for _, q := range findMarks(a, blocks(a, nil), nil, nil) {
				got = append(got, tt.text[q.inner.Start:q.inner.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findMarks(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
