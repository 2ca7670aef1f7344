package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPropagate checks that a name the article gives once on good
// evidence is found where the article repeats it with less, on sentences
// written for the test: want is every mention, in order, without links.
func TestPropagate(t *testing.T) {
	r := mustRecognizer(t)
	for _, tc := range []struct {
		name, text string
		want       []string
	}{{
		name: "a person's last word after the full name",
		text: "قال المدرب الإيطالي ماركو فيراتي إن الفريق جاهز. وأضاف فيراتي أن المباراة صعبة.",
		want: []string{"PER ماركو فيراتي", "PER فيراتي"},
	}, {
		name: "the last word before the full name, with a clitic",
		text: "فوز ثمين لفيراتي\n\nحقق السائق الإيطالي ماركو فيراتي الفوز أمس.",
		want: []string{"PER فيراتي", "PER ماركو فيراتي"},
	}, {
		name: "a town a place word introduces, then alone",
		text: "أقيم المهرجان في محافظة القطيف أمس، وزار آلاف الناس واجهة القطيف البحرية.",
		want: []string{"LOC القطيف", "LOC القطيف"},
	}, {
		name: "a common word that names a town abroad is not looked for again",
		text: "وصل الوفد إلى محافظة صبيا أمس، وتجول في أسواق صبيا القديمة.",
		want: []string{"LOC صبيا"},
	}, {
		name: "a last word that is a weekday is not looked for again",
		text: "قال رئيس المهرجان عبدالله الخميس إن العروض بدأت. وتستمر العروض حتى الخميس المقبل.",
		want: []string{"PER عبدالله الخميس"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range recognized(t, r, tc.text) {
				got = append(got, strings.SplitN(m, "=", 2)[0])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%q: mentions (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
