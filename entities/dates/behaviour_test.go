package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/entities"
)

// TestBehaviour pins down rules that the date sets reach only by chance
// (issue 17: a mutation check let changes to each of them through), each
// with sentences written for it.
func TestBehaviour(t *testing.T) {
	ref := day(2015, 8, 6) // a Thursday
	tests := []struct {
		name string
		ref  time.Time
		text string
		want []found
	}{
		// A time of day after a date belongs to its span, an hour written
		// as an ordinal too, from the first hour to the twelfth.
		{"first hour", ref, "وقع الانفجار يوم 3 مارس 2014، الساعة الأولى صباحاً.", []found{{"يوم 3 مارس 2014، الساعة الأولى صباحاً", "2014-03-03"}}},
		{"eleventh hour", ref, "وقع الانفجار يوم 3 مارس 2014، الساعة الحادية عشرة مساءً.", []found{{"يوم 3 مارس 2014، الساعة الحادية عشرة مساءً", "2014-03-03"}}},
		{"twelfth hour", ref, "وقع الانفجار يوم 3 مارس 2014، الساعة الثانية عشرة ظهراً.", []found{{"يوم 3 مارس 2014، الساعة الثانية عشرة ظهراً", "2014-03-03"}}},
		// The n-th week of a month is a week, with or without a reference
		// when its year is written; with neither its ordinal is no day.
		{"week of a month", ref, "سيعقد المؤتمر في الأسبوع الثاني من أكتوبر.", []found{{"الأسبوع الثاني من أكتوبر", "2015-W41"}}},
		{"week of a month no reference", time.Time{}, "سيعقد المؤتمر في الأسبوع الثاني من أكتوبر 2016.", []found{{"الأسبوع الثاني من أكتوبر 2016", "2016-W41"}}},
		{"week of a month no year", time.Time{}, "سيعقد المؤتمر في الأسبوع الثاني من أكتوبر.", []found{}},
		// A range of days needs a first day: 0 is none, so the range is
		// just its last day.
		{"day zero opens no range", ref, "تقام البطولة في 0-5 يوليو.", []found{{"5 يوليو", "2015-07-05"}}},
		// A list of days holds days only: a number past 31 ends it, and
		// the days before it take no month.
		{"list broken by a count", ref, "تقام البطولة بين 3 و 40 و 20 مايو.", []found{{"20 مايو", "2015-05-20"}}},
		// Two years a few words apart are a range, which completes no
		// date: «5 شوال» takes the reference's year.
		{"spaced year range", ref, "ارتفع العجز بين 1433 و 1434هـ، ثم صرفت المكافآت في 5 شوال.", []found{{"1433", "2012"}, {"1434هـ", "2013"}, {"5 شوال", "2015-07-21"}}},
		{"listed years", ref, "ارتفع العجز في عامي 1433، و 1434هـ، ثم صرفت المكافآت في 5 شوال.", []found{{"عامي 1433", "2012"}, {"1434هـ", "2013"}, {"5 شوال", "2015-07-21"}}},
		{"one year completes", ref, "ارتفع العجز عام 1434هـ، ثم صرفت المكافآت في 5 شوال.", []found{{"عام 1434هـ", "2013"}, {"5 شوال", "2013-08-12"}}},
		// A year of the context completes a date in a past clause up to
		// pastSlack (7) days after the reference, and no later.
		{"completed a week ahead", day(2015, 12, 28), "بدأ عام 2016 بهدوء، وأغلقت السلطات المعبر في 4 يناير.", []found{{"عام 2016", "2016"}, {"4 يناير", "2016-01-04"}}},
		{"completed past the slack", day(2015, 12, 28), "بدأ عام 2016 بهدوء، وأغلقت السلطات المعبر في 5 يناير.", []found{{"عام 2016", "2016"}, {"5 يناير", "2015-01-05"}}},
		// The second year of a range may be as late as 2100.
		{"range to 2100", ref, "يتوقع أن ترتفع الحرارة بين 2050 و2100 بدرجتين.", []found{{"2050", "2050"}, {"2100", "2100"}}},
		// «يوم 1»: the first day of the month last named.
		{"day one of the month named", ref, "يبدأ التسجيل في سبتمبر، ويفتح الباب يوم 1 للطلاب الجدد.", []found{{"سبتمبر", "2015-09"}, {"يوم 1", "2015-09-01"}}},
		// A period word opening the text still makes the unit after it
		// the current one.
		{"period word first", ref, "مطلع العام شهد تراجعاً في المبيعات.", []found{{"العام", "2015"}}},
		// «هذا» + a weekday is the coming one, Sunday as any other.
		{"this sunday", ref, "ستعقد الجلسة هذا الأحد.", []found{{"هذا الأحد", "2015-08-09"}}},
		{"this monday", ref, "ستعقد الجلسة هذا الاثنين.", []found{{"هذا الاثنين", "2015-08-10"}}},
		// An amount of years from now is a year.
		{"years from now", ref, "ستكتمل المحطة 3 سنوات من الآن.", []found{{"3 سنوات من الآن", "2018"}}},
		{"two years from now", ref, "ستكتمل المحطة بعد سنتين من الآن.", []found{{"بعد سنتين من الآن", "2017"}}},
		// Bidi marks between the parts of a numeric date leave them
		// adjacent (the Arabic letter mark too); a tab does not.
		{"arabic letter mark", ref, "صدر القرار في 25\u061c/10/2014 بعد مداولات.", []found{{"25\u061c/10/2014", "2014-10-25"}}},
		{"right-to-left mark", ref, "صدر القرار في 25\u200f/10/2014 بعد مداولات.", []found{{"25\u200f/10/2014", "2014-10-25"}}},
		{"tab", ref, "صدر القرار في 25\t/10/2014 بعد مداولات.", []found{{"10/2014", "2014-10"}}},
		// «اليوم» as the paper's name, in quotation marks or after a word
		// for a medium, is no date even where a verb wants one.
		{"paper quoted", ref, "نشرت «اليوم» أمس تقريراً عن الخطة.", []found{{"أمس", "2015-08-05"}}},
		{"paper after a medium word", ref, "أعلنت صحيفة اليوم نتائج الاختبارات.", []found{}},
		// «الشهر السابق» is the month before the one the context names,
		// down to January of year 1.
		{"previous month of year 1", day(1, 3, 20), "ارتفعت الأسعار في فبراير مقارنة بالشهر السابق.", []found{{"فبراير", "0001-02"}, {"الشهر السابق", "0001-01"}}},
		// Before January of year 1 there is no month: «الشهر السابق» then
		// falls back to the month before the reference's, never to year 0.
		{"no month before year 1", day(1, 3, 20), "ارتفعت الأسعار في يناير مقارنة بالشهر السابق.", []found{{"يناير", "0001-01"}, {"الشهر السابق", "0001-02"}}},
		// Coordinated days share their month with no year and no
		// reference too: each is a day of it.
		{"listed days no reference", time.Time{}, "تقام الجولات في 10 و17 أغسطس.", []found{{"10", "--08-10"}, {"17 أغسطس", "--08-17"}}},
		// After December of year 9999 there is no day a Date holds: a
		// coming «5 يناير» names none (as a fifth Sunday the month lacks).
		{"no day after year 9999", day(9999, 12, 20), "سيعقد الاجتماع في 5 يناير، وعقد الأول في 3 ديسمبر.", []found{{"3 ديسمبر", "9999-12-03"}}},
		// A title over a paragraph with no words: the title is the last
		// region, and its dates are found.
		{"title over an empty paragraph", ref, "وصول الوفد الأممي إلى جنيف في 3 مارس 2014\n\n\U000E0001", []found{{"3 مارس 2014", "2014-03-03"}}},
		// «الشهر نفسه» is the last month named: a year alone names none.
		{"same month after a year", ref, "افتتح المصنع في مارس 2014. وكان العمال قد أضربوا عام 2013، ثم عادوا إلى الإضراب في الشهر نفسه.", []found{{"مارس 2014", "2014-03"}, {"عام 2013", "2013"}, {"الشهر نفسه", "2014-03"}}},
		// Persian «شنبه» after a number is a weekday of two words; Arabic
		// «السبت» after a count is Saturday.
		{"count before saturday", ref, "قتل خمسة السبت الماضي في هجوم على السوق.", []found{{"السبت الماضي", "2015-08-01"}}},
		// «منذ أمس» is yesterday; only قبل makes «أمس» the day before.
		{"since yesterday", ref, "يعتصم العمال منذ أمس أمام الوزارة.", []found{{"أمس", "2015-08-05"}}},
		// An English month followed by a comma and a count is the month.
		{"month then a count", ref, "In August, 20 workers lost their jobs.", []found{{"August", "2015-08"}}},
		// After a year word, 1300 is a Hijri year in a paper of 1883.
		{"hijri 1300", day(1883, 3, 1), "صدر الكتاب عام 1300 في القاهرة.", []found{{"عام 1300", "1883"}}},
		// The first time in an amount of time is a span up to now, also
		// when «أول» opens the text.
		{"first opens the text", ref, "أول لقاء بين الزعيمين منذ عامين.", []found{}},
		// An amount counted from an event after لل is a duration, in a
		// future clause too.
		{"amount after an event", ref, "ستبدأ المفاوضات بعد أسبوعين للانتخابات.", []found{}},
		// An amount of three digits before «من الآن».
		{"days from now", ref, "ستنتهي الأشغال 120 يوما من الآن.", []found{{"120 يوما من الآن", "2015-12-04"}}},
		// «3-4» is a day and month after a cue, also when the cue opens
		// the text.
		{"day-month after a first cue", ref, "في 3-4 عقد المجلس جلسته.", []found{{"3-4", "2015-04-03"}}},
		// A day and month followed by more numbers is a longer number.
		{"three numbers", ref, "نزّل التحديث 12/10/3 للنظام.", []found{}},
		// A run of digits longer than a day (here 257) is no day.
		{"long run of digits", ref, "وصل " + strings.Repeat("0", 256) + "5 يوليو", []found{}},
		// The tense of a clause is looked for up to clauseWords (24)
		// tokens back: a future verb 24 tokens before a weekday makes it
		// the next one, 25 tokens before it is out of reach.
		{"future verb in reach", ref, "سيفتتح الوزير" + strings.Repeat(" وجناح", 22) + " الخميس.", []found{{"الخميس", "2015-08-13"}}},
		{"future verb out of reach", ref, "سيفتتح الوزير" + strings.Repeat(" وجناح", 23) + " الخميس.", []found{{"الخميس", "2015-08-06"}}},
		// A month name that is also a common word (مارس: "practised") is
		// a month when و joins it to a month just before, and only then.
		{"joined ambiguous month", ref, "تراجع عدد السياح في يناير وفبراير ومارس.", []found{{"يناير", "2015-01"}, {"فبراير", "2015-02"}, {"مارس", "2015-03"}}},
		{"joined to a month no reference", time.Time{}, "تراجع عدد السياح في فبراير ومارس.", []found{{"فبراير", "--02"}, {"مارس", "--03"}}},
		{"practised after a city", ref, "انتقل إلى باريس ومارس المحاماة هناك.", []found{}},
		// A range of days in one month is one mention, Value its first day
		// and End its last (written first/last), with no reference too.
		{"range with to no reference", time.Time{}, "يستمر المهرجان من 4 إلى 9 آب.", []found{{"4 إلى 9 آب", "--08-04/--08-09"}}},
		{"range with a hyphen no reference", time.Time{}, "يستمر المهرجان 22 - 26 نوفمبر.", []found{{"22 - 26 نوفمبر", "--11-22/--11-26"}}},
		{"month then range no reference", time.Time{}, "يستمر المهرجان أبريل 2-6.", []found{{"أبريل 2-6", "--04-02/--04-06"}}},
		{"english range", ref, "The fair is held September 3-5 downtown.", []found{{"September 3-5", "2015-09-03/2015-09-05"}}},
		{"english range with a year", time.Time{}, "The talks ran May 20-24, 2013.", []found{{"May 20-24, 2013", "2013-05-20/2013-05-24"}}},
		// An ordinal weekday of a month is the n-th such weekday: of the
		// month «الشهر» names (the reference's), not the day n («Sunday the
		// 2nd», though 2 August 2015 is a Sunday); of a named month in the
		// year the tense allows, Hijri too; with no year at all, no day.
		{"second sunday of the month", ref, "ستعقد اللجنة اجتماعها الأحد الثاني من الشهر.", []found{{"الأحد الثاني من الشهر", "2015-08-09"}}},
		{"first saturday of a coming march", ref, "ستنطلق القافلة في السبت الأول من مارس.", []found{{"السبت الأول من مارس", "2016-03-05"}}},
		{"second friday of a past october", ref, "افتتح المعرض في الجمعة الثانية من أكتوبر.", []found{{"الجمعة الثانية من أكتوبر", "2014-10-10"}}},
		{"first sunday of a coming shawwal", ref, "سيبدأ الدوام في الأحد الأول من شوال.", []found{{"الأحد الأول من شوال", "2016-07-10"}}},
		{"ordinal weekday no reference", time.Time{}, "فاز الفريق في السبت الثاني من نوفمبر.", []found{}},
		{"ordinal weekday of a year no reference", time.Time{}, "فاز الفريق في السبت الثاني من نوفمبر 2014.", []found{{"السبت الثاني من نوفمبر 2014", "2014-11-08"}}},
		// Coordinated ordinal days take the month of the last with no
		// reference too, one mention each.
		{"coordinated ordinals no reference", time.Time{}, "تجرى الانتخابات في الثالث والعاشر من حزيران.", []found{{"الثالث", "--06-03"}, {"العاشر من حزيران", "--06-10"}}},
		{"ordinals to no reference", time.Time{}, "يستمر الإضراب من الحادي عشر وحتى الرابع عشر من يناير.", []found{{"الحادي عشر", "--01-11"}, {"الرابع عشر من يناير", "--01-14"}}},
		// Before year 1 there is no day a Date holds, as after 9999: a date
		// resolved there is left out; year 0 of a date with no reference
		// is an unknown year and stays.
		{"week before year 1", day(1, 1, 5), "وصل الوفد قبل أسبوع ثم غادر أمس.", []found{{"أمس", "0001-01-04"}}},
		{"year before year 1", day(1, 1, 5), "أعلنت الشركة أرباحها العام الماضي.", []found{}},
		{"decade before year 1", day(1, 1, 5), "تراجعت الأسعار خلال العقد الماضي.", []found{}},
		{"unknown year stays", time.Time{}, "وصل الوفد في 9 مارس.", []found{{"9 مارس", "--03-09"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := foundRanges(tt.text, FindDatesIn(tt.text, tt.ref))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindDatesIn(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// foundRanges is foundIn with the end of a range: its value is written
// «first/last», as an ISO 8601 interval.
func foundRanges(text string, ms []entities.DateMention) []found {
	out := foundIn(text, ms)
	for i, m := range ms {
		if m.End.Precision != 0 {
			out[i].Value += "/" + m.End.String()
		}
	}
	return out
}
