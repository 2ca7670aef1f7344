// Package summarizetest checks a summarize.Summarizer against the
// interface's contract, as testing/slogtest does for slog handlers.
//
// Call Run from a test of your implementation:
//
//	func TestConformance(t *testing.T) {
//		summarizetest.Run(t, func(t *testing.T) summarize.Summarizer {
//			return mypkg.New(...)
//		})
//	}
//
// # What it checks
//
//   - Extractive spans are valid (0 <= Start <= End <= len(Source), on
//     UTF-8 boundaries), sorted and not overlapping, point into the
//     article the summary names, and Text is not empty.
//   - A request with Text gives the summary of its parsed article, with
//     the same budget and style.
//   - The budget is respected: an extractive summary has no more sentences
//     than Budget.Sentences, and every summary has no more words than
//     Budget.Words (extractive: counted with summarize.WordCount;
//     generated: counted with strings.Fields on Text).
//   - Summary.Lang is the article's language, or the target language
//     when one is asked for and the summary is not extractive.
//   - A done context gives an error that wraps context.Canceled or
//     context.DeadlineExceeded.
//   - The same request gives the same summary twice.
//   - A request with no input, blank text or a bad budget gives an error
//     that wraps summarize.ErrInvalidRequest.
//   - Neither the request nor its article is modified.
//   - Concurrent calls are safe (run with -race to make this bite).
package summarizetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
	"golang.org/x/text/language"
)

// Texts are the articles the suite summarizes: Arabic, English and
// Persian news written for this suite. They are exported so a test that
// scripts a fake server can recognise them.
var Texts = []string{arabicText, englishText, persianText}

const arabicText = `افتتاح أكبر محطة لتحلية المياه في المنطقة

افتتحت الحكومة يوم الأحد محطة جديدة لتحلية مياه البحر على الساحل الجنوبي، وقالت إنها ستوفر مياه الشرب لنحو مليون شخص.
وبلغت كلفة المحطة نحو 400 مليون دولار، وموّلها قرض من صندوق تنموي إقليمي ومساهمة من القطاع الخاص.
وقال وزير المياه في كلمة خلال حفل الافتتاح إن المحطة تنتج 250 ألف متر مكعب يومياً، وإنها تعمل جزئياً بالطاقة الشمسية.
وتعاني المدن الساحلية منذ سنوات من انقطاع المياه في الصيف، إذ تراجعت مناسيب المياه الجوفية بسبب الضخ الجائر.
وأشار الوزير إلى أن الحكومة تخطط لبناء محطتين أخريين بحلول عام 2030.
في المقابل، حذرت منظمات بيئية من أثر المياه المالحة التي تعيدها المحطة إلى البحر على الشعاب المرجانية.
وردت الشركة المشغلة بأنها تستخدم أنابيب تصريف تنشر المياه المالحة على مساحة واسعة لتقليل أثرها.`

const englishText = `City council approves new bus network

The city council voted on Tuesday to replace the city's bus routes with a new network of frequent lines, the biggest change to public transport in thirty years.
The plan cuts the number of routes from 64 to 40 but runs most buses every ten minutes during the day.
Council members approved the plan by nine votes to four after a three-hour debate.
Supporters said the network would make buses useful for trips across town, not only into the centre.
Critics argued that some older residents would have to walk farther to reach a stop.
The transport department said the new network would start in March and cost no more to run than the old one.
A public consultation last year drew more than 12,000 comments, most of them in favour of more frequent service.`

const persianText = `بازگشایی کتابخانه مرکزی شهر پس از دو سال

کتابخانه مرکزی شهر روز شنبه پس از دو سال بازسازی دوباره به روی مردم باز شد.
این ساختمان اکنون بیش از دویست هزار کتاب و یک سالن مطالعه برای پانصد نفر دارد.
شهردار در مراسم بازگشایی گفت که هزینه بازسازی از بودجه شهری پرداخت شده است.
کتابخانه از این پس تا ساعت ده شب باز خواهد بود.
بسیاری از دانشجویان از ساعت‌های طولانی‌تر استقبال کردند.`

