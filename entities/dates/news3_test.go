package dates

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNewsRules3 checks the rules added for the third round of issue 11
// (news the second round's rules had not seen), each with sentences
// written for it and look-alikes it must leave alone. The reference
// 2015-08-06 is a Thursday.
func TestNewsRules3(t *testing.T) {
	ref := day(2015, 8, 6)
	tests := []struct {
		name string
		text string
		want []found
	}{
		// The year or month before the one the context names.
		{"previous year after a written year", "نمت الودائع في عام 2012 بنسبة 5 في المائة مقارنة بـ 3 في المائة في العام السابق.", []found{{"عام 2012", "2012"}, {"العام السابق", "2011"}}},
		{"previous year twice", "بلغت الصادرات في 2013 نحو مليار ريال مقابل 900 مليون في العام السابق. وارتفعت الواردات بنسبة 4 في المائة عن العام السابق.", []found{{"2013", "2013"}, {"العام السابق", "2012"}, {"العام السابق", "2012"}}},
		{"previous year with no context", "تراجعت المبيعات عن مستواها في العام السابق.", []found{{"العام السابق", "2014"}}},
		{"previous year of the sentence's", "انخفض العجز في السنة المالية 2010 عن السنة السابقة.", []found{{"السنة المالية 2010", "2010"}, {"السنة السابقة", "2009"}}},
		{"previous month after a written month", "زادت الرحلات في مارس 2014 بنسبة 6 في المائة عن الشهر السابق.", []found{{"مارس 2014", "2014-03"}, {"الشهر السابق", "2014-02"}}},
		{"previous month across a year", "سجل التضخم في يناير 2013 أعلى مستوى منذ الشهر السابق.", []found{{"يناير 2013", "2013-01"}, {"الشهر السابق", "2012-12"}}},
		{"last year is the reference's", "نمت الودائع في عام 2012 أكثر مما نمت في العام الماضي.", []found{{"عام 2012", "2012"}, {"العام الماضي", "2014"}}},
		// A future or past auxiliary with و or ف sets the tense as it
		// does alone.
		{"before in a future clause with ولن", "ولن تصل الشحنات قبل أسبوعين على الأقل.", []found{}},
		{"weekday after ولن", "ولن يعود الوفد إلا الثلاثاء.", []found{{"الثلاثاء", "2015-08-11"}}},
		{"month after وكان", "وكان الوفد قد زار جدة في ديسمبر.", []found{{"ديسمبر", "2014-12"}}},
		{"month after فلم", "فلم يحضر المعرض في ديسمبر سوى القليل.", []found{{"ديسمبر", "2014-12"}}},
		// A perfect after بعد أن or منذ أن is a past verb.
		{"perfect after بعد أن in a future sentence", "وستكون هذه ثاني خطوة بعد أن وافق البرلمان على القانون في نوفمبر.", []found{{"نوفمبر", "2014-11"}}},
		{"perfect after منذ أن", "تراجع التضخم منذ أن أصبح المحافظ في منصبه في أكتوبر.", []found{{"أكتوبر", "2014-10"}}},
		{"imperfect after بعد أن", "ستبدأ الحملة بعد أن تنتهي الدراسة في نوفمبر.", []found{{"نوفمبر", "2015-11"}}},
		// Two names of one month with no mark between are one mention.
		{"month glossed with no mark", "وقع الطرفان الاتفاق في يوليو تموز 2014.", []found{{"يوليو تموز 2014", "2014-07"}}},
		{"two-word gloss with no mark", "أقر المجلس القانون في نوفمبر تشرين الثاني الماضي.", []found{{"نوفمبر تشرين الثاني الماضي", "2014-11"}}},
		{"ambiguous gloss with no mark", "أعلنت الشركة النتائج في أغسطس آب.", []found{{"أغسطس آب", "2015-08"}}},
		{"two months with no mark", "تقام العروض في شهر يونيو يوليو من كل عام.", []found{{"شهر يونيو", "2015-06"}}},
		// العام after a title is «general».
		{"the next secretary-general", "قال الأمين العام القادم للمنظمة إن الإصلاح ضروري.", []found{}},
		{"the former attorney general", "وطالب النائب العام السابق بفتح تحقيق.", []found{}},
		{"the general manager with a clitic", "وأشاد الموظفون بالمدير العام الحالي للشركة.", []found{}},
		{"public opinion", "شغلت القضية الرأي العام الماضي والحاضر.", []found{}},
		{"last year after a title and its name", "عين الأمين العام للمنظمة العام الماضي.", []found{{"العام الماضي", "2014"}}},
		{"last year after a noun", "ارتفعت أرباح القطاع العام الماضي.", []found{{"العام الماضي", "2014"}}},
		// A decade of a life is no date.
		{"decade of age after", "تنصح الدراسة النساء في العشرينات من العمر بالفحص.", []found{}},
		{"decade of age with أو سن", "يزداد الخطر عند الرجال في الستينات أو سن أكبر.", []found{}},
		{"decade of age before", "بلغ معظم المرشحين سن الخمسينات.", []found{}},
		{"decade of the century", "تأسس النادي في خمسينات القرن الماضي.", []found{{"خمسينات القرن الماضي", "195"}}},
		{"decade before an age far after", "هاجرت الأسرة في الستينات، وكان عمره عشر سنوات.", []found{{"الستينات", "196"}}},
		{"a law enacted in a decade", "سن البرلمان القانون في الثمانينات.", []found{{"الثمانينات", "198"}}},
		// A score is no day of صفر.
		{"score with zero after", "فاز الفريق على ضيفه 1-صفر أمس.", []found{{"أمس", "2015-08-05"}}},
		{"score with zero before", "خسر المنتخب صفر-2 في الذهاب.", []found{}},
		{"score with spaces", "انتهت المباراة 3 - صفر لأصحاب الأرض.", []found{}},
		{"day of صفر after في", "وصل الحجاج في 3-صفر إلى المدينة.", []found{{"3-صفر", "2014-11-25"}}},
		{"day of صفر with a space", "وصل الحجاج في 5 صفر الماضي.", []found{{"5 صفر الماضي", "2014-11-27"}}},
		{"hyphenated day of an unambiguous month", "انتهت المهلة 12-أكتوبر دون رد.", []found{{"12-أكتوبر", "2014-10-12"}}},
		// A relative day that is a paper's name or an idiom is no date.
		{"a paper named tomorrow", "وكانت \"صحيفة الغد\" قد نشرت أمس خبرا عن القضية.", []found{{"أمس", "2015-08-05"}}},
		{"a paper named yesterday with a clitic", "ونقلت الوكالة عن صحيفة الأمس أن القرار صدر.", []found{}},
		{"a paper yesterday", "نشرت صحيفة أمس تقريرا عن الحادث.", []found{{"أمس", "2015-08-05"}}},
		{"day by day", "يعيش العمال اليوم بيومه دون ادخار، وأعلنت الوزارة أمس خطة لدعمهم.", []found{{"أمس", "2015-08-05"}}},
		{"day by day without a pronoun", "تتغير الأسعار اليوم بيوم، وارتفعت أمس.", []found{{"أمس", "2015-08-05"}}},
		{"today before a day of the week", "أعلنت الوزارة اليوم بيانا، وتعقد مؤتمرا يوم الأحد.", []found{{"اليوم", "2015-08-06"}, {"يوم الأحد", "2015-08-09"}}},
		// فقط after an amount does not hide the event that anchors it.
		{"amount only after an event", "وذلك بعد عام فقط على ضمه من النادي.", []found{}},
		{"amount roughly since an event", "ويأتي القرار بعد أسبوعين تقريبا على تعيينه.", []found{}},
		{"amount only from now", "وصل الوفد قبل يومين فقط إلى جدة.", []found{{"قبل يومين", "2015-08-04"}}},
		// The first time in an amount of time is a span.
		{"first time in years", "نجحت المفاوضات للمرة الأولى منذ 12 عاما في التوصل إلى اتفاق.", []found{}},
		{"first agreement in years", "وقال إنه أول اتفاق تجاري كبير منذ عشرين عاما.", []found{}},
		{"a record in years stays a date", "سجلت المدينة أعلى حرارة منذ 30 عاما.", []found{{"منذ 30 عاما", "1985"}}},
		{"an amount since after a past verb", "وصل الوفد منذ ثلاثة أيام إلى جدة.", []found{{"منذ ثلاثة أيام", "2015-08-03"}}},
		{"first far before", "فاز الفريق الأول في الدوري، وعاد المدرب منذ يومين.", []found{{"منذ يومين", "2015-08-04"}}},
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
