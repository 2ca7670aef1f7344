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
		{"persian yesterday", "روز گذشته جلسه شورا برگزار شد.", []found{{"روز گذشته", "2015-08-05"}}},
		{"persian next week", "هفته آینده جلسه شورا برگزار می‌شود.", []found{{"هفته آینده", "2015-W33"}}},
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
		{"today the paper", "وقال مدير التعليم لـ«اليوم» إن الخطة جاهزة.", []found{}},
		{"today the paper quoted", "نشرت «اليوم» تقريرا عن الخطة.", []found{}},
		{"today the paper named", "أفادت صحيفة اليوم بأن الخطة جاهزة.", []found{}},
		{"next day past story", "غادر الوفد في اليوم التالي إلى القاهرة.", []found{}},
		{"next day future", "يعود الوفد في اليوم التالي إلى القاهرة.", []found{{"اليوم التالي", "2015-08-07"}}},
		{"day before an event", "هدأت المدينة في اليوم السابق للاقتراع.", []found{}},
		// A year written in the same sentence, or the one before, completes a
		// date without one before the reference does; a range of years does
		// not.
		{"year later in the sentence", "ولد في الرابع من يوليو، وتخرج عام 1993 من الجامعة.", []found{{"الرابع من يوليو", "1993-07-04"}, {"عام 1993", "1993"}}},
		{"year earlier in the sentence", "زار الرياض عام 2010، ثم عاد إليها في 3 مارس.", []found{{"عام 2010", "2010"}, {"3 مارس", "2010-03-03"}}},
		{"year of the sentence before", "انتهت الحرب عام 1991. وفي 20 يونيو وقّع الطرفان الاتفاق.", []found{{"عام 1991", "1991"}, {"20 يونيو", "1991-06-20"}}},
		{"no year two sentences back", "انتهت الحرب عام 1991. ثم عمّ الهدوء. ووقّع الطرفان الاتفاق في 20 يونيو.", []found{{"عام 1991", "1991"}, {"20 يونيو", "2015-06-20"}}},
		{"hijri year completes a hijri date", "صدر القرار في 1436هـ، وطبق في 5 شوال.", []found{{"1436هـ", "2015"}, {"5 شوال", "2015-07-21"}}},
		{"range does not complete", "يمتد العام الدراسي 1436 - 1437هـ، ويبدأ في 16 ذي الحجة.", []found{{"العام الدراسي 1436", "2015"}, {"1437هـ", "2016"}, {"16 ذي الحجة", "2015-09-29"}}},
		{"weekday keeps its year", "وقعت الحادثة عام 2012، يوم الخميس 6 أغسطس.", []found{{"عام 2012", "2012"}, {"يوم الخميس 6 أغسطس", "2015-08-06"}}},
		// The tense moves a date or a month without a year.
		{"past date after the reference", "احتفل السكان في 25 ديسمبر بالعيد.", []found{{"25 ديسمبر", "2014-12-25"}}},
		{"future date before the reference", "سيفتتح المعرض في 10 مارس.", []found{{"10 مارس", "2016-03-10"}}},
		{"habitual present keeps the year", "يحتفل السكان في 25 ديسمبر من كل عام بالعيد.", []found{{"25 ديسمبر", "2015-12-25"}}},
		{"past month", "تراجعت الصادرات في نوفمبر بشكل حاد.", []found{{"نوفمبر", "2014-11"}}},
		{"future month", "ستجرى الانتخابات في مارس.", []found{{"مارس", "2016-03"}}},
		{"past date days after the reference", "أغلق المعبر في 9 أغسطس بسبب الأمطار.", []found{{"9 أغسطس", "2015-08-09"}}},
		// The month or year last named.
		{"same month", "تعلن القائمة في 10 سبتمبر، والنتائج في الـ 16 من الشهر نفسه.", []found{{"10 سبتمبر", "2015-09-10"}, {"الـ 16 من الشهر نفسه", "2015-09-16"}}},
		{"same year", "بدأ المشروع في مارس 2009. وفي منتصف العام نفسه توقف.", []found{{"مارس 2009", "2009-03"}, {"العام نفسه", "2009"}}},
		{"day of the month named", "يبدأ التسجيل في 3 سبتمبر، وتعلن النتائج في الـ 20، والطعون من الـ 21 حتى الـ 23.", []found{{"3 سبتمبر", "2015-09-03"}, {"الـ 20", "2015-09-20"}, {"الـ 21", "2015-09-21"}, {"الـ 23", "2015-09-23"}}},
		{"rank is no day", "سيفتتح المعرض في 3 سبتمبر في نسخته الـ 19 بمشاركة واسعة.", []found{{"3 سبتمبر", "2015-09-03"}}},
		{"no month named", "تأهل الفريق في الـ 20 من المسابقة.", []found{}},
		{"weekday picks the hijri month", "تقام الندوة يوم الخميس الـ 28 من الشهر الجاري.", []found{{"يوم الخميس الـ 28 من الشهر الجاري", "2015-08-13"}}},
		{"weekday agrees with the gregorian month", "تقام الندوة يوم الجمعة الـ 28 من الشهر الجاري.", []found{{"يوم الجمعة الـ 28 من الشهر الجاري", "2015-08-28"}}},
		{"ordinal range", "يقام المؤتمر بين الخامس عشر وحتى السابع عشر من نوفمبر 2015م.", []found{{"الخامس عشر", "2015-11-15"}, {"السابع عشر من نوفمبر 2015م", "2015-11-17"}}},
		{"epithet of ramadan", "أغلقت الحجوزات في العشر الأواخر من الشهر الفضيل.", []found{{"الشهر الفضيل", "2015-07"}}},
		// Ordinal weekdays of a month.
		{"second sunday", "تعقد الجمعية اجتماعها الأحد الثاني.", []found{{"الأحد الثاني", "2015-08-09"}}},
		{"first friday of a hijri month", "تقام الصلاة في الجمعة الأولى من شوال 1436.", []found{{"الجمعة الأولى من شوال 1436", "2015-07-17"}}},
		{"first weekday with يوم", "يفتتح السوق أول يوم جمعة من سبتمبر.", []found{{"أول يوم جمعة من سبتمبر", "2015-09-04"}}},
		{"day of month agrees with the weekday", "وصل السبت الأول من أغسطس.", []found{{"السبت الأول من أغسطس", "2015-08-01"}}},
		{"fifth sunday", "يعود الفريق الأحد الخامس.", []found{{"الأحد الخامس", "2015-08-30"}}},
		{"no fifth sunday", "يعود الفريق الأحد الخامس من سبتمبر.", []found{}},
		{"no 31st of a 30-day month", "سيعود في الحادي والثلاثين من الشهر المقبل.", []found{}},
		// Amounts counted from now.
		{"amount from now past", "غادر الوفد 2 سنة و1 شهر و5 أيام من الآن.", []found{{"2 سنة و1 شهر و5 أيام من الآن", "2013-07-01"}}},
		{"amount from now future", "سيصل الوفد شهرين و 3 أيام من الآن.", []found{{"شهرين و 3 أيام من الآن", "2015-10-09"}}},
		{"amount with a comma", "كان الاجتماع منذ 1 شهر، 10 أيام من الآن.", []found{{"منذ 1 شهر، 10 أيام من الآن", "2015-06-26"}}},
		{"the day before", "سوف أعود اليوم الماضي.", []found{{"اليوم الماضي", "2015-08-05"}}},
		// Decades.
		{"decade of the last century", "نشأ الحي في تسعينات القرن الماضي.", []found{{"تسعينات القرن الماضي", "199"}}},
		{"decade of a century", "ولد في ثمانينيات القرن العشرين.", []found{{"ثمانينيات القرن العشرين", "198"}}},
		{"decade alone", "انتشرت الموضة في السبعينيات.", []found{{"السبعينيات", "197"}}},
		// Coordinated days share the month and year of the last.
		{"coordinated days", "تقام الجولات في 10 و17 و24 أغسطس 2015.", []found{{"10", "2015-08-10"}, {"17", "2015-08-17"}, {"24 أغسطس 2015", "2015-08-24"}}},
		{"coordinated dual", "ينعقد المنتدى يومي 12 و13 تشرين الأول (أكتوبر) 2015.", []found{{"12", "2015-10-12"}, {"13 تشرين الأول (أكتوبر) 2015", "2015-10-13"}}},
		{"coordinated hijri", "تصرف المكافآت في 5 و20 شوال 1436 هـ.", []found{{"5", "2015-07-21"}, {"20 شوال 1436 هـ", "2015-08-05"}}},
		{"numbers and a date", "فاز 3 و4 لاعبين في 5 مايو 2015.", []found{{"5 مايو 2015", "2015-05-05"}}},
		// Spaced numeric dates and year ranges with a calendar marker.
		{"spaced slashes", "يبدأ التسجيل يوم الثلاثاء 26 / 10 / 1436 هـ.", []found{{"يوم الثلاثاء 26 / 10 / 1436 هـ", "2015-08-11"}}},
		{"hijri school year", "يبدأ العام الدراسي 1436 - 1437هـ بعد العيد.", []found{{"العام الدراسي 1436", "2015"}, {"1437هـ", "2016"}}},
		{"hijri year range", "ارتفع العجز بين 1435 و1436هـ.", []found{{"1435", "2014"}, {"1436هـ", "2015"}}},
		{"gregorian range with marker", "عاش الشاعر بين 1880 -1950م في الأحساء.", []found{{"1880", "1880"}, {"1950م", "1950"}}},
		{"price range is no year", "تتراوح الأسعار بين 1500-1800 ريال.", []found{}},
		{"end of a year", "بلغت الإيرادات 5 مليارات بنهاية 2014 حسب التقرير.", []found{{"2014", "2014"}}},
		// Counts and names that are no dates (the annotation guide's list).
		{"count after a preposition", "انتشرت القوات في 2000 موقع.", []found{}},
		{"count range", "تتراوح الرواتب بين 1950 و2000 ريال.", []found{}},
		{"feminine counted noun", "ارتفع العدد حتى 2015 حالة.", []found{}},
		{"year before a verb", "في 2014 ارتفعت الأسعار بشدة.", []found{{"2014", "2014"}}},
		{"year before a clitic word", "ارتفع عدد السكان بين 2010 و2020 بنسبة كبيرة.", []found{{"2010", "2010"}, {"2020", "2020"}}},
		{"friday prayer", "أدى المصلون صلاة الجمعة في المسجد الحرام.", []found{}},
		{"friday sermon", "ألقى الشيخ خطبة الجمعة أمس.", []found{{"أمس", "2015-08-05"}}},
		{"day before a count", "وفي الـ 20 عاما الماضية تغير الكثير بعد 3 أغسطس.", []found{{"3 أغسطس", "2015-08-03"}}},
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

// TestWeekdayOnReferenceDay checks that a bare weekday that names the
// reference's own day is that day in a past clause, and the same day a
// week later in a future one: it must not move a week either way (issue
// 17: a mutation of the search's start went unnoticed).
func TestWeekdayOnReferenceDay(t *testing.T) {
	ref := day(2025, 11, 1) // a Saturday
	for _, tt := range []struct {
		text string
		want []found
	}{
		{"اجتمع المجلس السبت في الرياض.", []found{{"السبت", "2025-11-01"}}},
		{"اجتمع المجلس يوم السبت في الرياض.", []found{{"يوم السبت", "2025-11-01"}}},
		{"سيجتمع المجلس السبت في الرياض.", []found{{"السبت", "2025-11-08"}}},
		{"The council met on Saturday in Riyadh.", []found{{"Saturday", "2025-11-01"}}},
		{"اجتمع المجلس الجمعة في الرياض.", []found{{"الجمعة", "2025-10-31"}}},
		{"سيجتمع المجلس الأحد في الرياض.", []found{{"الأحد", "2025-11-02"}}},
	} {
		got := foundIn(tt.text, FindDatesIn(tt.text, ref))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("FindDatesIn(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}
