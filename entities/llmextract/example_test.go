package llmextract_test

import (
	"context"
	"fmt"

	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/llmextract"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
)

// Every finding is grounded in the article; what the model invents is
// dropped and reported.
func ExampleExtractor_Find() {
	a, err := article.Parse("بوتين يستقبل أردوغان في موسكو\n\nاستقبل الرئيس الروسي فلاديمير بوتين نظيره التركي في موسكو يوم الاثنين.\n")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(openaitest.Text(`{"entities": [
		{"text": "فلاديمير بوتين", "kind": "PER", "name": "Vladimir Putin"},
		{"text": "موسكو", "kind": "LOC", "name": "Moscow"},
		{"text": "أنقرة", "kind": "LOC", "name": "Ankara"}]}`))
	client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "any"}.NewClient()
	f, err := llmextract.New(client, llmextract.Options{}).Find(context.Background(), a, time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range f.Items {
		fmt.Printf("%s %s %v %v %s\n", it.Kind, it.Name, it.Span, it.Status, a.Text(it.Span))
	}
	for _, it := range f.Dropped {
		fmt.Printf("dropped %s: %s\n", it.Text, it.Reason)
	}
	// Output:
	// LOC Moscow [44,54) exact موسكو
	// PER Vladimir Putin [95,122) exact فلاديمير بوتين
	// LOC Moscow [152,162) exact موسكو
	// dropped أنقرة: not in the text
}
