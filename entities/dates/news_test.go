package dates

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNewsRules checks the rules added for news the engine had not seen
// (the second round of issue 11), each with sentences written for it and
// look-alikes it must leave alone. The reference 2015-08-06 is a Thursday.
func TestNewsRules(t *testing.T) {
	ref := day(2015, 8, 6)
	tests := []struct {
		name string
		text string
		want []found
	}{
		// A four-digit number of the years of news is a year with no cue.
		{"bare year after a title", "فاز السائق ببطولة العالم 2011 مع فريقه السابق.", []found{{"2011", "2011"}}},
		{"bare year after a place", "تأهل المنتخب إلى كأس آسيا في أستراليا 2015 بعد فوزه.", []found{{"2015", "2015"}}},
		{"bare years from and to", "قاد الفريق من 2004 إلى 2009 قبل اعتزاله.", []found{{"2004", "2004"}, {"2009", "2009"}}},
		{"bare year after و", "بلغ النهائي في 1998 ثم في سيدني و2002.", []found{{"1998", "1998"}, {"2002", "2002"}}},
		{"bare year at the end", "يستعد الفريق لأولمبياد لندن 2012.", []found{{"2012", "2012"}}},
		{"bare year before a comparison", "ارتفعت الأرباح في الربع الأول من 2015 مقارنة بالعام الماضي.", []found{{"2015", "2015"}, {"العام الماضي", "2014"}}},
		{"a label number", "هبطت الطائرة رقم 1934 بسلام، وأقلعت الرحلة 1987 متأخرة.", []found{}},
		{"round number is a count", "حضر الندوة 2000 زائر من المنطقة.", []found{}},
		{"approximate count", "شارك في السباق أكثر من 1950 عداء.", []found{}},
		{"approximate count with نحو", "بلغ عدد المتطوعين نحو 1985 شابا وفتاة.", []found{}},
		{"counted noun", "وزعت الجمعية 1975 سلة غذائية.", []found{}},
		{"percent", "ارتفع المؤشر 1925% في عقد.", []found{}},
		{"decimal", "أغلق المؤشر عند 1987.45 نقطة.", []found{}},
		{"too far ahead", "رفعت الشركة رأس مالها إلى 2090 في الخطة.", []found{}},
		// An amount counted from a moment of the story is no date.
		{"amount after an event with على", "استقال المدرب بعد ثلاثة أسابيع على تعيينه.", []found{}},
		{"amount after an event noun in construct", "أغلق الملعب بعد يومين على انطلاق البطولة.", []found{}},
		{"على before a place keeps the date", "انتشر المقطع منذ يومين على المواقع.", []found{{"منذ يومين", "2015-08-04"}}},
		{"rough amount since", "يعاني السكان من الحصار منذ نحو عامين.", []found{}},
		{"rough amount since after a past verb", "انقلبت الجماعة على الحكومة منذ قرابة أربعة أشهر.", []found{}},
		{"rough amount ago", "افتتح المصنع قبل نحو عامين.", []found{{"قبل نحو عامين", "2013"}}},
		{"after in a past clause", "عاد اللاعبون إلى التدريبات بعد خمسة أيام.", []found{}},
		{"before in a future clause", "ستفتح الجامعة باب التسجيل قبل أسبوعين.", []found{}},
		{"after in a future clause", "ستفتح الجامعة باب التسجيل بعد أسبوعين.", []found{{"بعد أسبوعين", "2015-08-20"}}},
		{"before in a past clause", "فتحت الجامعة باب التسجيل قبل أسبوعين.", []found{{"قبل أسبوعين", "2015-07-23"}}},
		// The tense of the clause.
		{"counted noun is no future verb", "خسر الخام 30 سنتا عند الإغلاق الأحد.", []found{{"الأحد", "2015-08-02"}}},
		{"verb after a model number", "قالت الشرطة إن طائرة من طراز إف16 سقطتا الأحد.", []found{{"الأحد", "2015-08-02"}}},
		{"perfect after a relative pronoun", "رحب الوزير بالاتفاق الذي وقع الثلاثاء في جنيف.", []found{{"الثلاثاء", "2015-08-04"}}},
		{"imperfect after a relative pronoun", "رحب الوزير بالاتفاق الذي يوقع الثلاثاء في جنيف.", []found{{"الثلاثاء", "2015-08-11"}}},
		{"imperfect after the subject", "المنتخب يلتقي نظيره الأحد في الرياض.", []found{{"الأحد", "2015-08-09"}}},
		{"perfect with ت before a title", "وتسلم الأمير الأحد تقريرا عن المشروع.", []found{{"الأحد", "2015-08-02"}}},
		{"perfect of the form تفاعل before a title", "وتناول الوزير الثلاثاء مع نظيره ملفات المنطقة.", []found{{"الثلاثاء", "2015-08-04"}}},
		{"imperfect with ت before a feminine subject", "وتعقد اللجنة الأحد اجتماعها.", []found{{"الأحد", "2015-08-09"}}},
		{"passive imperfect with ت before a title", "وتقام للأمير الأحد مأدبة.", []found{{"الأحد", "2015-08-09"}}},
		{"since in a clause of the present", "المنتخب يعسكر في الطائف منذ خمسة أيام.", []found{}},
		// «اليوم» meaning our times: vague where nothing else dates the
		// article near its day.
		{"nowadays in a column", "تغيرت عادات الناس كثيرا. نعيش اليوم زمن الهواتف الذكية.", []found{}},
		{"nowadays set against the past", "كانت الأسر تجتمع على مائدة واحدة. أما اليوم، فقد تفرق الجميع.", []found{}},
		{"nowadays after a word of lasting", "أصبحت الشبكات جزءا من الحياة القائمة اليوم.", []found{}},
		{"today opening a headline", "اليوم.. انطلاق مهرجان الصيف في أبها\n\nيشهد المهرجان مشاركة واسعة من الفرق الشعبية.", []found{{"اليوم", "2015-08-06"}}},
		{"today in a story of the day", "وصل الوزير أمس إلى جدة. ويفتتح اليوم المعرض الدولي.", []found{{"أمس", "2015-08-05"}, {"اليوم", "2015-08-06"}}},
		{"today with a near date", "تبدأ اليوم التسجيلات، وتنتهي في 10 أغسطس.", []found{{"اليوم", "2015-08-06"}, {"10 أغسطس", "2015-08-10"}}},
		{"today with a past verb", "أعلنت الهيئة اليوم نتائج المسابقة.", []found{{"اليوم", "2015-08-06"}}},
		{"today with a future verb", "سيفتتح الأمير اليوم المعرض.", []found{{"اليوم", "2015-08-06"}}},
		{"today in the morning", "يفتتح الأمير صباح اليوم المعرض.", []found{{"اليوم", "2015-08-06"}}},
		{"another today does not anchor", "ساد السلام في الماضي. نواجه اليوم تحديا جديدا، وأعلنت الوزارة اليوم خطة للمواجهة.", []found{{"اليوم", "2015-08-06"}}},
		{"feminine subject after today", "تنطلق اليوم المنافسات في الرياض، بعد افتتاح أمس.", []found{{"اليوم", "2015-08-06"}, {"أمس", "2015-08-05"}}},
		{"the day on which", "استيقظ السكان صباح اليوم الذي وقعت فيه الحادثة، أمس.", []found{{"أمس", "2015-08-05"}}},
		{"the national day with a clitic", "تحتفل المملكة باليوم الوطني غدا.", []found{{"غدا", "2015-08-07"}}},
		{"the national day after a noun", "انطلقت احتفالات اليوم الوطني أمس.", []found{{"أمس", "2015-08-05"}}},
		{"the national day after a verb", "ويصادف اليوم الوطني يوم 23 سبتمبر.", []found{{"يوم 23 سبتمبر", "2015-09-23"}}},
		{"the national day", "تحتفل المدارس غدا باليوم الوطني.", []found{{"غدا", "2015-08-07"}}},
		{"the same day", "وقع الانفجار الأحد، وفي اليوم ذاته أعلنت الشرطة القبض على المشتبه.", []found{{"الأحد", "2015-08-02"}}},
		// A demonstrative with a clitic.
		{"this year with ل", "تستعد الجمعية لنسختها الجديدة لهذا العام.", []found{{"هذا العام", "2015"}}},
		{"this month with ب", "تنتهي المهلة بهذا الشهر.", []found{{"هذا الشهر", "2015-08"}}},
		{"for this reason", "لهذا السبب تأخر القرار.", []found{}},
		// The n-th week of a month is an ISO week.
		{"second week of a month", "تجرى الجولة الأولى في الأسبوع الثاني من سبتمبر.", []found{{"الأسبوع الثاني من سبتمبر", "2015-W37"}}},
		{"first week with a year", "افتتح المعرض في الأسبوع الأول من مارس 2014.", []found{{"الأسبوع الأول من مارس 2014", "2014-W10"}}},
		{"fourth week of the next month", "تصدر النتائج في الأسبوع الرابع من الشهر المقبل.", []found{{"الأسبوع الرابع من الشهر المقبل", "2015-W39"}}},
		// Levantine month names without the article.
		{"levantine month without the article", "تنطلق التصفيات في تشرين أول (أكتوبر) المقبل.", []found{{"تشرين أول (أكتوبر) المقبل", "2015-10"}}},
		{"levantine month with a year", "وقعت الاتفاقية في كانون ثاني 2014.", []found{{"كانون ثاني 2014", "2014-01"}}},
		// Coordinated ordinal days share the month of the second.
		{"coordinated ordinals", "تقام المباراتان يومي الثالث والسادس من أكتوبر.", []found{{"الثالث", "2015-10-03"}, {"السادس من أكتوبر", "2015-10-06"}}},
		{"coordinated ordinals with a year", "عقدت الجلسات في الأول والرابع من مارس 2014.", []found{{"الأول", "2014-03-01"}, {"الرابع من مارس 2014", "2014-03-04"}}},
		{"ordinals that are no days", "حل الفريق الثالث والسادس في الترتيب.", []found{}},
		// غد after a part of the day.
		{"tomorrow morning", "تزور اللجنة المستشفى صباح غد للتأكد من الإجراءات.", []found{{"غد", "2015-08-07"}}},
		{"the future is no day", "نعمل من أجل غد أفضل.", []found{}},
		// م after a word of measure is metres.
		{"metres of area", "أقيم السوق على أرض مساحتها 1800م بجوار الكورنيش.", []found{}},
		{"metres of length", "شيد جسر بطول 1950م فوق الوادي.", []found{}},
		{"a year with م", "شيد الجسر عام 1950م فوق الوادي.", []found{{"عام 1950م", "1950"}}},
		// A year of the context that goes against the tense completes nothing.
		{"future month beside a past year", "يعود الاتفاق إلى عام 1997، وسيوقع رسميا في ديسمبر.", []found{{"عام 1997", "1997"}, {"ديسمبر", "2015-12"}}},
		{"past date beside a future year", "تبدأ الخطة عام 2020، وأعلنت الوزارة تفاصيلها في 3 مارس.", []found{{"عام 2020", "2020"}, {"3 مارس", "2015-03-03"}}},
		{"past month beside a past year", "بدأ البناء عام 2010، وتوقف في ديسمبر.", []found{{"عام 2010", "2010"}, {"ديسمبر", "2010-12"}}},
		{"a year since sets no date", "تراجعت الأسعار إلى أدنى مستوى منذ 2009. وتنتهي العقود في سبتمبر.", []found{{"2009", "2009"}, {"سبتمبر", "2015-09"}}},
		{"a year in sets the date", "تراجعت الأسعار في 2009. وانتهت العقود في سبتمبر.", []found{{"2009", "2009"}, {"سبتمبر", "2009-09"}}},
		// A contract month is the coming one.
		{"contract month in a past clause", "ارتفع سعر الخام في عقود أكتوبر دولارا واحدا.", []found{{"أكتوبر", "2015-10"}}},
		{"delivery month", "وانخفض الخام تسليم مارس إلى 45 دولارا.", []found{{"مارس", "2016-03"}}},
		{"delivery month of this month", "وانخفض الخام تسليم أغسطس إلى 45 دولارا.", []found{{"أغسطس", "2015-08"}}},
		// The decade as a period.
		{"last decade", "تضاعف عدد السكان خلال العقد الماضي.", []found{{"العقد الماضي", "200"}}},
		{"last decade with an adjective", "تراجعت الهجمات خلال العقد الزمني الماضي.", []found{{"العقد الزمني الماضي", "200"}}},
		{"the contract", "وقع اللاعب العقد مع النادي.", []found{}},
		// A year near the reference's Hijri year is Hijri; a calendar's
		// adjective names the calendar.
		{"hijri year without a marker", "تطبق الخطة عام 1437 في جميع المناطق.", []found{{"عام 1437", "2016"}}},
		{"hijri year long past", "تأسست الجامعة عام 1391 في الرياض.", []found{{"عام 1391", "1971"}}},
		{"gregorian year far from the hijri", "سقطت القسطنطينية سنة 1453 بعد حصار.", []found{{"سنة 1453", "1453"}}},
		{"hijri adjective", "تبدأ المرحلة مع بداية العام الهجري 1437.", []found{{"العام الهجري 1437", "2016"}}},
		{"gregorian adjective", "تكتمل المرحلة في العام الميلادي 2016.", []found{{"العام الميلادي 2016", "2016"}}},
		// A weekday after غد and بعد غد belongs to them.
		{"tomorrow with a weekday", "يصل الوفد يوم غد الجمعة إلى الرياض.", []found{{"يوم غد الجمعة", "2015-08-07"}}},
		{"after tomorrow with a weekday", "يبدأ العمل بعد غد السبت.", []found{{"بعد غد السبت", "2015-08-08"}}},
		// Months named two at a time.
		{"dual of month", "تراجعت المبيعات في شهري مايو ويونيو.", []found{{"شهري مايو", "2015-05"}, {"يونيو", "2015-06"}}},
		{"two months joined", "ارتفعت الصادرات في مارس وأبريل 2014.", []found{{"مارس", "2014-03"}, {"أبريل 2014", "2014-04"}}},
		// يوم and a day number with no month.
		{"day of the month named", "يبدأ التسجيل في 3 سبتمبر، وتعلن النتائج يوم 20.", []found{{"3 سبتمبر", "2015-09-03"}, {"يوم 20", "2015-09-20"}}},
		{"day of the reference month", "تنتهي المهلة يوم 27 من دون تمديد.", []found{{"يوم 27", "2015-08-27"}}},
		{"days counted", "استمر الإضراب 27 يوما.", []found{}},
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
