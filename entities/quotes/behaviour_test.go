package quotes

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// longText is a run of n words of plain text, without quotation marks
// or sentence ends, written for the tests.
func longText(n int) string {
	words := strings.Fields("تواصل الفرق عملها في الحقول الشمالية رغم الأمطار الغزيرة وانقطاع الطرق الفرعية")
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

// TestMarksBehaviour checks quotation marks where the search for the
// closing mark goes past its plain scan (more than scanBudget tokens) and
// reads the block's table instead: the table must pair marks exactly as
// the scan does. It also checks the curly single marks.
func TestMarksBehaviour(t *testing.T) {
	long := longText(scanBudget + 40)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "curly single marks pair at word boundaries",
			text: "He called the levy ‘a tax on hunger’ and left.",
			want: []string{"a tax on hunger"},
		},
		{
			name: "a long quotation, then a short one the table closes",
			text: "قال: «" + long + "» ثم «انتهى الاجتماع» مساء.",
			want: []string{long, "انتهى الاجتماع"},
		},
		{
			name: "other marks inside a long quotation do not nest",
			text: "وقال «" + long + " “الحقول” " + long + "» أمس.",
			want: []string{long + " “الحقول” " + long},
		},
		{
			name: "the same mark nests inside a long quotation",
			text: "وقال «" + long + " «الحقول» " + long + "» أمس.",
			want: []string{long + " «الحقول» " + long},
		},
		{
			name: "a long quotation in straight marks",
			text: `ونقلت الصحيفة "` + long + `" في عددها.`,
			want: []string{long},
		},
		{
			name: "a long quotation in straight marks, closed before punctuation",
			text: `ونقلت الصحيفة "` + long + `".`,
			want: []string{long},
		},
		{
			name: "a straight mark with a space before and a word after nests inside a long quotation",
			text: `ونقلت الصحيفة "` + long + ` "الحقول" ` + long + `" في عددها.`,
			want: []string{long + ` "الحقول" ` + long},
		},
		{
			name: "a stray closing mark after a long quotation is ignored",
			text: `ونقلت الصحيفة "` + long + `" ثم كتبت" عن و"الأمطار" فقط.`,
			want: []string{long, "الأمطار"},
		},
		{
			name: "a long guillemet quotation closed by the opening mark («…«), then another",
			text: "وقال «" + long + "« ثم «انتهى الاجتماع» مساء.",
			want: []string{long, "انتهى الاجتماع"},
		},
		{
			name: "a long reversed quotation (»…«), then one closed by the opening mark",
			text: "وقال »" + long + "« ثم وصف الخطة بـ«الجريئة« في كلمته.",
			want: []string{long, "الجريئة"},
		},
		{
			name: "a long quotation over two long paragraphs",
			text: "ونقلت الصحيفة «" + long + "\n\n«" + long + "» في عددها.",
			want: []string{long + "\n\n«" + long},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parse(t, tt.text)
			var got []string
			for _, q := range findMarks(a, blocks(a, nil), nil, nil) {
				got = append(got, tt.text[q.inner.Start:q.inner.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findMarks mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSpeakerBounds checks the speaker model at the edges of its windows
// and on the shapes that decide between two readings. The sentences are
// written for the test; each case names the rule it checks.
func TestSpeakerBounds(t *testing.T) {
	saad := ment{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}
	fahd := ment{"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}
	putin := ment{"بوتين", "PER", "Vladimir Putin", "RU"}
	pezeshkian := ment{"مسعود بزشكيان", "PER", "Masoud Pezeshkian", "IR"}
	yaqoub := ment{"جمال يعقوب", "PER", "Jamal Yaqoub", "KW"}
	salem := ment{"محمد السالم", "PER", "Mohammed Al-Salem", "KW"}
	kaabi := ment{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}
	tests := []speakerCase{
		{
			name:  "a title separated from a name by a prepositional phrase is not that person's: the bare role stays as written",
			text:  "استقبل وزير الطاقة في مكتبه سالم الكعبي.\nوقال الوزير: «الأسعار ستراجع كل شهر».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"description الوزير «الوزير»"}, false}},
		},
		{
			name:  "the person the sentence before is about may be named as its sixth token",
			text:  "وقال سعد الحربي: «الخطة جاهزة».\nوفي ختام الجلسة الثانية جدد فهد العتيبي دعمه للمشروع.\nوقال: «سنوفر كل ما يلزم».",
			ments: []ment{saad, fahd},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"سنوفر كل ما يلزم", "direct", []string{"person Fahd Al-Otaibi «فهد العتيبي»"}, false},
			},
		},
		{
			name:  "a person named later than the sixth token of the sentence before is not its subject: the speaker goes on",
			text:  "وقال سعد الحربي: «الخطة جاهزة».\nوفي ختام الجلسة الثانية أمس جدد فهد العتيبي دعمه للمشروع.\nوقال: «سنوفر كل ما يلزم».",
			ments: []ment{saad, fahd},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"سنوفر كل ما يلزم", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
			},
		},
		{
			name: "a name in marks after the verb, then a role of ten words (a relative clause in it) up to the comma before the words",
			text: "وأكد \"فواز العايد\"، مدير الشؤون الإعلامية في الهيئة التي تدير مطارات المنطقة الشرقية، \"الرحلات ستعود إلى المطار في الأسبوع المقبل\".",
			want: []spoken{
				{"فواز العايد", "term", nil, false},
				{"الرحلات ستعود إلى المطار في الأسبوع المقبل", "direct", []string{"person فواز العايد «فواز العايد»"}, false},
			},
		},
		{
			name:  "a question put in an interview named two words before its preposition (في مقابلة خاصة مع) is the interviewer's",
			text:  "وقال الوزير محمد السالم في مقابلة خاصة مع قناة «الإخبارية» إن الوضع مستقر.\nوردا على سؤال «هل ستزور طهران قريبا؟»، أجاب السالم: «ليس الآن».",
			ments: []ment{salem, {"الإخبارية", "ORG", "Al Ekhbariya", "SA"}},
			want: []spoken{
				{"الإخبارية", "term", nil, false},
				{"هل ستزور طهران قريبا؟", "direct", []string{"organisation Al Ekhbariya «الإخبارية»"}, false},
				{"ليس الآن", "direct", []string{"person Mohammed Al-Salem «السالم»"}, false},
			},
		},
		{
			name:  "a preposition three words after the interview noun names no interviewer: the question has no speaker",
			text:  "وقال الوزير محمد السالم في مقابلة مطولة خاصة مع قناة «الإخبارية» إن الوضع مستقر.\nوردا على سؤال «هل ستزور طهران قريبا؟»، أجاب السالم: «ليس الآن».",
			ments: []ment{salem, {"الإخبارية", "ORG", "Al Ekhbariya", "SA"}},
			want: []spoken{
				{"الإخبارية", "term", nil, false},
				{"هل ستزور طهران قريبا؟", "direct", nil, false},
				{"ليس الآن", "direct", []string{"person Mohammed Al-Salem «السالم»"}, false},
			},
		},
		{
			name: "a name in marks after the verb, then a comma and a title that end the article",
			text: "وأكد \"فواز العايد\"، مدير الشؤون الإعلامية",
			want: []spoken{{"فواز العايد", "term", nil, false}},
		},
		{
			name:  "a question put in an interview with a person is that person's",
			text:  "وتحدث محمد السالم في مقابلة مع سالم الكعبي عن الموسم.\nوردا على سؤال «هل ستزور طهران قريبا؟»، أجاب السالم: «ليس الآن».",
			ments: []ment{salem, kaabi},
			want: []spoken{
				{"هل ستزور طهران قريبا؟", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"ليس الآن", "direct", []string{"person Mohammed Al-Salem «السالم»"}, false},
			},
		},
		{
			name:  "a meeting with a person is no interview: the question has no speaker",
			text:  "والتقى الوزير محمد السالم في الرياض مع سالم الكعبي.\nوردا على سؤال «هل ستزور طهران قريبا؟»، أجاب السالم: «ليس الآن».",
			ments: []ment{salem, kaabi},
			want: []spoken{
				{"هل ستزور طهران قريبا؟", "direct", nil, false},
				{"ليس الآن", "direct", []string{"person Mohammed Al-Salem «السالم»"}, false},
			},
		},
		{
			name: "a noun no list names before a relative pronoun is the verb's object: the noun after the verb is its subject",
			text: "وأقرت الحكومة الخطة التي وصفها الوزير بـ«الجريئة».",
			want: []spoken{{"الجريئة", "partial", []string{"description الوزير «الوزير»"}, false}},
		},
		{
			name: "fa a time word opening the clause is no subject: the group after it is",
			text: "دیروز منابع آگاه گفتند: «مذاکرات ادامه دارد».",
			want: []spoken{{"مذاکرات ادامه دارد", "direct", []string{"group منابع آگاه «منابع آگاه»"}, false}},
		},
		{
			name: "an attribution to a report a body published names the body",
			text: "وارتفعت الأسعار بنسبة كبيرة بحسب تقرير نشرته الوزارة: «الزيادة مؤقتة».",
			want: []spoken{{"الزيادة مؤقتة", "direct", []string{"organisation الوزارة «الوزارة»"}, false}},
		},
		{
			name: "an attribution to figures names no speaker",
			text: "وبحسب الأرقام الرسمية فإن «الزيادة مؤقتة ولن تستمر طويلا».",
			want: []spoken{{"الزيادة مؤقتة ولن تستمر طويلا", "direct", nil, false}},
		},
		{
			name:  "a description before a name stops at the name: the person speaks",
			text:  "وقال محامي الدفاع خالد العمري: «موكلي بريء».",
			ments: []ment{{"خالد العمري", "PER", "Khalid Al-Omari", "SA"}},
			want:  []spoken{{"موكلي بريء", "direct", []string{"person Khalid Al-Omari «خالد العمري»"}, false}},
		},
		{
			name: "en a capitalised name the recognizer missed right after an inverted verb",
			text: `"We will not sign," said Grace Wanjiru.`,
			want: []spoken{{"We will not sign,", "direct", []string{"person Grace Wanjiru «Grace Wanjiru»"}, false}},
		},
		{
			name: "fa a bare title opening the article is the speaker, as written",
			text: "سخنگو گفت: «مذاکرات ادامه دارد».",
			want: []spoken{{"مذاکرات ادامه دارد", "direct", []string{"description سخنگو «سخنگو»"}, false}},
		},
		{
			name:  "a second cue of the sentence with no complementiser before it opens no reported clause: its speaker goes on",
			text:  "وقال سالم الكعبي: «الأسعار متزنة».\nوسأل الصحفيون بوتين عن الهدنة فأجاب: «لن نوقف القتال».\nوأضاف: «الحوار ممكن في أي وقت».",
			ments: []ment{kaabi, putin},
			want: []spoken{
				{"الأسعار متزنة", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"لن نوقف القتال", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
				{"الحوار ممكن في أي وقت", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
			},
		},
		{
			name:  "a cue with no subject after the sentence's first person, then a cue that goes on",
			text:  "وقال سالم الكعبي: «الأسعار متزنة».\nوتحدث بوتين عن الهدنة فقال: «لن نوقف القتال».\nوأضاف: «الحوار ممكن في أي وقت».",
			ments: []ment{kaabi, putin},
			want: []spoken{
				{"الأسعار متزنة", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"لن نوقف القتال", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
				{"الحوار ممكن في أي وقت", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
			},
		},
		{
			name:  "a title in apposition after a name (فلان، وزير الطاقة) makes him the holder a bare role refers to",
			text:  "التقى سالم الكعبي، وزير الطاقة، ممثلي الشركات.\nوقال الوزير: «الأسعار ستراجع كل شهر».",
			ments: []ment{kaabi},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"person Salem Al-Kaabi «الوزير»"}, false}},
		},
		{
			name:  "the holder a bare role refers to is named as the article's last word",
			text:  "وقال الوزير: «الأسعار ستراجع كل شهر».\nوكان في استقبال الوفد وزير الطاقة سالم الكعبي",
			ments: []ment{kaabi},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"person Salem Al-Kaabi «الوزير»"}, false}},
		},
		{
			name:  "a role with a country is the only person of that country named",
			text:  "وقال الرئيس الإيراني: «لن نتراجع».\nوالتقى مسعود بزشكيان وفدا أوروبيا.",
			ments: []ment{pezeshkian},
			want:  []spoken{{"لن نتراجع", "direct", []string{"person Masoud Pezeshkian «الرئيس الإيراني»"}, false}},
		},
		{
			name:  "a role with a country, two persons of that country named after it: it cannot tell, the role stays as written",
			text:  "وقال الرئيس الإيراني: «لن نتراجع».\nوالتقى مسعود بزشكيان وعباس عراقجي وفدا أوروبيا.",
			ments: []ment{pezeshkian, {"عباس عراقجي", "PER", "Abbas Araghchi", "IR"}},
			want:  []spoken{{"لن نتراجع", "direct", []string{"description الرئيس الإيراني «الرئيس الإيراني»"}, false}},
		},
		{
			name:  "en a role with a place's possessive takes the place's country: the only person of it",
			text:  "Abbas Araghchi met the envoys in Tehran. \"The talks will go on,\" Iran's foreign minister said.",
			ments: []ment{{"Abbas Araghchi", "PER", "Abbas Araghchi", "IR"}, {"Iran", "LOC", "Iran", "IR"}, {"Tehran", "LOC", "Tehran", "IR"}},
			want:  []spoken{{"The talks will go on,", "direct", []string{"person Abbas Araghchi «Iran's foreign minister»"}, false}},
		},
		{
			name:  "five words of description between the verb and the name: the person speaks",
			text:  "وقال مساعد المدرب المحلي الجديد القدير جمال يعقوب: «اللاعبون جاهزون للمباراة».",
			ments: []ment{yaqoub},
			want:  []spoken{{"اللاعبون جاهزون للمباراة", "direct", []string{"person Jamal Yaqoub «جمال يعقوب»"}, false}},
		},
		{
			name:  "six words of description between the verb and the name: the description speaks, as written",
			text:  "وقال مساعد المدرب المحلي الجديد القدير الشاب جمال يعقوب: «اللاعبون جاهزون للمباراة».",
			ments: []ment{yaqoub},
			want:  []spoken{{"اللاعبون جاهزون للمباراة", "direct", []string{"description مساعد المدرب المحلي الجديد القدير «مساعد المدرب المحلي الجديد القدير»"}, false}},
		},
		{
			name:  "the body's name in a role phrase, then two forms of address before the holder's name",
			text:  "وذكر رئيس «لجنة متابعة الأسعار» سعادة الدكتور مطر النيادي أن «الأسعار ستعلن في آخر كل شهر».",
			ments: []ment{{"مطر النيادي", "PER", "Matar Al Neyadi", "AE"}},
			want: []spoken{
				{"لجنة متابعة الأسعار", "term", nil, false},
				{"الأسعار ستعلن في آخر كل شهر", "direct", []string{"person Matar Al Neyadi «مطر النيادي»"}, false},
			},
		},
		{
			name:  "a short whole statement three tokens after the subject is the verb's object: direct",
			text:  "وقال سالم الكعبي مساء أمس الثلاثاء «لا تراجع عن هذا القرار».",
			ments: []ment{kaabi},
			want:  []spoken{{"لا تراجع عن هذا القرار", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name:  "a short statement four tokens after the subject is no longer the verb's object: partial",
			text:  "وقال سالم الكعبي في مساء أمس الثلاثاء «لا تراجع عن هذا القرار».",
			ments: []ment{kaabi},
			want:  []spoken{{"لا تراجع عن هذا القرار", "partial", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name:  "a cue with no subject and no current speaker: the person named twelve sentences back",
			text:  "التقى سالم الكعبي ممثلي الشركات. " + strings.Repeat("وتواصل الفرق عملها في الحقول. ", 11) + "وقال: «الأسعار ستراجع كل شهر».",
			ments: []ment{kaabi},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name:  "a cue with no subject and no current speaker: a person named thirteen sentences back is too far",
			text:  "التقى سالم الكعبي ممثلي الشركات. " + strings.Repeat("وتواصل الفرق عملها في الحقول. ", 12) + "وقال: «الأسعار ستراجع كل شهر».",
			ments: []ment{kaabi},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", nil, false}},
		},
		{
			name:  "the holder's name as the sixth word after the role phrase",
			text:  "وقال وزير الطاقة في حكومة الإمارات العربية المتحدة سالم الكعبي: «الأسعار ستراجع كل شهر».",
			ments: []ment{kaabi},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name:  "a name as the seventh word after the role phrase is too far: the role speaks, as written",
			text:  "وقال وزير الطاقة في حكومة دولة الإمارات العربية المتحدة سالم الكعبي: «الأسعار ستراجع كل شهر».",
			ments: []ment{kaabi},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"description وزير الطاقة «وزير الطاقة»"}, false}},
		},
		{
			name: "a body's name in marks after a title, ending the article, is a term",
			text: "والتقى الوفد رئيس «لجنة متابعة الأسعار»",
			want: []spoken{{"لجنة متابعة الأسعار", "term", nil, false}},
		},
		{
			name: "one quoted word five tokens after the cue's subject is the speaker's word",
			text: "وقال الوزير إن الخطة الجديدة كانت «ناجحة».",
			want: []spoken{{"ناجحة", "partial", []string{"description الوزير «الوزير»"}, false}},
		},
		{
			name: "one quoted word six tokens after the cue's subject is a scare-quoted word",
			text: "وقال الوزير إن نتائج الخطة الجديدة كانت «ناجحة».",
			want: []spoken{{"ناجحة", "term", nil, false}},
		},
		{
			name: "a sentence opening with a copula: the role between it and the verb is the subject",
			text: "وكان الوزير قال في وقت سابق: «الأسعار ستراجع كل شهر».",
			want: []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"description الوزير «الوزير»"}, false}},
		},
	}
	runSpeakerCases(t, tests)
}

