package dates

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/internal/golden"
)

var updateDates = flag.Bool("update-dates", false, "rewrite internal/dates/testdata/forms.golden from the current output")

const datesTestdata = "testdata"

// found is a mention as the tests compare it: the span's text and the value.
type found struct {
	Text  string
	Value string
}

func foundIn(text string, ms []entities.DateMention) []found {
	out := []found{}
	for _, m := range ms {
		out = append(out, found{text[m.Span.Start:m.Span.End], m.Value.String()})
	}
	return out
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestFindDatesIn(t *testing.T) {
	ref := day(2025, 11, 1) // a Saturday
	tests := []struct {
		name string
		ref  time.Time
		text string
		want []found
	}{
		// Gregorian months: Modern Standard, Levantine, Maghrebi, Moroccan.
		{"msa", ref, "وقّع الاتفاق في 29 يوليو 1938 ثم في 11 مايو 1939.", []found{{"29 يوليو 1938", "1938-07-29"}, {"11 مايو 1939", "1939-05-11"}}},
		{"msa variants", ref, "في 5 إبريل 2018 و1 يونيه 1995 و23 يوليه 1952 و7 اغسطس 2026", []found{{"5 إبريل 2018", "2018-04-05"}, {"1 يونيه 1995", "1995-06-01"}, {"23 يوليه 1952", "1952-07-23"}, {"7 اغسطس 2026", "2026-08-07"}}},
		{"levantine", ref, "في 12 كانون الثاني 2020 و3 شباط 2023 و15 آذار 2011 و31 تشرين الأول 2016 و28 كانون الأول 2024", []found{{"12 كانون الثاني 2020", "2020-01-12"}, {"3 شباط 2023", "2023-02-03"}, {"15 آذار 2011", "2011-03-15"}, {"31 تشرين الأول 2016", "2016-10-31"}, {"28 كانون الأول 2024", "2024-12-28"}}},
		{"levantine 2", ref, "في 21 نيسان 2005 و10 أيار 2019 و9 حزيران 2014 و9 تموز 2014 و4 آب 2020 و1 أيلول 2010 و2 تشرين الثاني 2025", []found{{"21 نيسان 2005", "2005-04-21"}, {"10 أيار 2019", "2019-05-10"}, {"9 حزيران 2014", "2014-06-09"}, {"9 تموز 2014", "2014-07-09"}, {"4 آب 2020", "2020-08-04"}, {"1 أيلول 2010", "2010-09-01"}, {"2 تشرين الثاني 2025", "2025-11-02"}}},
		{"maghrebi", ref, "في 14 جانفي 2011 و22 فيفري 2019 و3 أفريل 2021 و9 ماي 2027 و12 جوان 2018 و5 جويلية 1962 و20 أوت 2024", []found{{"14 جانفي 2011", "2011-01-14"}, {"22 فيفري 2019", "2019-02-22"}, {"3 أفريل 2021", "2021-04-03"}, {"9 ماي 2027", "2027-05-09"}, {"12 جوان 2018", "2018-06-12"}, {"5 جويلية 1962", "1962-07-05"}, {"20 أوت 2024", "2024-08-20"}}},
		{"moroccan", ref, "في 30 شتنبر 2022 و16 نونبر 2023 و5 دجنبر 2025 و14 يوليوز 2017", []found{{"30 شتنبر 2022", "2022-09-30"}, {"16 نونبر 2023", "2023-11-16"}, {"5 دجنبر 2025", "2025-12-05"}, {"14 يوليوز 2017", "2017-07-14"}}},
		// Pairs.
		{"pair paren", ref, "عاد يوم الأربعاء 20 أغسطس (آب) إلى العاصمة.", []found{{"يوم الأربعاء 20 أغسطس (آب)", "2025-08-20"}}},
		{"pair slash", ref, "في 3 آب/أغسطس وفي 11 أغسطس/ آب 2021", []found{{"3 آب/أغسطس", "2021-08-03"}, {"11 أغسطس/ آب 2021", "2021-08-11"}}},
		{"pair month year", ref, "وقّعت في مارس (آذار) 2023 بعد وساطة.", []found{{"مارس (آذار) 2023", "2023-03"}}},
		{"pair two-word", ref, "في 7 تشرين الأول (أكتوبر) 2023 و2 يناير/كانون الثاني 2024", []found{{"7 تشرين الأول (أكتوبر) 2023", "2023-10-07"}, {"2 يناير/كانون الثاني 2024", "2024-01-02"}}},
		// Months with a year, a modifier or a cue.
		{"month year", ref, "في يناير 2024 وخلال شهر مايو 2020 وفي سبتمبر عام 1998", []found{{"يناير 2024", "2024-01"}, {"شهر مايو 2020", "2020-05"}, {"سبتمبر عام 1998", "1998-09"}}},
		{"month modifier", ref, "في أكتوبر الماضي وفي يناير المقبل وفي نوفمبر الجاري", []found{{"أكتوبر الماضي", "2025-10"}, {"يناير المقبل", "2026-01"}, {"نوفمبر الجاري", "2025-11"}}},
		{"month of relative year", ref, "في مايو من العام الماضي", []found{{"مايو من العام الماضي", "2024-05"}}},
		{"bare month with cue", ref, "تنتهي الأشغال في ديسمبر.", []found{{"ديسمبر", "2025-12"}}},
		{"ambiguous month needs a cue", ref, "مارس الضغط على الحكومة، ومارس الفريق ضغطاً.", []found{}},
		// Years.
		{"since year", ref, "يحكم منذ عام 1994 دون انقطاع.", []found{{"عام 1994", "1994"}}},
		{"year cues", ref, "سنة 2023 والعام 2020 وعام 2015م وسنة ١٩٦٧", []found{{"سنة 2023", "2023"}, {"العام 2020", "2020"}, {"عام 2015م", "2015"}, {"سنة ١٩٦٧", "1967"}}},
		{"bare year after preposition", ref, "انضمت في 2019 وتعمل منذ 2011.", []found{{"2019", "2019"}, {"2011", "2011"}}},
		{"year range", ref, "بين 2010 و2020 ومن عام 1980 إلى عام 1988", []found{{"2010", "2010"}, {"2020", "2020"}, {"عام 1980", "1980"}, {"عام 1988", "1988"}}},
		{"before the common era", ref, "حوالي سنة 250 ق.م. ومنذ 1000 سنة ق. م.", []found{}},
		{"numbers that are not years", ref, "قتل 20 شخصاً وارتفع العدد إلى 1994 حالة و3000 زائر.", []found{}},
		// Numeric dates.
		{"numeric", ref, "2016/02/22 و22/02/2016 و22-2-2016 و٢٠١٦/٠٢/٢٢ و05.03.2021", []found{{"2016/02/22", "2016-02-22"}, {"22/02/2016", "2016-02-22"}, {"22-2-2016", "2016-02-22"}, {"٢٠١٦/٠٢/٢٢", "2016-02-22"}, {"05.03.2021", "2021-03-05"}}},
		{"numeric bidi marks", ref, "بتاريخ 20\u200f/8\u200f/2025", []found{{"20\u200f/8\u200f/2025", "2025-08-20"}}},
		{"numeric jalali", ref, "در تاریخ ۱۴۰۳/۰۵/۱۲ افتتاح شد", []found{{"۱۴۰۳/۰۵/۱۲", "2024-08-02"}}},
		{"numeric hijri", ref, "صدر في 14-09-1432 هـ, 09:40 صباحاً", []found{{"14-09-1432 هـ, 09:40 صباحاً", "2011-08-14"}}},
		// Hijri.
		{"hijri", ref, "في 1 رمضان 1446 هـ و9 ذو الحجة 1445 هـ و17 ربيع الأول 1440 هـ", []found{{"1 رمضان 1446 هـ", "2025-03-01"}, {"9 ذو الحجة 1445 هـ", "2024-06-15"}, {"17 ربيع الأول 1440 هـ", "2018-11-25"}}},
		{"hijri year", ref, "تأسست عام 1420 هـ.", []found{{"عام 1420 هـ", "1999"}}},
		{"hijri month year", ref, "في رمضان 1444 هـ", []found{{"رمضان 1444 هـ", "2023-04"}}},
		{"hijri name not a month", ref, "التقى رجب طيب أردوغان بنظيره.", []found{}},
		// Persian.
		{"jalali", ref, "در ۲۰ مرداد ۱۴۰۴ و ۱ فروردین ۱۴۰۴ و ۱۰ دی ماه ۱۳۹۳", []found{{"۲۰ مرداد ۱۴۰۴", "2025-08-11"}, {"۱ فروردین ۱۴۰۴", "2025-03-21"}, {"۱۰ دی ماه ۱۳۹۳", "2014-12-31"}}},
		{"persian relative", ref, "دیروز و امروز و هفته گذشته و سه روز پیش و سال ۱۴۰۰", []found{{"دیروز", "2025-10-31"}, {"امروز", "2025-11-01"}, {"هفته گذشته", "2025-W43"}, {"سه روز پیش", "2025-10-29"}, {"سال ۱۴۰۰", "2021"}}},
		{"jalali ordinals", ref, "سه شنبه سوم شهریور ۱۳۹۴ و پنجشنبه بیست و سوم اردیبهشت ۱۳۸۹ و جمعه سی ام اسفند ۱۳۸۷", []found{{"سه شنبه سوم شهریور ۱۳۹۴", "2015-08-25"}, {"پنجشنبه بیست و سوم اردیبهشت ۱۳۸۹", "2010-05-13"}, {"جمعه سی ام اسفند ۱۳۸۷", "2009-03-20"}}},
		{"jalali time", ref, "پنجشنبه ۲۶ شهريور ۱۳۹۴ ساعت ۹:۳۲", []found{{"پنجشنبه ۲۶ شهريور ۱۳۹۴ ساعت ۹:۳۲", "2015-09-17"}}},
		// Weekdays.
		{"weekday past", ref, "اجتمع يوم الأربعاء الماضي.", []found{{"يوم الأربعاء الماضي", "2025-10-29"}}},
		{"weekday bare", ref, "وقال يوم الخميس إن المحادثات مستمرة، وأعلنت الشرطة الجمعة.", []found{{"يوم الخميس", "2025-10-30"}, {"الجمعة", "2025-10-31"}}},
		{"weekday next", ref, "يصل الأحد المقبل والسبت القادم.", []found{{"الأحد المقبل", "2025-11-02"}, {"السبت القادم", "2025-11-08"}}},
		{"weekday with date", ref, "الأربعاء، 20 أغسطس 2025 والخميس الموافق 6 نوفمبر", []found{{"الأربعاء، 20 أغسطس 2025", "2025-08-20"}, {"الخميس الموافق 6 نوفمبر", "2025-11-06"}}},
		// Relative expressions.
		{"days", ref, "اليوم وأمس وبالأمس وغداً وغدا وأول أمس وبعد غد", []found{{"اليوم", "2025-11-01"}, {"أمس", "2025-10-31"}, {"الأمس", "2025-10-31"}, {"غداً", "2025-11-02"}, {"غدا", "2025-11-02"}, {"أول أمس", "2025-10-30"}, {"بعد غد", "2025-11-03"}}},
		{"units", ref, "الأسبوع الماضي والأسبوع المقبل والأسبوع القادم والشهر الماضي والشهر المقبل والعام الماضي والعام المقبل", []found{{"الأسبوع الماضي", "2025-W43"}, {"الأسبوع المقبل", "2025-W45"}, {"الأسبوع القادم", "2025-W45"}, {"الشهر الماضي", "2025-10"}, {"الشهر المقبل", "2025-12"}, {"العام الماضي", "2024"}, {"العام المقبل", "2026"}}},
		{"ago", ref, "قبل يومين وقبل ثلاثة أيام ومنذ ثلاثة أيام وبعد أسبوعين وقبل 5 سنوات ومنذ شهرين", []found{{"قبل يومين", "2025-10-30"}, {"قبل ثلاثة أيام", "2025-10-29"}, {"منذ ثلاثة أيام", "2025-10-29"}, {"بعد أسبوعين", "2025-11-15"}, {"قبل 5 سنوات", "2020"}, {"منذ شهرين", "2025-09"}}},
		{"approximate", ref, "غادر منذ أكثر من عام وعاد قبل نحو ثلاثة أشهر", []found{{"منذ أكثر من عام", "2024"}, {"قبل نحو ثلاثة أشهر", "2025-08"}}},
		{"periods", ref, "مطلع العام المقبل ونهاية الشهر الجاري وهذا العام وأواخر الشهر الماضي", []found{{"العام المقبل", "2026"}, {"الشهر الجاري", "2025-11"}, {"هذا العام", "2025"}, {"الشهر الماضي", "2025-10"}}},
		{"today not an adjective", ref, "يحتفل باليوم الوطني وكان اليوم الأول حافلاً.", []found{}},
		{"vague plural", ref, "خلال الأيام الماضية وقبل أيام", []found{}},
		// Ordinal days.
		{"ordinals", ref, "الحادي والعشرين من مايو والأول من يناير 2026 والعاشر من رمضان والخامس عشر من أغسطس 2027", []found{{"الحادي والعشرين من مايو", "2026-05-21"}, {"الأول من يناير 2026", "2026-01-01"}, {"العاشر من رمضان", "2026-02-27"}, {"الخامس عشر من أغسطس 2027", "2027-08-15"}}},
		// English.
		{"english", ref, "on 20 August 2025, August 21, 2025, Aug. 22, on Wednesday, yesterday, last week, 3 days ago, next month, in 1998", []found{{"20 August 2025", "2025-08-20"}, {"August 21, 2025", "2025-08-21"}, {"Aug. 22", "2025-08-22"}, {"Wednesday", "2025-10-29"}, {"yesterday", "2025-10-31"}, {"last week", "2025-W43"}, {"3 days ago", "2025-10-29"}, {"next month", "2025-12"}, {"1998", "1998"}}},
		// Time of day is part of the expression.
		{"time", ref, "6 يناير، 2015، الساعة 05:16 مساءً", []found{{"6 يناير، 2015، الساعة 05:16 مساءً", "2015-01-06"}}},
		// Clitics stay out of the span.
		{"clitics", ref, "وفي عام 2008 ولعام 2009 وبالأمس", []found{{"عام 2008", "2008"}, {"عام 2009", "2009"}, {"الأمس", "2025-10-31"}}},
		// Weekdays in a future sentence, «this» weekdays, weekday and ordinal.
		{"weekday future", day(2013, 2, 12), "سيعقد المجلس جلسته الاثنين، وأعلنت الوزارة الجمعة خطتها.", []found{{"الاثنين", "2013-02-18"}, {"الجمعة", "2013-02-08"}}},
		{"this weekday", day(2013, 2, 12), "تنطلق الدورة هذا الاثنين.", []found{{"هذا الاثنين", "2013-02-18"}}},
		{"weekday ordinal", day(2013, 2, 12), "افتتح السبت السادس عشر والأحد السابع عشرة", []found{{"السبت السادس عشر", "2013-02-16"}, {"الأحد السابع عشرة", "2013-02-17"}}},
		{"ordinal of relative month", day(2013, 2, 12), "في الخامس من الشهر الماضي", []found{{"الخامس من الشهر الماضي", "2013-01-05"}}},
		{"colloquial", day(2013, 2, 12), "نلتقي بكرة، ووصل البارحة.", []found{{"بكرة", "2013-02-13"}, {"البارحة", "2013-02-11"}}},
		{"numeric month", day(2013, 2, 12), "في 2/2013", []found{{"2/2013", "2013-02"}}},
		// No reference.
		{"no ref", time.Time{}, "يوم الأربعاء 20 أغسطس (آب) وأمس ومنذ عام 1994 وفي شهر يوليو", []found{{"يوم الأربعاء 20 أغسطس (آب)", "--08-20"}, {"عام 1994", "1994"}, {"شهر يوليو", "--07"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := foundIn(tt.text, FindDatesIn(tt.text, tt.ref))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindDatesIn(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindDatesRange(t *testing.T) {
	ref := day(2013, 2, 12)
	for _, tt := range []struct {
		text, span, from, to string
	}{
		{"يقام من 13 الى 15 تموز في جرش.", "13 الى 15 تموز", "2013-07-13", "2013-07-15"},
		{"يقام في 13-15 يوليو 2014.", "13-15 يوليو 2014", "2014-07-13", "2014-07-15"},
		{"يقام في يوليو 13-15.", "يوليو 13-15", "2013-07-13", "2013-07-15"},
	} {
		got := FindDatesIn(tt.text, ref)
		if len(got) != 1 {
			t.Errorf("FindDatesIn(%q) = %v, want one range", tt.text, foundIn(tt.text, got))
			continue
		}
		m := got[0]
		if s := tt.text[m.Span.Start:m.Span.End]; s != tt.span || m.Value.String() != tt.from || m.End.String() != tt.to {
			t.Errorf("FindDatesIn(%q) = %q %s..%s, want %q %s..%s", tt.text, s, m.Value, m.End, tt.span, tt.from, tt.to)
		}
	}
	if m := FindDatesIn("في 20 أغسطس 2025", ref); len(m) != 1 || m[0].End.Precision != 0 {
		t.Errorf("a single date has End %+v, want the zero Date", m)
	}
}

// TestFindDatesWeekdayYear checks that a weekday picks the year nearest the
// reference in which it is right.
func TestFindDatesWeekdayYear(t *testing.T) {
	const text = "عاد الرئيس يوم الأربعاء 20 أغسطس (آب) إلى البلاد."
	for _, tt := range []struct {
		ref  time.Time
		want string
	}{
		{day(2025, 11, 1), "2025-08-20"},
		{day(2023, 1, 10), "2025-08-20"}, // 2025 is nearer than 2014
		{day(2019, 6, 1), "2014-08-20"},  // 2014 is nearer than 2025
		{day(2031, 5, 1), "2031-08-20"},
		{time.Time{}, "--08-20"},
	} {
		got := FindDatesIn(text, tt.ref)
		if len(got) != 1 || got[0].Value.String() != tt.want {
			t.Errorf("ref %s: got %v, want one date %s", tt.ref.Format("2006-01-02"), foundIn(text, got), tt.want)
		}
	}
}

// goldDate is one date of the seed's gold annotation.
type goldDate struct {
	Text      string `json:"text"`
	Span      [2]int `json:"span"`
	Value     string `json:"value"`
	Precision string `json:"precision"`
}

// TestFindDatesSeed compares FindDates on the sample article with its gold
// annotation (internal/dates/testdata/seed.gold-dates.json, the dates of
// the hand-made gold file).
func TestFindDatesSeed(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(datesTestdata, "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := os.ReadFile(filepath.Join(datesTestdata, "seed.gold-dates.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want []goldDate
	if err := json.Unmarshal(gb, &want); err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	got := []goldDate{}
	for _, m := range FindDates(a, day(2025, 11, 1)) {
		got = append(got, goldDate{a.Text(m.Span), [2]int{m.Span.Start, m.Span.End}, m.Value.String(), m.Value.Precision.String()})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FindDates(seed) mismatch (-want +got):\n%s", diff)
	}
}

// TestFindDatesFormsGolden runs FindDatesIn over testdata/forms.txt (one
// expression family a line) and compares with forms.golden.
func TestFindDatesFormsGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(datesTestdata, "forms.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		fmt.Fprintf(&b, "%s\n", line)
		for _, f := range foundIn(line, FindDatesIn(line, day(2025, 11, 1))) {
			fmt.Fprintf(&b, "\t%s\t%s\n", f.Text, f.Value)
		}
	}
	golden.Check(t, filepath.Join(datesTestdata, "forms.golden"), b.String(), *updateDates, "-update-dates")
}

func TestFindDatesNil(t *testing.T) {
	if got := FindDates(nil, time.Time{}); got != nil {
		t.Errorf("FindDates(nil) = %v, want nil", got)
	}
}

// validDate reports whether d is a well-formed value of its precision.
func validDate(d entities.Date) bool {
	switch d.Precision {
	case entities.Year:
		return d.Year > 0 && d.Month == 0 && d.Day == 0
	case entities.Month:
		return d.Month >= 1 && d.Month <= 12 && d.Day == 0
	case entities.Week:
		return d.Week >= 1 && d.Week <= 53 && d.Month == 0 && d.Day == 0
	case entities.Decade:
		return d.Year%10 == 0 && d.Year > 0 && d.Month == 0 && d.Day == 0
	case entities.Day:
		if d.Month < 1 || d.Month > 12 || d.Day < 1 {
			return false
		}
		y := d.Year
		if y == 0 {
			y = 2000 // unknown year: allow 29 February
		}
		return d.Day <= time.Date(y, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	return false
}

func FuzzFindDatesIn(f *testing.F) {
	for _, s := range []string{
		"يوم الأربعاء 20 أغسطس (آب)", "منذ عام 1994", "مارس (آذار) 2023", "٢٠١٦/٠٢/٢٢", "۱۴۰۳/۰۵/۱۲",
		"الحادي والعشرين من مايو", "قبل ثلاثة أيام", "1 رمضان 1446 هـ", "۲۰ مرداد ۱۴۰۴", "August 20, 2025",
		"31/02/2020", "30 فبراير", "29 فبراير", "الـ", "هـ 1446", "(آب", "2015م", "0/0/0", "99999999999/1/1",
		"في 22/10", "يوم 31-02", "7-3-95", "أكتوبر-12", "مارس الحادي والثلاثين، 2017", "خمسة وعشرين ديسمبر",
		"الخميس 31", "الأسبوع المقبل يوم", "منذ شهر و 10 أيام", "بعد عام و", "غدا الساعة 8 مساء", "الساعة العاشرة",
		"قبل يوم أمس", "1 شوال المقبل", "هذا يوم الخميس", "الجمعة من الأسبوع", "في 4.", "و",
		"مايو الحادي عشر من ألف وتسعمائة", "عام ألفين وعشرين", "16. نوفمبر.", "اليوم 6",
		"الأسبوع الخامس من فبراير", "الأسبوع الأول من الشهر المقبل", "يوم 31", "نواجه اليوم تحديا. أما اليوم",
		"بعد غد السبت", "يوم غد", "العقد الزمني الماضي", "عقود سبتمبر", "بطل العالم 2008 و2014",
		"الخامس والثامن من أيلول", "العام الهجري 1437", "صباح غد", "مساحته 1600م", "بعد أربعة أيام على فوزه",
		"في عام 1000. العام السابق والشهر السابق", "يناير 1000 الشهر السابق", "نوفمبر تشرين الثاني", "بعد أن وافق في مارس",
		"ولن تصل قبل 6 أشهر", "الأمين العام القادم", "في العشرينات من العمر", "فاز 1-صفر", "صفر-2", "صحيفة الغد",
		"اليوم بيومه", "بعد عام فقط على ضمه", "للمرة الأولى منذ 18 عاما", "وبالمدير العام",
	} {
		f.Add(s, int64(1761955200))
	}
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		var ref time.Time
		if sec%3 != 0 {
			ref = time.Unix(sec%(1<<34), 0).UTC()
		}
		ms := FindDatesIn(text, ref)
		last := 0
		for _, m := range ms {
			s := m.Span
			if s.Start < last || s.Start >= s.End || s.End > len(text) {
				t.Fatalf("bad span %v (previous end %d, len %d) in %q", s, last, len(text), text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End]))) {
				t.Fatalf("span %v not on rune boundaries in %q", s, text)
			}
			if !validDate(m.Value) {
				t.Fatalf("invalid value %+v for %q in %q", m.Value, text[s.Start:s.End], text)
			}
			if ref.IsZero() && m.Value.Year == 0 && m.Value.Precision == entities.Year {
				t.Fatalf("year precision without a year: %+v", m.Value)
			}
			last = s.End
		}
	})
}

func ExampleFindDatesIn() {
	text := "عاد الرئيس يوم الأربعاء 20 أغسطس (آب) بعد زيارة بدأت أمس، وهو يحكم منذ عام 1994."
	ref := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	for _, m := range FindDatesIn(text, ref) {
		fmt.Printf("%s → %s (%s)\n", text[m.Span.Start:m.Span.End], m.Value, m.Value.Precision)
	}
	// Output:
	// يوم الأربعاء 20 أغسطس (آب) → 2025-08-20 (day)
	// أمس → 2025-08-20 (day)
	// عام 1994 → 1994 (year)
}

func ExampleFindDatesIn_noReference() {
	text := "يوم الأربعاء 20 أغسطس، قبل يومين، في مارس 2023"
	for _, m := range FindDatesIn(text, time.Time{}) {
		fmt.Printf("%s → %s\n", text[m.Span.Start:m.Span.End], m.Value)
	}
	// Output:
	// يوم الأربعاء 20 أغسطس → --08-20
	// مارس 2023 → 2023-03
}

func ExampleFindDates() {
	a, err := article.Parse("وقع الاتفاق في 1 رمضان 1446 هـ.\n\nوتلاه اجتماع في ۲۰ مرداد ۱۴۰۴.")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range FindDates(a, time.Time{}) {
		fmt.Printf("%s → %s\n", a.Text(m.Span), m.Value)
	}
	// Output:
	// 1 رمضان 1446 هـ → 2025-03-01
	// ۲۰ مرداد ۱۴۰۴ → 2025-08-11
}

func BenchmarkFindDatesSeed(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(datesTestdata, "seed.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := article.Parse(string(src))
	if err != nil {
		b.Fatal(err)
	}
	ref := day(2025, 11, 1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		FindDates(a, ref)
	}
}
