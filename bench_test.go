package khabar_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/khabar-go/khabar"
)

// newsText builds about size bytes of varied synthetic Arabic news: many
// articles (a title, a dateline, paragraphs) whose sentences are made from
// templates filled with names, places, organisations, numbers, dates and
// quotations drawn at random, so that no article repeats another and the
// recognizer, quotes and dates see new names throughout. The same seed
// gives the same text.
func newsText(size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 1))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	syll := []string{"سا", "مي", "لو", "را", "كا", "دي", "نو", "فا", "زي", "حا", "بو", "تي", "جو", "شا", "قي", "وا", "ري", "ما", "لي", "دو"}
	name := func() string {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(pick(syll))
		}
		b.WriteString("ن")
		return b.String()
	}
	places := []string{"الرياض", "القاهرة", "بغداد", "دمشق", "عمان", "بيروت", "تونس", "الرباط", "جدة", "الدوحة", "مسقط", "الخرطوم", "طرابلس", "صنعاء", "باريس", "لندن", "موسكو", "طهران", "أنقرة", "واشنطن"}
	orgs := []string{"وزارة الصحة", "وزارة الخارجية", "الأمم المتحدة", "جامعة الدول العربية", "البنك الدولي", "منظمة الصحة العالمية", "هيئة الطيران المدني", "غرفة التجارة"}
	titles := []string{"الوزير", "المتحدث باسم الحكومة", "رئيس الوزراء", "السفير", "مدير الشركة", "المحافظ"}
	verbs := []string{"قال", "أكد", "أوضح", "أضاف", "أشار"}
	months := []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	days := []string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
	nouns := []string{"الاتفاق", "المشروع", "الاجتماع", "البرنامج", "التعاون", "الاستثمار", "المفاوضات", "الخطة", "المبادرة", "القرار"}
	adjs := []string{"الجديد", "المهم", "الاقتصادي", "الإقليمي", "الشامل", "الثنائي", "الطموح", "الأول"}
	sentence := func() string {
		person := name() + " " + name()
		switch r.IntN(6) {
		case 0:
			return fmt.Sprintf("%s %s %s إن %s %s سيبدأ في %d %s %d.", pick(verbs), pick(titles), person, pick(nouns), pick(adjs), 1+r.IntN(28), pick(months), 2000+r.IntN(30))
		case 1:
			return fmt.Sprintf("وقال %s: «%s %s يخدم مصالح %s و%s».", person, pick(nouns), pick(adjs), pick(places), pick(places))
		case 2:
			return fmt.Sprintf("وأعلنت %s يوم %s أن %s في %s بلغ %d مليون دولار.", pick(orgs), pick(days), pick(nouns), pick(places), 1+r.IntN(900))
		case 3:
			return fmt.Sprintf("والتقى %s في %s نظيره %s لبحث %s %s.", person, pick(places), name()+" "+name(), pick(nouns), pick(adjs))
		case 4:
			return fmt.Sprintf("وأضاف: «نحن نعمل مع %s على %s منذ عام %d».", pick(orgs), pick(nouns), 1990+r.IntN(35))
		default:
			return fmt.Sprintf("ومن المقرر أن يعقد %s %s الأسبوع المقبل في %s بحضور %s.", pick(nouns), pick(adjs), pick(places), person)
		}
	}
	var b strings.Builder
	b.Grow(size + 4096)
	for {
		mark := b.Len()
		fmt.Fprintf(&b, "%s %s %s في %s\n\n%s - %s\n\n", pick(nouns), pick(adjs), pick(verbs), pick(places), pick(places), name())
		for range 3 + r.IntN(5) {
			for range 1 + r.IntN(3) {
				b.WriteString(sentence())
				b.WriteByte(' ')
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
		if b.Len() > size {
			return b.String()[:mark]
		}
	}
}

// BenchmarkAnalyzeSize analyses varied inputs of 0.25, 1, 4 and 16 MB (10⁶ bytes) as
// one article each and reports the time per MB, which stays within 1.5×
// across sizes when the cost grows linearly with the input.
func BenchmarkAnalyzeSize(b *testing.B) {
	ref := time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)
	// Load the embedded models before any timing.
	var warm khabar.Analyzer
	if _, err := warm.Analyze(context.Background(), newsText(4096, 2), ref); err != nil {
		b.Fatal(err)
	}
	for _, mb := range []float64{0.25, 1, 4, 16} {
		text := newsText(int(mb*1e6), 1)
		b.Run(fmt.Sprintf("%gMB", mb), func(b *testing.B) {
			var an khabar.Analyzer
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := an.Analyze(context.Background(), text, ref); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/(float64(len(text))/1e6), "ms/MB")
		})
	}
}
