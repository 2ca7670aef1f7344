package quotes

import "testing"

// TestFallbacks checks the fourth round of the speaker model, whose rules
// are general mechanisms rather than phrasings: distances measured from
// the speaker, and the fallbacks used when no rule finds a speaker. The
// sentences are written for the test; each case names the rule it checks.
func TestFallbacks(t *testing.T) {
	tests := []speakerCase{
		{
			name:  "a single word in marks is near its speaker when a long subject phrase stands between it and the verb",
			text:  "وأكد أمس وزير الزراعة الكويتي سعد الحربي أن الأسعار ستنخفض «تدريجيا» في الأسواق.",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "KW"}},
			want:  []spoken{{"تدريجيا", "partial", []string{"person Saad Al-Harbi «سعد الحربي»"}, false}},
		},
		{
			name:  "a single word far from both the verb and its subject is still a scare-quoted name",
			text:  "وقال سعد الحربي إن الشركة التي تعمل في مجال النقل البحري منذ سنوات طويلة تسمى «الأمواج» في السوق.",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "KW"}},
			want:  []spoken{{"الأمواج", "term", nil, false}},
		},
		{
			name:  "a cue with no subject after a sentence whose later clause is about another person (…، وتمكن فلان من …) is that person speaking",
			text:  "وقال سعد الحربي: «الخطة جاهزة».\nوشهد الاجتماع نقاشا طويلا حول الميزانية، وتمكن فهد العتيبي من إقناع الأعضاء بها.\nوقد كتب في حسابه: «شكرا لكل الزملاء على ثقتهم».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}, {"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"شكرا لكل الزملاء على ثقتهم", "direct", []string{"person Fahd Al-Otaibi «فهد العتيبي»"}, false},
			},
		},
		{
			name:  "a person named after a preposition in the later clause (…، واجتمع الأعضاء مع فهد …) does not change the speaker",
			text:  "وقال سعد الحربي: «الخطة جاهزة».\nوشهد الاجتماع نقاشا طويلا حول الميزانية، واجتمع الأعضاء مع فهد العتيبي بعدها.\nوقال: «سنبدأ التنفيذ قريبا جدا».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}, {"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"سنبدأ التنفيذ قريبا جدا", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
			},
		},
	}
	runSpeakerCases(t, tests)
}
