package ner_test

import (
	"fmt"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/ner"
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
