package ner

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
	"github.com/khabar-go/khabar/entities/internal/tagger"
	"github.com/khabar-go/khabar/internal/lang"
)

// Names found by their type word: «وزارة الداخلية», «الرئاسة العامة لرعاية
// الشباب», «مطار الملك خالد», «صحيفة عكاظ». The type words are the
// OrgWords list of internal/lang; a name runs from the type word over the
// noun phrase that completes it (a construct complement, adjectives,
// prepositional complements with ل, words joined by و) and stops at
// punctuation, function words, titles, numbers and time words.

// headClass is the class of a type word.
type headClass uint8

const (
	headNone       headClass = iota
	headORG                  // part of an organisation's name: وزارة، هيئة
	headClassifier           // part of the name before a common noun, not before a name of its own: شركة، وكالة
	headMedia                // a newspaper, channel or site; never part of the name: صحيفة
	headLOC                  // part of a facility's or feature's name: مطار، مسجد
	headPlace                // a descriptor before a place name, not part of it: مدينة، محافظة
	headMISC                 // heads the name of a work or event: معركة، اتفاقية
)

// headKind returns the kind of the names a type word of class c heads
// (0 for none): the kind a bare type word would be read as.
func headKind(c headClass) entities.Kind {
	switch c {
	case headORG, headClassifier, headMedia:
		return entities.ORG
	case headLOC:
		return entities.LOC
	}
	return 0
}

// nerLexicon holds the words the recognizer reads syntax by, folded to
// keys, from internal/lang.
type nerLexicon struct {
	heads      map[string]headClass
	weak       map[string]bool // type words that are common nouns too: حركة، إدارة
	settlement map[string]bool // place words of settlements and districts: محافظة، حي
	verbal     map[string]bool // type words that ب or ل turns into a preposition's phrase: برئاسة
	sport      map[string]bool // words of the news of sport: مباراة، لاعب
	sportForms map[string]bool // their keys with clitics and the article: والمباراة
	body       map[string]bool // state bodies and forces that head no name: حكومة، منتخب
	clubCue    map[string]bool // words before a club's name: أمام، نظيره
	modifiers  map[string]bool // adjectives that qualify a title: السابق، former
	adjective  map[string]bool // adjectives common in names: العامة، العليا
	orgPart    map[string]bool // words common inside organisations' names: الوطنية، للأنباء
	timeWords  map[string]bool // months, weekdays and other time words
	particles  map[string]bool // particles inside personal names: بن، عبد
	wawNames   map[string]bool // names that begin with و
	kingdom    map[string]bool // «المملكة»: the kingdom of the country of publication
	// kingdomStems and prayerStems are the kingdom and prayer words
	// without the article, for a quick test of a key's ending.
	kingdomStems, prayerStems []string
	preps                     map[string]bool // prepositions that often stand before a place
	speech                    map[string]bool // speech verbs: an organisation that speaks has a name
	prayer                    map[string]bool // «صلاة»: a prayer's name after it is no place (صلاة المغرب)
}

var loadLexicon = sync.OnceValue(func() *nerLexicon {
	x := &nerLexicon{
		heads: map[string]headClass{}, weak: map[string]bool{}, settlement: map[string]bool{}, verbal: map[string]bool{}, sport: map[string]bool{}, sportForms: map[string]bool{}, body: map[string]bool{}, clubCue: map[string]bool{}, orgPart: map[string]bool{}, modifiers: map[string]bool{}, adjective: map[string]bool{},
		timeWords: map[string]bool{}, particles: map[string]bool{}, wawNames: map[string]bool{},
		kingdom: map[string]bool{}, preps: map[string]bool{}, speech: map[string]bool{}, prayer: map[string]bool{},
	}
	for _, w := range lang.Words(lang.Speech, "verb") {
		x.speech[article.Key(w)] = true
	}

	for _, e := range lang.Entries(lang.OrgWords) {
		k := strings.TrimPrefix(article.Key(e.Word), "ال")
		var c headClass
		switch e.Class {
		case "ORG":
			c = headORG
		case "classifier":
			c = headClassifier
		case "press":
			c = headMedia
		case "LOC":
			c = headLOC
		case "place":
			c = headPlace
		case "MISC":
			c = headMISC
		case "adjective":
			x.adjective[article.Key(e.Word)] = true
			continue
		case "part":
			x.orgPart[article.Key(e.Word)] = true
			continue
		case "sport":
			x.sport[k] = true
			for _, p := range [...]string{"", "و", "ف"} {
				for _, q := range [...]string{"", "ب", "ل", "ك"} {
					x.sportForms[p+q+k] = true
					if q != "ل" {
						x.sportForms[p+q+"ال"+k] = true
					} else {
						x.sportForms[p+"لل"+k] = true
					}
				}
			}
			continue
		case "body":
			x.body[k] = true
			continue
		case "clubcue":
			x.clubCue[k] = true
			continue
		default:
			continue
		}
		if _, ok := x.heads[k]; !ok {
			x.heads[k] = c
			x.weak[k] = e.N == 1 || e.N == 3 || c == headLOC
			x.verbal[k] = e.N == 3
			x.settlement[k] = c == headPlace && e.N == 2
		}
	}
	for _, e := range lang.Entries(lang.Grammar) {
		k := article.Key(e.Word)
		switch e.Class {
		case "naming":
			x.particles[k] = true
		case "modifier":
			x.modifiers[k] = true
		case "waw":
			x.wawNames[k] = true
		case "kingdom":
			x.kingdom[k] = true
			x.kingdomStems = append(x.kingdomStems, strings.TrimPrefix(k, "ال"))
		case "preposition":
			x.preps[k] = true
		case "prayer":
			x.prayer[k] = true
			x.prayerStems = append(x.prayerStems, k)
		}
	}
	for _, l := range []lang.List{lang.Months, lang.Weekdays, lang.TimeWords, lang.Relative} {
		for _, e := range lang.Entries(l) {
			for _, w := range strings.Fields(e.Word) {
				x.timeWords[article.Key(w)] = true
			}
		}
	}
	return x
})

