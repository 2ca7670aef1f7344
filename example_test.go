package khabar_test

import (
	"context"
	"fmt"
	"time"

	"github.com/khabar-go/khabar"
)

func ExampleAnalyzer_Analyze() {
	text := "بوتين يستقبل أردوغان في موسكو\n\n" +
		"استقبل الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في موسكو يوم الاثنين 3 مارس. " +
		"وقال بوتين: \"العلاقات بين بلدينا قوية\".\n"
	var an khabar.Analyzer
	doc, err := an.Analyze(context.Background(), text, time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, r := doc.Article, doc.Extraction
	fmt.Println("title:", a.Text(a.Title))
	for _, e := range r.Entities {
		fmt.Printf("%s %s (%s)\n", e.Kind, e.Name, e.Country)
	}
	for _, q := range r.Quotes {
		if q.Speaker() != nil {
			fmt.Printf("%s said %q\n", q.Speaker().Name, a.Text(q.Span))
		}
	}
	for _, d := range r.Dates {
		fmt.Printf("%q is %s\n", a.Text(d.Span), d.Value)
	}
	// Output:
	// title: بوتين يستقبل أردوغان في موسكو
	// PER Vladimir Putin (RU)
	// PER Recep Tayyip Erdoğan (TR)
	// LOC Moscow (RU)
	// Vladimir Putin said "العلاقات بين بلدينا قوية"
	// "يوم الاثنين 3 مارس" is 2025-03-03
}

func ExampleLLMConfig() {
	cfg := khabar.LLMConfig{APIKey: "sk-secret", BaseURL: "http://localhost:11434/v1", Model: "qwen2.5"}
	fmt.Println(cfg) // the key never shows
	client := cfg.NewClient()
	_ = client // pass to summarize.NewLLM or translate.LLM
	// Output:
	// khabar.LLMConfig{BaseURL: "http://localhost:11434/v1", Model: "qwen2.5", Azure: false, APIKey: [REDACTED]}
}
