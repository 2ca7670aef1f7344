package article

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// view is the text of a parse's parts, for readable table tests.
type view struct {
	Title      string
	Datelines  []string
	Paragraphs []string
	Duplicates []string
}

func viewOf(a *Article) view {
	v := view{Title: a.Text(a.Title)}
	for _, d := range a.Datelines {
		v.Datelines = append(v.Datelines, a.Text(d))
	}
	for _, p := range a.Paragraphs {
		v.Paragraphs = append(v.Paragraphs, a.Text(p.Span))
	}
	for _, d := range a.Duplicates {
		v.Duplicates = append(v.Duplicates, a.Text(d))
	}
	return v
}

// Short articles written for these tests.
const (
	arTitle = "الحكومة تعلن خطة جديدة للنقل العام"
	arP1    = "أعلنت الحكومة اليوم خطة جديدة لتحسين النقل العام في المدن الكبرى."
	arP2    = "وقال وزير النقل إن الخطة تشمل شراء حافلات كهربائية."
	arP3    = "ومن المتوقع أن يبدأ التنفيذ في الربيع المقبل."
)

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want view
	}{
		{
			name: "title, blank line, one paragraph a line",
			in:   arTitle + "\n\n" + arP1 + "\n" + arP2 + "\n" + arP3,
			want: view{Title: arTitle, Paragraphs: []string{arP1, arP2, arP3}},
		},
		{
			name: "no title at all",
			in:   arP1 + "\n" + arP2 + "\n" + arP3 + "\n",
			want: view{Paragraphs: []string{arP1, arP2, arP3}},
		},
		{
			name: "no title, blank-line separated",
			in:   arP1 + "\n\n" + arP2 + "\n\n" + arP3 + "\n",
			want: view{Paragraphs: []string{arP1, arP2, arP3}},
		},
		{
			name: "title without blank line",
			in:   arTitle + "\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "headline with a speaker and a colon",
			in:   "لافروف: لا حوار قبل الانسحاب\n\n" + arP1 + "\n" + arP2,
			want: view{Title: "لافروف: لا حوار قبل الانسحاب", Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "headline with a dash",
			in:   "موسكو - واشنطن: جولة جديدة\n\n" + arP1 + "\n" + arP2,
			want: view{Title: "موسكو - واشنطن: جولة جديدة", Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "agency line before the title",
			in:   "(رويترز)\n" + arTitle + "\n\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"(رويترز)"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "question headline over blank-separated paragraphs",
			in:   "هل تنجح خطة النقل الجديدة؟\n\n" + arP1 + "\n\n" + arP2 + "\n",
			want: view{Title: "هل تنجح خطة النقل الجديدة؟", Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "title over a date line",
			in:   arTitle + "\nالأربعاء 20 أغسطس 2025 - 10:30\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"الأربعاء 20 أغسطس 2025 - 10:30"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "English title over an update line",
			in: "Storm closes schools across the region\nUpdated Aug. 20, 2025 10:30 GMT\n" +
				"Heavy snow closed schools in the north on Monday, officials said.\n",
			want: view{
				Title:      "Storm closes schools across the region",
				Datelines:  []string{"Updated Aug. 20, 2025 10:30 GMT"},
				Paragraphs: []string{"Heavy snow closed schools in the north on Monday, officials said."},
			},
		},
		{
			name: "a short paragraph with a number is not a date line",
			in:   arTitle + "\n\nقتل 20 شخصا\n" + arP1,
			want: view{Title: arTitle, Paragraphs: []string{"قتل 20 شخصا", arP1}},
		},
		{
			name: "title and subtitle",
			in:   arTitle + "\nالوزير: التنفيذ يبدأ في الربيع المقبل\n\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Paragraphs: []string{"الوزير: التنفيذ يبدأ في الربيع المقبل", arP1, arP2}},
		},
		{
			name: "two hard-wrapped lines are not a title",
			in: "The city council voted on Tuesday to build twelve miles of new\nprotected bike lanes downtown.\n\n" +
				"Critics said the plan would take space from delivery trucks.\n",
			want: view{Paragraphs: []string{
				"The city council voted on Tuesday to build twelve miles of new\nprotected bike lanes downtown.",
				"Critics said the plan would take space from delivery trucks.",
			}},
		},
		{
			name: "indented paragraphs between blank lines",
			in:   "  " + arTitle + "\n\n    " + arP1 + "\n\n    " + arP2 + "  \n\n\n    " + arP3 + "\n",
			want: view{Title: arTitle, Paragraphs: []string{arP1, arP2, arP3}},
		},
		{
			name: "CRLF line ends",
			in:   arTitle + "\r\n\r\n" + arP1 + "\r\n" + arP2 + "\r\n",
			want: view{Title: arTitle, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "byte-order mark",
			in:   "\uFEFF" + arTitle + "\n\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "hard-wrapped paragraphs",
			in: arTitle + "\n\n" +
				"أعلنت الحكومة اليوم خطة جديدة لتحسين\nالنقل العام في المدن الكبرى وتوسيع\nشبكة الحافلات.\n\n" +
				"وقال وزير النقل إن الخطة تشمل شراء\nحافلات كهربائية.\n",
			want: view{Title: arTitle, Paragraphs: []string{
				"أعلنت الحكومة اليوم خطة جديدة لتحسين\nالنقل العام في المدن الكبرى وتوسيع\nشبكة الحافلات.",
				"وقال وزير النقل إن الخطة تشمل شراء\nحافلات كهربائية.",
			}},
		},
		{
			name: "hard-wrapped paragraphs marked by first-line indentation",
			in: arTitle + "\n\n" +
				"  أعلنت الحكومة اليوم خطة جديدة لتحسين\nالنقل العام في المدن الكبرى وتوسيع\nشبكة الحافلات.\n" +
				"  وقال وزير النقل إن الخطة تشمل شراء\nحافلات كهربائية جديدة وصيانة القديمة\nمنها.\n",
			want: view{Title: arTitle, Paragraphs: []string{
				"أعلنت الحكومة اليوم خطة جديدة لتحسين\nالنقل العام في المدن الكبرى وتوسيع\nشبكة الحافلات.",
				"وقال وزير النقل إن الخطة تشمل شراء\nحافلات كهربائية جديدة وصيانة القديمة\nمنها.",
			}},
		},
		{
			name: "hard-wrapped paragraphs ended by a short line",
			in: "The city council voted on Tuesday to build twelve miles of protected\n" +
				"bike lanes across the downtown area, after a debate that lasted for\n" +
				"most of the evening.\n" +
				"Critics said the plan would take space from delivery trucks and\n" +
				"buses, and asked the council to publish a study of the traffic in the\n" +
				"area first.\n",
			want: view{Paragraphs: []string{
				"The city council voted on Tuesday to build twelve miles of protected\n" +
					"bike lanes across the downtown area, after a debate that lasted for\n" +
					"most of the evening.",
				"Critics said the plan would take space from delivery trucks and\n" +
					"buses, and asked the council to publish a study of the traffic in the\n" +
					"area first.",
			}},
		},
		{
			name: "short one-line paragraphs between blank lines stay apart",
			in:   arTitle + "\n\n" + arP2 + "\n" + arP3 + "\n\n" + arP1 + "\n",
			want: view{Title: arTitle, Paragraphs: []string{arP2, arP3, arP1}},
		},
		{
			name: "dateline line with colon",
			in:   arTitle + "\n\nبيروت: نذير رضا\n\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"بيروت: نذير رضا"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "dateline line with agency",
			in:   arTitle + "\nواشنطن - أ ف ب\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"واشنطن - أ ف ب"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "bracketed agency line",
			in:   arTitle + "\n\n(د ب أ)\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"(د ب أ)"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "dateline with kashida dash",
			in:   arTitle + "\n\nطهران ـ ايرنا\n\n" + arP1,
			want: view{Title: arTitle, Datelines: []string{"طهران ـ ايرنا"}, Paragraphs: []string{arP1}},
		},
		{
			name: "dateline opening the first paragraph",
			in:   arTitle + "\n\nالقاهرة - " + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"القاهرة -"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "dateline with a source credit",
			in:   arTitle + "\n\nبيروت - «الشرق الأوسط»: " + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"بيروت - «الشرق الأوسط»:"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "dateline with a bracketed agency",
			in:   arTitle + "\n\nدمشق (رويترز) - " + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Datelines: []string{"دمشق (رويترز) -"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "a dash inside the lead is not a dateline",
			in:   "أعلن رئيسا البلدين- وهما جاران - عن اتفاق جديد للتعاون.\n" + arP2,
			want: view{Paragraphs: []string{"أعلن رئيسا البلدين- وهما جاران - عن اتفاق جديد للتعاون.", arP2}},
		},
		{
			name: "speech colon is not a dateline",
			in:   "وقال: إن الاتفاق سيوقع في الأسبوع المقبل بحضور الوزراء.\n" + arP2,
			want: view{Paragraphs: []string{"وقال: إن الاتفاق سيوقع في الأسبوع المقبل بحضور الوزراء.", arP2}},
		},
		{
			name: "credit line at the end",
			in:   arTitle + "\n\n" + arP1 + "\n" + arP2 + "\n(رويترز)\n",
			want: view{Title: arTitle, Datelines: []string{"(رويترز)"}, Paragraphs: []string{arP1, arP2}},
		},
		{
			name: "repeated lead",
			in:   arTitle + "\n\n" + arP1 + "\n" + arP1 + "\n" + arP2,
			want: view{Title: arTitle, Paragraphs: []string{arP1, arP2}, Duplicates: []string{arP1}},
		},
		{
			name: "repeat differing only in white space",
			in:   arP1 + "\n" + arP2 + "\n" + strings.ReplaceAll(arP1, " ", "  \t") + "\n" + arP3,
			want: view{Paragraphs: []string{arP1, arP2, arP3}, Duplicates: []string{strings.ReplaceAll(arP1, " ", "  \t")}},
		},
		{
			name: "paragraphs sharing their ends are not duplicates",
			in: "قال الوزير إن الخطة الأولى ستبدأ في الربيع المقبل بعد موافقة البرلمان.\n" +
				"قال الوزير إن الخطة الثانية ستبدأ في الربيع المقبل بعد موافقة البرلمان.\n" +
				"قال الوزير إن الخطة الثانية ستبدأ في الربيع المقبل بعد موافقة البرلمان.\n",
			want: view{
				Paragraphs: []string{
					"قال الوزير إن الخطة الأولى ستبدأ في الربيع المقبل بعد موافقة البرلمان.",
					"قال الوزير إن الخطة الثانية ستبدأ في الربيع المقبل بعد موافقة البرلمان.",
				},
				Duplicates: []string{"قال الوزير إن الخطة الثانية ستبدأ في الربيع المقبل بعد موافقة البرلمان."},
			},
		},
		{
			name: "English with byline and wire dateline",
			in: "Storm closes schools across the region\nBy Jane Doe\n\n" +
				"LONDON (Reuters) - Heavy snow closed schools in the north on Monday.\n\n" +
				"Officials said the roads would reopen by Wednesday.\n",
			want: view{
				Title:      "Storm closes schools across the region",
				Datelines:  []string{"By Jane Doe", "LONDON (Reuters) -"},
				Paragraphs: []string{"Heavy snow closed schools in the north on Monday.", "Officials said the roads would reopen by Wednesday."},
			},
		},
		{
			name: "single line",
			in:   arP1,
			want: view{Paragraphs: []string{arP1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.in)
			if diff := cmp.Diff(tt.want, viewOf(a)); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			if a.Source != tt.in {
				t.Errorf("Source changed")
			}
		})
	}
}

func TestParseBOMOutsideSpans(t *testing.T) {
	in := "\uFEFF" + arTitle + "\n\n" + arP1
	a, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title.Start != len("\uFEFF") {
		t.Errorf("title starts at %d, want %d (after the BOM)", a.Title.Start, len("\uFEFF"))
	}
}

func TestParseLanguage(t *testing.T) {
	tests := []struct {
		name, in, lang string
		dir            Direction
	}{
		{"Arabic", arTitle + "\n\n" + arP1 + "\n" + arP2, "ar", RTL},
		{"Arabic with a Persian yeh in a name", "التقى الرئيس بنظيره بزشكیان في العاصمة، وبحثا التعاون في مجالات الطاقة والتجارة والزراعة.", "ar", RTL},
		{"Persian", "وزیر نیرو گفت که دولت برنامه تازه‌ای برای کاهش مصرف آب در کشاورزی دارد.", "fa", RTL},
		{"Persian typed with Arabic yeh and kaf", "پليس گفت که چند نفر در اين حادثه زخمي شدند و پرونده به دادگاه رفت.", "fa", RTL},
		{"Urdu", "حکام کے مطابق روزانہ پچاس ہزار مسافر اس سے فائدہ اٹھائیں گے۔", "ur", RTL},
		{"English", "The council said on Monday that the new lanes would open in the spring.", "en", LTR},
		{"French", "Le conseil a dit que les nouvelles pistes seront ouvertes dans la ville et le port.", "fr", LTR},
		{"no letters", "12 345 678 - 90", "und", LTR},
		{"Hebrew", "הממשלה הודיעה היום על תוכנית חדשה לתחבורה ציבורית.", "he", RTL},
		{"Central Kurdish", "حکوومەتی هەرێم ئەمڕۆ پلانێکی نوێی بۆ گواستنەوە ڕاگەیاند.", "ckb", RTL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if a.Lang.String() != tt.lang || a.Dir != tt.dir {
				t.Errorf("Lang, Dir = %v, %v; want %v, %v", a.Lang, a.Dir, tt.lang, tt.dir)
			}
		})
	}
}
