package ner

import (
	"strings"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
)

// Places no list holds: a settlement's or a district's descriptor (OrgWords
// "place" with number 2: محافظة، بلدة، حي) says that the name after it is
// a place's, «محافظة البدع», «حي البجيري», and names joined to that one by
// و are places too (مدينة أبها والحبلة والسودة).

// settlementAt reports whether token p is a settlement's descriptor
// without the article (the article makes it a common noun: المحافظة
// الجديدة).
func (r *Recognizer) settlementAt(a *article.Article, s *nerScratch, p int) bool {
	h, _, definite := r.headAt(a, s, p)
	if h != headPlace || definite {
		return false
	}
	s.splits = article.AppendSplits(s.splits[:0], a.Key(a.Tokens[p]))
	for _, sp := range s.splits {
		if r.lex.settlement[sp.Stem] {
			return true
		}
	}
	return false
}

// placesAfterDescriptors adds, in the sentence [first, last), the places
// that a settlement's descriptor introduces over free tokens, and the
// names joined to them by و.
func (r *Recognizer) placesAfterDescriptors(a *article.Article, s *nerScratch, first, last int) {
	if !isArabic(a) {
		return
	}
	for p := first; p+1 < last; p++ {
		if a.Tokens[p].Kind != article.Word || !r.settlementAt(a, s, p) {
			continue
		}
		k := p + 1
		end := r.placeName(a, s, k, last)
		switch {
		case end > k:
			r.addPlace(a, s, k, end, 0)
		case s.taken[k]:
			// A place the lists know («مدينة أبها»): the list may go on.
			end = r.placeAt(s, k)
		}
		if end == k {
			continue
		}
		// «مدينة أبها والحبلة والسودة»: the list goes on with و.
		for j := end; j < last && r.joinedPlace(a, s, j, last); j++ {
			r.addPlace(a, s, j, j+1, len("و"))
		}
		p = end - 1
	}
}

// placeAt returns the end of the place mention that begins at token k
// in the sentence being read, or k.
func (r *Recognizer) placeAt(s *nerScratch, k int) int {
	for ci := range s.sentenceCands() {
		if c := &s.cands[ci]; !c.gone && c.first == k && c.kind == entities.LOC {
			return c.last
		}
	}
	return k
}

// placeName returns the end of a place's name from token k: a definite
// word, or one to three indefinite words of which the last may be
// definite (سراة عبيدة، رأس الخير), none of them a common word, a
// function word, a title, a type word or an adjective, over free tokens;
// k when there is none.
func (r *Recognizer) placeName(a *article.Article, s *nerScratch, k, last int) int {
	j := k
	for j < last && j-k < 3 {
		t := a.Tokens[j]
		if t.Kind != article.Word || s.taken[j] {
			break
		}
		key := a.Key(t)
		if key[0] < utf8.RuneSelf || utf8.RuneCountInString(key) < 3 || r.blocks(a, s, j, last) || r.common(a, j) ||
			r.isTypeWord(a, s, j) || strings.HasPrefix(key, "و") && j > k {
			break
		}
		if (j > k || !isDefinite(key)) && r.isAdjective(a, s, j, last) {
			// After the descriptor, which has no article, a word with the
			// article is its complement, not its adjective: محافظة الدرعية.
			break
		}
		if ms := s.at(a, j, last); ms.Demonym.Len() > 0 || ms.Title.Len() > 0 {
			break
		}
		j++
		if isDefinite(key) {
			break
		}
	}
	return j
}

// joinedPlace reports whether token j is و and a definite name that is
// no common word, type word or adjective, over a free token: the next
// place of a list.
func (r *Recognizer) joinedPlace(a *article.Article, s *nerScratch, j, last int) bool {
	t := a.Tokens[j]
	if t.Kind != article.Word || s.taken[j] {
		return false
	}
	rest, ok := strings.CutPrefix(a.Key(t), "و")
	if !ok || !isDefinite(rest) || utf8.RuneCountInString(rest) < 5 || gazetteer.IsStopKey(rest) || r.lex.timeWords[rest] {
		return false
	}
	if r.tagger != nil && r.tagger.Common(rest) || r.isTypeWord(a, s, j) || isNisbaKey(rest) {
		return false
	}
	return true
}

// addPlace adds a place over the tokens [i, j), skip key bytes of
// clitics cut from the first, linked where the gazetteer knows the name.
func (r *Recognizer) addPlace(a *article.Article, s *nerScratch, i, j, skip int) {
	sp := article.Span{Start: a.Tokens[i].Start, End: a.Tokens[j-1].End}
	if skip > 0 {
		sp.Start = a.KeySpan(a.Tokens[i], skip).Start
	}
	c := candidate{span: sp, first: i, last: j, skip: skip, kind: entities.LOC}
	s.keys = appendKeys(s.keys[:0], a, &c)
	if recs := r.gaz.LookupName(s.keys...); recs != nil && r.gaz.Records[recs[0]].Kind == gazetteer.LOC {
		c.recs = recs
	}
	s.cands = append(s.cands, c)
	for t := i; t < j; t++ {
		s.taken[t] = true
	}
}
