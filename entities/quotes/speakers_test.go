package quotes

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/entities"
)

// spoken is one expected quotation with every speaker as "kind name
// «span»" (name: the entity's, else the text at the span).
type spoken struct {
	Text     string
	Kind     string
	Speakers []string
	Implicit bool
}

// describe flattens the quotations found for comparison with spoken.
func describe(src string, names []string, qs []found) []spoken {
	var out []spoken
	for _, q := range qs {
		w := spoken{Text: src[q.Span.Start:q.Span.End], Kind: kindNames[q.Kind], Implicit: q.Implicit}
		for sp := q.speaker; sp != nil; sp = sp.next {
			w.Speakers = append(w.Speakers, fmt.Sprintf("%s %s «%s»", sp.kind, speakerName(src, names, sp), src[sp.span.Start:sp.span.End]))
		}
		out = append(out, w)
	}
	return out
}

// TestSpeakers checks the speaker model: who the article says spoke, as
// a person, an organisation, a group or a description, with roles
// resolved and speakers carried over. The sentences are written for the
// test; each case names the rule it checks.
func TestSpeakers(t *testing.T) {
	putin := ment{"بوتين", "PER", "Vladimir Putin", "RU"}
	erdogan := ment{"أردوغان", "PER", "Recep Tayyip Erdoğan", "TR"}
	macron := ment{"ماكرون", "PER", "Emmanuel Macron", "FR"}
	tests := []speakerCase{
		{
			name:  "organisation in a statement, named by the recognizer",
			text:  "وقالت وزارة الصحة الفلسطينية في بيان: «ارتفع عدد الجرحى إلى مئة».",
			ments: []ment{{"وزارة الصحة الفلسطينية", "ORG", "Palestinian Ministry of Health", "PS"}},
			want:  []spoken{{"ارتفع عدد الجرحى إلى مئة", "direct", []string{"organisation Palestinian Ministry of Health «وزارة الصحة الفلسطينية»"}, false}},
		},
		{
			name:  "a bare definite noun is the organisation named before it",
			text:  "أعلنت وزارة الداخلية إغلاق الطريق الساحلي.\nوقالت الوزارة في بيان: «سيفتح الطريق غدا صباحا».",
			ments: []ment{{"وزارة الداخلية", "ORG", "Ministry of Interior", "SA"}},
			want:  []spoken{{"سيفتح الطريق غدا صباحا", "direct", []string{"organisation Ministry of Interior «الوزارة»"}, false}},
		},
		{
			name: "an organisation the recognizer missed, as written",
			text: "وقال المرصد السوري لحقوق الإنسان: «قتل عشرة مدنيين في القصف».",
			want: []spoken{{"قتل عشرة مدنيين في القصف", "direct", []string{"organisation المرصد السوري لحقوق الإنسان «المرصد السوري لحقوق الإنسان»"}, false}},
		},
		{
			name: "an army speaking as one",
			text: "وقال الجيش في بيان: «دمرنا ثلاثة مخازن للأسلحة».",
			want: []spoken{{"دمرنا ثلاثة مخازن للأسلحة", "direct", []string{"organisation الجيش «الجيش»"}, false}},
		},
		{
			name: "a group, after the one spoken to",
			text: "وقال شهود عيان لـ«الحياة»: «سمعنا ثلاثة انفجارات قبل الفجر».",
			want: []spoken{
				{"الحياة", "term", nil, false},
				{"سمعنا ثلاثة انفجارات قبل الفجر", "direct", []string{"group شهود عيان «شهود عيان»"}, false},
			},
		},
		{
			name: "an unnamed source, described as written",
			text: "وقال مصدر عسكري رفيع: «القوات تتقدم نحو المطار».",
			want: []spoken{{"القوات تتقدم نحو المطار", "direct", []string{"description مصدر عسكري رفيع «مصدر عسكري رفيع»"}, false}},
		},
		{
			name: "one of the residents",
			text: "وقال أحد سكان الحي: «لم ننم طوال الليل».",
			want: []spoken{{"لم ننم طوال الليل", "direct", []string{"description أحد سكان الحي «أحد سكان الحي»"}, false}},
		},
		{
			name:  "one of them said to a named person: the speaker is the one, not the addressee",
			text:  "وقال أحدهم للدكتور سامي العلي في الندوة: «الشعر ديوان العرب كله».",
			ments: []ment{{"سامي العلي", "PER", "Sami Al-Ali", "SA"}},
			want:  []spoken{{"الشعر ديوان العرب كله", "direct", []string{"description أحدهم «أحدهم»"}, false}},
		},
		{
			name: "a definite noun refers back to the description it repeats",
			text: "وقال مصدر أمني: «اعتقلنا خمسة مشتبه بهم». وأضاف المصدر في اتصال هاتفي: «التحقيق مستمر مع الجميع».",
			want: []spoken{
				{"اعتقلنا خمسة مشتبه بهم", "direct", []string{"description مصدر أمني «مصدر أمني»"}, false},
				{"التحقيق مستمر مع الجميع", "direct", []string{"description مصدر أمني «مصدر أمني»"}, false},
			},
		},
		{
			name: "the subject after the one spoken to (كشفت لـ«…» مصادر)",
			text: "وكشفت لـ«الوطن» مصادر مطلعة أن «المفاوضات وصلت إلى طريق مسدود».",
			want: []spoken{
				{"الوطن", "term", nil, false},
				{"المفاوضات وصلت إلى طريق مسدود", "direct", []string{"group مصادر مطلعة «مصادر مطلعة»"}, false},
			},
		},
		{
			name:  "a role in apposition after a comma",
			text:  "وقال وزير الخارجية السعودي، فيصل بن فرحان: «نرحب بالاتفاق».",
			ments: []ment{{"فيصل بن فرحان", "PER", "Faisal bin Farhan", "SA"}},
			want:  []spoken{{"نرحب بالاتفاق", "direct", []string{"person Faisal bin Farhan «فيصل بن فرحان»"}, false}},
		},
		{
			name:  "the spokesman of a body, then his rank and name",
			text:  "وقال المتحدث باسم الجيش العميد يحيى سريع: «استهدفنا السفينة بصاروخين».",
			ments: []ment{{"يحيى سريع", "PER", "Yahya Saree", "YE"}},
			want:  []spoken{{"استهدفنا السفينة بصاروخين", "direct", []string{"person Yahya Saree «يحيى سريع»"}, false}},
		},
		{
			name:  "a bare role is the holder the article named before",
			text:  "التقى وزير الطاقة سهيل المزروعي ممثلي الشركات.\nوقال الوزير: «الأسعار ستراجع كل شهر».",
			ments: []ment{{"سهيل المزروعي", "PER", "Suhail Al Mazrouei", "AE"}},
			want:  []spoken{{"الأسعار ستراجع كل شهر", "direct", []string{"person Suhail Al Mazrouei «الوزير»"}, false}},
		},
		{
			name:  "a bare role is the holder the article names after it",
			text:  "وقال المتحدث باسم الشرطة: «أغلقنا الشوارع المؤدية إلى الساحة».\nوكان المتحدث باسم الشرطة العقيد خالد المطيري قد حذر من التجمع.",
			ments: []ment{{"خالد المطيري", "PER", "Khalid Al-Mutairi", "KW"}},
			want:  []spoken{{"أغلقنا الشوارع المؤدية إلى الساحة", "direct", []string{"person Khalid Al-Mutairi «المتحدث باسم الشرطة»"}, false}},
		},
		{
			name:  "several speakers at once",
			text:  "وقال محمد العلي وسعيد الحربي في بيان مشترك: «نرفض هذه الاتهامات».",
			ments: []ment{{"محمد العلي", "PER", "Mohammed Al-Ali", "SA"}, {"سعيد الحربي", "PER", "Saeed Al-Harbi", "SA"}},
			want:  []spoken{{"نرفض هذه الاتهامات", "direct", []string{"person Mohammed Al-Ali «محمد العلي»", "person Saeed Al-Harbi «سعيد الحربي»"}, false}},
		},
		{
			name:  "a capital speaking for its government is that government, as an organisation",
			text:  "وقالت واشنطن إن «الاتفاق لن يصمد».",
			ments: []ment{{"واشنطن", "LOC", "Washington, D.C.", "US"}},
			want:  []spoken{{"الاتفاق لن يصمد", "partial", []string{"organisation Washington, D.C. «واشنطن»"}, false}},
		},
		{
			name:  "a place after a preposition is never the speaker",
			text:  "وفي القاهرة قال: «الحوار هو الحل الوحيد».",
			ments: []ment{{"القاهرة", "LOC", "Cairo", "EG"}},
			want:  []spoken{{"الحوار هو الحل الوحيد", "direct", nil, false}},
		},
		{
			name: "a title after a naming word and a colon is a term",
			text: "وألقى الداعية محاضرة بعنوان: «آداب المسجد وأحكامه في الفقه».",
			want: []spoken{{"آداب المسجد وأحكامه في الفقه", "term", nil, false}},
		},
		{
			name: "names listed in reported speech are terms",
			text: "وأعلنت الشركة أن شبكتها تضم ثلاثة خطوط، «الخط الأزرق» من الشمال إلى الجنوب، أما «الخط الأحمر» فيربط المطار بالميناء.",
			want: []spoken{{"الخط الأزرق", "term", nil, false}, {"الخط الأحمر", "term", nil, false}},
		},
		{
			name: "coordinated quoted names are terms",
			text: "وقال المسؤول إن القرار يشمل مادتي «البنزين» و«الديزل» فقط.",
			want: []spoken{{"البنزين", "term", nil, false}, {"الديزل", "term", nil, false}},
		},
		{
			name: "one quoted word in a relative clause after the cue is a name",
			text: "وقال المحلل الذي تنشر «الجريدة» مقالاته: «السوق تحتاج إلى وقت».",
			want: []spoken{
				{"الجريدة", "term", nil, false},
				{"السوق تحتاج إلى وقت", "direct", []string{"description المحلل «المحلل»"}, false},
			},
		},
		{
			name: "one quoted word opening a reported clause is its subject, a name",
			text: "وأشار الوزير إلى أن «ساهر» خفض الحوادث بنسبة كبيرة.",
			want: []spoken{{"ساهر", "term", nil, false}},
		},
		{
			name: "one quoted word far from its cue is a scare-quoted word",
			text: "وقال الوزير إن الحكومة التي تواجه منذ أشهر أزمة «خانقة» لن تستقيل.",
			want: []spoken{{"خانقة", "term", nil, false}},
		},
		{
			name:  "a bare form that is as often a noun is a verb when a subject and reported speech follow",
			text:  "ذكر المتحدث باسم الوزارة أحمد سالم أن «الرحلات ستعود الأسبوع المقبل».",
			ments: []ment{{"أحمد سالم", "PER", "Ahmed Salem", "EG"}},
			want:  []spoken{{"الرحلات ستعود الأسبوع المقبل", "direct", []string{"person Ahmed Salem «أحمد سالم»"}, false}},
		},
		{
			name: "a bare form used as a noun is no cue",
			text: "وفي ذكر الشهداء قرأ الإمام «سورة الفاتحة» على الحضور.",
			want: []spoken{{"سورة الفاتحة", "term", nil, false}},
		},
		{
			name:  "an attribution takes no common noun: the current speaker goes on",
			text:  "وقال الوزير سالم الكعبي: «الأسعار متزنة». وأكد أن الأسعار وضعت وفق أفضل المعايير الدولية. وأضاف: «لن نرفعها هذا العام».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"الأسعار متزنة", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"لن نرفعها هذا العام", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name:  "قوله takes the name after عن only when it runs up to it",
			text:  "وتحدث سعيد الخالدي عن حزب الله وإيران وصولا إلى قوله إن «المنطقة كلها ستدفع الثمن».",
			ments: []ment{{"سعيد الخالدي", "PER", "Saeed Al-Khalidi", "KW"}, {"حزب الله", "ORG", "Hezbollah", "LB"}},
			want:  []spoken{{"المنطقة كلها ستدفع الثمن", "direct", []string{"person Saeed Al-Khalidi «سعيد الخالدي»"}, false}},
		},
		{
			name:  "a whole clause quoted after a bare complementiser is direct",
			text:  "وأوضح الوزير سالم الكعبي أن «الأسعار ستخضع للمراجعة كل شهر».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want:  []spoken{{"الأسعار ستخضع للمراجعة كل شهر", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name:  "the name of a body inside a role phrase is a term; the holder's name is read past it",
			text:  "وذكر رئيس «لجنة متابعة الأسعار» الدكتور مطر النيادي أن «الأسعار ستعلن في آخر كل شهر».",
			ments: []ment{{"مطر النيادي", "PER", "Matar Al Neyadi", "AE"}},
			want: []spoken{
				{"لجنة متابعة الأسعار", "term", nil, false},
				{"الأسعار ستعلن في آخر كل شهر", "direct", []string{"person Matar Al Neyadi «مطر النيادي»"}, false},
			},
		},
		{
			name:  "a quotation with no cue continues the speaker",
			text:  "وقال بوتين: «لن نقبل بأي شروط».\n\n«ونحن مستعدون للحوار في أي وقت، لكن ليس تحت الضغط ولا بالتهديد».",
			ments: []ment{putin},
			want: []spoken{
				{"لن نقبل بأي شروط", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
				{"ونحن مستعدون للحوار في أي وقت، لكن ليس تحت الضغط ولا بالتهديد", "direct", []string{"person Vladimir Putin «بوتين»"}, true},
			},
		},
		{
			// Mutation check (issue 17): with the window test `<=
			// carryParas` made `<`, the cue two paragraphs out falls back
			// to the nearest person named (Erdoğan).
			name:  "carry-over two paragraphs out: the speaker goes on",
			text:  "وقال بوتين: «لن نقبل بأي شروط».\n\nواستقبل أردوغان وفدا من رجال الأعمال في أنقرة.\n\nوأضاف: «الغرب يتحمل المسؤولية».",
			ments: []ment{putin, erdogan},
			want: []spoken{
				{"لن نقبل بأي شروط", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
				{"الغرب يتحمل المسؤولية", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
			},
		},
		{
			// Mutation check (issue 17): without the paragraph distance
			// test, the stale speaker (Putin) would be carried three
			// paragraphs out.
			name:  "carry-over three paragraphs out: the speaker is stale, the person last named speaks",
			text:  "وقال بوتين: «لن نقبل بأي شروط».\n\nواستقبل أردوغان وفدا من رجال الأعمال في أنقرة.\n\nوبحث الجانبان سبل زيادة التبادل التجاري.\n\nوقال: «التعاون سيتوسع في العام المقبل».",
			ments: []ment{putin, erdogan},
			want: []spoken{
				{"لن نقبل بأي شروط", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
				{"التعاون سيتوسع في العام المقبل", "direct", []string{"person Recep Tayyip Erdoğan «أردوغان»"}, false},
			},
		},
		{
			// Mutation check (issue 17): if the agent of a passive were
			// kept as the current speaker, «وأضاف» would be Macron's.
			name:  "the agent of a passive is not carried to a later cue",
			text:  "وقال بوتين: «لن نقبل بأي شروط».\n\nويوصف الاتفاق من قبل ماكرون بـ«التاريخي».\n\nوأضاف: «الغرب يتحمل المسؤولية».",
			ments: []ment{putin, macron},
			want: []spoken{
				{"لن نقبل بأي شروط", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
				{"التاريخي", "partial", []string{"person Emmanuel Macron «ماكرون»"}, false},
				{"الغرب يتحمل المسؤولية", "direct", []string{"person Vladimir Putin «بوتين»"}, false},
			},
		},
		{
			name:  "a demonstrative alone is the object, not the subject: the speaker goes on",
			text:  "وقال الوزير سالم الكعبي: «الأسعار متزنة». وأكد ذلك في مؤتمر صحفي وقال: «لن نرفعها».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"الأسعار متزنة", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"لن نرفعها", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name:  "a frequent verb after the speech verb is no subject",
			text:  "وقال سالم الكعبي: «الأسعار متزنة». وأضاف يجب أن «نحمي المستهلك قبل كل شيء».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"الأسعار متزنة", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"نحمي المستهلك قبل كل شيء", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name:  "a question put to the speaker is not his words",
			text:  "وردا على سؤال «هل سترفع الحكومة الأسعار؟»، أجاب سالم الكعبي: «لا نية لذلك».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"هل سترفع الحكومة الأسعار؟", "direct", nil, false},
				{"لا نية لذلك", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name:  "a long role, its body and an honorific before the name",
			text:  "وأكد الأمين العام لمجلس التعاون الخليجي الدكتور جاسم البديوي أن «الوحدة الخليجية خيار استراتيجي».",
			ments: []ment{{"جاسم البديوي", "PER", "Jasem Albudaiwi", "KW"}, {"مجلس التعاون الخليجي", "ORG", "Gulf Cooperation Council", "SA"}},
			want:  []spoken{{"الوحدة الخليجية خيار استراتيجي", "direct", []string{"person Jasem Albudaiwi «جاسم البديوي»"}, false}},
		},
		{
			name:  "an agency quoting a person (عن فلان قوله)",
			text:  "ونقلت وكالة الأنباء السعودية عن سالم الكعبي قوله: «العمل مستمر».",
			ments: []ment{{"وكالة الأنباء السعودية", "ORG", "Saudi Press Agency", "SA"}, {"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want:  []spoken{{"العمل مستمر", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name: "according to what a newspaper reported",
			text: "وارتفعت الأسعار بنسبة عشرة في المئة، وفقا لما ذكرته صحيفة «الوطن» التي وصفت الزيادة بـ«المفاجئة».",
			want: []spoken{
				{"الوطن", "term", nil, false},
				{"المفاجئة", "partial", []string{"organisation صحيفة «الوطن» «صحيفة «الوطن»»"}, false},
			},
		},
		{
			name:  "en a spokesman in apposition after the name",
			text:  `Omar Haddad, a spokesman for the Red Crescent, said: "The convoy reached the town at dawn."`,
			ments: []ment{{"Omar Haddad", "PER", "Omar Haddad", "JO"}, {"Red Crescent", "ORG", "Red Crescent", ""}},
			want:  []spoken{{"The convoy reached the town at dawn.", "direct", []string{"person Omar Haddad «Omar Haddad»"}, false}},
		},
		{
			name: "fa a group of sources",
			text: "منابع آگاه در تهران گفتند: «مذاکرات ادامه دارد».",
			want: []spoken{{"مذاکرات ادامه دارد", "direct", []string{"group منابع آگاه «منابع آگاه»"}, false}},
		},
		{
			name: "fa an unnamed official, described as written",
			text: "یک مقام آگاه گفت: «توافق نزدیک است».",
			want: []spoken{{"توافق نزدیک است", "direct", []string{"description مقام آگاه «مقام آگاه»"}, false}},
		},
		{
			name:  "fa a ministry speaking as one",
			text:  "وزارت امور خارجه ایران در بیانیه‌ای اعلام کرد: «این اقدام غیرقانونی است».",
			ments: []ment{{"ایران", "LOC", "Iran", "IR"}},
			want:  []spoken{{"این اقدام غیرقانونی است", "direct", []string{"organisation وزارت امور خارجه ایران «وزارت امور خارجه ایران»"}, false}},
		},
		{
			name:  "fa a place after a preposition is no subject",
			text:  "در تهران، عراقچی گفت: «ایران به دنبال جنگ نیست».",
			ments: []ment{{"تهران", "LOC", "Tehran", "IR"}, {"عراقچی", "PER", "Abbas Araghchi", "IR"}},
			want:  []spoken{{"ایران به دنبال جنگ نیست", "direct", []string{"person Abbas Araghchi «عراقچی»"}, false}},
		},
		{
			name:  "en a capital after a preposition is no speaker",
			text:  `"We will not sign," said Wanjiru in Nairobi. "The levy must go," she added.`,
			ments: []ment{{"Wanjiru", "PER", "Grace Wanjiru", "KE"}, {"Nairobi", "LOC", "Nairobi", "KE"}},
			want: []spoken{
				{"We will not sign,", "direct", []string{"person Grace Wanjiru «Wanjiru»"}, false},
				{"The levy must go,", "direct", []string{"person Grace Wanjiru «Wanjiru»"}, false},
			},
		},
		{
			name:  "en a partial quote from a federation",
			text:  `The Kenya Farmers Federation called the levy "a tax on hunger".`,
			ments: []ment{{"Kenya Farmers Federation", "ORG", "Kenya Farmers Federation", "KE"}},
			want:  []spoken{{"a tax on hunger", "partial", []string{"organisation Kenya Farmers Federation «Kenya Farmers Federation»"}, false}},
		},
		{
			name: "en a group of witnesses",
			text: `"The shooting went on for an hour," witnesses told reporters.`,
			want: []spoken{{"The shooting went on for an hour,", "direct", []string{"group witnesses «witnesses»"}, false}},
		},
	}
	runSpeakerCases(t, tests)
}

// speakerCase is a table case of the speaker model: a text, the mentions
// a recognizer would give it, and the quotations with their speakers.
type speakerCase struct {
	name  string
	text  string
	ments []ment
	want  []spoken
}

// runSpeakerCases runs each case through the Finder and compares what it
// finds; a term with a speaker is an error in every case.
func runSpeakerCases(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, res, names := build(t, tt.text, tt.ments)
			got := describe(tt.text, names, findAll(t, a, res, false))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			for _, q := range got {
				if q.Kind == entities.Term.String() && len(q.Speakers) > 0 {
					t.Errorf("term %q has a speaker", q.Text)
				}
			}
		})
	}
}
