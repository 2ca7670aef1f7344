package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

// recognized returns the mentions of text as "KIND text" (with "=ID" when
// linked), in order.
func recognized(t *testing.T, r *Recognizer, text string) []string {
	t.Helper()
	a, err := article.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	res := r.Recognize(a)
	var out []string
	for _, m := range res.Mentions {
		s := m.Kind.String() + " " + a.Text(m.Span)
		if e := res.Entities[m.Entity]; e.ID != "" {
			s += "=" + e.ID
		}
		out = append(out, s)
	}
	return out
}

// has reports whether got holds want, a mention as recognized writes it
// (want without "=" matches any link).
func has(got []string, want string) bool {
	for _, g := range got {
		if g == want || !strings.Contains(want, "=") && strings.SplitN(g, "=", 2)[0] == want {
			return true
		}
	}
	return false
}

// TestTypedNames checks names found by their type word, on sentences
// written for the test.
func TestTypedNames(t *testing.T) {
	r := mustRecognizer(t)
	for _, tc := range []struct {
		name, text string
		want, not  []string
	}{{
		name: "a ministry and its complement",
		text: "أعلنت وزارة الزراعة أمس عن خطة جديدة للري.",
		want: []string{"ORG وزارة الزراعة"},
	}, {
		name: "a definite head takes adjectives and a complement with ل",
		text: "قالت الهيئة الوطنية للمواصفات إن الفحص بدأ.",
		want: []string{"ORG الهيئة الوطنية للمواصفات"},
	}, {
		name: "a bare definite head is a common noun",
		text: "قالت الهيئة إن الفحص بدأ.",
		not:  []string{"ORG الهيئة"},
	}, {
		name: "words joined by و stay inside",
		text: "أصدرت هيئة النقل والمواصلات تعميما للشركات.",
		want: []string{"ORG هيئة النقل والمواصلات"},
	}, {
		name: "a type word that is a common noun too, speaking",
		text: "وقالت حركة التجديد إن الاجتماع انتهى.",
		want: []string{"ORG حركة التجديد"},
	}, {
		name: "a type word that is a common noun too, before a common noun",
		text: "تأثرت حركة المرور في وسط المدينة.",
		not:  []string{"ORG حركة المرور"},
	}, {
		name: "a place joined by و is no part of the name",
		text: "نمت التجارة بين الاتحاد الإفريقي والصين هذا العام.",
		not:  []string{"ORG الاتحاد الإفريقي والصين"},
		want: []string{"LOC الصين"},
	}, {
		name: "a verb after an occupation is no name",
		text: "وهو روائي هندي يشغل منصب مستشار في الشركة.",
		not:  []string{"PER يشغل منصب مستشار", "PER يشغل منصب", "PER يشغل"},
	}, {
		name: "an office's type word before a name's",
		text: "أصدر مكتب الهيئة العامة للإحصاء تقريرا.",
		want: []string{"ORG الهيئة العامة للإحصاء"},
		not:  []string{"ORG مكتب الهيئة العامة للإحصاء"},
	}, {
		name: "two names joined by و",
		text: "وقعت وزارة الزراعة ووزارة المياه اتفاقا.",
		want: []string{"ORG وزارة الزراعة", "ORG وزارة المياه"},
	}, {
		name: "a newspaper's type word stays out",
		text: "ذكرت صحيفة الميدان أن الاجتماع تأجل.",
		want: []string{"ORG الميدان"},
		not:  []string{"ORG صحيفة الميدان"},
	}, {
		name: "a facility with a title and a person's name",
		text: "أقيمت المباراة على ملعب الأمير فيصل بن فهد مساء أمس.",
		want: []string{"LOC ملعب الأمير فيصل بن فهد"},
	}, {
		name: "a classifier before a foreign name",
		text: "وقعت شركة كرونوفيكس عقدا جديدا.",
		want: []string{"ORG كرونوفيكس"},
	}, {
		name: "a classifier before a nationality adjective is no name",
		text: "وقعت شركة فرنسية عقدا جديدا.",
		not:  []string{"ORG فرنسية"},
	}, {
		name: "a facility's quoted name",
		text: "أقيمت المباراة على ملعب «النخيل الكبرى» مساء أمس.",
		want: []string{"LOC النخيل الكبرى"},
	}, {
		name: "the outlet a reporter speaks to",
		text: "وقال المتحدث لـ«المرصد اليومي» إن العمل مستمر.",
		want: []string{"ORG المرصد اليومي"},
	}, {
		name: "a club's type word stays out",
		text: "انتقل اللاعب إلى نادي الوحدة بعقد لموسمين.",
		want: []string{"ORG الوحدة"},
		not:  []string{"ORG نادي الوحدة"},
	}, {
		name: "a club's name ends before a preposition and a common word",
		text: "وطالب نادي ريفر بليت بتأجيل المباراة.",
		want: []string{"ORG ريفر بليت"},
		not:  []string{"ORG ريفر بليت بتأجيل"},
	}, {
		name: "a classifier before a name the gazetteer knows of the same group",
		text: "قصفت الطائرات مواقع مليشيا الحوثي شرق المدينة، وأعلن تنظيم القاعدة مسؤوليته عن الهجوم.",
		want: []string{"ORG الحوثي=o:houthis", "ORG القاعدة=o:al_qaeda"},
		not:  []string{"ORG مليشيا الحوثي", "ORG تنظيم القاعدة"},
	}, {
		name: "a type word alone is a common noun",
		text: "أعلنت جامعة الملك سعود أمس مواعيد القبول، وقالت الجامعة إن التسجيل بدأ.",
		want: []string{"ORG جامعة الملك سعود"},
		not:  []string{"ORG الجامعة"},
	}, {
		name: "a newspaper whose name is a common word, in quotation marks",
		text: "وقال المتحدث في حديث مع \"الوطن\" إن الموعد تأجل، مشيرا إلى حب الوطن.",
		want: []string{"ORG الوطن=o:al_watan_sa"},
	}, {
		name: "a newspaper whose name is a common word, alone",
		text: "وقال المتحدث إن حب الوطن واجب على الجميع.",
		not:  []string{"ORG الوطن"},
	}, {
		name: "the outlet a reporter speaks to, marks the wrong way round",
		text: "وقال المتحدث لـ»المرصد اليومي» إن العمل مستمر.",
		want: []string{"ORG المرصد اليومي"},
	}, {
		name: "a name the gazetteer knows ends before a second joined by و",
		text: "قدم المستثمرون شكوى إلى مؤسسة النقد ووزارة التجارة أمس.",
		want: []string{"ORG مؤسسة النقد=o:sama", "ORG وزارة التجارة"},
	}, {
		name: "a facility named by a word no common noun",
		text: "زار الوفد قصر المصمك في وسط المدينة.",
		want: []string{"LOC قصر المصمك"},
	}, {
		name: "a facility named after a person",
		text: "زار الوفد متحف سامي الجعفري في القطيف أمس.",
		want: []string{"LOC متحف سامي الجعفري"},
		not:  []string{"PER سامي الجعفري"},
	}, {
		name: "a facility's type word before a common noun is no name",
		text: "أنشأت الشركة قاعدة بيانات جديدة للعملاء.",
		not:  []string{"LOC قاعدة بيانات", "LOC قاعدة بيانات جديدة"},
	}, {
		name: "a facility's name ends before a place descriptor",
		text: "أقيم الحفل على كورنيش محافظة القطيف مساء أمس.",
		want: []string{"LOC القطيف"},
		not:  []string{"LOC كورنيش محافظة القطيف"},
	}, {
		name: "a site's type word before a common noun",
		text: "ونشر موقع المهرجان صور الحفل أمس.",
		not:  []string{"ORG المهرجان"},
	}, {
		name: "a national team's country is the country",
		text: "يواجه منتخب الأرجنتين نظيره المكسيكي غدا.",
		want: []string{"LOC الأرجنتين=c:AR"},
		not:  []string{"ORG منتخب الأرجنتين"},
	}, {
		name: "a body and a nationality's adjective is no name",
		text: "وقال إن المنتخب البرازيلي والإدارة الأمريكية لم يعلقا على الأمر.",
		not:  []string{"ORG المنتخب البرازيلي", "ORG الإدارة الأمريكية"},
	}, {
		name: "a verbal noun after ب or ل heads no name",
		text: "عقدت اللجنة اجتماعها برئاسة الأمير سعود بن نايف، وصوت لمصلحة استضافة البطولة.",
		not:  []string{"ORG رئاسة الأمير سعود بن نايف", "ORG مصلحة استضافة البطولة"},
	}, {
		name: "a nationality's adjective after an organisation's name is left out",
		text: "أعلنت وزارة الطاقة الإماراتية أسعار الوقود الجديدة.",
		want: []string{"ORG وزارة الطاقة"},
		not:  []string{"ORG وزارة الطاقة الإماراتية"},
	}, {
		name: "unless the gazetteer knows it as part of the name",
		text: "ذكرت وكالة الأنباء السعودية أن الاجتماع انتهى.",
		want: []string{"ORG وكالة الأنباء السعودية=o:spa"},
	}, {
		name: "a person's name after a given name is another person's",
		text: "التقى الأمير سلطان بن سلمان بالوفد أمس.",
		want: []string{"PER سلطان بن سلمان"},
		not:  []string{"PER بن سلمان=p:mbs", "PER سلطان بن سلمان=p:mbs"},
	}, {
		name: "a family name the tagger leaves out after given names",
		text: "وقال مدير المعرض محمد علي الجشي إن الزوار كثيرون.",
		want: []string{"PER محمد علي الجشي"},
	}, {
		name: "a quoted company name",
		text: "أعلنت «الأردنية للطيران» عن رحلات جديدة.",
		want: []string{"ORG الأردنية للطيران"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := recognized(t, r, tc.text)
			for _, w := range tc.want {
				if !has(got, w) {
					t.Errorf("%q: missing %s; got %q", tc.text, w, got)
				}
			}
			for _, n := range tc.not {
				if has(got, n) {
					t.Errorf("%q: spurious %s; got %q", tc.text, n, got)
				}
			}
		})
	}
}