// headAt returns the class of the type word at token i, the key bytes of
// clitics before it and whether it carries the article.
func (r *Recognizer) headAt(a *article.Article, s *nerScratch, i int) (c headClass, skip int, definite bool) {
	c, skip, definite, _ = r.headInfo(a, s, i)
	return c, skip, definite
}

// headMemo is headInfo's answer for one token.
type headMemo struct {
	set, definite, weak bool
	c                   headClass
	skip                int8
}

// headInfo is headAt that also reports whether the type word is weak (a
// common noun too, or a facility's: its name needs evidence).
func (r *Recognizer) headInfo(a *article.Article, s *nerScratch, i int) (c headClass, skip int, definite, weak bool) {
	k := i - s.memoFirst
	if k < 0 || k >= len(s.heads) {
		return headInfo(r.lex, a, s, i)
	}
	h := &s.heads[k]
	if !h.set {
		// Most words are no type word, and they repeat: the answer for
		// a key is kept across sentences and articles.
		key := a.Key(a.Tokens[i])
		if m, ok := s.headCache[key]; ok {
			*h = m
		} else {
			c, skip, definite, weak := headInfo(r.lex, a, s, i)
			*h = headMemo{set: true, c: c, skip: int8(skip), definite: definite, weak: weak}
			if s.headCache == nil || len(s.headCache) >= maxHeadCache {
				s.headCache = make(map[string]headMemo, 1024)
			}
			s.headCache[strings.Clone(key)] = *h
		}
	}
	return h.c, int(h.skip), h.definite, h.weak
}

// maxHeadCache bounds nerScratch.headCache; it is emptied when full.
const maxHeadCache = 1 << 15

func headInfo(x *nerLexicon, a *article.Article, s *nerScratch, i int) (c headClass, skip int, definite, weak bool) {
	tok := a.Tokens[i]
	if tok.Kind != article.Word {
		return headNone, 0, false, false
	}
	key := a.Key(tok)
	if key == "" || key[0] < utf8.RuneSelf {
		return headNone, 0, false, false
	}
	s.splits = article.AppendSplits(s.splits[:0], key)
	for _, sp := range s.splits {
		if c, ok := x.heads[sp.Stem]; ok {
			if p := strings.TrimLeft(sp.Prefix, "وف"); x.verbal[sp.Stem] && (p == "ب" || p == "ل") {
				return headNone, 0, false, false // برئاسة "chaired by"
			}
			weak = x.weak[sp.Stem]
			definite = strings.HasSuffix(sp.Prefix, "ال") || sp.Prefix == "لل"
			skip = len(sp.Prefix)
			if definite {
				// The article is part of the name: «الرئاسة العامة».
				skip -= len("ال")
				if sp.Prefix == "لل" || strings.HasSuffix(sp.Prefix, "لل") {
					skip = len(sp.Prefix) - len("ل")
				}
			}
			return c, skip, definite, weak
		}
	}
	return headNone, 0, false, false
}

// isDefinite reports whether key carries the article and at least two
// letters after it.
func isDefinite(key string) bool {
	return strings.HasPrefix(key, "ال") && utf8.RuneCountInString(key) >= 4
}

// isNisbaKey reports whether a definite key ends as a relative adjective
// does (الوطنية، الدستوري، الخليجي).
func isNisbaKey(key string) bool {
	if !isDefinite(key) {
		return false
	}
	for _, suf := range [...]string{"ين", "ون", "ه"} {
		if k := strings.TrimSuffix(key, suf); len(k) < len(key) {
			key = k
			break
		}
	}
	return strings.HasSuffix(key, "ي")
}

// typedName is a name found by its type word: tokens [first, last), the
// span, the key bytes of clitics cut from the first token, and the kind.
type typedName struct {
	first, last, skip int
	kind              entities.Kind
	// weak: the phrase is a common noun after a type word that is a
	// common noun too; it stands only where the tagger reads a name.
	weak bool
}

