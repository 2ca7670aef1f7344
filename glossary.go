package khabar

import (
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/translate"
)

// Glossary returns translation glossary terms for an article's linked
// entities: the text of each mention, as it appears in a.Source, maps to
// the entity's canonical name. A person's one-word mention maps to the
// last word of the name, a surname to a surname: «لوكاشينكو» to
// "Lukashenko", «ألكسندر لوكاشينكو» to "Alexander Lukashenko", so the
// glossary does not push full names where the article has none. Unlinked
// entities are left out, and each mention text appears once, with the
// first entity that claims it.
//
// It is the one bridge between entities and translate, so a program that
// only translates links neither the tagger nor the gazetteers:
//
//	tr, err := translate.Article(ctx, t, doc.Article, language.English, khabar.Glossary(doc.Article, doc.Extraction.Entities)...)
func Glossary(a *article.Article, ents []entities.Entity) []translate.Term {
	var out []translate.Term
	seen := map[string]bool{}
	for _, e := range ents {
		if !e.Linked() || e.Name == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(a.Source) || m.Empty() {
				continue
			}
			src := a.Text(m)
			if seen[src] {
				continue
			}
			seen[src] = true
			out = append(out, translate.Term{Source: src, Target: targetFor(e, src)})
		}
	}
	return out
}

// targetFor returns the glossary target of mention text src of e: the
// last word of a person's name for a one-word mention (a surname), the
// whole name otherwise.
func targetFor(e entities.Entity, src string) string {
	name := strings.Fields(e.Name)
	if e.Kind != entities.PER || len(name) < 2 || len(strings.Fields(src)) != 1 {
		return e.Name
	}
	last := name[len(name)-1]
	switch strings.TrimSuffix(last, ".") {
	case "I", "II", "III", "IV", "V", "VI", "Jr", "Sr":
		return e.Name // a regnal number or a suffix is not a surname
	}
	return last
}
