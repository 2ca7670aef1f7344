package translate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/khabar-go/khabar/article"
)

// TermUse reports how one glossary term fared in a translation.
type TermUse struct {
	Term Term `json:"term"`
	// Segments are the IDs of the segments whose source contains
	// Term.Source, in request order.
	Segments []string `json:"segments"`
	// Missed are the IDs among Segments whose translation lacks
	// Term.Target.
	Missed []string `json:"missed,omitempty"`
}

// Kept reports whether the term's translation was kept in every segment
// where it occurs.
func (u TermUse) Kept() bool { return len(u.Missed) == 0 }

// CheckGlossary reports, for each glossary term that occurs in some
// request segment, the segments where it occurs and those whose translation
// lacks the term's target. Terms that occur nowhere are left out.
//
// Both sides match whole words only, so روسيا (Russia) is not found in
// بيلاروسيا (Belarus), nor "Russia" in "Belarussian". On the source side
// words are compared by article.Key (spelling variants such as Persian or
// Arabic yeh, and harakat, match), and the term's first word may carry
// Arabic clitics: وروسيا, بروسيا and لروسيا contain روسيا, and للكرملين
// contains الكرملين. On the target side the comparison ignores case and
// accents ("Erdogan" keeps "Erdoğan").
func CheckGlossary(req Request, resp *Response) []TermUse {
	if len(req.Glossary) == 0 || resp == nil {
		return nil
	}
	src := make([][]string, len(req.Segments))
	for i, s := range req.Segments {
		src[i] = sourceWords(s.Text)
	}
	tgt := make([][]string, len(req.Segments))
	out := make([]TermUse, 0, len(req.Glossary))
	for _, t := range req.Glossary {
		from, to := sourceWords(t.Source), targetWords(t.Target)
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		u := TermUse{Term: t}
		for i, s := range req.Segments {
			if !hasSource(src[i], from) {
				continue
			}
			u.Segments = append(u.Segments, s.ID)
			if i >= len(resp.Segments) {
				u.Missed = append(u.Missed, s.ID)
				continue
			}
			if tgt[i] == nil {
				tgt[i] = targetWords(resp.Segments[i].Text)
			}
			if !hasRun(tgt[i], to) {
				u.Missed = append(u.Missed, s.ID)
			}
		}
		if u.Segments != nil {
			out = append(out, u)
		}
	}
	return out
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// sourceWords returns the words of s's normalisation key.
func sourceWords(s string) []string {
	return strings.FieldsFunc(article.Key(s), func(r rune) bool { return !isWordRune(r) })
}

// targetWords returns the words of s in lower case without accents.
func targetWords(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.FieldsFunc(b.String(), func(r rune) bool { return !isWordRune(r) })
}

// hasRun reports whether words holds run as consecutive words.
func hasRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if equalWords(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// hasSource reports whether words holds term as consecutive words, the
// first of which may carry Arabic clitics.
func hasSource(words, term []string) bool {
	for i := 0; i+len(term) <= len(words); i++ {
		if withClitics(words[i], term[0]) && equalWords(words[i+1:i+len(term)], term[1:]) {
			return true
		}
	}
	return false
}

// withClitics reports whether the word w is the term word t, with or
// without clitics before it (و ف, ب ل ك, ال). An article in t matches
// the article a preposition ل shortens (للكرملين: ل+ال+كرملين).
func withClitics(w, t string) bool {
	if w == t {
		return true
	}
	if !strings.HasSuffix(w, strings.TrimPrefix(t, "ال")) {
		return false
	}
	bare, hasArticle := strings.CutPrefix(t, "ال")
	for _, s := range article.Splits(w) {
		if s.Stem == t {
			return true
		}
		if hasArticle && s.Stem == bare && (strings.HasSuffix(s.Prefix, "ال") || strings.HasSuffix(s.Prefix, "لل")) {
			return true
		}
	}
	return false
}

// termsFor returns the glossary terms that occur in the segments of req at
// idx, in glossary order.
func termsFor(req Request, idx []int) []Term {
	if len(req.Glossary) == 0 {
		return nil
	}
	words := make([][]string, len(idx))
	for k, i := range idx {
		words[k] = sourceWords(req.Segments[i].Text)
	}
	var out []Term
	for _, t := range req.Glossary {
		from := sourceWords(t.Source)
		if len(from) == 0 {
			continue
		}
		for _, w := range words {
			if hasSource(w, from) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// uniqueTerms returns terms without the ones whose source (by
// article.Key) an earlier term already has: the first one wins.
func uniqueTerms(terms []Term) []Term {
	seen := make(map[string]bool, len(terms))
	var out []Term
	for _, t := range terms {
		k := article.Key(t.Source)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}