// typedAt returns the name that the type word at token i heads, within
// the sentence's tokens before last. ok is false when there is none.
func (r *Recognizer) typedAt(a *article.Article, s *nerScratch, i, last int) (typedName, bool) {
	c, skip, definite, weakHead := r.headInfo(a, s, i)
	switch c {
	case headNone, headPlace, headMISC:
		return typedName{}, false
	}
	kind := entities.ORG
	if c == headLOC {
		kind = entities.LOC
	}
	k := i + 1
	if k >= last {
		return typedName{}, false
	}
	// «شركة «بيانات»», «ملعب "الإمارات"»: a quoted name after the type
	// word is the name.
	if q, _, ok := quotedRun(a, k, last); ok {
		return typedName{first: q.first, last: q.last, kind: kind}, true
	}
	if c == headMedia {
		// «صحيفة عكاظ», «صحيفة الوطن»: the name is what follows.
		if definite {
			return typedName{}, false
		}
		end := r.selfName(a, s, k, last)
		if end == k {
			return typedName{}, false
		}
		// «موقع المهرجان» is the festival's site: a common word after
		// the type word is a name where the tagger reads one.
		weak := weakHead && end == k+1 && r.common(a, k) && s.at(a, k, last).Name.Len() == 0
		return typedName{first: k, last: end, kind: entities.ORG, weak: weak}, true
	}
	if c == headClassifier && !definite {
		if key := a.Key(a.Tokens[k]); !isDefinite(key) && !s.at(a, k, last).NameWins(s.lang) {
			// «وكالة إنترفاكس», «شركة سانوفي»: a name of its own.
			if end := r.selfName(a, s, k, last); end > k && !r.isTypeWord(a, s, k) && !r.isAdjective(a, s, k, last) && !r.common(a, k) {
				return typedName{first: k, last: end, kind: entities.ORG}, true
			}
		}
	}
	if weakHead && !definite && (c == headORG || c == headClassifier) {
		// «مكتب الرئاسة العامة لرعاية الشباب», «جماعة حركة أحرار الشام»:
		// a type word before another that heads a name is its office or
		// its kind; the name is the second's.
		if c2, _, _ := r.headAt(a, s, k); (c2 == headORG || c2 == headClassifier) && r.isTypeWord(a, s, k) {
			if tn, ok := r.typedAt(a, s, k, last); ok && tn.first == k {
				return tn, true
			}
		}
	}
	end, evidence := r.phraseEnd(a, s, k, last, definite, c)
	if end <= k && c == headLOC && !definite {
		// «متحف عبدالواحد حريز»: a facility named after a person; it
		// stands where the tagger reads a name in it.
		if e := r.personAfter(a, s, k, min(last, k+3)); e > k+1 {
			return typedName{first: i, last: e, skip: skip, kind: kind, weak: true}, true
		}
	}
	if end <= k {
		return typedName{}, false
	}
	switch {
	case evidence:
	case c == headLOC:
		// «قصر المصمك»: a word no common noun after a facility's type
		// word is its name.
		evidence = r.rareWord(a, s, k, end)
	default:
		evidence = r.speaks(a, s, i) || r.trainedOrg(a, k, end)
	}
	return typedName{first: i, last: end, skip: skip, kind: kind, weak: weakHead && !evidence}, true
}

// rareWord reports whether the complement [k, end) is one definite
// Arabic word of three letters or more after the article that the
// tagger's training data does not hold as a common word, and no type
// word, time word or adjective: the name of a facility (قصر المصمك).
func (r *Recognizer) rareWord(a *article.Article, s *nerScratch, k, end int) bool {
	if r.tagger == nil || !isArabic(a) || end != k+1 {
		return false
	}
	key := a.Key(a.Tokens[k])
	return isDefinite(key) && utf8.RuneCountInString(key) >= 5 && !r.tagger.Common(key) && !r.lex.timeWords[key] &&
		!r.isTypeWord(a, s, k) && !isNisbaKey(key)
}

// isAdjective reports whether token k reads as an adjective: a
// nationality adjective or a word ending as a relative adjective does
// (فيدرالي، فرنسية).
func (r *Recognizer) isAdjective(a *article.Article, s *nerScratch, k, last int) bool {
	if s.at(a, k, last).Demonym.Len() > 0 {
		return true
	}
	return isNisbaKey("ال" + a.Key(a.Tokens[k]))
}

// isTypeWord reports whether token k is a type word of any class.
func (r *Recognizer) isTypeWord(a *article.Article, s *nerScratch, k int) bool {
	c, _, _ := r.headAt(a, s, k)
	return c != headNone
}

// tokenRun is a run of tokens [first, last).
type tokenRun struct{ first, last int }

// quotedRun returns the one to six words between quotation marks that
// open at token k, and the token after the closing mark.
func quotedRun(a *article.Article, k, last int) (tokenRun, int, bool) {
	open, _ := utf8.DecodeRuneInString(a.Text(a.Tokens[k].Span))
	var want rune
	switch open {
	case '«':
		want = '»'
	case '»':
		want = '«'
	case '"':
		want = '"'
	case '“':
		want = '”'
	default:
		return tokenRun{}, 0, false
	}
	for j := k + 1; j < last && j <= k+7; j++ {
		t := a.Tokens[j]
		if t.Kind != article.Punct {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(a.Text(t.Span)); (r == want || open == '»' && r == '»') && j > k+1 {
			return tokenRun{k + 1, j}, j + 1, true
		}
		return tokenRun{}, 0, false
	}
	return tokenRun{}, 0, false
}

// selfName returns the end of a name of its own starting at token k: a
// gazetteer name, a run of capitalised Latin words, or one to three
// Arabic-script words that are not function words, titles or time words
// (only the first may carry the article, and the others are no common
// words: «شركة سانوفي عقدا» ends before عقدا).
func (r *Recognizer) selfName(a *article.Article, s *nerScratch, k, last int) int {
	if ms := s.at(a, k, last); ms.Name.Len() > 0 && ms.Name.Skip == 0 {
		return ms.Name.Last
	}
	j := k
	for j < last && j-k < 3 {
		t := a.Tokens[j]
		if t.Kind != article.Word {
			break
		}
		key := a.Key(t)
		if key[0] < utf8.RuneSelf {
			if !isUpperLatin(a.Text(t.Span)) {
				break
			}
			j++
			continue
		}
		if r.blocks(a, s, j, last) || j > k && (isDefinite(key) && !isNisbaKey(key) || r.common(a, j) || r.prepCommon(a, j)) {
			break
		}
		j++
		if isDefinite(key) {
			break
		}
	}
	return j
}

// prepCommon reports whether token j is a preposition (ب، ل، ك) before
// a common word: «نادي بوكا جونيورز بتأجيل» ends before بتأجيل.
func (r *Recognizer) prepCommon(a *article.Article, j int) bool {
	if r.tagger == nil || !isArabic(a) {
		return false
	}
	key := a.Key(a.Tokens[j])
	for _, p := range [...]string{"ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(key, p); ok && utf8.RuneCountInString(rest) >= 4 && r.tagger.Common(rest) {
			return true
		}
	}
	return false
}

