package quotes

import "testing"

// TestResolution checks how the speaker model resolves what stands where
// a speaker's name would (a pronoun, an honorific, a role, a description)
// to the person the article names, and what it keeps from being a
// speaker at all. The sentences are written for the test; each case
// names the rule it checks.
func TestResolution(t *testing.T) {
	tests := []speakerCase{
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
		{
			name:  "a role's holder named past the body and the place of the role",
			text:  "وكشف مدير الخدمات الفنية والهندسية بفرع هيئة الطيران المدني بمنطقة المدينة المنورة خالد الحربي أن «المطار سيكتمل العام المقبل».",
			ments: []ment{{"هيئة الطيران المدني", "ORG", "General Authority of Civil Aviation", "SA"}, {"المدينة المنورة", "LOC", "Medina", "SA"}, {"خالد الحربي", "PER", "Khalid Al-Harbi", "SA"}},
			want:  []spoken{{"المطار سيكتمل العام المقبل", "direct", []string{"person Khalid Al-Harbi «خالد الحربي»"}, false}},
		},
		{
			name:  "a description with its complement (على) and a form of address before the name",
			text:  "وقال المشرف العام على إدارة المرور المهندس سامي الدوسري: «سنغلق الطريق ليلا».",
			ments: []ment{{"إدارة المرور", "ORG", "Traffic Department", "SA"}, {"سامي الدوسري", "PER", "Sami Al-Dosari", "SA"}},
			want:  []spoken{{"سنغلق الطريق ليلا", "direct", []string{"person Sami Al-Dosari «سامي الدوسري»"}, false}},
		},
		{
			name:  "a name after a preposition that leads to no body is another's (في اتصال بنظيره)",
			text:  "وقال وزير الخارجية في اتصال هاتفي بنظيره الروسي سيرغي لافروف: «الحل سياسي فقط».",
			ments: []ment{{"سيرغي لافروف", "PER", "Sergey Lavrov", "RU"}},
			want:  []spoken{{"الحل سياسي فقط", "direct", []string{"description وزير الخارجية «وزير الخارجية»"}, false}},
		},
		{
			name:  "the name after a title with a preposition is that title's holder (مستشار للرئيس فلان)",
			text:  "وقال مستشار للرئيس محمد السالم: «الخطوة مهمة للجميع».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "KW"}},
			want:  []spoken{{"الخطوة مهمة للجميع", "direct", []string{"description مستشار «مستشار»"}, false}},
		},
		{
			name:  "an attribution right after another cue names the channel, not the speaker (مضيفا، بحسب ما ذكره الموقع)",
			text:  "وقال المدرب سالم العنزي إن الصفقة مهمة للفريق، مضيفا، بحسب ما ذكره موقع النادي على الإنترنت: «اللاعب سيضيف الكثير».\nوتابع: «ننتظر منه الأهداف».",
			ments: []ment{{"سالم العنزي", "PER", "Salem Al-Anazi", "SA"}},
			want: []spoken{
				{"اللاعب سيضيف الكثير", "direct", []string{"person Salem Al-Anazi «سالم العنزي»"}, false},
				{"ننتظر منه الأهداف", "direct", []string{"person Salem Al-Anazi «سالم العنزي»"}, false},
			},
		},
		{
			name:  "an attribution right after a participle names the channel (مضيفا بحسب الوكالة)",
			text:  "وشكر اللاعب فهد المولد الجماهير على دعمها، مضيفا بحسب وكالة الأنباء: «سأبذل كل جهدي».",
			ments: []ment{{"فهد المولد", "PER", "Fahad Al-Muwallad", "SA"}, {"وكالة الأنباء", "ORG", "News Agency", "SA"}},
			want:  []spoken{{"سأبذل كل جهدي", "direct", []string{"person Fahad Al-Muwallad «فهد المولد»"}, false}},
		},
		{
			name:  "an attribution of its own names the speaker",
			text:  "وارتفعت الأسعار مجددا. وبحسب صحيفة الوطن: «الأسعار سترتفع مرة أخرى».",
			ments: []ment{{"الوطن", "ORG", "Al Watan", "SA"}},
			want:  []spoken{{"الأسعار سترتفع مرة أخرى", "direct", []string{"organisation Al Watan «صحيفة الوطن»"}, false}},
		},
		{
			name:  "a time phrase after the verb is no subject (وقال عقب المباراة)",
			text:  "واعترف اللاعب ماجد السالم بخطئه وقال عقب المباراة: «لم أكن في مستواي».",
			ments: []ment{{"ماجد السالم", "PER", "Majed Al-Salem", "SA"}},
			want:  []spoken{{"لم أكن في مستواي", "direct", []string{"person Majed Al-Salem «ماجد السالم»"}, false}},
		},
		{
			name: "تحدث is a speech verb: its subject speaks, not the last source",
			text: "وقال مصدر في النادي: «العقد جاهز للتوقيع».\nوتحدث المهاجم إلى الصحفيين قائلا: «أنا سعيد هنا».",
			want: []spoken{
				{"العقد جاهز للتوقيع", "direct", []string{"description مصدر «مصدر»"}, false},
				{"أنا سعيد هنا", "direct", []string{"description المهاجم «المهاجم»"}, false},
			},
		},
		{
			name:  "a name the recognizer missed, right after the role phrase, is the speaker",
			text:  "وذكر مدير السوق الشعبي بمهرجان الأحساء سلمان البراك، أن «الإقبال كبير هذا العام».",
			ments: []ment{{"الأحساء", "LOC", "Al-Ahsa", "SA"}},
			want:  []spoken{{"الإقبال كبير هذا العام", "direct", []string{"person سلمان البراك «سلمان البراك»"}, false}},
		},
		{
			name: "words of time after a role are no name, nor part of the role",
			text: "وقال وزير المالية صباح اليوم إن «العجز سينخفض في العام المقبل».",
			want: []spoken{{"العجز سينخفض في العام المقبل", "direct", []string{"description وزير المالية «وزير المالية»"}, false}},
		},
		{
			name:  "a bare title refers back to a holder of the same title word",
			text:  "وقال مدير الجامعة خالد السالم: «القبول يبدأ غدا».\nوأضاف المدير: «لدينا مقاعد كافية».",
			ments: []ment{{"خالد السالم", "PER", "Khalid Al-Salem", "SA"}},
			want: []spoken{
				{"القبول يبدأ غدا", "direct", []string{"person Khalid Al-Salem «خالد السالم»"}, false},
				{"لدينا مقاعد كافية", "direct", []string{"person Khalid Al-Salem «المدير»"}, false},
			},
		},
		{
			name:  "a title with words of its own is another role, not the last holder of its title word",
			text:  "وقال مدير الجامعة خالد السالم: «القبول يبدأ غدا».\nوقال مدير النادي الأدبي في المدينة: «الأمسية تقام مساء الخميس».",
			ments: []ment{{"خالد السالم", "PER", "Khalid Al-Salem", "SA"}},
			want: []spoken{
				{"القبول يبدأ غدا", "direct", []string{"person Khalid Al-Salem «خالد السالم»"}, false},
				{"الأمسية تقام مساء الخميس", "direct", []string{"description مدير النادي الأدبي «مدير النادي الأدبي»"}, false},
			},
		},
		{
			name:  "a quotation left open after a speech verb runs to the end of its paragraph",
			text:  "وقال الوزير سالم الكعبي: «الأسعار متزنة». وأضاف «لن نرفعها هذا العام مهما حدث.\nوفي سياق آخر افتتح الوزير معرضا.",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"الأسعار متزنة", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"لن نرفعها هذا العام مهما حدث.", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name: "a long title after a word that announces one is a term, with no colon too",
			text: "وقال المنظم إن الندوة الثانية جاءت بعنوان «كيف نربي أبناءنا على حب القراءة في زمن الشاشات»، وحضرها مئة شخص.",
			want: []spoken{{"كيف نربي أبناءنا على حب القراءة في زمن الشاشات", "term", nil, false}},
		},
		{
			name: "a name after مسمى is a term",
			text: "وأوضح المنظم أن اختيار مسمى «ليالي الحصاد» جاء تكريما للمزارعين.",
			want: []spoken{{"ليالي الحصاد", "term", nil, false}},
		},
		{
			name:  "a person's name in marks right after the verb is its subject, a term",
			text:  "وافتتح الدكتور خالد السالم المعرض أمس.\nوأكد «السالم» أن «المعرض سيستمر حتى نهاية الشهر المقبل».",
			ments: []ment{{"خالد السالم", "PER", "Khalid Al-Salem", "SA"}},
			want: []spoken{
				{"السالم", "term", nil, false},
				{"المعرض سيستمر حتى نهاية الشهر المقبل", "direct", []string{"person Khalid Al-Salem «خالد السالم»"}, false},
			},
		},
		{
			name: "a naming word with a possessive pronoun (في كتابه، روايتها) names what follows",
			text: "وقال الناقد إن الكاتب وصف المدينة في كتابه «أيام الساحل»، وإن زوجته عادت إليها في روايتها «بيت على البحر».",
			want: []spoken{{"أيام الساحل", "term", nil, false}, {"بيت على البحر", "term", nil, false}},
		},
		{
			name: "a plan's name after مخطط is a term",
			text: "وقال المسؤول إن الحكومة ستطلق مخطط «المدن الذكية» العام المقبل.",
			want: []spoken{{"المدن الذكية", "term", nil, false}},
		},
		{
			name: "تابع with no conjunction and an object after it is «followed», no speech",
			text: "وكانت «الأيام» قد تابعت القضية ونشرت تقريرا مفصلا عنها.",
			want: []spoken{{"الأيام", "term", nil, false}},
		},
		{
			name:  "تابع with a subject and a colon is speech",
			text:  "تابع الوزير سالم الكعبي: «سنراجع الأسعار كل شهر».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want:  []spoken{{"سنراجع الأسعار كل شهر", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false}},
		},
		{
			name:  "a short name opening the sentence after a colon is a term, not the words the colon introduces",
			text:  "الوزير سالم الكعبي: «مهرجان الصيف» يجمع الأسر من كل المدن\n\nوسئل سالم الكعبي عن الأسعار فقال: «لا» مضيفا أن الأسواق مستقرة.\n\nوقال سالم الكعبي: «نعم»، ثم غادر القاعة.",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"مهرجان الصيف", "term", nil, false},
				{"لا", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
				{"نعم", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name: "a definite description with words of its own is as written; a bare definite noun refers back",
			text: "وقال مصدر مقرب من اللاعب: «لم يقرر بعد».\nوأكد المصدر المقرب من عائلة اللاعب أن «العرض الجديد مغر جدا».\nوأضاف المصدر: «القرار خلال أيام».",
			want: []spoken{
				{"لم يقرر بعد", "direct", []string{"description مصدر مقرب «مصدر مقرب»"}, false},
				{"العرض الجديد مغر جدا", "direct", []string{"description المصدر المقرب «المصدر المقرب»"}, false},
				{"القرار خلال أيام", "direct", []string{"description المصدر المقرب «المصدر المقرب»"}, false},
			},
		},
		{
			name:  "بقوله introduces the words of the sentence's subject",
			text:  "وحمل المواطن سعد الغامدي البلدية مسؤولية الحادث بقوله «لم يصلحوا الحفرة رغم البلاغات الكثيرة».",
			ments: []ment{{"سعد الغامدي", "PER", "Saad Al-Ghamdi", "SA"}},
			want:  []spoken{{"لم يصلحوا الحفرة رغم البلاغات الكثيرة", "direct", []string{"person Saad Al-Ghamdi «سعد الغامدي»"}, false}},
		},
		{
			name:  "a cue inside another's reported clause speaks for its own words; the reporter stays the current speaker",
			text:  "وأشار الوزير سالم الكعبي إلى أن آخر ما قاله المدير المستقيل «سأعود قريبا إلى العمل».\nوأضاف: «لن نقبل عودته».",
			ments: []ment{{"سالم الكعبي", "PER", "Salem Al-Kaabi", "AE"}},
			want: []spoken{
				{"سأعود قريبا إلى العمل", "direct", []string{"description المدير المستقيل «المدير المستقيل»"}, false},
				{"لن نقبل عودته", "direct", []string{"person Salem Al-Kaabi «سالم الكعبي»"}, false},
			},
		},
		{
			name:  "a time phrase after the verb (a weekday, يوم الخميس، صباح أمس، الأسبوع الماضي) is no subject",
			text:  "وقال الوزير محمد السالم: «الخطوة مهمة».\nوأضاف الثلاثاء في مؤتمر صحفي: «سنبدأ قريبا».\nوأكد يوم الخميس الماضي: «لا تأجيل».\nوقال صباح أمس: «الفرق جاهزة».\nوأوضح الأسبوع الماضي: «الميزانية كافية».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "SA"}},
			want: []spoken{
				{"الخطوة مهمة", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"سنبدأ قريبا", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"لا تأجيل", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"الفرق جاهزة", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"الميزانية كافية", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
			},
		},
		{
			name: "a missed name after a rank may end in a word that reads as a nationality (منصور التركي)",
			text: "وأوضح المتحدث الرسمي لوزارة الداخلية اللواء منصور التركي أن «الجناة اعتقلوا جميعا قبل الفجر».",
			want: []spoken{{"الجناة اعتقلوا جميعا قبل الفجر", "direct", []string{"person منصور التركي «منصور التركي»"}, false}},
		},
		{
			name: "the subject between a copula and its verb (وكانت صحيفة «…» قد ذكرت)",
			text: "وكانت صحيفة «الأيام» قد ذكرت أن «المفاوضات متعثرة منذ أسابيع».",
			want: []spoken{
				{"الأيام", "term", nil, false},
				{"المفاوضات متعثرة منذ أسابيع", "direct", []string{"organisation صحيفة «الأيام» «صحيفة «الأيام»»"}, false},
			},
		},
		{
			name:  "verbs of expressing (نوه، أعرب عن) introduce the subject's words",
			text:  "ونوه محمد السالم بأن «الطلاب جاهزون للاختبارات».\nوأعرب سعد الحربي عن أمله في أن «تنتهي الأزمة قريبا».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "SA"}, {"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}},
			want: []spoken{
				{"الطلاب جاهزون للاختبارات", "partial", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"تنتهي الأزمة قريبا", "partial", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
			},
		},
		{
			name:  "a surname the recognizer left alone is the person named in full before",
			text:  "وقال الوزير محمد السالم: «الخطة جاهزة».\nوقال مدير الشركة سعد الحربي: «نحن مستعدون».\nوأضاف السالم، الذي كان يتحدث للصحفيين، أن «القرار نهائي ولا رجعة فيه».",
			ments: []ment{{"محمد السالم", "PER", "Mohammed Al-Salem", "SA"}, {"سعد الحربي", "PER", "Saad Al-Harbi", "SA"}},
			want: []spoken{
				{"الخطة جاهزة", "direct", []string{"person Mohammed Al-Salem «محمد السالم»"}, false},
				{"نحن مستعدون", "direct", []string{"person Saad Al-Harbi «سعد الحربي»"}, false},
				{"القرار نهائي ولا رجعة فيه", "direct", []string{"person Mohammed Al-Salem «السالم»"}, false},
			},
		},
		{
			name:  "a definite type word of an organisation's name (اللجنة) is the body named before",
			text:  "أعلنت اللجنة الأولمبية السعودية أسماء المشاركين في الدورة.\nوقالت اللجنة في بيان: «نتمنى التوفيق للجميع».",
			ments: []ment{{"اللجنة الأولمبية السعودية", "ORG", "Saudi Olympic Committee", "SA"}},
			want:  []spoken{{"نتمنى التوفيق للجميع", "direct", []string{"organisation Saudi Olympic Committee «اللجنة»"}, false}},
		},
		{
			name: "a naming word with a pronoun before a colon is no title word (طلب عدم الكشف عن اسمه: «…»)",
			text: "وقال مسؤول في الوزارة، طلب عدم الكشف عن اسمه: «القرار صدر».",
			want: []spoken{{"القرار صدر", "direct", []string{"description مسؤول «مسؤول»"}, false}},
		},
	}
	runSpeakerCases(t, tests)
}
