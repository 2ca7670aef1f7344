package dates

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestResolve checks the resolution rules of issue 11, each with sentences
// written for it. The reference 2015-08-06 is a Thursday.
func TestResolve(t *testing.T) {
	ref := day(2015, 8, 6)
	tests := []struct {
		name string
		text string
		want []found
	}{
		// Weeks named as calendar periods are ISO weeks; counted weeks are days.
		{"week past", "اجتمع المجلس الأسبوع الماضي في جدة.", []found{{"الأسبوع الماضي", "2015-W31"}}},
		{"week next", "تفتتح المعارض الأسبوع المقبل أبوابها.", []found{{"الأسبوع المقبل", "2015-W33"}}},
		{"week this", "تنتهي الحملة هذا الأسبوع.", []found{{"هذا الأسبوع", "2015-W32"}}},
		{"week persian", "هفته گذشته جلسه برگزار شد.", []found{{"هفته گذشته", "2015-W31"}}},
		{"week english", "The talks stalled last week in Vienna.", []found{{"last week", "2015-W31"}}},
		{"counted weeks are days", "عاد الوفد قبل أسبوعين من جنيف.", []found{{"قبل أسبوعين", "2015-07-23"}}},
		// A Hijri year or month is the Gregorian one that holds most of it.
		{"hijri year", "صدر النظام في عام 1437هـ بعد مراجعة.", []found{{"عام 1437هـ", "2016"}}},
		{"hijri month", "تضاعفت المبيعات في رمضان 1436 هـ.", []found{{"رمضان 1436 هـ", "2015-07"}}},
		// The tense of the clause's verb decides a bare weekday's direction.
		{"weekday past verb", "وصل الوزير الثلاثاء إلى الرياض.", []found{{"الثلاثاء", "2015-08-04"}}},
		{"weekday future verb", "سيصل الوزير الثلاثاء إلى الرياض.", []found{{"الثلاثاء", "2015-08-11"}}},
		{"weekday present verb", "ويختتم المؤتمر أعماله يوم الثلاثاء بكلمة للأمين العام.", []found{{"يوم الثلاثاء", "2015-08-11"}}},
		{"weekday after a perfect opening", "عثر الصيادون الأحد على القارب قبل أن يغرق.", []found{{"الأحد", "2015-08-02"}}},
		{"weekday after a plural perfect", "قالوا إن الطائرتين اصطدمتا مساء السبت فوق البحيرة.", []found{{"السبت", "2015-08-01"}}},
		// أمس or غداً with a weekday: the weekday wins when it is near.
		{"yesterday weekday", "افتتح الأمير أمس الثلاثاء المعرض.", []found{{"أمس الثلاثاء", "2015-08-04"}}},
		{"yesterday gloss", "افتتح الأمير أمس (الثلاثاء) المعرض.", []found{{"أمس (الثلاثاء)", "2015-08-04"}}},
		{"tomorrow weekday", "يبدأ الإضراب غداً الجمعة.", []found{{"غداً الجمعة", "2015-08-07"}}},
		{"yesterday far weekday", "وصل أمس الأحد إلى جدة.", []found{{"أمس الأحد", "2015-08-05"}}},
		// اليوم that is no date.
		{"today rate", "ينصح الأطباء بشرب الماء ثماني مرات في اليوم.", []found{}},
		{"today per day", "يبلغ الإيجار 500 ريال لليوم الواحد.", []found{}},
		{"today to this day", "بقي الخلاف قائماً حتى اليوم دون حل.", []found{}},
		{"today date", "أعلنت الوزارة اليوم نتائج الاختبارات.", []found{{"اليوم", "2015-08-06"}}},
		{"next day past story", "غادر الوفد في اليوم التالي إلى القاهرة.", []found{}},
		{"next day future", "يعود الوفد في اليوم التالي إلى القاهرة.", []found{{"اليوم التالي", "2015-08-07"}}},
		{"day before an event", "هدأت المدينة في اليوم السابق للاقتراع.", []found{}},
		// Range words stay out of spans.
		{"period word", "تنتهي الأشغال أواخر الشهر المقبل.", []found{{"الشهر المقبل", "2015-09"}}},
		{"period word year", "تراجعت المبيعات منذ مطلع عام 2014.", []found{{"عام 2014", "2014"}}},
		{"school year", "تبدأ الدراسة مع بداية العام الدراسي الجديد.", []found{}},
		{"year with adjective", "ارتفعت الإيرادات في العام المالي 2014 بنسبة كبيرة.", []found{{"العام المالي 2014", "2014"}}},
		// Durations are no dates; an amount counted from now is.
		{"within", "يصدر القرار خلال ثلاثة أيام.", []found{}},
		{"approximate", "حذرنا منذ عامين أو ثلاثة من الأزمة.", []found{}},
		{"from an event", "افتتح المصنع بعد عشر سنوات من تأسيس الشركة.", []found{}},
		{"from an event with suffix", "أطلق سراحه بعد شهرين من توقيفه.", []found{}},
		{"since in a present clause", "الأزمة التي تعصف بالقطاع منذ ثلاث سنوات.", []found{}},
		{"since after a word of lasting", "الحصار المستمر منذ عامين.", []found{}},
		{"since after a past verb", "غادر السفير البلاد منذ ثلاثة أيام.", []found{{"منذ ثلاثة أيام", "2015-08-03"}}},
		{"from now", "تفتتح المحطة بعد أسبوعين من الآن.", []found{{"بعد أسبوعين من الآن", "2015-08-20"}}},
		{"from a place is not an event", "عاد الوفد قبل يومين من جنيف.", []found{{"قبل يومين", "2015-08-04"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := foundIn(tt.text, FindDatesIn(tt.text, ref))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindDatesIn(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestISOWeek checks isoWeek at year ends, where the ISO year differs
// from the calendar year.
func TestISOWeek(t *testing.T) {
	for _, tt := range []struct {
		y, m, d, wy, ww int
	}{
		{2015, 8, 6, 2015, 32}, {2016, 1, 1, 2015, 53}, {2018, 12, 31, 2019, 1}, {2021, 1, 3, 2020, 53}, {2021, 1, 4, 2021, 1},
	} {
		if y, w := isoWeek(civilDays(tt.y, tt.m, tt.d)); y != tt.wy || w != tt.ww {
			t.Errorf("isoWeek(%d-%02d-%02d) = %d-W%02d, want %d-W%02d", tt.y, tt.m, tt.d, y, w, tt.wy, tt.ww)
		}
	}
}