// blocks reports whether token j cannot be inside a name: a function
// word, a title, a time word, a speech verb, or a word of one letter.
func (r *Recognizer) blocks(a *article.Article, s *nerScratch, j, last int) bool {
	t := a.Tokens[j]
	if t.Kind != article.Word {
		return true
	}
	key := a.Key(t)
	if utf8.RuneCountInString(key) < 2 || gazetteer.IsStopKey(key) || r.lex.timeWords[key] {
		return true
	}
	s.splits = article.AppendSplits(s.splits[:0], key)
	for _, sp := range s.splits[1:] {
		if (sp.Prefix == "و" || sp.Prefix == "ف") && (gazetteer.IsStopKey(sp.Stem) || r.lex.timeWords[sp.Stem]) {
			return true
		}
	}
	ms := s.at(a, j, last)
	return ms.Title.Len() > 0 && ms.Title.Len() >= ms.Name.Len()
}

// maxTyped bounds the tokens of a name found by its type word.
const maxTyped = 9

// phraseEnd returns the end of the noun phrase that completes a type
// word, starting at token k: the construct complement (one or two
// indefinite nouns and a definite noun or a name: «إمارة منطقة مكة
// المكرمة»), then adjectives, complements with ل (للمعادن، لرعاية الشباب)
// and nouns joined by و. A definite type word («المرصد») needs an
// adjective or a complement with ل; its name is otherwise a bare common
// noun. It returns k when there is no name. evidence reports a name in
// the complement, a nationality adjective, or two qualifiers one of which
// is a complement with ل or a listed adjective (العامة، الوطنية): what makes a
// phrase a name even after a type word that is a common noun too.
func (r *Recognizer) phraseEnd(a *article.Article, s *nerScratch, k, last int, definite bool, c headClass) (end int, evidence bool) {
	j := k
	limit := min(last, k+maxTyped-1)
	if !definite {
		// The construct complement.
		n := 0
		for j < limit {
			if n == 0 && r.titleWord(a, s, j, last) && isDefinite(a.Key(a.Tokens[j])) {
				// «ملعب الملك عبدالله»: a title and a person's name.
				if e := r.personAfter(a, s, j+1, limit); e > j+1 {
					j, evidence, n = e, true, -1
					break
				}
			}
			if r.blocks(a, s, j, last) {
				break
			}
			if h, _, _ := r.headAt(a, s, j); h == headPlace && c == headLOC {
				// «كورنيش محافظة القطيف»: a place descriptor begins a
				// place of its own.
				break
			}
			key := a.Key(a.Tokens[j])
			if ms := s.at(a, j, last); ms.Name.Len() > 0 && ms.Name.Skip == 0 && ms.NameWins(s.lang) && !r.onlyClubs(s, ms.Name) {
				j = ms.Name.Last
				n = -1
				evidence = true
				break
			}
			if key[0] < utf8.RuneSelf {
				if !isUpperLatin(a.Text(a.Tokens[j].Span)) {
					break
				}
				for j < limit && a.Tokens[j].Kind == article.Word && isUpperLatin(a.Text(a.Tokens[j].Span)) {
					j++
				}
				n = -1
				evidence = true
				break
			}
			if t := s.at(a, j, last); t.Title.Len() > 0 {
				break
			}
			if isDefinite(key) {
				j++
				n = -1
				break
			}
			if strings.HasPrefix(key, "ل") || strings.HasPrefix(key, "ب") {
				break
			}
			j++
			n++
			if n == 3 {
				break
			}
		}
		if n > 0 {
			// Indefinite words and nothing definite: a name of its own
			// («جامعة كاليفورنيا», «مركز واعي») when it is one word that is
			// no common noun nor an adjective (اتحاد فيدرالي). After a
			// facility's type word it is evidence only where the tagger
			// agrees (محطة مترو).
			if n > 1 || r.common(a, k) || r.isAdjective(a, s, k, last) {
				return k, false
			}
			j, evidence = k+1, c != headLOC
		}
		if j == k {
			return k, false
		}
	}
	mods, lamOrListed := 0, false
	defComp := definite || !evidence && j > k && isDefinite(a.Key(a.Tokens[j-1]))
	for j < limit {
		if r.blocks(a, s, j, last) {
			break
		}
		key := a.Key(a.Tokens[j])
		switch {
		case isNisbaKey(key) || r.lex.adjective[key] || s.at(a, j, last).Demonym.Len() > 0 && isDefinite(key):
			lamOrListed = lamOrListed || r.lex.adjective[key] || r.lex.orgPart[key]
			if s.at(a, j, last).Demonym.Len() > 0 && c != headLOC && !definite {
				// «مجلس الغرف السعودية»; not «المطار التركي» nor «الإدارة
				// الأمريكية», a common noun and an adjective.
				evidence = true
			}
			j++
			mods++
			continue
		case definite && mods == 0:
			// «المرصد السوري لحقوق الإنسان»: a definite type word takes
			// an adjective first.
		case strings.HasPrefix(key, "لل") && utf8.RuneCountInString(key) >= 4,
			strings.HasPrefix(key, "ل") && !strings.HasPrefix(key, "لل") && utf8.RuneCountInString(key) >= 4 && j+1 < limit && isDefinite(a.Key(a.Tokens[j+1])) && !r.blocks(a, s, j+1, last):
			// «للمعادن», «لرعاية الشباب», «لحقوق الإنسان».
			lamOrListed = true
			if strings.HasPrefix(key, "لل") {
				j++
			} else {
				j += 2
			}
			mods++
			continue
		case strings.HasPrefix(key, "و") && isDefinite(key[len("و"):]) && mods+j-k > 0 && !definiteOnlyHead(definite, mods) &&
			!r.isTypeWord(a, s, j) && s.at(a, j, last).Name.Len() == 0:
			// «والمجوهرات», «والأوقاف»; not «والمكتب التنفيذي» nor
			// «والصين», names of their own.
			j++
			continue
		case strings.HasPrefix(key, "و") && !isDefinite(key[len("و"):]) && utf8.RuneCountInString(key) >= 4 && j+1 < limit &&
			isDefinite(a.Key(a.Tokens[j+1])) && !r.blocks(a, s, j+1, last) && !definiteOnlyHead(definite, mods) &&
			defComp && !r.isTypeWord(a, s, j):
			// «وتقنية المعلومات» after a common noun («هيئة الاتصالات»);
			// not «ووزارة المال», a name of its own, nor «وفريقها
			// البحثي» after a name («جامعة راش»).
			j += 2
			continue
		}
		break
	}
	if definite && mods == 0 {
		return k, false
	}
	return j, evidence || mods >= 2 && lamOrListed
}

