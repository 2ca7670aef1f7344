package ner

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// The records of these tests are made up: names no embedded list holds.
var extraRecords = []Record{
	{ID: "x:wahat", Kind: entities.ORG, Name: "Wahat Tech", Country: "SA", Names: []string{"الواحات التقنية", "Wahat Tech"}},
	{ID: "x:nouri", Kind: entities.PER, Name: "Salma Nouri", Country: "JO", Wikidata: "Q123456789", Names: []string{"سلمى النوري", "النوري"}, Roles: []string{"minister"}},
	{ID: "x:qaryat", Kind: entities.LOC, Name: "Qaryat al-Zaytun", Country: "JO", Coord: &entities.Coord{Lat: 31.9, Lon: 35.9}, Names: []string{"قرية الزيتون الشرقية"}},
}

func TestRecognizerRecords(t *testing.T) {
	r, err := NewRecognizer(RecognizerOptions{Records: extraRecords})
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse("أعلنت الواحات التقنية أمس أن الوزيرة سلمى النوري زارت قرية الزيتون الشرقية، وقالت النوري إن المشروع يبدأ قريبا.")
	if err != nil {
		t.Fatal(err)
	}
	res := r.Recognize(a)
	type view struct{ Text, Kind, ID, Wikidata string }
	var got []view
	for _, m := range res.Mentions {
		e := res.Entities[m.Entity]
		got = append(got, view{a.Text(m.Span), m.Kind.String(), e.ID, e.Wikidata})
	}
	want := []view{
		{"الواحات التقنية", "ORG", "x:wahat", ""},
		{"سلمى النوري", "PER", "x:nouri", "Q123456789"},
		{"قرية الزيتون الشرقية", "LOC", "x:qaryat", ""},
		{"النوري", "PER", "x:nouri", "Q123456789"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions mismatch (-want +got):\n%s", diff)
	}
	// The default recognizer does not know them.
	for _, m := range mustRecognizer(t).Recognize(a).Mentions {
		if a.Text(m.Span) == "الواحات التقنية" {
			t.Errorf("the default recognizer found the extra record's name")
		}
	}
}

func TestRecognizerRecordsErrors(t *testing.T) {
	for name, recs := range map[string][]Record{
		"no ID":        {{Kind: entities.ORG, Names: []string{"الواحات"}}},
		"ID taken":     {{ID: "c:BY", Kind: entities.LOC, Names: []string{"الواحات"}}},
		"ID twice":     {{ID: "x:a", Kind: entities.LOC, Names: []string{"الواحات"}}, {ID: "x:a", Kind: entities.LOC, Names: []string{"الزيتون"}}},
		"no name":      {{ID: "x:a", Kind: entities.LOC, Names: []string{" "}}},
		"kind missing": {{ID: "x:a", Names: []string{"الواحات"}}},
		"MISC":         {{ID: "x:a", Kind: entities.MISC, Names: []string{"الواحات"}}},
	} {
		if _, err := NewRecognizer(RecognizerOptions{Records: recs}); err == nil {
			t.Errorf("%s: NewRecognizer succeeded", name)
		}
	}
}

// The extra records reach a chain of stages, such as entities/offline
// builds, through the recognizer as its first step.
func TestRecognizerRecordsInChain(t *testing.T) {
	r, err := NewRecognizer(RecognizerOptions{Records: extraRecords})
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse("قالت الواحات التقنية في بيان إنها ستفتتح فرعا جديدا.")
	if err != nil {
		t.Fatal(err)
	}
	res, err := entities.Extract(context.Background(), entities.Chain(r), a, entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) == 0 || res.Entities[0].ID != "x:wahat" {
		t.Errorf("entities = %+v, want the extra record x:wahat first", res.Entities)
	}
}
