package ner

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
)

// One sense per article: a name the article gives once on good evidence
// (a title before it, a type word, the tagger's reading, a place word)
// names the same thing where the article repeats it with less («محافظة
// القطيف» and then القطيف alone, «نادي التعاون» and then التعاون). A
// person's full name stands for the person where the article repeats its
// last word alone (سيباستيان فيتيل, then فيتيل).

// propName is a name to look for again: its token keys, its kind and its
// records.
type propName struct {
	keys    []string
	joined  string // the keys joined by a space
	kind    entities.Kind
	recs    []int32
	country string
}

// keyEnd returns the last four bytes of key (two Arabic letters), or
// fewer, as a number: a word and its clitic readings end alike.
func keyEnd(key string) uint32 {
	var v uint32
	for i := max(0, len(key)-4); i < len(key); i++ {
		v = v<<8 | uint32(key[i])
	}
	return v | uint32(min(len(key), 4))<<28
}

// cliticLetter reports whether key begins with a letter that may be a
// clitic (و ف ب ل ك): only then is it split before the names are looked
// up.
func cliticLetter(key string) bool {
	for _, p := range [...]string{"و", "ف", "ب", "ل", "ك"} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// maxPropKeys bounds the tokens of a name looked for again.
const maxPropKeys = 6

// propagate adds a mention wherever a name of the candidates found so far
// (s.cands) comes again over tokens no mention or cue took. A name read as
// two kinds in the article (برشلونة the city and the club) is not
// propagated; nor is a one-word name that is a function word, a time
// word, a common word or a given name alone. Its cost grows linearly
// with the article.
func (r *Recognizer) propagate(ctx context.Context, a *article.Article, s *nerScratch) error {
	if s.propFirst == nil {
		s.propFirst, s.propKinds = make(map[string][]propName), make(map[string]entities.Kind)
	}
	byFirst, kinds := s.propFirst, s.propKinds // kinds: names by joined keys; 0: read as two kinds
	clear(byFirst)
	clear(kinds)
	add := func(p propName) {
		p.joined = strings.Join(p.keys, " ")
		if k, ok := kinds[p.joined]; ok {
			if k != p.kind {
				kinds[p.joined] = 0
			}
			return
		}
		kinds[p.joined] = p.kind
		byFirst[p.keys[0]] = append(byFirst[p.keys[0]], p)
	}
	n := len(s.cands)
	for ci := 0; ci < n; ci++ {
		c := &s.cands[ci]
		if c.gone || c.weak || c.kingdom || c.kind == entities.MISC || c.last-c.first > maxPropKeys {
			continue
		}
		if c.last-c.first == 1 && c.recs != nil && r.gaz.Records[c.recs[0]].HasRole("outlet") {
			continue // a newspaper's one word stands in quotation marks only
		}
		keys := appendKeys(make([]string, 0, c.last-c.first), a, c)
		home := false
		if c.recs != nil {
			rec := &r.gaz.Records[c.recs[0]]
			home = rec.Country != "" && (rec.Country == s.home || s.votes[rec.Country] >= 2) ||
				rec.HasRole("club") && (s.sports || r.afterClubWord(a, s, c))
		}
		if c.last-c.first > 1 || r.propagates(keys[0], c.kind, home) {
			add(propName{keys: keys, kind: c.kind, recs: c.recs, country: c.country})
		}
		if c.kind == entities.PER && c.last-c.first > 1 {
			// The last word of a person's full name.
			if last := keys[len(keys)-1]; r.propagates(last, entities.PER, false) && !r.lex.particles[last] {
				add(propName{keys: []string{last}, kind: c.kind, recs: c.recs, country: c.country})
			}
		}
	}
	if s.propEnds == nil {
		s.propEnds = make(map[uint32]bool)
	}
	clear(s.propEnds)
	for k, ps := range byFirst {
		// A name read as two kinds is not looked for again.
		ps = slices.DeleteFunc(ps, func(p propName) bool { return kinds[p.joined] == 0 })
		if len(ps) == 0 {
			delete(byFirst, k)
			continue
		}
		byFirst[k] = ps
		s.propEnds[keyEnd(k)] = true
	}
	if len(byFirst) == 0 {
		return nil
	}
	for sn, sr := range s.sents {
		if sn%ctxEvery == 0 && ctx.Err() != nil {
			return fmt.Errorf("ner: %w", ctx.Err())
		}
		for i := sr.first; i < sr.last; i++ {
			if s.taken[i] || a.Tokens[i].Kind != article.Word {
				continue
			}
			p, skip, ok := r.propMatch(a, s, byFirst, i, sr.last)
			if !ok || len(p.keys) == 1 && skip == 0 && r.afterDefiniteNoun(a, s, i, sr.first) {
				// «عيد الفطر المبارك»: one definite word after a definite
				// noun is its adjective.
				continue
			}
			end := i + len(p.keys)
			sp := article.Span{Start: a.Tokens[i].Start, End: a.Tokens[end-1].End}
			if skip > 0 {
				sp.Start = a.KeySpan(a.Tokens[i], skip).Start
			}
			s.cands = append(s.cands, candidate{span: sp, first: i, last: end, skip: skip, kind: p.kind, recs: p.recs, country: p.country})
			for t := i; t < end; t++ {
				s.taken[t] = true
			}
			i = end - 1
		}
	}
	return nil
}

// propagates reports whether a one-word name with key may be looked for
// again: not a function word or a time word, of three letters or more,
// and no common word (unless it is a place or organisation of the country
// of publication or of a country the article names twice, home: صبيا)
// nor, for a person, a given name.
func (r *Recognizer) propagates(key string, kind entities.Kind, home bool) bool {
	if utf8.RuneCountInString(key) < 3 || gazetteer.IsStopKey(key) || r.lex.timeWords[key] {
		return false
	}
	if r.tagger != nil && (r.tagger.Common(key) && !(home && kind != entities.PER) || kind == entities.PER && r.tagger.GivenName(key)) {
		return false
	}
	return true
}

// propMatch returns the longest name of byFirst that begins at token i
// (its first token read whole or without its clitics) and ends before
// last over free tokens, and the key bytes of clitics to cut.
func (r *Recognizer) propMatch(a *article.Article, s *nerScratch, byFirst map[string][]propName, i, last int) (propName, int, bool) {
	key := a.Key(a.Tokens[i])
	if key == "" || !s.propEnds[keyEnd(key)] {
		// No name looked for ends as this word does, clitics or not.
		return propName{}, 0, false
	}
	if _, ok := byFirst[key]; !ok && (key[0] < utf8.RuneSelf || !cliticLetter(key)) {
		return propName{}, 0, false
	}
	var best propName
	bestSkip, found := 0, false
	s.splits = article.AppendSplits(s.splits[:0], key)
	for _, sp := range s.splits {
		w, skip := sp.Stem, len(sp.Prefix)
		switch {
		case sp.Prefix == "":
		case strings.HasSuffix(sp.Prefix, "لل"):
			// لليمن: ل and the article written ل.
			w, skip = "ال"+sp.Stem, len(sp.Prefix)-len("ل")
		case strings.HasSuffix(sp.Prefix, "ال"):
			continue // the article is part of a name
		}
		for _, p := range byFirst[w] {
			if len(p.keys) <= len(best.keys) || i+len(p.keys) > last {
				continue
			}
			ok := true
			for t := 1; t < len(p.keys) && ok; t++ {
				k := i + t
				ok = !s.taken[k] && a.Tokens[k].Kind == article.Word && a.Key(a.Tokens[k]) == p.keys[t]
			}
			if ok {
				best, bestSkip, found = p, skip, true
			}
		}
	}
	return best, bestSkip, found
}

// afterDefiniteNoun reports whether token i carries the article and
// follows a definite word of the sentence that no mention or cue took.
func (r *Recognizer) afterDefiniteNoun(a *article.Article, s *nerScratch, i, first int) bool {
	if i <= first || s.taken[i-1] || a.Tokens[i-1].Kind != article.Word || !isDefinite(a.Key(a.Tokens[i])) {
		return false
	}
	prev := a.Key(a.Tokens[i-1])
	return definiteKey(prev) && !gazetteer.IsStopKey(prev)
}

// afterClubWord reports whether the candidate c follows نادي (a type word
// of the press class) with nothing attached to it: the article names the
// club as one.
func (r *Recognizer) afterClubWord(a *article.Article, s *nerScratch, c *candidate) bool {
	if c.skip > 0 || c.first == 0 {
		return false
	}
	h, _, _ := r.headAt(a, s, c.first-1)
	return h == headMedia
}
