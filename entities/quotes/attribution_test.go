package quotes

import "testing"

// TestAttribution checks the rules of the third round of the speaker
// model: more verbs that introduce words, what after a verb is its object
// rather than its subject, and which short quotations are names. The
// sentences are written for the test; each case names the rule it checks.
func TestAttribution(t *testing.T) {
	tests := []speakerCase{
		{
			name:  "كتب (wrote) with a conjunction introduces the subject's words",
			text:  "وكتبت الروائية سلمى الحربي على حسابها في تويتر: «شكرا لكل من قرأ الرواية».",
			ments: []ment{{"سلمى الحربي", "PER", "Salma Al-Harbi", "SA"}},
			want:  []spoken{{"شكرا لكل من قرأ الرواية", "direct", []string{"person Salma Al-Harbi «سلمى الحربي»"}, false}},
		},
		{
			name:  "bare كتب is as often «books»: no cue without a subject after it",
			text:  "وقال خالد العمري إن المعرض ناجح.\nوتباع في الجناح كتب «تعلم الطبخ في سبعة أيام» بأسعار زهيدة.",
			ments: []ment{{"خالد العمري", "PER", "Khalid Al-Omari", "SA"}},
			want:  []spoken{{"تعلم الطبخ في سبعة أيام", "term", nil, false}},
		},
		{
			name:  "a single letter with a period (د. م.) is an abbreviated form of address before the name",
			text:  "وقال د. سعد الحربي: «الخطة جاهزة».\nوقال م. فهد العتيبي رئيس الجمعية: «المشروع في مرحلته الأخيرة».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}, {"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"المشروع في مرحلته الأخيرة", "direct", []string{"person Fahd Al-Otaibi «فهد العتيبي»"}, false},
			},
		},
		{
			name:  "a run of abbreviations (أ.د.) before the name",
			text:  "وقال مدير الجامعة إن العام الدراسي يبدأ الأحد.\nوتحدث أ.د. منيف الرشيدان أستاذ الكيمياء عن التجربة: «النتائج مبشرة جدا».",
			ments: []ment{{"منيف الرشيدان", "PER", "Munif Al-Rashidan", "SA"}},
			want:  []spoken{{"النتائج مبشرة جدا", "direct", []string{"person Munif Al-Rashidan «منيف الرشيدان»"}, false}},
		},
		{
			name:  "a noun of stance after the verb (أكد أهمية) is its object: the speaker carries over",
			text:  "وقال وزير الخارجية محمد السالم: «العلاقات بين البلدين قوية».\nكما أكد أهمية التعاون «في مواجهة التحديات المشتركة» بين البلدين.\nورأى ضرورة «الإسراع في تنفيذ الاتفاقيات الموقعة».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "KW"}},
			want: []spoken{
				{"العلاقات بين البلدين قوية", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"في مواجهة التحديات المشتركة", "partial", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"الإسراع في تنفيذ الاتفاقيات الموقعة", "partial", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
			},
		},
		{
			name:  "a cue with no subject after a sentence about another person (من جانبه جدد فلان …) is that person speaking",
			text:  "وقال سعد الحربي: «الخطة جاهزة».\nمن جانبه جدد فهد العتيبي دعمه للمشروع في كل مراحله.\nوقال: «سنوفر كل ما يلزم».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}, {"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"سنوفر كل ما يلزم", "direct", []string{"person Fahd Al-Otaibi «فهد العتيبي»"}, false},
			},
		},
		{
			name:  "a verb that says the words go on (وأضاف) keeps the last speaker after a sentence about another",
			text:  "وقال سعد الحربي: «الخطة جاهزة».\nمن جانبه جدد فهد العتيبي دعمه للمشروع في كل مراحله.\nوأضاف: «سنبدأ التنفيذ الشهر المقبل».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}, {"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"سنبدأ التنفيذ الشهر المقبل", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
			},
		},
		{
			name:  "a sentence that opens with the name (a caption) or names him after a preposition does not change the speaker",
			text:  "وقال مصدر في النادي: «الانتخابات باطلة».\nفهد العتيبي مرشحا للرئاسة.\nوقال: «اللائحة واضحة».\nوالتقى الرئيس مع فهد العتيبي أمس.\nوقال: «ننتظر القرار».",
			ments: []ment{{"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want: []spoken{
				{"الانتخابات باطلة", "direct", []string{"description مصدر «مصدر»"}, false},
				{"اللائحة واضحة", "direct", []string{"description مصدر «مصدر»"}, false},
				{"ننتظر القرار", "direct", []string{"description مصدر «مصدر»"}, false},
			},
		},
		{
			name: "a name the recognizer missed in marks after the verb, then a comma and a title, is its subject",
			text: "وفي هذا الصدد أكد \"سامر الخطيب\"، مدير العلاقات العامة في الشركة، \"نحن مستعدون للموسم الجديد بكل طاقتنا\".",
			want: []spoken{
				{"سامر الخطيب", "term", nil, false},
				{"نحن مستعدون للموسم الجديد بكل طاقتنا", "direct", []string{"person سامر الخطيب «سامر الخطيب»"}, false},
			},
		},
		{
			name:  "words in marks after the verb with no title after the comma are no name",
			text:  "وقال محمد السالم: «الفريق جاهز».\nوأكد «جاهزون تماما»، مضيفا أن «الموسم سيكون صعبا».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "SA"}},
			want: []spoken{
				{"الفريق جاهز", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"جاهزون تماما", "partial", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"الموسم سيكون صعبا", "partial", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
			},
		},
		{
			name:  "naming words (مسرحية، فضيحة، يدعى) make the short quotation after them a name, and على هامش announces an event however long its name",
			text:  "وقال المخرج سعود الفرج إن مسرحية «ليالي الحي القديم» حققت نجاحا كبيرا، وإن فضيحة «التذاكر المزورة» لم تؤثر عليها.\nوذكر أحد الجيران، ويدعى «سالم العتيبي»، أن الحريق بدأ ليلا.\nوقال الوزير على هامش «الملتقى الخليجي الأول للطاقة المتجددة والمياه» إن «المشاريع ستبدأ قريبا».",
			ments: []ment{{"سعود الفرج", "PER", "Saud Al-Faraj", "SA"}},
			want: []spoken{
				{"ليالي الحي القديم", "term", nil, false},
				{"التذاكر المزورة", "term", nil, false},
				{"سالم العتيبي", "term", nil, false},
				{"الملتقى الخليجي الأول للطاقة المتجددة والمياه", "term", nil, false},
				{"المشاريع ستبدأ قريبا", "partial", []string{"description الوزير «الوزير»"}, false},
			},
		},
		{
			name:  "statements that another cue's reported clause is about (اعتبر أن تصريحات فلان «…») are characterised by that cue's speaker",
			text:  "واعتبر وزير الخارجية سعد الحربي أن تصريحات علي لاريجاني «غير مسؤولة ولا تخدم استقرار المنطقة».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}, {"علي لاريجاني", "PER", "Ali Larijani", "IR"}},
			want:  []spoken{{"غير مسؤولة ولا تخدم استقرار المنطقة", "partial", []string{"person Saad Al-Harbi «سعد الحربي»"}, false}},
		},
		{
			name:  "short quotations listed after a colon («…»، و«…») are names, not the words the colon introduces",
			text:  "وقال المدير سعد الحربي إنه سيلتقي رعاة البطولة: «نايكي»، و«بيبسي» و«سامسونج» الشهر المقبل.\nوأضاف: «نعم».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}},
			want: []spoken{
				{"نايكي", "term", nil, false},
				{"بيبسي", "term", nil, false},
				{"سامسونج", "term", nil, false},
				{"نعم", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
			},
		},
		{
			name:  "a second role coordinated with the first (عضو المجلس والمتحدث باسمه) is held by the name after both, even one the recognizer missed",
			text:  "وقال عضو مجلس المحافظة والمتحدث الرسمي باسمه فالح العيساوي لـ«الشرق الأوسط» إن «المسلحين شنوا حملة واسعة».",
			ments: []ment{{"الشرق الأوسط", "ORG", "Asharq Al-Awsat", "GB"}},
			want: []spoken{
				{"الشرق الأوسط", "term", nil, false},
				{"المسلحين شنوا حملة واسعة", "direct", []string{"person فالح العيساوي «فالح العيساوي»"}, false},
			},
		},
		{
			name:  "a question put in an interview (في مقابلة مع قناة «…») is the interviewer's; the answer the speaker's",
			text:  "وقال الوزير محمد السالم في مقابلة مع قناة «الإخبارية» إن الوضع مستقر.\nوردا على سؤال «هل ستزور طهران قريبا؟»، أجاب السالم: «ليس الآن».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "KW"}, {"الإخبارية", "ORG", "Al Ekhbariya", "SA"}},
			want: []spoken{
				{"الإخبارية", "term", nil, false},
				{"هل ستزور طهران قريبا؟", "direct", []string{"organisation Al Ekhbariya «الإخبارية»"}, false},
				{"ليس الآن", "direct", []string{"person Mohammed Al-Salem «السالم»"}, false},
			},
		},
		{
			name:  "a question with no interview named has no speaker",
			text:  "وردا على سؤال «هل ستزور طهران قريبا؟»، أجاب الوزير محمد السالم: «ليس الآن».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "KW"}},
			want: []spoken{
				{"هل ستزور طهران قريبا؟", "direct", nil, false},
				{"ليس الآن", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
			},
		},
		{
			name: "a particle before a form as often a noun (وقد كتب) shows the verb; a preposition with a pronoun (فيه، له) is passed over to the subject, and a description does not take the quotation after it as its name",
			text: "ووجدنا دفترا عند الباب وقد كتب فيه أحدهم «حضرنا ولم نجدكم».\nوقال له أحد الحضور: «سنعود غدا».",
			want: []spoken{
				{"حضرنا ولم نجدكم", "partial", []string{"description أحدهم «أحدهم»"}, false},
				{"سنعود غدا", "direct", []string{"description أحد الحضور «أحد الحضور»"}, false},
			},
		},
		{
			name:  "a particle does not make a cue of a verb with another sense (قد تابعت: had followed)",
			text:  "وقال محمد السالم: «القضية مهمة».\nوكانت «الوطن» قد تابعت القضية منذ بدايتها.\nوقال: «سننتظر الحكم».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "SA"}},
			want: []spoken{
				{"القضية مهمة", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"الوطن", "term", nil, false},
				{"سننتظر الحكم", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
			},
		},
		{
			name:  "a report noun's genitive may be a role or a source (تصريحات الطبيب المعالج), not only a name",
			text:  "وسقط اللاعب بعد اصطدامه بالحارس فهد العتيبي.\nونقلت الصحيفة تصريحات الطبيب المعالج للاعب، والذي أكد أن العملية نجحت، وقال: «اللاعب سيعود إلى الملاعب بعد شهرين».",
			ments: []ment{{"فهد العتيبي", "PER", "Fahd Al-Otaibi", "SA"}},
			want:  []spoken{{"اللاعب سيعود إلى الملاعب بعد شهرين", "direct", []string{"description الطبيب المعالج «الطبيب المعالج»"}, false}},
		},
		{
			name:  "a short name in marks inside a role phrase, before the holder's name, is the body's name",
			text:  "وأوضح رئيس الشركة الوطنية للنقل «نقل» سعد الحربي أن «الحافلات الجديدة ستعمل الشهر المقبل».",
			ments: []ment{{"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}},
			want: []spoken{
				{"نقل", "term", nil, false},
				{"الحافلات الجديدة ستعمل الشهر المقبل", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
			},
		},
	}
	runSpeakerCases(t, tests)
}
