package page_test

import (
	"fmt"

	"github.com/khabar-go/khabar/article/page"
)

func ExampleParse() {
	src := []byte(`<!doctype html>
<html lang="ar"><head><meta charset="utf-8">
<title>افتتاح جسر جديد على النهر - جريدة المدينة</title>
<meta property="og:site_name" content="جريدة المدينة">
<meta property="article:published_time" content="2025-08-20T08:00:00Z">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/local">محليات</a></nav>
<h1>افتتاح جسر جديد على النهر</h1>
<p>افتتح المحافظ صباح اليوم جسرا جديدا يربط ضفتي النهر، بعد عامين من الأعمال.</p>
<p>ويختصر الجسر زمن الرحلة بين الحيين من ساعة إلى عشر دقائق.</p>
<footer>جميع الحقوق محفوظة</footer>
</body></html>`)
	a, err := page.Parse(src, page.Options{URL: "https://news.example/bridge"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Text(a.Title))
	fmt.Println(a.Page.Site, a.Page.Published.Format("2006-01-02"), a.Page.URL)
	for i, p := range a.Paragraphs {
		s := a.Page.Paragraphs[i]
		fmt.Println(a.Text(p.Span) == string(src[s.Start:s.End]))
	}
	// Output:
	// افتتاح جسر جديد على النهر
	// جريدة المدينة 2025-08-20 https://news.example/bridge
	// true
	// true
}