// Run runs the conformance tests, each as a subtest of t. newSummarizer
// is called once per subtest and returns the summarizer to check.
func Run(t *testing.T, newSummarizer func(t *testing.T) summarize.Summarizer) {
	t.Helper()
	t.Run("Spans", func(t *testing.T) { testSpans(t, newSummarizer(t)) })
	t.Run("Text", func(t *testing.T) { testText(t, newSummarizer(t)) })
	t.Run("Budget", func(t *testing.T) { testBudget(t, newSummarizer(t)) })
	t.Run("Canceled", func(t *testing.T) { testCanceled(t, newSummarizer(t)) })
	t.Run("Lang", func(t *testing.T) { testLang(t, newSummarizer(t)) })
	t.Run("Deterministic", func(t *testing.T) { testDeterministic(t, newSummarizer(t)) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, newSummarizer(t)) })
	t.Run("NoMutation", func(t *testing.T) { testNoMutation(t, newSummarizer(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, newSummarizer(t)) })
}

func parse(t *testing.T, text string) *article.Article {
	t.Helper()
	a, err := article.Parse(text)
	if err != nil {
		t.Fatalf("article.Parse: %v", err)
	}
	return a
}

// checkSummary checks the invariants every summary of req must hold.
func checkSummary(t *testing.T, req summarize.Request, s *summarize.Summary) {
	t.Helper()
	if s == nil {
		t.Fatal("Summarize returned a nil summary and no error")
	}
	if strings.TrimSpace(s.Text) == "" {
		t.Error("summary Text is empty")
	}
	if len(s.Sentences) == 0 {
		return
	}
	if s.Article == nil {
		t.Fatal("extractive summary has Sentences but no Article")
	}
	src := s.Article.Source
	want := req.Text
	if req.Article != nil {
		want = req.Article.Source
	}
	if src != want {
		t.Error("summary's Article.Source is not the request's text")
	}
	prev := article.Span{}
	for i, sp := range s.Sentences {
		if sp.Start < 0 || sp.End < sp.Start || sp.End > len(src) {
			t.Fatalf("Sentences[%d] = %v is out of range [0,%d]", i, sp, len(src))
		}
		if !boundary(src, sp.Start) || !boundary(src, sp.End) {
			t.Errorf("Sentences[%d] = %v does not fall on UTF-8 boundaries", i, sp)
		}
		if sp.Empty() {
			t.Errorf("Sentences[%d] = %v is empty", i, sp)
		}
		if i > 0 && sp.Start < prev.End {
			t.Errorf("Sentences[%d] = %v is not after Sentences[%d] = %v", i, sp, i-1, prev)
		}
		prev = sp
	}
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i])
}

func summarize1(t *testing.T, s summarize.Summarizer, req summarize.Request) *summarize.Summary {
	t.Helper()
	sum, err := s.Summarize(context.Background(), req)
	if err != nil {
		t.Fatalf("Summarize: %v", err)
	}
	checkSummary(t, req, sum)
	return sum
}

func testSpans(t *testing.T, s summarize.Summarizer) {
	for _, text := range Texts {
		a := parse(t, text)
		for _, b := range []summarize.Budget{{}, {Sentences: 2}, {Sentences: 100}} {
			summarize1(t, s, summarize.Request{Article: a, Budget: b})
		}
	}
}

// testText checks that a request with Text is summarized as its parsed
// article is, with the same budget and style: the same spans, text and
// language.
func testText(t *testing.T, s summarize.Summarizer) {
	for _, text := range Texts {
		for _, req := range []summarize.Request{
			{Text: text},
			{Text: text, Budget: summarize.Budget{Sentences: 2}, Style: summarize.Bullets},
		} {
			sum := summarize1(t, s, req)
			req.Article, req.Text = parse(t, text), ""
			want := summarize1(t, s, req)
			if !reflect.DeepEqual(sum.Sentences, want.Sentences) || sum.Text != want.Text || sum.Lang != want.Lang {
				t.Errorf("budget %+v, style %v: Request.Text gave %v %q (%v); its parsed article gave %v %q (%v)",
					req.Budget, req.Style, sum.Sentences, sum.Text, sum.Lang, want.Sentences, want.Text, want.Lang)
			}
		}
	}
}

func testBudget(t *testing.T, s summarize.Summarizer) {
	for _, text := range Texts {
		a := parse(t, text)
		for _, b := range []summarize.Budget{
			{Sentences: 1}, {Sentences: 2}, {Words: 30}, {Words: 5}, {Ratio: 0.3},
			{Sentences: 3, Words: 40},
		} {
			req := summarize.Request{Article: a, Budget: b}
			sum := summarize1(t, s, req)
			if b.Sentences > 0 && len(sum.Sentences) > b.Sentences {
				t.Errorf("budget %+v: %d sentences", b, len(sum.Sentences))
			}
			total := 0
			for _, p := range a.Paragraphs {
				total += summarize.WordCount(a, p.Span)
			}
			_, maxWords := b.Limits(total)
			if maxWords == 0 {
				continue
			}
			words := 0
			if len(sum.Sentences) > 0 {
				for _, sp := range sum.Sentences {
					words += summarize.WordCount(a, sp)
				}
			} else {
				words = len(strings.Fields(sum.Text))
			}
			if words > maxWords {
				t.Errorf("budget %+v (%d words): summary has %d words", b, maxWords, words)
			}
		}
	}
}