// definiteOnlyHead reports whether a definite type word has no qualifier
// yet, so that a word joined by و would join two phrases.
func definiteOnlyHead(definite bool, mods int) bool { return definite && mods == 0 }

// titleWord reports whether token j is a title.
func (r *Recognizer) titleWord(a *article.Article, s *nerScratch, j, last int) bool {
	ms := s.at(a, j, last)
	return ms.Title.Len() == 1
}

// personAfter returns the end of a personal name of up to four words from
// token k: words that are not function words or definite (bar after the
// particles بن, عبد, آل).
func (r *Recognizer) personAfter(a *article.Article, s *nerScratch, k, limit int) int {
	j := k
	particle := false
	for j < limit && j-k < 4 {
		t := a.Tokens[j]
		if t.Kind != article.Word {
			break
		}
		key := a.Key(t)
		if gazetteer.IsStopKey(key) || r.lex.timeWords[key] || key[0] < utf8.RuneSelf || isDefinite(key) && !particle ||
			j > k && !particle && (r.common(a, j) || r.prepCommon(a, j)) {
			// «طريق الملك عبدالله مرورا»: a common word ends the name.
			break
		}
		if ms := s.at(a, j, limit); j > k && ms.Name.Skip > 0 && ms.Name.Len() > 0 && r.gaz.Records[ms.Name.Records[0]].Kind == gazetteer.LOC {
			// «مستشفى الملك فيصل بمكة»: a place after a preposition.
			break
		}
		particle = r.lex.particles[key]
		j++
	}
	if particle && j > k {
		j--
	}
	return j
}

// common reports whether token k is a word the tagger's training data
// holds mostly outside names; false without a tagger and outside Arabic
// articles (روسیه is Russia in Persian, روسية "Russian" in Arabic).
func (r *Recognizer) common(a *article.Article, k int) bool {
	if r.tagger == nil || !isArabic(a) {
		return false
	}
	return r.tagger.Common(a.Key(a.Tokens[k]))
}

// addTyped adds the name tn that the type word at token head heads (tn
// may leave the type word out) as a candidate, linked when the gazetteer
// knows the whole name, and takes its tokens and the type word's.
func (r *Recognizer) addTyped(a *article.Article, s *nerScratch, tn typedName, head int) {
	whole := tn.last
	if tn.kind == entities.ORG {
		tn.last = r.trimNationality(a, s, tn)
	}
	sp := article.Span{Start: a.Tokens[tn.first].Start, End: a.Tokens[tn.last-1].End}
	if tn.skip > 0 {
		sp.Start = a.KeySpan(a.Tokens[tn.first], tn.skip).Start
	}
	c := candidate{span: sp, first: tn.first, last: tn.last, skip: tn.skip, kind: tn.kind, typed: true, weak: tn.weak}
	s.keys = appendKeys(s.keys[:0], a, &c)
	if hc, _, _ := r.headAt(a, s, tn.first); hc == headClassifier && tn.first == head && tn.last-tn.first > 1 {
		// «مليشيا الحوثي», «تنظيم القاعدة»: a classifier before a name
		// of its own stays out of the name.
		if ms := s.at(a, tn.first+1, tn.last); ms.Name.Last == tn.last && ms.Name.Skip == 0 &&
			entities.Kind(r.gaz.Records[ms.Name.Records[0]].Kind) == c.kind {
			c.first++
			c.span.Start, c.skip = a.Tokens[c.first].Start, 0
			c.recs, c.weak = ms.Name.Records, false
			s.keys = appendKeys(s.keys[:0], a, &c)
		}
	}
	if c.recs != nil {
	} else if recs := r.gaz.LookupName(s.keys...); recs != nil && entities.Kind(r.gaz.Records[recs[0]].Kind) == c.kind {
		c.recs = recs
	} else if ms := s.at(a, tn.first, tn.last); ms.Name.Len() > 1 && ms.Name.Skip == tn.skip &&
		entities.Kind(r.gaz.Records[ms.Name.Records[0]].Kind) == c.kind {
		// «وحدات حماية الشعب الكردية»: the gazetteer knows the name
		// without its last qualifier.
		c.recs = ms.Name.Records
		c.weak = false
		if strings.HasPrefix(a.Key(a.Tokens[ms.Name.Last]), "و") {
			// «مؤسسة النقد ورعاية الشباب»: a second name joined by و.
			c.last = ms.Name.Last
			c.span.End = a.Tokens[c.last-1].End
		}
	}
	s.cands = append(s.cands, c)
	end := c.last
	if tn.last < whole {
		end = whole // the nationality's adjective cut off is no name either
	}
	for t := head; t < end; t++ {
		s.taken[t] = true
	}
	for t := tn.first; t < tn.last; t++ {
		// «غرفة جدة»: the place inside tells where the article is from.
		if ms := s.at(a, t, tn.last); ms.Name.Len() > 0 {
			r.vote(a, s, &candidate{first: t, last: ms.Name.Last, recs: ms.Name.Records})
		}
	}
}

