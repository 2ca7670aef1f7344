package khabar_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/translate"
)

func TestGlossary(t *testing.T) {
	text := "لوكاشينكو يستقبل بزشكيان\n\n" +
		"استقبل الرئيس ألكسندر لوكاشينكو نظيره مسعود بزشكيان في مينسك. وقال لوكاشينكو إن الملك عبدالله الثاني سيزور مينسك.\n"
	a, err := article.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	// mentions returns the spans of each of texts in the source.
	mentions := func(texts ...string) []article.Span {
		var out []article.Span
		for _, s := range texts {
			for off := 0; ; {
				i := strings.Index(a.Source[off:], s)
				if i < 0 {
					break
				}
				out = append(out, article.Span{Start: off + i, End: off + i + len(s)})
				off += i + len(s)
			}
		}
		return out
	}
	ents := []entities.Entity{
		{Kind: entities.PER, Name: "Alexander Lukashenko", ID: "p:lukashenko", Mentions: mentions("ألكسندر لوكاشينكو", "لوكاشينكو")},
		{Kind: entities.PER, Name: "Masoud Pezeshkian", ID: "p:pezeshkian", Mentions: mentions("بزشكيان")},
		{Kind: entities.LOC, Name: "Minsk", ID: "g:625144", Mentions: mentions("مينسك")},
		{Kind: entities.PER, Name: "Abdullah II", ID: "p:abdullah", Mentions: mentions("عبدالله")},
		{Kind: entities.ORG, Name: "unlinked", Mentions: mentions("الرئيس")},
	}
	want := []translate.Term{
		{Source: "ألكسندر لوكاشينكو", Target: "Alexander Lukashenko"},
		{Source: "لوكاشينكو", Target: "Lukashenko"},
		{Source: "بزشكيان", Target: "Pezeshkian"},
		{Source: "مينسك", Target: "Minsk"},
		{Source: "عبدالله", Target: "Abdullah II"},
	}
	if diff := cmp.Diff(want, khabar.Glossary(a, ents)); diff != "" {
		t.Errorf("Glossary mismatch (-want +got):\n%s", diff)
	}
}
