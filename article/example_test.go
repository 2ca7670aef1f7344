package article_test

import (
	"fmt"

	"github.com/khabar-go/khabar/article"
)

func ExampleParse() {
	text := "الحكومة تعلن خطة جديدة للنقل\n\n" +
		"بيروت: سامر الحلبي\n\n" +
		"أعلنت الحكومة خطة جديدة للنقل. وقال د. سامي إن التنفيذ يبدأ في الربيع.\n" +
		"وتشمل الخطة شراء حافلات كهربائية.\n"
	a, err := article.Parse(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Lang, a.Dir)
	fmt.Println("title:", a.Text(a.Title))
	for _, d := range a.Datelines {
		fmt.Println("dateline:", a.Text(d))
	}
	for i, p := range a.Paragraphs {
		for _, s := range p.Sentences {
			fmt.Printf("paragraph %d, sentence %v: %s\n", i, s.Span, a.Text(s.Span))
		}
	}
	// Output:
	// ar rtl
	// title: الحكومة تعلن خطة جديدة للنقل
	// dateline: بيروت: سامر الحلبي
	// paragraph 0, sentence [89,144): أعلنت الحكومة خطة جديدة للنقل.
	// paragraph 0, sentence [145,214): وقال د. سامي إن التنفيذ يبدأ في الربيع.
	// paragraph 1, sentence [215,276): وتشمل الخطة شراء حافلات كهربائية.
}

func ExampleKey() {
	fmt.Println(article.Key("وَأَعْلَنَ"))
	fmt.Println(article.Key("بزشکیان"))
	fmt.Println(article.Key("الـجمهورية"))
	fmt.Println(article.Key("١٩٩٤"))
	fmt.Println(article.Key("Reuters"))
	// Output:
	// واعلن
	// بزشكيان
	// الجمهوريه
	// 1994
	// reuters
}

func ExampleSplits() {
	for _, s := range article.Splits(article.Key("وبالإيران")) {
		fmt.Println(s)
	}
	// Output:
	// وبالايران
	// و+بالايران
	// و+ب+الايران
	// و+ب+ال+ايران
}

func ExampleArticle_StemSpan() {
	a, err := article.Parse("وَإيران")
	if err != nil {
		fmt.Println(err)
		return
	}
	tok := a.Tokens[0]
	fmt.Println(a.Key(tok), a.Stem(tok), a.Text(a.StemSpan(tok)))
	// Output:
	// وايران ايران إيران
}