// trimNationality returns the end of the organisation's name tn without
// the nationality's adjective that ends it, a descriptor the news
// conventions leave out (وزارة الطاقة الإماراتية → وزارة الطاقة، وكالة
// انترفاكس الروسية → وكالة انترفاكس), where at least two words are left
// and the gazetteer does not know the whole as a name (وكالة الأنباء
// السعودية).
func (r *Recognizer) trimNationality(a *article.Article, s *nerScratch, tn typedName) int {
	j := tn.last
	for j-tn.first > 2 {
		if d := s.at(a, j-1, j).Demonym; d.Len() == 0 || d.Country == "" || !isDefinite(a.Key(a.Tokens[j-1])) {
			break
		}
		j--
	}
	if j == tn.last {
		return j
	}
	for t := tn.first; t < j; t++ {
		// «شركة أرامكو السعودية»: a name the gazetteer knows ends there.
		if ms := s.at(a, t, tn.last); ms.Name.Last == tn.last && (t == tn.first && ms.Name.Skip == tn.skip || ms.Name.Skip == 0) {
			return tn.last
		}
	}
	return j
}

// dropClassifier narrows a gazetteer organisation name that begins with
// a type word to the rest when the type word is a classifier there: a
// newspaper's or channel's type word («قناة العربية»), or any type word
// before a name that stands on its own without the article («حركة
// حماس», «تنظيم داعش»), as the annotation conventions of news have it.
func (r *Recognizer) dropClassifier(a *article.Article, s *nerScratch, c *candidate) {
	if c.kind != entities.ORG || c.last-c.first < 2 {
		return
	}
	hc, _, _ := r.headAt(a, s, c.first)
	if hc == headNone || hc == headPlace || hc == headLOC {
		return
	}
	rest := a.Key(a.Tokens[c.first+1])
	if hc != headMedia && (isDefinite(rest) || c.last-c.first > 2) && !(hc == headClassifier && r.restNamesSame(a, s, c.recs, c.first+1, c.last)) {
		return
	}
	if quoteMark(a, c.first+1) {
		return
	}
	c.first++
	c.span.Start, c.skip = a.Tokens[c.first].Start, 0
}

// restNamesSame reports whether the tokens [i, j) are a name of their own
// of the organisation recs: «تنظيم القاعدة» when the gazetteer knows
// القاعدة as a name of al-Qaeda.
func (r *Recognizer) restNamesSame(a *article.Article, s *nerScratch, recs []int32, i, j int) bool {
	if len(recs) == 0 || i >= j {
		return false
	}
	s.keys = s.keys[:0]
	for t := i; t < j; t++ {
		s.keys = append(s.keys, a.Key(a.Tokens[t]))
	}
	for _, x := range r.gaz.LookupName(s.keys...) {
		if x == recs[0] {
			return true
		}
	}
	return false
}

// quoteMark reports whether token k is a punctuation token.
func quoteMark(a *article.Article, k int) bool { return a.Tokens[k].Kind == article.Punct }

// vote counts a place name the scan met for the country of
// publication: a country's name two, a city's or a division's one. A
// place one word names counts only when it is a capital or a city of
// 100,000 and the word is no common noun: one small town or province
// abroad named by a common word (إطار is Atar, يورو is Yoro) must not
// make its country the article's. Each place votes once.
func (r *Recognizer) vote(a *article.Article, s *nerScratch, c *candidate) {
	if len(c.recs) == 0 {
		return
	}
	rec := &r.gaz.Records[c.recs[0]]
	for _, x := range c.recs[1:] {
		if r.gaz.Records[x].Country != rec.Country {
			return // a name of places in several countries
		}
	}
	if s.voted[c.recs[0]] {
		return // each place votes once
	}
	s.voted[c.recs[0]] = true
	switch {
	case rec.Country == "" || rec.Kind != gazetteer.LOC:
	case rec.Source == gazetteer.Country:
		s.votes[rec.Country] += 2
	case c.last-c.first == 1 && (r.common(a, c.first) ||
		rec.Source == gazetteer.City && rec.Population < 100000 && !rec.HasRole("capital")):
	default:
		s.votes[rec.Country]++
	}
}

// voteAgain gives a place of a dateline a second vote: two in all.
func (r *Recognizer) voteAgain(s *nerScratch, c *candidate) {
	rec := &r.gaz.Records[c.recs[0]]
	if rec.Kind == gazetteer.LOC && rec.Country != "" && s.voted[c.recs[0]] {
		s.votes[rec.Country]++
	}
}

// homeCountry returns the country of publication: the Recognizer's
// Country, or else the country that the article's place names point to
// most, when it has two votes or more (see vote) and leads; "" otherwise.
func (r *Recognizer) homeCountry(s *nerScratch) string {
	if r.country != "" {
		return r.country
	}
	return leader(s.votes, 2, nil)
}