// TestReportedBounds checks the extent of reported speech without marks.
func TestReportedBounds(t *testing.T) {
	long := longText(300)
	tests := []struct {
		name string
		text string
		want []spoken
	}{
		{
			// The clause is read for at most 4×clauseMax tokens, so that
			// a sentence without end costs no more than a long one.
			name: "a reported clause longer than its bound is cut at 4×clauseMax tokens",
			text: "وقالت مصادر مطلعة إن " + long + ".",
			want: []spoken{{longText(4 * clauseMax), "indirect", []string{"group مصادر مطلعة «مصادر مطلعة»"}, false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, res, names := build(t, tt.text, nil)
			got := describe(tt.text, names, findAll(t, a, res, true))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("find(%q, indirect) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestInvalidMentions checks that mentions outside the text, empty or
// off rune boundaries are left out: the quotations and speakers are those
// found with the valid mentions alone.
func TestInvalidMentions(t *testing.T) {
	text := "وقال سالم الكعبي: «الأسعار ستراجع كل شهر»."
	a := parse(t, text)
	at := strings.Index(text, "سالم الكعبي")
	name := entities.Mention{Span: article.Span{Start: at, End: at + len("سالم الكعبي")}, Kind: entities.PER, Entity: 0}
	ents := []entities.Entity{{Kind: entities.PER, Name: "Salem Al-Kaabi", Country: "AE"}}
	want := Find(a, &entities.Result{Entities: ents, Mentions: []entities.Mention{name}})
	if len(want) != 1 || len(want[0].Speakers) != 1 || want[0].Speakers[0].Name != "Salem Al-Kaabi" {
		t.Fatalf("Find with a valid mention = %+v, want one quotation of Salem Al-Kaabi", want)
	}
	bad := []article.Span{
		{Start: -1, End: 4},
		{Start: 0, End: len(text) + 1},
		{Start: 5, End: 5},
		{Start: len(text), End: len(text)},
		{Start: at + 1, End: at + 6}, // starts inside a letter
	}
	for _, s := range bad {
		ms := []entities.Mention{{Span: s, Kind: entities.PER, Entity: 0}, name}
		if s.Start > name.Span.Start {
			ms = []entities.Mention{name, {Span: s, Kind: entities.PER, Entity: 0}}
		}
		got := Find(a, &entities.Result{Entities: ents, Mentions: ms})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Find with the invalid mention %v mismatch (-want +got):\n%s", s, diff)
		}
	}
}