// TestPlacesByEvidence checks which places a name stands for without the
// tagger's word, and «المملكة», on sentences written for the test.
func TestPlacesByEvidence(t *testing.T) {
	r := mustRecognizer(t)
	for _, tc := range []struct {
		name, text string
		want, not  []string
	}{{
		name: "a common word that a capital's name shares",
		text: "لا أعرف كيف حدث ذلك.",
		not:  []string{"LOC كيف"},
	}, {
		name: "the country of publication resolves the kingdom",
		text: "زار الوفد الرياض وجدة، وقال إن المملكة ترحب بالاستثمار.",
		want: []string{"LOC المملكة=c:SA"},
	}, {
		name: "the kingdom with no country named is left alone",
		text: "قال المسؤول إن المملكة ترحب بالاستثمار.",
		not:  []string{"LOC المملكة"},
	}, {
		name: "a prayer's name that a country shares",
		text: "وأدى المصلون صلاة المغرب في المسجد.",
		not:  []string{"LOC المغرب"},
	}, {
		name: "a weekday that a capital's name shares, in Persian",
		text: "وزیر امور خارجه روز دوشنبه به تهران رفت.",
		not:  []string{"LOC دوشنبه"},
		want: []string{"LOC تهران"},
	}, {
		name: "Amman or Oman: neither country named, no link",
		text: "وصل الوفد إلى عمان مساء أمس.",
		want: []string{"LOC عمان"},
		not:  []string{"LOC عمان=c:OM", "LOC عمان=g:250441"},
	}, {
		name: "Amman when Jordan is named",
		text: "قال مسؤول في الأردن إن الوفد وصل إلى عمان مساء أمس.",
		want: []string{"LOC عمان=g:250441"},
	}, {
		name: "a town no list holds after a settlement's descriptor",
		text: "سقطت المعلمة في مدرسة بمحافظة الوريدة شمال المنطقة.",
		want: []string{"LOC الوريدة"},
	}, {
		name: "a list of places after a settlement's descriptor goes on with و",
		text: "تشمل المشاريع مدينة أبها والقرعاء والسليلة ومواقع أخرى.",
		want: []string{"LOC أبها", "LOC القرعاء", "LOC السليلة"},
		not:  []string{"LOC ومواقع", "LOC مواقع"},
	}, {
		name: "a name shaped as an adjective after a settlement's descriptor",
		text: "زار الوفد محافظة الزلفية التاريخية أمس.",
		want: []string{"LOC الزلفية"},
	}, {
		name: "places after a plural descriptor",
		text: "سيطر المقاتلون على مناطق قعرة والمشقر أمس.",
		want: []string{"LOC قعرة", "LOC المشقر"},
	}, {
		name: "an emirate's name holds the region's",
		text: "أعلنت إمارة منطقة الجوف عن المبادرة.",
		want: []string{"ORG إمارة منطقة الجوف"},
	}, {
		name: "a common noun after a settlement's descriptor is no place",
		text: "أقيم الحفل في منطقة المعارض وسط المدينة.",
		not:  []string{"LOC المعارض"},
	}, {
		name: "a descriptor with the article is a common noun",
		text: "زار الوفد المحافظة الجديدة أمس.",
		not:  []string{"LOC الجديدة"},
	}, {
		name: "a region's name after its descriptor keeps all its words",
		text: "وقال أمير منطقة مكة المكرمة إن العمل بدأ.",
		want: []string{"LOC مكة المكرمة=d:SA-02"},
	}, {
		name: "a hospital's name ends before the town after ب",
		text: "نقل المصاب إلى مستشفى الملك فيصل بمكة المكرمة مساء أمس.",
		want: []string{"LOC مستشفى الملك فيصل", "LOC مكة المكرمة"},
	}, {
		name: "a country's name as an adjective after a definite noun",
		text: "قال المحلل إن السياسة السعودية تجاه المنطقة واضحة.",
		not:  []string{"LOC السعودية"},
	}, {
		name: "a country's name as an adjective after an indefinite noun",
		text: "تحطمت طائرة حربية سورية قرب الحدود.",
		not:  []string{"LOC سورية"},
	}, {
		name: "a country's name after a masculine noun is the country",
		text: "زار الوفد السعودية الأسبوع الماضي.",
		want: []string{"LOC السعودية=c:SA"},
	}, {
		name: "a town abroad after a place word",
		text: "احتج المزارعون في بلدة فانسان أمس على أسعار الحليب.",
		want: []string{"LOC فانسان=g:2968054"},
	}, {
		name: "a town abroad with no place word needs the tagger's word",
		text: "وقال إن فانسان أمس كان مختلفا.",
		not:  []string{"LOC فانسان"},
	}, {
		name: "a place beside places of the same country",
		text: "هطلت أمطار على نجران وجازان وعسير أمس.",
		want: []string{"LOC نجران", "LOC جازان", "LOC عسير"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := recognized(t, r, tc.text)
			for _, w := range tc.want {
				if !has(got, w) {
					t.Errorf("%q: missing %s; got %q", tc.text, w, got)
				}
			}
			for _, n := range tc.not {
				if has(got, n) {
					t.Errorf("%q: spurious %s; got %q", tc.text, n, got)
				}
			}
		})
	}
	// The caller's country of publication.
	rs, err := NewRecognizer(RecognizerOptions{Country: "jo"})
	if err != nil {
		t.Fatal(err)
	}
	if got := recognized(t, rs, "قال المسؤول إن المملكة ترحب بالاستثمار."); !has(got, "LOC المملكة=c:JO") {
		t.Errorf("Country JO: got %q, want «المملكة» linked to Jordan", got)
	}
}

// TestDateline checks the reporter and outlet of a byline line.
func TestDateline(t *testing.T) {
	got := recognized(t, mustRecognizer(t), "عنوان الخبر هنا\n\nسامي العتيبي – صدى الأخبار\nوصل الوفد إلى الرياض أمس.")
	for _, w := range []string{"PER سامي العتيبي", "ORG صدى الأخبار"} {
		if !has(got, w) {
			t.Errorf("missing %s; got %q", w, got)
		}
	}
	if diff := cmp.Diff(true, has(got, "LOC الرياض")); diff != "" {
		t.Errorf("الرياض (-want +got):\n%s", diff)
	}
	// The place of a dateline tells the country of publication.
	got = recognized(t, mustRecognizer(t), "عنوان الخبر هنا\n\nجدة - صدى الأخبار\nقال مسؤول إن المملكة ترحب بالمستثمرين.")
	if !has(got, "LOC المملكة=c:SA") {
		t.Errorf("dateline جدة: got %q, want «المملكة» linked to Saudi Arabia", got)
	}
}