// testLang checks Summary.Lang: the target language when the summarizer
// writes in it, or the article's language for one that cannot translate.
func testLang(t *testing.T, s summarize.Summarizer) {
	for _, text := range Texts {
		a := parse(t, text)
		sum := summarize1(t, s, summarize.Request{Article: a})
		if sum.Lang != a.Lang {
			t.Errorf("no target: Lang = %v, want the article's %v", sum.Lang, a.Lang)
		}
		target := language.English
		if a.Lang == language.English {
			target = language.Arabic
		}
		sum = summarize1(t, s, summarize.Request{Article: a, Target: target})
		if sum.Lang != target && sum.Lang != a.Lang {
			t.Errorf("target %v: Lang = %v, want %v (or the article's %v)", target, sum.Lang, target, a.Lang)
		}
		if len(sum.Sentences) > 0 && sum.Lang != a.Lang {
			t.Errorf("extractive summary with Lang %v, but its sentences are in %v", sum.Lang, a.Lang)
		}
	}
}

func testCanceled(t *testing.T, s summarize.Summarizer) {
	a := parse(t, Texts[0])
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := s.Summarize(ctx, summarize.Request{Article: a})
	if err == nil {
		t.Fatalf("Summarize with a canceled context returned %v and no error", sum)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Summarize with a canceled context: error %v does not wrap context.Canceled", err)
	}
}

func testDeterministic(t *testing.T, s summarize.Summarizer) {
	for _, text := range Texts {
		a := parse(t, text)
		req := summarize.Request{Article: a, Budget: summarize.Budget{Sentences: 2}}
		x := summarize1(t, s, req)
		y := summarize1(t, s, req)
		if !reflect.DeepEqual(x.Sentences, y.Sentences) || x.Text != y.Text || x.Lang != y.Lang {
			t.Errorf("two calls gave different summaries:\n%+v\n%+v", x, y)
		}
	}
}

func testInvalid(t *testing.T, s summarize.Summarizer) {
	a := parse(t, Texts[1])
	for name, req := range map[string]summarize.Request{
		"no input":         {},
		"blank text":       {Text: " \n\t "},
		"negative budget":  {Article: a, Budget: summarize.Budget{Sentences: -1}},
		"negative words":   {Article: a, Budget: summarize.Budget{Words: -3}},
		"ratio above one":  {Article: a, Budget: summarize.Budget{Ratio: 1.5}},
		"not text":         {Text: "\x00\x00\x00\x00"},
		"invalid with art": {Article: a, Budget: summarize.Budget{Ratio: -0.5}},
	} {
		sum, err := s.Summarize(context.Background(), req)
		if !errors.Is(err, summarize.ErrInvalidRequest) {
			t.Errorf("%s: Summarize = %v, %v; want an error wrapping ErrInvalidRequest", name, sum, err)
		}
	}
}

func testNoMutation(t *testing.T, s summarize.Summarizer) {
	for _, text := range Texts {
		a, b := parse(t, text), parse(t, text)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("article.Parse is not deterministic; cannot check for mutation")
		}
		req := summarize.Request{Article: a, Budget: summarize.Budget{Sentences: 2, Words: 60}, Style: summarize.Bullets}
		before := req
		summarize1(t, s, req)
		if req != before {
			t.Error("Summarize modified the request")
		}
		if !reflect.DeepEqual(a, b) {
			t.Error("Summarize modified the article")
		}
	}
}

func testConcurrent(t *testing.T, s summarize.Summarizer) {
	a := parse(t, Texts[0])
	want := summarize1(t, s, summarize.Request{Article: a})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	got := make([]*summarize.Summary, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum, err := s.Summarize(context.Background(), summarize.Request{Article: a})
			if err != nil {
				errs <- err
				return
			}
			got[i] = sum
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Summarize: %v", err)
	}
	for _, g := range got {
		if g != nil && g.Text != want.Text {
			t.Errorf("concurrent Summarize gave %q, want %q", g.Text, want.Text)
		}
	}
}
