package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClubs checks clubs' names that are common words or cities' names,
// in the news of sport and outside it, on sentences written for the test:
// want is every mention, in order, with the record's ID where linked.
func TestClubs(t *testing.T) {
	r := mustRecognizer(t)
	for _, tc := range []struct {
		name, text string
		want       []string
	}{{
		name: "common words that name clubs, in the news of sport",
		text: "فاز الهلال على النصر في مباراة الدوري أمس، وسجل لاعب الهلال هدفين. وقال مدرب النصر إن فريقه لعب جيدا.",
		want: []string{"ORG الهلال=o:al_hilal_sa", "ORG النصر=o:al_nassr", "ORG الهلال=o:al_hilal_sa", "ORG النصر=o:al_nassr"},
	}, {
		name: "the same words outside the news of sport",
		text: "حقق الجيش النصر في المعركة، وتحدث القائد عن رؤية الهلال.",
		want: nil,
	}, {
		name: "a city's name that names a club, in the news of sport",
		text: "تعادل برشلونة مع فريق روما في مباراة ودية أقيمت أمس، وسجل لاعب برشلونة هدفا.",
		want: []string{"ORG برشلونة=o:fc_barcelona", "ORG روما=o:as_roma", "ORG برشلونة=o:fc_barcelona"},
	}, {
		name: "the city after في in the news of sport",
		text: "سجل اللاعب هدفين في مباراة الدوري التي أقيمت في برشلونة أمام فريق روما.",
		want: []string{"LOC برشلونة=g:3128760", "ORG روما=o:as_roma"},
	}, {
		name: "a city's name outside the news of sport",
		text: "زار الوزير برشلونة أمس والتقى رئيس البلدية.",
		want: []string{"LOC برشلونة=g:3128760"},
	}, {
		name: "a club named after نادي outside the news of sport",
		text: "أعلن نادي الاتفاق موعد الجمعية العمومية، وتأجلت انتخابات الاتفاق إلى الشهر المقبل.",
		want: []string{"ORG الاتفاق=o:al_ettifaq", "ORG الاتفاق=o:al_ettifaq"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := recognized(t, r, tc.text)
			var kept []string
			for _, g := range got {
				if !strings.HasPrefix(g, "PER ") {
					kept = append(kept, g)
				}
			}
			if diff := cmp.Diff(tc.want, kept); diff != "" {
				t.Errorf("%q: mentions (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
