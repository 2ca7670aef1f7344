package ner_test

import (
	"context"
	"fmt"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/ner"
	"github.com/khabar-go/khabar/entities/offline"
)

func ExampleFindEntities() {
	a, err := article.Parse("التقى الرئيس الروسي فلاديمير بوتين نظيره الإيراني في موسكو. وقال بوتين إن العلاقات بين روسيا وإيران قوية.")
	if err != nil {
		panic(err)
	}
	mentions, ents := ner.FindEntities(a)
	for _, m := range mentions {
		e := ents[m.Entity]
		fmt.Printf("%s %s -> %s (%s)\n", m.Kind, a.Text(m.Span), e.Name, e.Country)
	}
	// Output:
	// PER فلاديمير بوتين -> Vladimir Putin (RU)
	// LOC موسكو -> Moscow (RU)
	// PER بوتين -> Vladimir Putin (RU)
	// LOC روسيا -> Russia (RU)
	// LOC إيران -> Iran (IR)
}

func ExampleResolveRole() {
	a, err := article.Parse("التقى ألكسندر لوكاشينكو ومسعود بزشكيان في مينسك. وقال الرئيس الإيراني إن التعاون سيتوسع.")
	if err != nil {
		panic(err)
	}
	r, err := ner.DefaultRecognizer()
	if err != nil {
		panic(err)
	}
	res := r.Recognize(a)
	for _, rc := range res.Roles {
		i := ner.ResolveRole(res, rc.Span)
		fmt.Printf("%s (%s %s) -> %s\n", a.Text(rc.Span), rc.Role, rc.Country, res.Entities[i].Name)
	}
	// Output:
	// الرئيس الإيراني (president IR) -> Masoud Pezeshkian
}

func ExampleRecognizer_Recognize() {
	a, err := article.Parse("Iranian President Masoud Pezeshkian arrived in Minsk, the capital of Belarus.")
	if err != nil {
		panic(err)
	}
	r, err := ner.DefaultRecognizer()
	if err != nil {
		panic(err)
	}
	res := r.Recognize(a)
	for _, e := range res.Entities {
		fmt.Printf("%s %s %s %s linked=%v\n", e.Kind, e.Name, e.Country, e.ID, e.Linked())
	}
	// Output:
	// MISC Iranian   linked=false
	// PER Masoud Pezeshkian IR p:pezeshkian linked=true
	// LOC Minsk BY g:625144 linked=true
	// LOC Belarus BY c:BY linked=true
}

// A newsroom adds its own records; they reach the whole offline pipeline
// (and khabar.Analyzer, whose Extractor it is) through the recognizer.
func ExampleRecognizerOptions_records() {
	r, err := ner.NewRecognizer(ner.RecognizerOptions{
		Country: "SA", // the country of publication: «المملكة» is Saudi Arabia
		Records: []ner.Record{{
			ID: "x:wahat", Kind: entities.ORG, Name: "Wahat Tech", Country: "SA",
			Names: []string{"الواحات التقنية", "Wahat Tech"},
		}},
	})
	if err != nil {
		panic(err)
	}
	pipeline, err := offline.New(offline.Options{Recognizer: r})
	if err != nil {
		panic(err)
	}
	a, err := article.Parse("قالت الواحات التقنية إنها ستفتتح فرعا جديدا في المملكة.")
	if err != nil {
		panic(err)
	}
	res, err := entities.Extract(context.Background(), pipeline, a, entities.Options{})
	if err != nil {
		panic(err)
	}
	for _, m := range res.Mentions {
		e := res.Entities[m.Entity]
		fmt.Printf("%s %s -> %s %s\n", m.Kind, a.Text(m.Span), e.ID, e.Name)
	}
	// Output:
	// ORG الواحات التقنية -> x:wahat Wahat Tech
	// LOC المملكة -> c:SA Saudi Arabia
}
