package entities

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
)

// Recognizer finds the people, places and organisations of an article and
// links them to canonical records: by gazetteer (countries and regions from
// CLDR, cities from GeoNames, curated persons and organisations), by title
// and nationality cues («الرئيس الروسي فلاديمير بوتين»), and, where the
// statistical tagger is available, by tagger for names no list holds.
//
// A Recognizer is safe for concurrent use by multiple goroutines.
type Recognizer struct {
	gaz  *gazetteer.Gazetteer
	pool sync.Pool // of *nerScratch
}

// Recognized is what a Recognizer finds in one article. Every list is
// sorted by span start.
type Recognized struct {
	// Mentions are the entity mentions; Mention.Entity indexes Entities.
	Mentions []Mention
	// Entities are the mentions clustered per person, place or
	// organisation, ordered by first mention.
	Entities []Entity
	// Roles are the title and role cues of the article («الرئيس الروسي»,
	// «وزير الخارجية», «President») with the entity each introduces.
	Roles []RoleCue
}

// RoleCue is a title or role in the text, possibly qualified by a
// nationality or country («الرئيس الإيراني», «رئيس وزراء إسرائيل»).
type RoleCue struct {
	// Span covers the title and its qualifier.
	Span article.Span
	// Role is the role the title names: "president", "prime_minister",
	// "foreign_minister", "defence_minister", "minister", "supreme_leader",
	// "king", "emir", "crown_prince", "spokesperson", ….
	Role string
	// Country is the ISO 3166-1 code of the qualifying nationality or
	// country, or "".
	Country string
	// Plural is true for dual and plural titles (الرئيسين, رئيسا).
	Plural bool
	// Entity is the index in Recognized.Entities of the person the cue
	// introduces (the name right after it), or -1 when no name follows.
	Entity int
}

var defaultRecognizer = sync.OnceValues(func() (*Recognizer, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return &Recognizer{gaz: g}, nil
})

// DefaultRecognizer returns the Recognizer over the embedded gazetteers.
// It is built on first use (a fraction of a second) and shared.
func DefaultRecognizer() (*Recognizer, error) { return defaultRecognizer() }

// FindEntities returns the entity mentions of a and the entities they
// cluster into, both sorted by position, using DefaultRecognizer. It
// returns nil slices if the embedded data cannot be loaded, which a test
// of this package rules out.
func FindEntities(a *article.Article) ([]Mention, []Entity) {
	r, err := DefaultRecognizer()
	if err != nil {
		return nil, nil
	}
	res := r.Recognize(a)
	return res.Mentions, res.Entities
}

// candidate is a mention before clustering.
type candidate struct {
	span        article.Span
	first, last int // tokens [first, last)
	skip        int // bytes of clitics cut from the first token's key
	kind        Kind
	recs        []int32 // gazetteer records, best first; nil when unlinked
	country     string  // country from a cue, for unlinked persons
	weak        bool    // keep only if it joins another mention's entity
}

// cue is a role cue during recognition.
type cue struct {
	span        article.Span
	title       gazetteer.Title
	country     string
	first, next int // the title's first token; the token a name would start at
	definite    bool
}

type nerScratch struct {
	m     *gazetteer.Matcher
	cands []candidate
	cues  []cue
	taken []bool
}

func (r *Recognizer) scratch() *nerScratch {
	if s, ok := r.pool.Get().(*nerScratch); ok {
		return s
	}
	return &nerScratch{m: r.gaz.NewMatcher()}
}

// Recognize finds, clusters and links the entity mentions of a. Only the
// title and the paragraphs are read: repeated paragraphs (Duplicates)
// are not.
func (r *Recognizer) Recognize(a *article.Article) *Recognized {
	s := r.scratch()
	defer r.pool.Put(s)
	s.cands, s.cues = s.cands[:0], s.cues[:0]
	if cap(s.taken) < len(a.Tokens) {
		s.taken = make([]bool, len(a.Tokens))
	}
	s.taken = s.taken[:len(a.Tokens)]
	clear(s.taken)
	for _, sent := range a.TitleSentences {
		r.scan(a, s, sent.First, sent.Last)
	}
	for _, p := range a.Paragraphs {
		for _, sent := range p.Sentences {
			r.scan(a, s, sent.First, sent.Last)
		}
	}
	slices.SortFunc(s.cands, func(x, y candidate) int { return x.span.Start - y.span.Start })
	return r.link(a, s.cands, s.cues)
}

