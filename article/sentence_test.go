package article

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Arabic periods", "وصل الوفد أمس. وبدأت المحادثات اليوم.",
			[]string{"وصل الوفد أمس.", "وبدأت المحادثات اليوم."}},
		{"Arabic question and exclamation", "هل تنجح الخطة؟ لا أحد يعرف! لكن الأمل كبير.",
			[]string{"هل تنجح الخطة؟", "لا أحد يعرف!", "لكن الأمل كبير."}},
		{"runs of terminals", "حقاً؟! هذا غريب... ثم انتهى الأمر.",
			[]string{"حقاً؟!", "هذا غريب...", "ثم انتهى الأمر."}},
		{"ellipsis character", "انتظر الجميع… ثم جاء الخبر.",
			[]string{"انتظر الجميع…", "ثم جاء الخبر."}},
		{"Urdu full stop", "بس سروس شروع ہوئی۔ مسافر خوش ہیں۔",
			[]string{"بس سروس شروع ہوئی۔", "مسافر خوش ہیں۔"}},
		{"comma and semicolon do not end", "قال الوزير، في مؤتمر صحافي؛ إن الوضع مستقر.",
			[]string{"قال الوزير، في مؤتمر صحافي؛ إن الوضع مستقر."}},
		{"numbers", "ارتفع النمو 3.5 في المائة، وبلغ الإنتاج ١٫٥ مليون طن و2.000 قطعة. ثم تراجع.",
			[]string{"ارتفع النمو 3.5 في المائة، وبلغ الإنتاج ١٫٥ مليون طن و2.000 قطعة.", "ثم تراجع."}},
		{"Arabic abbreviations", "قال د. سامي إن وكالة أ. ف. ب نقلت الخبر. وانتهى اللقاء.",
			[]string{"قال د. سامي إن وكالة أ. ف. ب نقلت الخبر.", "وانتهى اللقاء."}},
		{"Latin abbreviations", "Mr. Brown met Dr. Green in the U.S. capital. They talked.",
			[]string{"Mr. Brown met Dr. Green in the U.S. capital.", "They talked."}},
		{"initials", "The novel by J. R. Smith sold well. It won a prize.",
			[]string{"The novel by J. R. Smith sold well.", "It won a prize."}},
		// A letter outside the BMP is four bytes: still one letter.
		{"initial in Osage script", "The book by 𐒰. 𐒻𐓟𐓸 sold well. It won a prize.",
			[]string{"The book by 𐒰. 𐒻𐓟𐓸 sold well.", "It won a prize."}},
		// The longest abbreviation in the list, six letters.
		{"six-letter abbreviation", "It costs approx. 40 dollars. Then it rose.",
			[]string{"It costs approx. 40 dollars.", "Then it rose."}},
		{"quotation that continues", `قال: "نحن مستعدون. لا شيء مغلق". ثم غادر.`,
			[]string{`قال: "نحن مستعدون. لا شيء مغلق".`, "ثم غادر."}},
		{"guillemets that continue", "قالت: «وصلنا. والطريق طويل». وابتسمت.",
			[]string{"قالت: «وصلنا. والطريق طويل».", "وابتسمت."}},
		{"quotation ending with the sentence", `He said: "We are ready." Then he left.`,
			[]string{`He said: "We are ready."`, "Then he left."}},
		{"period after closing guillemet", "قالت: «لن نتراجع!». وغادرت القاعة.",
			[]string{"قالت: «لن نتراجع!».", "وغادرت القاعة."}},
		{"unbalanced quote does not swallow the rest", `قال "نعم. ثم صمت. وانتهى.`,
			[]string{`قال "نعم.`, "ثم صمت.", "وانتهى."}},
		{"web address", "Visit example.com today. Thanks.",
			[]string{"Visit example.com today.", "Thanks."}},
		{"web address in capitals", "Visit Example.Com today. Thanks.",
			[]string{"Visit Example.Com today.", "Thanks."}},
		{"number right after a period", "He scored.3 goals followed.",
			[]string{"He scored.3 goals followed."}},
		{"number after a period and a space", "He scored. 3 goals followed.",
			[]string{"He scored.", "3 goals followed."}},
		{"a period first", ". نعم. لا.",
			[]string{".", "نعم.", "لا."}},
		{"one-word sentences", "نعم. لا. ربما.",
			[]string{"نعم.", "لا.", "ربما."}},
		{"! and ? end before lower case", "Yes! no way. Why? because.",
			[]string{"Yes!", "no way.", "Why?", "because."}},
		{"quotation opening right after a period", `It ended."Next came more." Then silence.`,
			[]string{"It ended.", `"Next came more."`, "Then silence."}},
		{"curly quotation that continues", "He said: “We won. Then we left.” It ended.",
			[]string{"He said: “We won. Then we left.”", "It ended."}},
		// A closer with no opener before it is ignored: the quotation
		// that follows still holds its sentences together.
		{"stray closer", "نعم». ثم «قالت: لا. وانتهى». وغادر.",
			[]string{"نعم».", "ثم «قالت: لا. وانتهى».", "وغادر."}},
		{"ellipsis before lower case", "He paused... and went on.",
			[]string{"He paused... and went on."}},
		{"list numbers", "1. البند الأول مهم. 2. البند الثاني أهم.",
			[]string{"1. البند الأول مهم.", "2. البند الثاني أهم."}},
		{"no final punctuation", "خبر بلا نقطة في آخره",
			[]string{"خبر بلا نقطة في آخره"}},
		{"Arabic missing space after period", "انتهى الاجتماع.وبدأ الحوار.",
			[]string{"انتهى الاجتماع.", "وبدأ الحوار."}},
		// Only a one-letter word before a period is an initial: a
		// two-letter word (it, هو) ends its sentence.
		{"two-letter word before a period", "He said we should do it. Then he left.",
			[]string{"He said we should do it.", "Then he left."}},
		{"Arabic two-letter word before a period", "هذا ما قاله هو. ثم غادر القاعة.",
			[]string{"هذا ما قاله هو.", "ثم غادر القاعة."}},
		// A Latin question mark ends a sentence, in English and in Arabic
		// text typed on a Latin keyboard, even before a lower-case word.
		{"Latin question mark", "Who won? Nobody knows. Was it close? yes, very.",
			[]string{"Who won?", "Nobody knows.", "Was it close?", "yes, very."}},
		{"Latin question mark in Arabic", "هل انتهى الأمر? لا أحد يعرف.",
			[]string{"هل انتهى الأمر?", "لا أحد يعرف."}},
		// A « never closed in the paragraph does not hold the sentences
		// after it together.
		{"unclosed guillemet does not swallow the rest", "قالت: «وصلنا. ثم صمتت. وانتهى اللقاء.",
			[]string{"قالت: «وصلنا.", "ثم صمتت.", "وانتهى اللقاء."}},
		{"unclosed curly quote does not swallow the rest", "He said: “We won. Then he left. It ended.",
			[]string{"He said: “We won.", "Then he left.", "It ended."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.in)
			if len(a.Paragraphs) != 1 {
				t.Fatalf("got %d paragraphs, want 1 (title %q)", len(a.Paragraphs), a.Text(a.Title))
			}
			var got []string
			for _, s := range a.Paragraphs[0].Sentences {
				got = append(got, a.Text(s.Span))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	type tok struct {
		Text string
		Kind TokenKind
		Key  string
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"Arabic with harakat, tatweel and hyphen", "وَصَلَ الـرئيسُ العسكري-التقني.", []tok{
			{"وَصَلَ", Word, "وصل"}, {"الـرئيسُ", Word, "الرئيس"}, {"العسكري", Word, "العسكري"},
			{"-", Punct, "-"}, {"التقني", Word, "التقني"}, {".", Punct, "."},
		}},
		{"numbers in three scripts", "2.000 و١٫٥ و۱۴۰۴", []tok{
			{"2.000", Number, "2.000"}, {"و", Word, "و"}, {"١٫٥", Number, "1.5"}, {"و", Word, "و"}, {"۱۴۰۴", Number, "1404"},
		}},
		{"Persian with ZWNJ", "می‌خواهد کتاب‌ها", []tok{
			{"می\u200cخواهد", Word, "ميخواهد"}, {"کتاب\u200cها", Word, "كتابها"},
		}},
		{"English apostrophes and case", "Reuters' don't U.S.", []tok{
			{"Reuters", Word, "reuters"}, {"'", Punct, "'"}, {"don't", Word, "don't"},
			{"U", Word, "u"}, {".", Punct, "."}, {"S", Word, "s"}, {".", Punct, "."},
		}},
		{"quotes and clitic b", `بـ"آخر" «نص»`, []tok{
			{"بـ", Word, "ب"}, {`"`, Punct, `"`}, {"آخر", Word, "اخر"}, {`"`, Punct, `"`},
			{"«", Punct, "«"}, {"نص", Word, "نص"}, {"»", Punct, "»"},
		}},
		{"presentation forms go through NFKC", "ﻻ ﷲ", []tok{
			{"ﻻ", Word, "لا"}, {"ﷲ", Word, "الله"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.in)
			var got []tok
			for _, x := range a.Tokens {
				got = append(got, tok{a.Text(x.Span), x.Kind, a.Key(x)})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
		})
	}
}
