package translate

import (
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// TermUse reports how one glossary term fared in a translation.
type TermUse struct {
	Term Term `json:"term"`
	// Segments are the IDs of the segments whose source contains
	// Term.Source, in request order.
	Segments []string `json:"segments"`
	// Missed are the IDs among Segments whose translation lacks
	// Term.Target (compared case-insensitively).
	Missed []string `json:"missed,omitempty"`
}

// Kept reports whether the term's translation was kept in every segment
// where it occurs.
func (u TermUse) Kept() bool { return len(u.Missed) == 0 }

// CheckGlossary reports, for each glossary term that occurs in some
// request segment, the segments where it occurs and those whose translation
// lacks the term's target. Terms that occur nowhere are left out. Source
// matching is on article.Key, so spelling variants (Persian or Arabic yeh,
// harakat) match.
func CheckGlossary(req Request, resp *Response) []TermUse {
	if len(req.Glossary) == 0 || resp == nil {
		return nil
	}
	keys := make([]string, len(req.Segments))
	for i, s := range req.Segments {
		keys[i] = article.Key(s.Text)
	}
	out := make([]TermUse, 0, len(req.Glossary))
	for _, t := range req.Glossary {
		src, tgt := article.Key(t.Source), strings.ToLower(t.Target)
		if src == "" || tgt == "" {
			continue
		}
		u := TermUse{Term: t}
		for i, s := range req.Segments {
			if !strings.Contains(keys[i], src) {
				continue
			}
			u.Segments = append(u.Segments, s.ID)
			if i >= len(resp.Segments) || !strings.Contains(strings.ToLower(resp.Segments[i].Text), tgt) {
				u.Missed = append(u.Missed, s.ID)
			}
		}
		if u.Segments != nil {
			out = append(out, u)
		}
	}
	return out
}

// GlossaryFromEntities builds glossary terms from an article's linked
// entities: the text of each mention (as it appears in a.Source) maps to
// the entity's canonical Name. Unlinked entities are left out; each source
// text appears once, with the first entity that claims it.
func GlossaryFromEntities(a *article.Article, ents []entities.Entity) []Term {
	var out []Term
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
			out = append(out, Term{Source: src, Target: e.Name})
		}
	}
	return out
}

// mergeGlossary returns user terms followed by the base terms whose source
// no user term overrides.
func mergeGlossary(base, user []Term) []Term {
	if len(user) == 0 {
		return base
	}
	out := append([]Term(nil), user...)
	over := map[string]bool{}
	for _, t := range user {
		over[article.Key(t.Source)] = true
	}
	for _, t := range base {
		if !over[article.Key(t.Source)] {
			out = append(out, t)
		}
	}
	return out
}
