package quotes

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestResolution checks how the speaker model resolves what stands where
// a speaker's name would (a pronoun, an honorific, a role, a description)
// to the person the article names, and what it keeps from being a
// speaker at all. The sentences are written for the test; each case
// names the rule it checks.
func TestResolution(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ments []ment
		want  []spoken
	}{
		{
			name:  "an honorific with a pronoun (سموه) is the person the article is about",
			text:  "وتفقد الأمير فهد بن سلطان أمير منطقة تبوك مشروع الطريق الجديد.\nوقال سموه: «سنفتتح الطريق قبل نهاية العام».",
			ments: []ment{{"فهد بن سلطان", "PER", "Fahd bin Sultan", "SA"}, {"تبوك", "LOC", "Tabuk", "SA"}},
			want:  []spoken{{"سنفتتح الطريق قبل نهاية العام", "direct", []string{"person Fahd bin Sultan «فهد بن سلطان»"}, false}},
		},
		{
			name:  "an honorific with a pronoun (معاليه) continues the current speaker",
			text:  "وأكد وزير الصحة محمد السالم أن «المستشفيات جاهزة».\nوأضاف معاليه: «لدينا خطة للطوارئ في كل مدينة».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "KW"}},
			want: []spoken{
				{"المستشفيات جاهزة", "partial", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"لدينا خطة للطوارئ في كل مدينة", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
			},
		},
		{
			name:  "a verbal noun of speech after the verb is its object, not its subject (وختم حديثه)",
			text:  "وقال المدرب سالم العنزي: «الفريق جاهز للموسم». وختم حديثه قائلا: «ننتظر دعم الجماهير».",
			ments: []ment{{"سالم العنزي", "PER", "Salem Al-Anazi", "SA"}},
			want: []spoken{
				{"الفريق جاهز للموسم", "direct", []string{"person Salem Al-Anazi «سالم العنزي»"}, false},
				{"ننتظر دعم الجماهير", "direct", []string{"person Salem Al-Anazi «سالم العنزي»"}, false},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, res, names := build(t, tt.text, tt.ments)
			got := describe(tt.text, names, findAll(t, a, res, false))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