// leader returns the key of votes with the most votes, at least min, and
// no tie; only keys that keep passes, when keep is not nil.
func leader(votes map[string]int, min int, keep func(string) bool) string {
	best, n, tie := "", 0, false
	for cc, v := range votes {
		if keep != nil && !keep(cc) {
			continue
		}
		switch {
		case v > n:
			best, n, tie = cc, v, false
		case v == n:
			tie = true
		}
	}
	if tie || n < min {
		return ""
	}
	return best
}

// kingdomAt reports whether token i is «المملكة» alone (with clitics:
// بالمملكة، للمملكة), not followed by an adjective that names another
// kingdom (المملكة الهاشمية), and how many key bytes of clitics to cut.
func (r *Recognizer) kingdomAt(a *article.Article, s *nerScratch, i, last int) (int, bool) {
	tok := a.Tokens[i]
	key := a.Key(tok)
	if tok.Kind != article.Word || key == "" || key[0] < utf8.RuneSelf || !r.lex.kingdomEnd(key) {
		return 0, false
	}
	s.splits = article.AppendSplits(s.splits[:0], key)
	for _, sp := range s.splits {
		w, skip := sp.Stem, len(sp.Prefix)
		switch {
		case strings.HasSuffix(sp.Prefix, "لل"):
			w, skip = "ال"+sp.Stem, len(sp.Prefix)-len("ل")
		case strings.HasSuffix(sp.Prefix, "ال"):
			w, skip = "ال"+sp.Stem, len(sp.Prefix)-len("ال")
		}
		if !r.lex.kingdom[w] {
			continue
		}
		if i+1 < last && isNisbaKey(a.Key(a.Tokens[i+1])) {
			return 0, false
		}
		return skip, true
	}
	return 0, false
}

// resolveKingdom links the «المملكة» candidates to the country of
// publication when it is a kingdom, and drops them otherwise; the kingdom
// they name becomes the country of publication where none was known.
func (r *Recognizer) resolveKingdom(s *nerScratch) {
	rec := -1
	home := s.home
	if r.country == "" {
		// «المملكة» names a kingdom: the one the article points to most.
		home = leader(s.votes, 1, r.gaz.IsKingdom)
	}
	if home != "" && r.gaz.IsKingdom(home) {
		rec = r.gaz.CountryRecord(home)
	}
	named := false
	for ci := range s.cands {
		c := &s.cands[ci]
		if c.kingdom {
			if rec < 0 {
				s.taken[c.first] = false
				c.gone = true
				continue
			}
			c.recs = []int32{int32(rec)}
			named = true
		}
	}
	if named && s.home == "" {
		// An article that calls a country «the Kingdom» is written
		// from there.
		s.home = home
	}
}

// withTagger returns a Recognizer like r that uses the tagger m.
func (r *Recognizer) withTagger(m *tagger.Model) *Recognizer {
	return &Recognizer{gaz: r.gaz, tagger: m, lex: r.lex, country: r.country, misc: r.misc}
}

// outletAt reports the name of a newspaper or channel that a reporter
// speaks to: one to three words in quotation marks right after the
// preposition ل written apart (أوضح لـ«الاقتصادية»، قال لـ"عكاظ").
func (r *Recognizer) outletAt(a *article.Article, s *nerScratch, i, last int) (typedName, bool) {
	if i+3 >= last || a.Key(a.Tokens[i]) != "ل" {
		return typedName{}, false
	}
	q, _, ok := quotedRun(a, i+1, last)
	if !ok || q.last-q.first > 3 || !r.free(a, s, q.first, q.last) {
		return typedName{}, false
	}
	return typedName{first: q.first, last: q.last, kind: entities.ORG}, true
}

// scanDateline reads a dateline or byline line (عمر إبراهيم – عين اليوم،
// الرياض - واس): between its dashes, a part that no gazetteer name or cue
// took is the outlet when it is the last (one to three words), and a
// reporter when an earlier part holds two or three words, or when it is
// the only part and begins with a given name.
func (r *Recognizer) scanDateline(a *article.Article, s *nerScratch, first, last int) {
	var parts []tokenRun
	p := first
	for i := first; i <= last; i++ {
		if i < last && !isDash(a, i) {
			continue
		}
		if i > p {
			parts = append(parts, tokenRun{p, i})
		}
		p = i + 1
	}
	for n, pt := range parts {
		if !r.free(a, s, pt.first, pt.last) {
			continue
		}
		words := pt.last - pt.first
		kind := entities.PER
		switch {
		case len(parts) == 1 && words >= 2 && words <= 3 && r.tagger != nil && r.tagger.GivenName(a.Key(a.Tokens[pt.first])):
			// «سلطان السلمي-»: a reporter's name alone.
		case n == len(parts)-1 && words <= 3:
			kind = entities.ORG
		case n < len(parts)-1 && words >= 2 && words <= 3:
		default:
			continue
		}
		blocked := false
		for t := pt.first; t < pt.last; t++ {
			blocked = blocked || r.blocks(a, s, t, pt.last)
		}
		if !blocked {
			r.addTyped(a, s, typedName{first: pt.first, last: pt.last, kind: kind}, pt.first)
		}
	}
}

// isDash reports whether token i is a dash or a hyphen standing alone.
func isDash(a *article.Article, i int) bool {
	if a.Tokens[i].Kind != article.Punct {
		return false
	}
	switch a.Text(a.Tokens[i].Span) {
	case "-", "–", "—", "ـ":
		return true
	}
	return false
}