// scan recognises the tokens [first, last) of one sentence.
func (r *Recognizer) scan(a *article.Article, s *nerScratch, first, last int) {
	g := r.gaz
	cueStart := len(s.cues)
	for i := first; i < last; {
		ms := s.m.At(a, i, last)
		switch {
		case ms.Title.Len() > 0 && ms.Title.Len() >= ms.Name.Len():
			c := cue{span: ms.Title.Span, title: ms.Title.Title, first: i, next: ms.Title.Last}
			c.definite = strings.HasPrefix(a.Key(a.Tokens[i])[ms.Title.Skip:], "ال") || isUpperLatin(a.Text(ms.Title.Span))
			j := ms.Title.Last
			if j < last {
				next := s.m.At(a, j, last)
				switch {
				case next.Demonym.Len() > 0 && next.Demonym.Len() >= next.Name.Len():
					c.country = next.Demonym.Country
					c.span.End = next.Demonym.Span.End
					j = next.Demonym.Last
					c.next = j
				case next.Name.Len() > 0 && !c.definite && g.Records[next.Name.Records[0]].Source == gazetteer.Country:
					// «رئيس إيران», «رئيسا بيلاروسيا وإيران»: the country
					// stays a place mention and qualifies the title.
					c.country = g.Records[next.Name.Records[0]].Country
					c.span.End = next.Name.Span.End
					c.next = next.Name.Last
				}
			}
			s.cues = append(s.cues, c)
			i = j
		case ms.Name.Len() > 0 && ms.Name.Len() >= ms.Demonym.Len():
			rec := &g.Records[ms.Name.Records[0]]
			s.cands = append(s.cands, candidate{
				span: ms.Name.Span, first: i, last: ms.Name.Last,
				skip: ms.Name.Skip,
				kind: Kind(rec.Kind), recs: ms.Name.Records,
			})
			for k := i; k < ms.Name.Last; k++ {
				s.taken[k] = true
			}
			i = ms.Name.Last
		case ms.Demonym.Len() > 0:
			i = ms.Demonym.Last
			if i >= last {
				break
			}
			// «Iranian President», «Russian Foreign Minister».
			if next := s.m.At(a, i, last); next.Title.Len() > 0 && next.Title.Len() >= next.Name.Len() {
				s.cues = append(s.cues, cue{
					span:  article.Span{Start: ms.Demonym.Span.Start, End: next.Title.Span.End},
					title: next.Title.Title, country: ms.Demonym.Country,
					first: ms.Demonym.First, next: next.Title.Last,
					definite: isUpperLatin(a.Text(next.Title.Span)),
				})
				i = next.Title.Last
			}
		default:
			i++
		}
	}
	// Names no list holds, right after a title: «الرئيس الفنزويلي نيكولاس
	// مادورو», «President Joe Biden».
	for ci := cueStart; ci < len(s.cues); ci++ {
		c := &s.cues[ci]
		k := c.next
		if k >= last || s.taken[k] {
			continue
		}
		if c.definite && c.country == "" && k+1 < last && isNisba(a.Key(a.Tokens[k])) {
			// «الرئيس البيروفي …»: a nationality the lists lack.
			k++
		}
		end := r.captureName(a, s, k, last)
		if end == k {
			continue
		}
		latin := isLatinToken(a, k)
		if !latin && c.country == "" && !c.definite {
			continue
		}
		sp := article.Span{Start: a.Tokens[k].Start, End: a.Tokens[end-1].End}
		// One Arabic-script word after a title may as well be a verb or a
		// noun (وزير الخارجية يزور): it is kept only if it names a person
		// the article names in full elsewhere.
		weak := !latin && end-k < 2
		s.cands = append(s.cands, candidate{span: sp, first: k, last: end, kind: PER, country: c.country, weak: weak})
		for t := k; t < end; t++ {
			s.taken[t] = true
		}
	}
}

// captureName returns the end of an unknown personal name starting at
// token k: up to four words that are not function words, titles,
// adjectives or known names; Arabic-script words do not carry the article
// unless they follow عبد, أبو, بن (عبد الفتاح السيسي); Latin words are
// capitalised.
func (r *Recognizer) captureName(a *article.Article, s *nerScratch, k, last int) int {
	compound := false
	j := k
	for ; j < last && j-k < 4; j++ {
		tok := a.Tokens[j]
		if tok.Kind != article.Word || s.taken[j] {
			break
		}
		key := a.Key(tok)
		if gazetteer.IsStopKey(key) || utf8.RuneCountInString(key) < 2 {
			break
		}
		if j > k {
			if ms := s.m.At(a, j, last); ms.Title.Len() > 0 || ms.Demonym.Len() > 0 || ms.Name.Len() > 0 {
				break
			}
		}
		if key[0] < utf8.RuneSelf {
			if !isUpperLatin(a.Text(tok.Span)) {
				break
			}
			continue
		}
		if strings.HasPrefix(key, "ال") && !compound {
			break
		}
		compound = key == "عبد" || key == "ابو" || key == "بن" || key == "ابن" || key == "بنت"
	}
	if j > k && compound { // a name does not end in عبد or بن
		j--
	}
	return j
}

// isNisba reports whether key looks like a definite nationality adjective
// (البيروفي): the article, at least three letters, and the ending -ي.
func isNisba(key string) bool {
	return strings.HasPrefix(key, "ال") && strings.HasSuffix(key, "ي") &&
		utf8.RuneCountInString(key) >= 6 && !gazetteer.IsStopKey(key)
}

func isLatinToken(a *article.Article, k int) bool {
	key := a.Key(a.Tokens[k])
	return key != "" && key[0] < utf8.RuneSelf
}

func isUpperLatin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf && unicode.IsUpper(r)
}
