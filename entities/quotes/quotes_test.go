package quotes

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// ment describes the mentions of a test text: every occurrence of Text is
// a mention of the entity called Name.
type ment struct {
	Text, Kind, Name, Country string
}

// want is one expected quotation: its text, kind, the speaker's name ("" for
// none) and the text at the speaker's span ("" for none).
type want struct {
	Text, Kind, Speaker, From string
}

// parse parses text as an article.
func parse(tb testing.TB, text string) *article.Article {
	tb.Helper()
	a, err := article.Parse(text)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// build parses text and makes a result with mentions at every occurrence
// of each ment's text, and returns the names of its entities.
func build(tb testing.TB, text string, ms []ment) (*article.Article, *entities.Result, []string) {
	tb.Helper()
	a := parse(tb, text)
	res := &entities.Result{}
	var names []string
	idx := map[string]int{}
	for _, m := range ms {
		e, ok := idx[m.Name]
		if !ok {
			e = len(res.Entities)
			idx[m.Name] = e
			res.Entities = append(res.Entities, entities.Entity{Kind: kindByName[m.Kind], Country: m.Country})
			names = append(names, m.Name)
		}
		for off := 0; ; {
			i := strings.Index(text[off:], m.Text)
			if i < 0 {
				break
			}
			s := off + i
			res.Mentions = append(res.Mentions, entities.Mention{Span: article.Span{Start: s, End: s + len(m.Text)}, Kind: kindByName[m.Kind], Entity: e})
			off = s + len(m.Text)
		}
	}
	sort.Slice(res.Mentions, func(i, j int) bool { return res.Mentions[i].Span.Start < res.Mentions[j].Span.Start })
	return a, res, names
}

// findAll runs the engine.
func findAll(tb testing.TB, a *article.Article, res *entities.Result, indirect bool) []found {
	tb.Helper()
	got, err := find(context.Background(), a, res, indirect)
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

// speakerName names sp as Find does: by the name of its entity, else by
// the text at its span.
func speakerName(src string, names []string, sp *speaker) string {
	if sp.entity >= 0 && sp.entity < len(names) && names[sp.entity] != "" {
		return names[sp.entity]
	}
	return src[sp.span.Start:sp.span.End]
}

func flatten(src string, names []string, qs []found) []want {
	var out []want
	for _, q := range qs {
		w := want{Text: src[q.Span.Start:q.Span.End], Kind: kindNames[q.Kind]}
		if q.speaker != nil {
			w.Speaker = speakerName(src, names, q.speaker)
			w.From = src[q.speaker.span.Start:q.speaker.span.End]
		}
		out = append(out, w)
	}
	return out
}

func TestFind(t *testing.T) {
	lavrov := ment{"لافروف", "PER", "Sergey Lavrov", "RU"}
	putin := ment{"بوتين", "PER", "Vladimir Putin", "RU"}
	erdogan := ment{"أردوغان", "PER", "Recep Tayyip Erdoğan", "TR"}
	macron := ment{"ماكرون", "PER", "Emmanuel Macron", "FR"}
	netanyahu := ment{"نتنياهو", "PER", "Benjamin Netanyahu", "IL"}
	tests := []struct {
		name  string
		text  string
		ments []ment
		want  []want
	}{
		{
			name:  "ar cue without subject: the sentence's first person, not its last",
			text:  "استقبل الرئيس بوتين نظيره أردوغان في موسكو.\nوقال: «المحادثات كانت بناءة».",
			ments: []ment{putin, erdogan},
			want:  []want{{"المحادثات كانت بناءة", "direct", "Vladimir Putin", "بوتين"}},
		},
		{
			name:  "fa pronoun subject: the previous sentence's first person",
			text:  "پزشکیان در مینسک با لوکاشنکو دیدار کرد.\nاو گفت: «ایران آماده همکاری است.»",
			ments: []ment{{"پزشکیان", "PER", "Masoud Pezeshkian", "IR"}, {"لوکاشنکو", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"ایران آماده همکاری است.", "direct", "Masoud Pezeshkian", "پزشکیان"}},
		},
		{
			name:  "ar verb subject after, colon",
			text:  "وقال لافروف: «لن نقبل بأي شروط مسبقة».",
			ments: []ment{lavrov},
			want:  []want{{"لن نقبل بأي شروط مسبقة", "direct", "Sergey Lavrov", "لافروف"}},
		},
		{
			name:  "ar feminine verb, ASCII marks",
			text:  `وقالت ميركل: "نحن بحاجة إلى حل أوروبي مشترك".`,
			ments: []ment{{"ميركل", "PER", "Angela Merkel", "DE"}},
			want:  []want{{"نحن بحاجة إلى حل أوروبي مشترك", "direct", "Angela Merkel", "ميركل"}},
		},
		{
			name:  "ar present verb, descriptor before the name",
			text:  "يقول الخبير الاقتصادي محمد العريان: «التضخم لن يتراجع قريبا».",
			ments: []ment{{"محمد العريان", "PER", "Mohamed El-Erian", "EG"}},
			want:  []want{{"التضخم لن يتراجع قريبا", "direct", "Mohamed El-Erian", "محمد العريان"}},
		},
		{
			name:  "ar subject before the verb, no colon",
			text:  `وذكرت الصحيفة أن أردوغان قال "تركيا لن تتراجع أبدا عن موقفها الثابت".`,
			ments: []ment{erdogan},
			want:  []want{{"تركيا لن تتراجع أبدا عن موقفها الثابت", "direct", "Recep Tayyip Erdoğan", "أردوغان"}},
		},
		{
			name:  "ar nominal cue after عن",
			text:  "ونقلت وكالة رويترز عن نيد برايس قوله: «لا نرى أي تقدم حتى الآن».",
			ments: []ment{{"رويترز", "ORG", "Reuters", "GB"}, {"نيد برايس", "PER", "Ned Price", "US"}},
			want:  []want{{"لا نرى أي تقدم حتى الآن", "direct", "Ned Price", "نيد برايس"}},
		},
		{
			name:  "ar title in apposition to the name",
			text:  "وقال المتحدث باسم الخارجية الأمريكية نيد برايس: «الباب مفتوح للدبلوماسية».",
			ments: []ment{{"نيد برايس", "PER", "Ned Price", "US"}},
			want:  []want{{"الباب مفتوح للدبلوماسية", "direct", "Ned Price", "نيد برايس"}},
		},
		{
			name:  "ar carry-over to وأضاف:",
			text:  "وقال بوتين: «العلاقات بين البلدين قوية». وأضاف: «سنواصل التعاون مع شركائنا».",
			ments: []ment{putin},
			want: []want{
				{"العلاقات بين البلدين قوية", "direct", "Vladimir Putin", "بوتين"},
				{"سنواصل التعاون مع شركائنا", "direct", "Vladimir Putin", "بوتين"},
			},
		},
		{
			name:  "ar carry-over past a prepositional phrase, next paragraph",
			text:  "قال أردوغان في أنقرة: «لن نتخلى عن حقوقنا».\nوقال في المؤتمر الصحفي: «الحوار هو الطريق الوحيد».",
			ments: []ment{erdogan, {"أنقرة", "LOC", "Ankara", "TR"}},
			want: []want{
				{"لن نتخلى عن حقوقنا", "direct", "Recep Tayyip Erdoğan", "أردوغان"},
				{"الحوار هو الطريق الوحيد", "direct", "Recep Tayyip Erdoğan", "أردوغان"},
			},
		},
		{
			name:  "ar title with nationality resolves to the person named earlier",
			text:  "التقى الرئيس الأمريكي جو بايدن نظيره الفرنسي ماكرون.\nوقال الرئيس الفرنسي: «نحن متفقون على كل شيء».",
			ments: []ment{{"جو بايدن", "PER", "Joe Biden", "US"}, macron},
			want:  []want{{"نحن متفقون على كل شيء", "direct", "Emmanuel Macron", "الرئيس الفرنسي"}},
		},
		{
			name: "ar title with nationality, nobody of that country named",
			text: "وقال الرئيس الفرنسي: «نحن متفقون على كل شيء».",
			want: []want{{"نحن متفقون على كل شيء", "direct", "الرئيس الفرنسي", "الرئيس الفرنسي"}},
		},
		{
			name:  "ar title with nationality, two persons of that country: left unresolved",
			text:  "التقى مسعود بزشكيان وعلي خامنئي في طهران.\nوقال الرئيس الإيراني: «نحن مستعدون للحوار».",
			ments: []ment{{"مسعود بزشكيان", "PER", "Masoud Pezeshkian", "IR"}, {"علي خامنئي", "PER", "Ali Khamenei", "IR"}},
			want:  []want{{"نحن مستعدون للحوار", "direct", "الرئيس الإيراني", "الرئيس الإيراني"}},
		},
		{
			name:  "ar role carried from a coordinated verb",
			text:  "واستقبل أردوغان ماكرون في أنقرة.\nوأشار الرئيس التركي إلى الحرب وقال: «يجب أن يتوقف القتال فورا».",
			ments: []ment{erdogan, macron},
			want:  []want{{"يجب أن يتوقف القتال فورا", "direct", "Recep Tayyip Erdoğan", "الرئيس التركي"}},
		},
		{
			name: "ar unnamed source is described as written, and carries over",
			text: "وقال مسؤول إيراني: «لن نتفاوض تحت الضغط». وأضاف: «العقوبات لن تغير موقفنا».",
			want: []want{
				{"لن نتفاوض تحت الضغط", "direct", "مسؤول إيراني", "مسؤول إيراني"},
				{"العقوبات لن تغير موقفنا", "direct", "مسؤول إيراني", "مسؤول إيراني"},
			},
		},
		{
			name:  "ar partial quote in reported speech",
			text:  `وأكد ماكرون أن بلاده ستواصل دعم "الحل السياسي" في المنطقة.`,
			ments: []ment{macron},
			want:  []want{{"الحل السياسي", "partial", "Emmanuel Macron", "ماكرون"}},
		},
		{
			name:  "ar partial quote after إن, long",
			text:  `وقال نتنياهو إن إسرائيل "لن توقف الحرب حتى تحقيق أهدافها".`,
			ments: []ment{netanyahu},
			want:  []want{{"لن توقف الحرب حتى تحقيق أهدافها", "partial", "Benjamin Netanyahu", "نتنياهو"}},
		},
		{
			name:  "ar direct quote right after the subject without colon",
			text:  `وقال نتنياهو "لن نوقف الحرب حتى تحقيق أهدافنا كاملة".`,
			ments: []ment{netanyahu},
			want:  []want{{"لن نوقف الحرب حتى تحقيق أهدافنا كاملة", "direct", "Benjamin Netanyahu", "نتنياهو"}},
		},
		{
			name: "ar term after a naming noun",
			text: "وسيطرت جبهة «النصرة» على المدينة.",
			want: []want{{"النصرة", "term", "", ""}},
		},
		{
			name: "ar term after اسم, inside reported speech",
			text: "وقال الناشطون إنهم أطلقوا على الحراك اسم «ثورة الأرز».",
			want: []want{{"ثورة الأرز", "term", "", ""}},
		},
		{
			name: "ar short quotation with no cue is a term",
			text: "ويعيش في المخيم «الكبير» آلاف اللاجئين.",
			want: []want{{"الكبير", "term", "", ""}},
		},
		{
			name:  "ar quoted name of an entity is a term",
			text:  `وقال بوتين إن "غازبروم" ستزيد الإمدادات.`,
			ments: []ment{putin, {"غازبروم", "ORG", "Gazprom", "RU"}},
			want:  []want{{"غازبروم", "term", "", ""}},
		},
		{
			name: "ar passive with unnamed agent",
			text: `ويوصف الاتفاق من قبل معارضيه بـ"الكارثي".`,
			want: []want{{"الكارثي", "partial", "", ""}},
		},
		{
			name:  "ar passive with named agent",
			text:  `ويوصف الاتفاق من قبل ماكرون بـ"التاريخي".`,
			ments: []ment{macron},
			want:  []want{{"التاريخي", "partial", "Emmanuel Macron", "ماكرون"}},
		},
		{
			name:  "ar cue after the quotation",
			text:  "«لن نسمح بذلك أبدا مهما كان الثمن»، قال نتنياهو في بيان.",
			ments: []ment{netanyahu},
			want:  []want{{"لن نسمح بذلك أبدا مهما كان الثمن", "direct", "Benjamin Netanyahu", "نتنياهو"}},
		},
		{
			name:  "ar source phrase after the quotation",
			text:  `وارتفع عدد الضحايا إلى 50 "في حصيلة غير نهائية"، بحسب وزارة الصحة.`,
			ments: []ment{{"وزارة الصحة", "ORG", "Ministry of Health", "PS"}},
			want:  []want{{"في حصيلة غير نهائية", "partial", "Ministry of Health", "وزارة الصحة"}},
		},
		{
			name:  "ar على لسان, a whole clause quoted after أن",
			text:  `ونقلت الصحيفة على لسان عراقجي أن "الباب لم يغلق بعد".`,
			ments: []ment{{"عراقجي", "PER", "Abbas Araghchi", "IR"}},
			want:  []want{{"الباب لم يغلق بعد", "direct", "Abbas Araghchi", "عراقجي"}},
		},
		{
			name:  "ar verb with object pronoun, title and name after it",
			text:  `وانتقد المعارضون القرار الذي اعتبره الرئيس التونسي قيس سعيد "خطوة ضرورية".`,
			ments: []ment{{"قيس سعيد", "PER", "Kais Saied", "TN"}},
			want:  []want{{"خطوة ضرورية", "partial", "Kais Saied", "قيس سعيد"}},
		},
		{
			name:  "ar circumstantial participle carries the last person named",
			text:  "وتحدث أردوغان أمام البرلمان.\nوتابع قائلا: «هذا ليس وقت الخلافات بيننا».",
			ments: []ment{erdogan},
			want:  []want{{"هذا ليس وقت الخلافات بيننا", "direct", "Recep Tayyip Erdoğan", "أردوغان"}},
		},
		{
			name:  "ar headline name and colon",
			text:  "لوكاشينكو: «لا موضوع مغلق بيننا»",
			ments: []ment{{"لوكاشينكو", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"لا موضوع مغلق بيننا", "direct", "Alexander Lukashenko", "لوكاشينكو"}},
		},
		{
			name:  "ar quotation over two paragraphs",
			text:  "وقال غوتيريش: «إن الوضع الإنساني في غزة كارثي.\n«ونحن ندعو جميع الأطراف إلى وقف إطلاق النار فورا».\nوفي سياق آخر، ارتفعت الأسعار.",
			ments: []ment{{"غوتيريش", "PER", "António Guterres", "PT"}},
			want:  []want{{"إن الوضع الإنساني في غزة كارثي.\n«ونحن ندعو جميع الأطراف إلى وقف إطلاق النار فورا", "direct", "António Guterres", "غوتيريش"}},
		},
		{
			name:  "ar unclosed mark without colon is dropped and swallows nothing",
			text:  "وأعلن الجيش أن \"العملية مستمرة في الشمال.\nوقال بوتين: «سنواصل العمل».",
			ments: []ment{putin},
			want:  []want{{"سنواصل العمل", "direct", "Vladimir Putin", "بوتين"}},
		},
		{
			name:  "ar unclosed mark after a colon runs to the paragraph end",
			text:  "وقال بوتين: «سنرد على أي هجوم بكل حزم\nوفي سياق آخر، ارتفعت الأسعار «بشكل كبير».",
			ments: []ment{putin},
			want: []want{
				{"سنرد على أي هجوم بكل حزم", "direct", "Vladimir Putin", "بوتين"},
				{"بشكل كبير", "term", "", ""},
			},
		},
		{
			name:  "ar nested marks belong to the outer quotation",
			text:  `وقال لافروف: «إن ما يسمى "الخط الأحمر" لم يعد قائما».`,
			ments: []ment{lavrov},
			want:  []want{{`إن ما يسمى "الخط الأحمر" لم يعد قائما`, "direct", "Sergey Lavrov", "لافروف"}},
		},
		{
			name:  "ar a name inside the quotation is not its speaker",
			text:  "وأضاف: «بوتين يعرف موقفنا جيدا».",
			ments: []ment{putin},
			want:  []want{{"بوتين يعرف موقفنا جيدا", "direct", "", ""}},
		},
		{
			name:  "fa گفت with a colon",
			text:  "عراقچی در این دیدار گفت: «ایران به دنبال جنگ نیست».",
			ments: []ment{{"عراقچی", "PER", "Abbas Araghchi", "IR"}},
			want:  []want{{"ایران به دنبال جنگ نیست", "direct", "Abbas Araghchi", "عراقچی"}},
		},
		{
			name:  "fa pronoun subject carries over to افزود",
			text:  "پزشکیان گفت: «ما آماده گفت‌وگو هستیم». وی افزود: «تحریم‌ها باید لغو شود».",
			ments: []ment{{"پزشکیان", "PER", "Masoud Pezeshkian", "IR"}},
			want: []want{
				{"ما آماده گفت‌وگو هستیم", "direct", "Masoud Pezeshkian", "پزشکیان"},
				{"تحریم‌ها باید لغو شود", "direct", "Masoud Pezeshkian", "پزشکیان"},
			},
		},
		{
			name:  "fa two-word cue تاکید کرد",
			text:  "بقائی تاکید کرد: «مذاکره مستقیم در کار نیست».",
			ments: []ment{{"بقائی", "PER", "Esmaeil Baghaei", "IR"}},
			want:  []want{{"مذاکره مستقیم در کار نیست", "direct", "Esmaeil Baghaei", "بقائی"}},
		},
		{
			name:  "fa the object of a preposition is not the subject",
			text:  "در دیدار با پوتین، لوکاشنکو اظهار داشت: «روابط ما راهبردی است».",
			ments: []ment{{"پوتین", "PER", "Vladimir Putin", "RU"}, {"لوکاشنکو", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"روابط ما راهبردی است", "direct", "Alexander Lukashenko", "لوکاشنکو"}},
		},
		{
			name:  "fa role with a country name resolves to the person named before",
			text:  "عباس عراقچی با همتای روس خود دیدار کرد.\nوزیر امور خارجه ایران اظهار داشت: «روابط ما راهبردی است».",
			ments: []ment{{"عباس عراقچی", "PER", "Abbas Araghchi", "IR"}, {"ایران", "LOC", "Iran", "IR"}},
			want:  []want{{"روابط ما راهبردی است", "direct", "Abbas Araghchi", "وزیر امور خارجه ایران"}},
		},
		{
			name:  "fa به گفته",
			text:  "به گفته خبرگزاری تسنیم، «این دیدار بسیار سازنده بود».",
			ments: []ment{{"خبرگزاری تسنیم", "ORG", "Tasnim News Agency", "IR"}},
			want:  []want{{"این دیدار بسیار سازنده بود", "direct", "Tasnim News Agency", "خبرگزاری تسنیم"}},
		},
		{
			name:  "en quotation then subject and verb",
			text:  `"We will not back down," Lukashenko said.`,
			ments: []ment{{"Lukashenko", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"We will not back down,", "direct", "Alexander Lukashenko", "Lukashenko"}},
		},
		{
			name:  "en inverted verb",
			text:  "“The talks were very productive,” said Lavrov.",
			ments: []ment{{"Lavrov", "PER", "Sergey Lavrov", "RU"}},
			want:  []want{{"The talks were very productive,", "direct", "Sergey Lavrov", "Lavrov"}},
		},
		{
			name:  "en told with a colon",
			text:  `Pezeshkian told reporters: "Sanctions have failed to break us."`,
			ments: []ment{{"Pezeshkian", "PER", "Masoud Pezeshkian", "IR"}},
			want:  []want{{"Sanctions have failed to break us.", "direct", "Masoud Pezeshkian", "Pezeshkian"}},
		},
		{
			name:  "en according to after a partial quote",
			text:  `The economy is "recovering slowly", according to the IMF.`,
			ments: []ment{{"IMF", "ORG", "International Monetary Fund", ""}},
			want:  []want{{"recovering slowly", "partial", "International Monetary Fund", "IMF"}},
		},
		{
			name:  "en pronoun carries over",
			text:  `"We are ready for talks," Lukashenko said. "Any topic can be discussed," he added.`,
			ments: []ment{{"Lukashenko", "PER", "Alexander Lukashenko", "BY"}},
			want: []want{
				{"We are ready for talks,", "direct", "Alexander Lukashenko", "Lukashenko"},
				{"Any topic can be discussed,", "direct", "Alexander Lukashenko", "Lukashenko"},
			},
		},
		{
			name:  "en possessive role and apostrophes that open nothing",
			text:  `Masoud Pezeshkian met Lukashenko in Minsk. Iran's president said the deal was "dead" and Tehran's patience wasn't endless.`,
			ments: []ment{{"Masoud Pezeshkian", "PER", "Masoud Pezeshkian", "IR"}, {"Lukashenko", "PER", "Alexander Lukashenko", "BY"}, {"Iran", "LOC", "Iran", "IR"}},
			want:  []want{{"dead", "partial", "Masoud Pezeshkian", "Iran's president"}},
		},
		{
			name: "en paired single quotes, unnamed role",
			text: `'We want peace,' the minister said.`,
			want: []want{{"We want peace,", "direct", "the minister", "the minister"}},
		},
		{
			name: "en apostrophes alone make no quotation",
			text: "The ministers' meeting didn't end until 9 o'clock, the officials' statement said.",
			want: nil,
		},
		{
			name: "en unnamed officials are a group",
			text: `"The border is closed until further notice," officials said.`,
			want: []want{{"The border is closed until further notice,", "direct", "officials", "officials"}},
		},
		{
			name:  "en curly quotation over two paragraphs",
			text:  "“We will rebuild this city.\n“Every house will stand again,” Klitschko said.",
			ments: []ment{{"Klitschko", "PER", "Vitali Klitschko", "UA"}},
			want:  []want{{"We will rebuild this city.\n“Every house will stand again,", "direct", "Vitali Klitschko", "Klitschko"}},
		},
		{
			name: "low-high and single guillemets",
			text: "Scholz sagte: „Wir stehen an der Seite der Ukraine.“\nLe ministre a parlé d'une ‹ crise profonde ›.",
			want: []want{
				{"Wir stehen an der Seite der Ukraine.", "direct", "", ""},
				{"crise profonde", "term", "", ""},
			},
		},
		{
			name: "stray ASCII mark does not pair across paragraphs",
			text: "He said \"yes and then left.\nAnother \"label\" here.",
			want: []want{{"label", "term", "", ""}},
		},
		{
			name:  "ar reversed guillemets",
			text:  "وأضاف أنغو أن » أمن الممتلكات والأشخاص واقع قائم « بفضل اليقظة.",
			ments: []ment{{"أنغو", "PER", "Bernard Angot", "FR"}},
			want:  []want{{"أمن الممتلكات والأشخاص واقع قائم", "partial", "Bernard Angot", "أنغو"}},
		},
		{
			name:  "ar spaced ASCII marks pair by alternation",
			text:  `وقال بلير " ان التهديد حقيقي وليس للمنطقة فحسب " ثم غادر .`,
			ments: []ment{{"بلير", "PER", "Tony Blair", "GB"}},
			want:  []want{{"ان التهديد حقيقي وليس للمنطقة فحسب", "direct", "Tony Blair", "بلير"}},
		},
		{
			name: "ar title without country is named by the words after it",
			text: "ويضيف رئيس تحرير جريدة الوفاق: «إن المارد بدأ يخرج من القمقم».",
			want: []want{{"إن المارد بدأ يخرج من القمقم", "direct", "رئيس تحرير جريدة الوفاق", "رئيس تحرير جريدة الوفاق"}},
		},
		{
			name:  "ar place after a preposition before the verb is no subject",
			text:  "وقال سياح في فرنسا قالوا إنهم «لن يعودوا قبل الصيف المقبل».",
			ments: []ment{{"فرنسا", "LOC", "France", "FR"}},
			want:  []want{{"لن يعودوا قبل الصيف المقبل", "partial", "سياح", "سياح"}},
		},
		{
			name: "ar unnamed descriptive subject, quotation after it",
			text: "واضافت هذه المحاسبة البالغة 27 سنة « كنت اود الذهاب الى دبي لكن والدي لا يسمح لي ».",
			want: []want{{"كنت اود الذهاب الى دبي لكن والدي لا يسمح لي", "direct", "هذه المحاسبة البالغة 27 سنة", "هذه المحاسبة البالغة 27 سنة"}},
		},
		{
			name:  "en quotation continued in the next sentence",
			text:  `"We are ready to discuss any topic," Lukashenko told reporters. "There are no closed subjects."`,
			ments: []ment{{"Lukashenko", "PER", "Alexander Lukashenko", "BY"}},
			want: []want{
				{"We are ready to discuss any topic,", "direct", "Alexander Lukashenko", "Lukashenko"},
				{"There are no closed subjects.", "direct", "Alexander Lukashenko", "Lukashenko"},
			},
		},
		{
			name:  "en characterisation by unnamed critics, a group",
			text:  `Critics have called Lukashenko "Europe's last dictator".`,
			ments: []ment{{"Lukashenko", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"Europe's last dictator", "partial", "Critics", "Critics"}},
		},
		{
			name:  "en possessive country without a place mention",
			text:  "Masoud Pezeshkian arrived in Minsk.\nIran's president said: \"We lack nothing.\"",
			ments: []ment{{"Masoud Pezeshkian", "PER", "Masoud Pezeshkian", "IR"}},
			want:  []want{{"We lack nothing.", "direct", "Masoud Pezeshkian", "Iran's president"}},
		},
		{
			name:  "en so-called makes a term",
			text:  `Lukashenko said the so-called "peace plan" was dead.`,
			ments: []ment{{"Lukashenko", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"peace plan", "term", "", ""}},
		},
		{
			name:  "ar recipient in marks after لـ, then the statement",
			text:  "وقال لافروف لـ«الشرق الأوسط»: «لن نقبل بأي شروط مسبقة».",
			ments: []ment{lavrov},
			want: []want{
				{"الشرق الأوسط", "term", "", ""},
				{"لن نقبل بأي شروط مسبقة", "direct", "Sergey Lavrov", "لافروف"},
			},
		},
		{
			name: "empty marks are no quotation",
			text: `قال: "" ثم «  ».`,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, res, names := build(t, tt.text, tt.ments)
			got := flatten(tt.text, names, findAll(t, a, res, false))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindIndirect(t *testing.T) {
	putin := ment{"بوتين", "PER", "Vladimir Putin", "RU"}
	tests := []struct {
		name  string
		text  string
		ments []ment
		want  []want
	}{
		{
			name:  "ar قال إن with subject after the verb",
			text:  "وقال بوتين إن روسيا مستعدة للحوار مع الغرب.",
			ments: []ment{putin},
			want:  []want{{"روسيا مستعدة للحوار مع الغرب", "indirect", "Vladimir Putin", "بوتين"}},
		},
		{
			name:  "ar complementiser after a prepositional phrase and a date",
			text:  "وأكد بوتين خلال مؤتمر صحفي في موسكو، يوم الأربعاء، أن العقوبات فشلت.",
			ments: []ment{putin, {"موسكو", "LOC", "Moscow", "RU"}},
			want:  []want{{"العقوبات فشلت", "indirect", "Vladimir Putin", "بوتين"}},
		},
		{
			name:  "ar participle starts a new reported clause",
			text:  "وقال بوتين إن المحادثات كانت مثمرة، مضيفا أن الجولة المقبلة ستعقد في أنقرة.",
			ments: []ment{putin},
			want: []want{
				{"المحادثات كانت مثمرة", "indirect", "Vladimir Putin", "بوتين"},
				{"الجولة المقبلة ستعقد في أنقرة", "indirect", "Vladimir Putin", "بوتين"},
			},
		},
		{
			name:  "ar بعد أن is a conjunction, not reported speech",
			text:  "وأعلن بوتين الهدنة بعد أن انتهت المعارك في المدينة.",
			ments: []ment{putin},
			want:  nil,
		},
		{
			name:  "ar a partial quotation inside reported speech",
			text:  `وأوضح بوتين أن التعاون يشمل "المجال العسكري" أيضا.`,
			ments: []ment{putin},
			want: []want{
				{`التعاون يشمل "المجال العسكري" أيضا`, "indirect", "Vladimir Putin", "بوتين"},
				{"المجال العسكري", "partial", "Vladimir Putin", "بوتين"},
			},
		},
		{
			name: "ar unnamed sources, a group",
			text: "وقالت مصادر مطلعة إن الاجتماع تأجل إلى الأسبوع المقبل.",
			want: []want{{"الاجتماع تأجل إلى الأسبوع المقبل", "indirect", "مصادر مطلعة", "مصادر مطلعة"}},
		},
		{
			name:  "ar direct quotation is not reported speech",
			text:  "وقال بوتين: «إن روسيا مستعدة للحوار».",
			ments: []ment{putin},
			want:  []want{{"إن روسيا مستعدة للحوار", "direct", "Vladimir Putin", "بوتين"}},
		},
		{
			name:  "en said that",
			text:  "Lukashenko said that the two countries would sign a treaty.",
			ments: []ment{{"Lukashenko", "PER", "Alexander Lukashenko", "BY"}},
			want:  []want{{"the two countries would sign a treaty", "indirect", "Alexander Lukashenko", "Lukashenko"}},
		},
		{
			name:  "fa گفت که",
			text:  "پزشکیان گفت که ایران آماده همکاری است.",
			ments: []ment{{"پزشکیان", "PER", "Masoud Pezeshkian", "IR"}},
			want:  []want{{"ایران آماده همکاری است", "indirect", "Masoud Pezeshkian", "پزشکیان"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, res, names := build(t, tt.text, tt.ments)
			got := flatten(tt.text, names, findAll(t, a, res, true))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("find(%q, Indirect) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