// quotedCompany reports the name of a company or body quoted as a whole
// whose first word is a country, a nationality adjective or a place and
// whose last words are a complement with ل: «السعودية للكهرباء»، «قطر
// للبترول», the way Arabic names firms.
func (r *Recognizer) quotedCompany(a *article.Article, s *nerScratch, i, last int) (typedName, bool) {
	if a.Tokens[i].Kind != article.Punct {
		return typedName{}, false
	}
	q, _, ok := quotedRun(a, i, last)
	if !ok || q.last-q.first < 2 || q.last-q.first > 4 || !r.free(a, s, q.first, q.last) {
		return typedName{}, false
	}
	ms := s.at(a, q.first, q.last)
	if ms.Name.Len() != 1 && ms.Demonym.Len() != 1 && !isNisbaKey(a.Key(a.Tokens[q.first])) {
		return typedName{}, false
	}
	if ms.Name.Len() == 1 && r.gaz.Records[ms.Name.Records[0]].Kind != gazetteer.LOC {
		return typedName{}, false
	}
	k := a.Key(a.Tokens[q.first+1])
	if !strings.HasPrefix(k, "ل") || utf8.RuneCountInString(k) < 4 {
		return typedName{}, false
	}
	return typedName{first: q.first, last: q.last, kind: entities.ORG}, true
}

// matchMemo is the gazetteer's matches at one token, up to end.
type matchMemo struct {
	end int
	ms  gazetteer.Matches
}

// sentence starts the memos of the sentence [first, last).
func (s *nerScratch) sentence(first, last int) {
	n := last - first
	if cap(s.memo) < n {
		s.memo = make([]matchMemo, n)
		s.heads = make([]headMemo, n)
	}
	s.memo, s.heads = s.memo[:n], s.heads[:n]
	for i := range s.memo {
		s.memo[i].end = -1
	}
	clear(s.heads)
	s.memoFirst, s.memoLast = first, last
}

// at returns the gazetteer's matches at token i up to end, from the memo
// when i is in the current sentence.
func (s *nerScratch) at(a *article.Article, i, end int) gazetteer.Matches {
	k := i - s.memoFirst
	if k < 0 || k >= len(s.memo) {
		return s.m.At(a, i, end)
	}
	m := &s.memo[k]
	if m.end != end {
		m.ms, m.end = s.m.At(a, i, end), end
	}
	return m.ms
}

// speaks reports whether the word before token i is a speech verb, so
// that the phrase at i speaks as an organisation does: «قالت حركة
// النهضة», «وأعلن مجلس الوزراء».
func (r *Recognizer) speaks(a *article.Article, s *nerScratch, i int) bool {
	if i == 0 || a.Tokens[i-1].Kind != article.Word {
		return false
	}
	key := a.Key(a.Tokens[i-1])
	if r.lex.speech[key] {
		return true
	}
	for _, sp := range []string{"و", "ف"} {
		if k, ok := strings.CutPrefix(key, sp); ok && r.lex.speech[k] {
			return true
		}
	}
	return false
}

// trainedOrg reports whether a word of the complement [k, end) is one
// the tagger's training data holds inside organisations' names most
// often (الوزراء in مجلس الوزراء).
func (r *Recognizer) trainedOrg(a *article.Article, k, end int) bool {
	if r.tagger == nil || !isArabic(a) {
		return false
	}
	for j := k; j < end; j++ {
		if r.tagger.InsideName(a.Key(a.Tokens[j])) == tagger.ORG {
			return true
		}
	}
	return false
}

// afterPrayer reports whether the word before token i is «صلاة» (with
// clitics): a name after it is a prayer's (صلاة المغرب, صلاة الجمعة).
func (r *Recognizer) afterPrayer(a *article.Article, s *nerScratch, i int) bool {
	if i == 0 || a.Tokens[i-1].Kind != article.Word {
		return false
	}
	key := a.Key(a.Tokens[i-1])
	ends := false
	for _, p := range r.lex.prayerStems {
		ends = ends || strings.HasSuffix(key, p)
	}
	if !ends {
		return false
	}
	s.splits = article.AppendSplits(s.splits[:0], key)
	for _, sp := range s.splits {
		if r.lex.prayer[sp.Stem] {
			return true
		}
	}
	return false
}

// kingdomEnd reports whether key ends as a word for «the kingdom» does,
// a quick test before its clitic readings are tried.
func (x *nerLexicon) kingdomEnd(key string) bool {
	for _, k := range x.kingdomStems {
		if strings.HasSuffix(key, k) {
			return true
		}
	}
	return false
}

// bodyAt reports whether token k is a state body's or force's word that
// heads no name (حكومة، قوات، منتخب), clitics and the article aside.
func (r *Recognizer) bodyAt(a *article.Article, k int) bool {
	return r.lex.body[bareStem(a.Key(a.Tokens[k]))]
}

// commonAndAdjectives reports whether the tokens [i, j) are a state
// body's word and adjectives only («المنتخب البرازيلي»), or a definite type
// word that is a common noun too and adjectives of which one is a
// nationality's («الإدارة الأمريكية»): no names.
func (r *Recognizer) commonAndAdjectives(a *article.Article, s *nerScratch, i, j int) bool {
	if j-i < 2 {
		return false
	}
	body := r.bodyAt(a, i)
	if !body {
		_, _, definite, weak := r.headInfo(a, s, i)
		if !definite || !weak {
			return false
		}
	}
	nation := false
	for t := i + 1; t < j; t++ {
		d := s.at(a, t, j).Demonym
		if !isNisbaKey(a.Key(a.Tokens[t])) && d.Len() == 0 {
			return false
		}
		nation = nation || d.Len() > 0 && d.Country != ""
	}
	// After a type word, a nationality's adjective makes it a common noun
	// (الإدارة الأمريكية); another adjective may be part of a name
	// (التحالف العربي).
	return body || nation
}
