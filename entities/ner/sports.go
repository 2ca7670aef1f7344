package ner

import (
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
)

// Clubs. A club's name is often a common word (الهلال "the crescent",
// التعاون "cooperation") or a city's (برشلونة): the curated records with
// the role club are taken where the article is of sport (several words of
// OrgWords' sport class) and, for a common word, where a word of sport
// stands before it (أمام الهلال، لاعب التعاون) or a nationality adjective
// after it (الهلال السعودي); a city's name is the club there unless a
// place word or في stands before it.

// minSportWords is how many words of sport make an article one of sport.
const minSportWords = 3

// sportsArticle reports whether a has minSportWords words of sport or
// more, clitics and the article aside.
func (r *Recognizer) sportsArticle(a *article.Article) bool {
	if len(r.lex.sport) == 0 || !isArabic(a) {
		return false
	}
	n := 0
	for _, tok := range a.Tokens {
		if tok.Kind != article.Word || tok.End-tok.Start < 6 {
			continue // three Arabic letters or more
		}
		if key := a.Key(tok); key[0] >= 0x80 && r.lex.sportForms[key] {
			if n++; n >= minSportWords {
				return true
			}
		}
	}
	return false
}

// bareStem returns key without a conjunction, a preposition and the
// article before it (وباللاعب → لاعب), when at least three letters are
// left.
func bareStem(key string) string {
	k := key
	cut := func(p string) {
		if rest, ok := strings.CutPrefix(k, p); ok && len(rest) >= 6 {
			k = rest
		}
	}
	for _, p := range [...]string{"و", "ف"} {
		if strings.HasPrefix(k, p) {
			cut(p)
			break
		}
	}
	if strings.HasPrefix(k, "لل") {
		cut("لل")
		return k
	}
	for _, p := range [...]string{"ب", "ل", "ك"} {
		if strings.HasPrefix(k, p) && !strings.HasPrefix(k, p+"ا") || strings.HasPrefix(k, p+"ال") {
			cut(p)
			break
		}
	}
	cut("ال")
	return k
}

// isClub reports whether record x is a club's.
func (r *Recognizer) isClub(x int32) bool { return r.gaz.Records[x].HasRole("club") }

// sortClubs orders the records of the one-word name c where some are
// clubs': outside the news of sport the clubs' go; in it they come first
// unless a place word or في makes the name a place's (في برشلونة). It
// reports false when no record is left.
func (r *Recognizer) sortClubs(a *article.Article, s *nerScratch, c *candidate, first, last int) bool {
	clubs := 0
	for _, x := range c.recs {
		if r.isClub(x) {
			clubs++
		}
	}
	if clubs == 0 {
		return true
	}
	place := clubs < len(c.recs) && !r.clubContext(a, s, c, first, last) && r.placeBefore(a, s, c, first)
	keepClubs := c.last-c.first > 1 || s.sports && !place
	recs := make([]int32, 0, len(c.recs))
	for _, club := range [...]bool{true, false} {
		for _, x := range c.recs {
			if r.isClub(x) == club && (!club || keepClubs) {
				recs = append(recs, x)
			}
		}
	}
	if len(recs) == 0 {
		return false
	}
	c.recs = recs
	c.kind = entities.Kind(r.gaz.Records[recs[0]].Kind)
	return true
}

// clubContext reports whether a word of sport stands right before the
// candidate c (أمام الهلال، لاعب التعاون، ولاعب التعاون) or a nationality
// adjective right after it (الهلال السعودي).
func (r *Recognizer) clubContext(a *article.Article, s *nerScratch, c *candidate, first, last int) bool {
	if c.first > first && a.Tokens[c.first-1].Kind == article.Word && r.lex.clubCue[bareStem(a.Key(a.Tokens[c.first-1]))] {
		return true
	}
	if c.skip > 0 {
		return false
	}
	return c.last < last && s.at(a, c.last, last).Demonym.Len() > 0
}

// clubAlone reports, of a club's one-word name the tagger did not read,
// whether it stands: after نادي, or in the news of sport where it is no
// common word or its context is a club's.
func (r *Recognizer) clubAlone(a *article.Article, s *nerScratch, c *candidate, rec *gazetteer.Record, first, last int) bool {
	if c.skip == 0 && c.first > first {
		if h, _, _ := r.headAt(a, s, c.first-1); h == headMedia {
			return true // «نادي الاتفاق» without its type word
		}
	}
	if !s.sports {
		return false
	}
	return !r.common(a, c.first) || r.clubContext(a, s, c, first, last)
}

// onlyClubs reports whether the one-word name n names clubs only, outside
// the news of sport: no name there (تنظيم حلقة نقاش الشباب).
func (r *Recognizer) onlyClubs(s *nerScratch, n gazetteer.NameHit) bool {
	if s.sports || n.Len() != 1 {
		return false
	}
	for _, x := range n.Records {
		if !r.isClub(x) {
			return false
		}
	}
	return true
}

// placeBefore reports whether a place word, a preposition or ب attached
// to it stands before the candidate c: في برشلونة، بمدينة روما، بروما.
func (r *Recognizer) placeBefore(a *article.Article, s *nerScratch, c *candidate, first int) bool {
	if c.skip > 0 {
		return strings.HasSuffix(a.Key(a.Tokens[c.first])[:c.skip], "ب")
	}
	if c.first <= first {
		return false
	}
	if r.lex.preps[a.Key(a.Tokens[c.first-1])] {
		return true
	}
	h, _, _ := r.headAt(a, s, c.first-1)
	return h == headPlace
}
