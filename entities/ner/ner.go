package ner

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
	"github.com/khabar-go/khabar/entities/internal/tagger"
	"github.com/khabar-go/khabar/internal/lang"
)

// Recognizer finds the people, places and organisations of an article and
// links them to canonical records (see the package documentation for how
// and on what evidence). In Arabic, where the tagger found a name its span
// wins over a gazetteer name's unless the gazetteer's or a type word's
// name is longer, and the gazetteer links it; a gazetteer name the tagger
// did not find stands on the evidence the package documentation lists.
//
// A Recognizer is safe for concurrent use by multiple goroutines.
type Recognizer struct {
	gaz     *gazetteer.Gazetteer
	tagger  *tagger.Model // the Arabic model; nil: gazetteer and cues only
	lex     *nerLexicon
	country string    // RecognizerOptions.Country
	misc    bool      // RecognizerOptions.MISC
	pool    sync.Pool // of *nerScratch
}

// taggerFor returns the tagger of a's language (Arabic, English or
// Persian), or nil when the Recognizer has none or there is no model for
// the language. The English and Persian models are decoded on the first
// article in their language, so a program that reads Arabic only never
// holds them in memory.
func (r *Recognizer) taggerFor(a *article.Article) (*tagger.Model, error) {
	if r.tagger == nil {
		return nil, nil
	}
	l, ok := tagger.LangOf(a.Lang)
	switch {
	case !ok:
		return nil, nil
	case l == tagger.Arabic:
		return r.tagger, nil
	}
	m, err := tagger.DefaultFor(l)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return m, nil
}

// RecognizerOptions configure NewRecognizer. The zero value gives the
// default Recognizer.
type RecognizerOptions struct {
	// NoTagger turns the statistical taggers off: only names in the
	// gazetteers and names right after title cues are found. It is faster
	// and finds fewer unknown names.
	NoTagger bool
	// Country is the ISO 3166-1 alpha-2 code of the country the articles
	// are published in, when the caller knows it: «المملكة» alone then
	// names it if it is a kingdom, and its towns need less evidence to be
	// read as places. Empty: the country the article mentions most.
	Country string
	// Records are names to find and link besides the embedded ones: a
	// newsroom's own people, places and organisations. Where one of
	// their names is also an embedded record's, they come first.
	Records []Record
	// MISC also reports the Arabic tagger's other names (kind MISC:
	// events, works, currencies and religions, as ANERcorp tags them).
	// The conventions of Arabic news annotation count none of them as an
	// entity, so they are left out by default; English and Persian
	// articles report them always, as CoNLL and ARMAN do.
	MISC bool
}

// Record is a person, place or organisation a caller adds to the
// recognizer's gazetteer (RecognizerOptions.Records). An Entity linked to
// it carries its ID, Name, Country, Wikidata and Coord.
type Record struct {
	// ID identifies the record; it must differ from the embedded
	// records' IDs, which have a one-letter prefix and a colon ("c:BY"):
	// "x:..." is free.
	ID string
	// Kind is PER, LOC or ORG.
	Kind entities.Kind
	// Name is the canonical name.
	Name string
	// Names are the names to find, as written, in any language and
	// script: «وزارة الداخلية», "Interior Ministry". They are folded and
	// matched as the embedded names are, clitics and all.
	Names []string
	// Country is the ISO 3166-1 alpha-2 code, or "".
	Country string
	// Wikidata is the Wikidata item ID, when it is certain, or "".
	Wikidata string
	// Coord is a place's position, or nil.
	Coord *entities.Coord
	// Roles are a person's roles, as title cues name them ("president",
	// "foreign_minister"): a bare «الرئيس» refers to the person whose
	// roles fit.
	Roles []string
}

// NewRecognizer returns a Recognizer over the embedded gazetteers and, unless
// opts.NoTagger, the embedded tagger model. Loading takes a fraction of a
// second the first time; the data is shared by all Recognizers. Extra
// records (opts.Records) cost a copy of the list of records (a few MB)
// and their names; a bad record (no ID or name, an ID taken, a kind not
// PER, LOC or ORG) is an error.
func NewRecognizer(opts RecognizerOptions) (*Recognizer, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if len(opts.Records) > 0 {
		recs := make([]gazetteer.Record, len(opts.Records))
		names := make([][]string, len(opts.Records))
		for i, x := range opts.Records {
			recs[i] = gazetteer.Record{
				ID: x.ID, Kind: gazetteer.Kind(x.Kind), Name: x.Name, Country: strings.ToUpper(x.Country),
				Wikidata: x.Wikidata, Roles: x.Roles,
			}
			if x.Coord != nil {
				recs[i].Lat, recs[i].Lon, recs[i].HasCoord = x.Coord.Lat, x.Coord.Lon, true
			}
			names[i] = x.Names
		}
		if g, err = g.With(recs, names); err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
	}
	r := &Recognizer{gaz: g, lex: loadLexicon(), country: strings.ToUpper(opts.Country), misc: opts.MISC}
	if !opts.NoTagger {
		m, err := tagger.Default()
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		r.tagger = m
	}
	return r, nil
}

var defaultRecognizer = sync.OnceValues(func() (*Recognizer, error) {
	return NewRecognizer(RecognizerOptions{})
})

// DefaultRecognizer returns the Recognizer with the default options. It is
// built on first use and shared.
func DefaultRecognizer() (*Recognizer, error) { return defaultRecognizer() }

// FindEntities returns the entity mentions of a and the entities they
// cluster into, both sorted by position, using DefaultRecognizer. It
// returns nil slices when a is nil or the embedded data cannot be loaded
// (which a test of this package rules out).
func FindEntities(a *article.Article) ([]entities.Mention, []entities.Entity) {
	r, err := DefaultRecognizer()
	if err != nil || a == nil {
		return nil, nil
	}
	res := r.Recognize(a)
	return res.Mentions, res.Entities
}

// Extract recognizes the entities of a and adds them to in (see
// entities.Merge: a mention that overlaps one of in's is left out, so a
// caller's own mentions win). It is the Recognizer as a step of an
// entities.Chain.
func (r *Recognizer) Extract(ctx context.Context, a *article.Article, in *entities.Result, _ entities.Options) (*entities.Result, error) {
	if a == nil {
		return nil, entities.ErrNilArticle
	}
	res, err := r.recognize(ctx, a)
	if err != nil {
		return nil, err
	}
	if in == nil || len(in.Mentions) == 0 && len(in.Roles) == 0 {
		return entities.Merge(in, res), nil
	}
	return entities.Merge(in, res), nil
}

// candidate is a mention before clustering.
type candidate struct {
	span        article.Span
	first, last int // tokens [first, last)
	skip        int // bytes of clitics cut from the first token's key
	kind        entities.Kind
	recs        []int32 // gazetteer records, best first; nil when unlinked
	country     string  // country from a cue, for unlinked persons
	weak        bool    // keep only if it joins another mention's entity
	gone        bool    // dropped by a later look (mergeTagged, filterAlone, resolveKingdom)
	typed       bool    // found by its type word (typed.go): the tagger does not change it
	kingdom     bool    // «المملكة»: the country of publication, if it is a kingdom
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
	m      *gazetteer.Matcher
	cands  []candidate
	cues   []cue
	taken  []bool
	words  []string
	labels []tagger.Label // tagger labels of the sentence being scanned
	chunks []tagger.Chunk // their spans

	sents     []sentRange
	sentWords [][]string
	docLabels [][]tagger.Label
	splits    []article.Split
	keys      []string
	lang      gazetteer.Langs // the article's language
	home      string          // the country of publication, or ""
	sports    bool            // the article is of sport (sportsArticle)
	votes     map[string]int  // place names by country, for home
	voted     map[int32]bool  // records that voted
	kingdoms  []int           // candidates of «المملكة», resolved by home
	propFirst map[string][]propName
	propKinds map[string]entities.Kind
	propEnds  map[uint32]bool // keyEnd of the names propagate looks for

	// The candidates and cues of the sentence being read in the second
	// pass: s.cands[cand0:cand1] (what the first pass found in it),
	// s.cands[cand2:] (what the second pass added) and s.cues[cue0:cue1].
	cand0, cand1, cand2, cue0, cue1 int

	// Per-sentence memos of the gazetteer's matches and of the type
	// words at each token of the sentence that starts at memoFirst.
	memoFirst, memoLast int
	memo                []matchMemo
	heads               []headMemo
	headCache           map[string]headMemo // type words by key, across articles
}

func (r *Recognizer) scratch() *nerScratch {
	if s, ok := r.pool.Get().(*nerScratch); ok {
		return s
	}
	return &nerScratch{m: r.gaz.NewMatcher()}
}

// Recognize finds, clusters and links the entity mentions of a, and the
// role cues with the person each refers to (a cue that introduces a name
// refers to it; a bare cue such as «الرئيس الإيراني» to the person of that
// country the article introduces with the same title, or failing that to
// the person nearby whose curated role and country fit). The title, the
// dateline and byline lines and the paragraphs are read; repeated
// paragraphs (Duplicates) are not. The tagger of the article's language
// runs on Arabic, English and Persian articles (each trained on its own
// corpus). MISC mentions come from it alone: in English and Persian, whose
// newswire conventions (CoNLL, ARMAN) have them, always; in Arabic only
// with RecognizerOptions.MISC, since the news conventions the recognizer
// follows there have none. A nil article gives an empty Result.
func (r *Recognizer) Recognize(a *article.Article) *entities.Result {
	res, _ := r.recognize(context.Background(), a)
	return res
}

// recognize is Recognize; it returns ctx's error, wrapped, when ctx is
// done before it finishes.
func (r *Recognizer) recognize(ctx context.Context, a *article.Article) (*entities.Result, error) {
	if a == nil {
		return &entities.Result{}, nil
	}
	s := r.scratch()
	defer r.pool.Put(s)
	s.cands, s.cues = s.cands[:0], s.cues[:0]
	if s.votes == nil {
		s.votes, s.voted = make(map[string]int), make(map[int32]bool)
	}
	clear(s.votes)
	clear(s.voted)
	s.lang = gazetteer.LangsOf(a.Lang)
	s.sports = r.sportsArticle(a)
	if cap(s.taken) < len(a.Tokens) {
		s.taken = make([]bool, len(a.Tokens))
	}
	s.taken = s.taken[:len(a.Tokens)]
	clear(s.taken)
	s.sents = s.sents[:0]
	for _, sent := range a.Sentences {
		s.sents = append(s.sents, sentRange{first: sent.First, last: sent.Last, dateline: sent.Part == article.DatelinePart})
	}
	// Gazetteer names and cues first, then the tagger over the whole
	// article (a name a title introduces in one sentence is then known
	// where another repeats it); where the tagger found a name its span
	// wins over the gazetteer's (mergeTagged); then names after cues and
	// the other tagged names.
	for n := range s.sents {
		if n%ctxEvery == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("ner: %w", ctx.Err())
		}
		sr := &s.sents[n]
		s.sentence(sr.first, sr.last)
		sr.cue0, sr.cand0 = len(s.cues), len(s.cands)
		r.scan(a, s, sr.first, sr.last)
		if sr.dateline {
			r.scanDateline(a, s, sr.first, sr.last)
			// «الرياض - واس»: the place of a dateline votes for the
			// country of publication once more.
			for ci := sr.cand0; ci < len(s.cands); ci++ {
				if c := &s.cands[ci]; c.recs != nil {
					r.voteAgain(s, c)
				}
			}
		}
		sr.cue1, sr.cand1 = len(s.cues), len(s.cands)
	}
	s.home = r.homeCountry(s)
	r.resolveKingdom(s)
	tg, err := r.taggerFor(a)
	if err != nil {
		return nil, err
	}
	useTagger := tg != nil
	if useTagger {
		if err := r.tagDocument(ctx, a, s, tg); err != nil {
			return nil, err
		}
	}
	for n, sr := range s.sents {
		if n%ctxEvery == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("ner: %w", ctx.Err())
		}
		s.sentence(sr.first, sr.last)
		s.cand0, s.cand1, s.cue0, s.cue1 = sr.cand0, sr.cand1, sr.cue0, sr.cue1
		s.cand2 = len(s.cands)
		if useTagger {
			s.labels = s.docLabels[n]
			s.chunks = tagger.Chunks(s.labels)
			r.mergeTagged(a, s, sr.first, sr.last)
			r.clubsFromCities(s, sr.first, sr.last)
		} else {
			r.filterAlone(a, s, sr.first, sr.last)
		}
		r.captureAfterCues(a, s, sr, useTagger)
		r.placesAfterDescriptors(a, s, sr.first, sr.last)
		if useTagger {
			r.addTagged(a, s, sr.first, sr.last)
		}
		r.familyNames(a, s, sr.first, sr.last)
	}
	if err := r.propagate(ctx, a, s); err != nil {
		return nil, err
	}
	s.cands = slices.DeleteFunc(s.cands, func(c candidate) bool { return c.gone })
	slices.SortFunc(s.cands, func(x, y candidate) int { return x.span.Start - y.span.Start })
	return r.link(a, s.cands, s.cues), nil
}

// ctxEvery is how many sentences pass between two looks at the context.
const ctxEvery = 64

// sentRange is one sentence: tokens [first, last), cues [cue0, cue1),
// and the candidates the first pass found in it, [cand0, cand1).
type sentRange struct {
	first, last, cue0, cue1 int
	cand0, cand1            int
	dateline                bool
}

// scan finds the gazetteer names, titles and adjectives of the tokens
// [first, last) of one sentence.
func (r *Recognizer) scan(a *article.Article, s *nerScratch, first, last int) {
	g := r.gaz
	for i := first; i < last; {
		if q, ok := r.quotedCompany(a, s, i, last); ok {
			r.addTyped(a, s, q, q.first)
			i = q.last
			continue
		}
		if q, ok := r.outletAt(a, s, i, last); ok {
			// «قال لـ"عكاظ"»: the newspaper spoken to.
			r.addTyped(a, s, q, i)
			i = q.last + 1
			continue
		}
		ms := s.at(a, i, last)
		if tn, ok := r.typedAt(a, s, i, last); ok && tn.last > ms.Name.Last && tn.last-i > ms.Title.Len() {
			// «وزارة الداخلية», «صحيفة عكاظ»: a name its type word heads.
			r.addTyped(a, s, tn, i)
			i = tn.last
			continue
		}
		switch {
		case ms.Title.Len() > 0 && ms.Title.Len() >= ms.Name.Len() && !r.titleIsName(a, ms.Title.Hit, last):
			c := cue{span: ms.Title.Span, title: ms.Title.Title, first: i, next: ms.Title.Last}
			c.definite = strings.HasPrefix(a.Key(a.Tokens[i])[ms.Title.Skip:], "ال") || isUpperLatin(a.Text(ms.Title.Span))
			j := ms.Title.Last
			if j < last {
				next := s.at(a, j, last)
				switch {
				case next.Demonym.Len() > 0 && !next.NameWins(s.lang):
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
			c.next = r.skipModifiers(a, c.next, last)
			s.cues = append(s.cues, c)
			for t := i; t < ms.Title.Last; t++ {
				s.taken[t] = true // a title is not part of a name
			}
			i = j
		case ms.NameWins(s.lang) && r.afterPrayer(a, s, i):
			// «صلاة المغرب»: the sunset prayer, not Morocco; no stage
			// takes it for a name.
			for t := i; t < ms.Name.Last; t++ {
				s.taken[t] = true
			}
			i = ms.Name.Last
		case ms.NameWins(s.lang) && r.adjectiveAfterNoun(a, s, i, ms.Name, first):
			// «العاصمة السعودية», «الاحتلال الحوثي»: an adjective. It
			// still tells which country the article is about.
			r.vote(a, s, &candidate{first: i, last: ms.Name.Last, recs: ms.Name.Records})
			i = ms.Name.Last
		case ms.NameWins(s.lang) && r.partOfLongerName(a, s, ms.Name, first):
			// «سلطان بن سلمان»: بن سلمان is not Mohammed bin Salman here.
			i = ms.Name.Last
		case ms.NameWins(s.lang) && r.bareOutlet(a, ms.Name, first, last):
			// الوطن "the homeland" is the newspaper only in quotation
			// marks or after its type word.
			i = ms.Name.Last
		case ms.NameWins(s.lang):
			rec := &g.Records[ms.Name.Records[0]]
			c := candidate{
				span: ms.Name.Span, first: i, last: ms.Name.Last,
				skip: ms.Name.Skip,
				kind: entities.Kind(rec.Kind), recs: ms.Name.Records,
			}
			if c.last-c.first == 1 && !r.sortClubs(a, s, &c, first, last) {
				i = ms.Name.Last
				continue
			}
			r.dropClassifier(a, s, &c)
			r.vote(a, s, &c)
			if c.kind == entities.LOC && quoted(a, i, ms.Name.Last, first, last) {
				// «الشرق الأوسط» in quotation marks is the newspaper.
				c.kind, c.recs = entities.ORG, nil
			}
			s.cands = append(s.cands, c)
			for k := i; k < ms.Name.Last; k++ {
				s.taken[k] = true
			}
			i = ms.Name.Last
			if rec.Source == gazetteer.Country && isLatinToken(a, ms.Name.First) && i < last {
				// «U.S. President Joe Biden».
				if next := s.at(a, i, last); next.Title.Len() > 0 && next.Title.Len() >= next.Name.Len() {
					s.cues = append(s.cues, cue{
						span:  article.Span{Start: ms.Name.Span.Start, End: next.Title.Span.End},
						title: next.Title.Title, country: rec.Country,
						first: ms.Name.First, next: next.Title.Last, definite: true,
					})
					for t := i; t < next.Title.Last; t++ {
						s.taken[t] = true
					}
					i = next.Title.Last
				}
			}
		case ms.Demonym.Len() > 0:
			i = ms.Demonym.Last
			if i >= last {
				break
			}
			// «Iranian President», «Russian Foreign Minister».
			if next := s.at(a, i, last); next.Title.Len() > 0 && next.Title.Len() >= next.Name.Len() {
				s.cues = append(s.cues, cue{
					span:  article.Span{Start: ms.Demonym.Span.Start, End: next.Title.Span.End},
					title: next.Title.Title, country: ms.Demonym.Country,
					first: ms.Demonym.First, next: r.skipModifiers(a, next.Title.Last, last),
					definite: isUpperLatin(a.Text(next.Title.Span)),
				})
				for t := i; t < next.Title.Last; t++ {
					s.taken[t] = true
				}
				i = next.Title.Last
			}
		default:
			if skip, ok := r.kingdomAt(a, s, i, last); ok {
				// «المملكة»: resolved by the country of publication.
				sp := article.Span{Start: a.Tokens[i].Start, End: a.Tokens[i].End}
				if skip > 0 {
					sp.Start = a.KeySpan(a.Tokens[i], skip).Start
				}
				s.cands = append(s.cands, candidate{span: sp, first: i, last: i + 1, skip: skip, kind: entities.LOC, kingdom: true})
				s.taken[i] = true
			}
			i++
		}
	}
}

// titleIsName reports whether the one-word title t is a given name too
// and a naming particle follows it: «الأمير سلطان بن سلمان» names Sultan.
func (r *Recognizer) titleIsName(a *article.Article, t gazetteer.Hit, last int) bool {
	if t.Len() != 1 || t.Skip > 0 || t.Last >= last || !r.givenName(a.Key(a.Tokens[t.First])) {
		return false
	}
	return r.lex.particles[a.Key(a.Tokens[t.Last])]
}

// partOfLongerName reports whether the person's name n begins with a
// naming particle (بن، أبو) right after a word no mention or cue took: the
// name goes on before it and is another person's.
func (r *Recognizer) partOfLongerName(a *article.Article, s *nerScratch, n gazetteer.NameHit, first int) bool {
	if n.Skip > 0 || n.First <= first || r.gaz.Records[n.Records[0]].Kind != gazetteer.PER || !r.lex.particles[a.Key(a.Tokens[n.First])] {
		return false
	}
	p := n.First - 1
	key := a.Key(a.Tokens[p])
	if a.Tokens[p].Kind != article.Word || gazetteer.IsStopKey(key) {
		return false
	}
	// A title that is a given name too (سلطان) was read as a title.
	return r.givenName(key) || !s.taken[p] && s.at(a, p, n.First).Title.Len() == 0
}

// bareOutlet reports whether the name n is one word that names a
// newspaper or a channel (a curated record with the role outlet: الوطن،
// عكاظ) with no quotation marks around it: the word is as often a common
// noun, an adjective or part of another name (سوق عكاظ).
func (r *Recognizer) bareOutlet(a *article.Article, n gazetteer.NameHit, first, last int) bool {
	return n.Len() == 1 && r.gaz.Records[n.Records[0]].HasRole("outlet") && !quoted(a, n.First, n.Last, first, last)
}

// adjectiveAfterNoun reports whether the one-word name n at token i
// reads as a relative adjective after the noun before it: a name shaped as
// one (السعودية، الحوثي، سورية) that agrees with a common noun right
// before it in gender and definiteness: السياسة السعودية، الاحتلال
// الحوثي، طائرة حربية سورية.
func (r *Recognizer) adjectiveAfterNoun(a *article.Article, s *nerScratch, i int, n gazetteer.NameHit, first int) bool {
	if n.Last != i+1 || n.Skip != 0 || i <= first || s.taken[i-1] || a.Tokens[i-1].Kind != article.Word {
		return false
	}
	key, prev := a.Key(a.Tokens[i]), a.Key(a.Tokens[i-1])
	if !isNisbaKey("ال"+strings.TrimPrefix(key, "ال")) || gazetteer.IsStopKey(prev) || prev[0] < utf8.RuneSelf {
		return false
	}
	if pm := s.at(a, i-1, i); pm.Name.Len() > 0 || pm.Title.Len() > 0 || pm.Demonym.Len() > 0 {
		return false
	}
	// The adjective agrees in gender: a feminine one (ـية) follows a
	// feminine noun or a plural (ـة، ـات), a masculine one does not
	// («زار الوفد السعودية» is the country).
	feminine := strings.HasSuffix(prev, "ه") || strings.HasSuffix(prev, "ات")
	if strings.HasSuffix(key, "ه") != feminine {
		return false
	}
	if strings.HasPrefix(key, "ال") {
		return definiteKey(prev)
	}
	return !definiteKey(prev)
}

// definiteKey reports whether key carries the article, after clitics
// or not (بالعاصمة، للسياسة).
func definiteKey(key string) bool {
	k := key
	if strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
		k = k[len("و"):]
	}
	if strings.HasPrefix(k, "لل") {
		return utf8.RuneCountInString(k) >= 4
	}
	if strings.HasPrefix(k, "ب") || strings.HasPrefix(k, "ك") {
		k = k[len("ب"):]
	}
	return isDefinite(k)
}

// familyNames extends, in the sentence [first, last), a person's name
// made of given names only (محمد علي، إبراهيم) over the definite word
// after it that no mention took: the family name the tagger left out
// (محمد علي الجشي). A word that is a title, an adjective of nationality,
// a type word, a time word, a function word or a common word is no family
// name (حسن النوايا).
func (r *Recognizer) familyNames(a *article.Article, s *nerScratch, first, last int) {
	if r.tagger == nil || !isArabic(a) {
		return
	}
	for ci := range s.sentenceCands() {
		c := &s.cands[ci]
		if c.gone || c.kind != entities.PER || c.recs != nil || c.last >= last || s.taken[c.last] || c.first < first {
			continue
		}
		given := true
		for t := c.first; t < c.last && given; t++ {
			k := a.Key(a.Tokens[t])
			if t == c.first {
				k = k[c.skip:]
			}
			given = r.givenName(k) || r.lex.particles[k]
		}
		if !given {
			continue
		}
		e := c.last
		key := a.Key(a.Tokens[e])
		if a.Tokens[e].Kind != article.Word || !isDefinite(key) || r.blocks(a, s, e, last) || r.isTypeWord(a, s, e) || r.tagger.Common(key) {
			continue
		}
		if ms := s.at(a, e, last); ms.Demonym.Len() > 0 || ms.Name.Len() > 0 {
			continue
		}
		c.last = e + 1
		c.span.End = a.Tokens[e].End
		s.taken[e] = true
		c.weak = false
	}
}

// sentenceCands yields the indexes in s.cands of the candidates of the
// sentence being read in the second pass: those the first pass found in
// it and those the second pass added since, and no others, so that the
// cost of a sentence does not grow with the article.
func (s *nerScratch) sentenceCands() func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for ci := s.cand0; ci < s.cand1; ci++ {
			if !yield(ci) {
				return
			}
		}
		for ci := s.cand2; ci < len(s.cands); ci++ {
			if !yield(ci) {
				return
			}
		}
	}
}

// captureAfterCues adds the names no list holds that follow a title in
// sentence sr: «الرئيس الفنزويلي نيكولاس مادورو», «President Joe Biden».
func (r *Recognizer) captureAfterCues(a *article.Article, s *nerScratch, sr sentRange, useTagger bool) {
	first, last := sr.first, sr.last
	for ci := sr.cue0; ci < sr.cue1; ci++ {
		c := &s.cues[ci]
		k := c.next
		if k >= last || s.taken[k] {
			continue
		}
		if c.definite && c.country == "" && k+1 < last && isNisba(a.Key(a.Tokens[k])) {
			// «الرئيس البيروفي …»: a nationality the lists lack.
			k++
		}
		if useTagger && isBeginOther(s.labels[k-first], tagger.PER) {
			// The tagger reads a name of another kind there (a span
			// that began on the title reads the title otherwise).
			continue
		}
		end := r.captureName(a, s, k, last)
		if end == k {
			continue
		}
		if useTagger && s.labels[k-first].Kind() == tagger.PER {
			// The tagger knows better where the name ends, unless its
			// span began on the title.
			j := k + 1
			for j < last && s.labels[j-first] == tagger.Inside(tagger.PER) && (j < end || r.free(a, s, j, j+1)) {
				j++
			}
			if s.labels[k-first] == tagger.Begin(tagger.PER) || j > end {
				end = j
			}
		}
		latin := isLatinToken(a, k)
		if !latin && c.country == "" && !c.definite {
			continue
		}
		if !latin && c.country == "" && useTagger && s.labels[k-first] == tagger.O {
			continue
		}
		if !latin && !gazetteer.IsRole(c.title.Role) && (!useTagger || s.labels[k-first].Kind() != tagger.PER) {
			// After an honorific, an occupation or a kin word («روائي
			// هندي يشغل منصب») a name needs the tagger's word.
			continue
		}
		sp := article.Span{Start: a.Tokens[k].Start, End: a.Tokens[end-1].End}
		// One Arabic-script word after a title may as well be a verb or a
		// noun (وزير الخارجية يزور): unless the tagger reads a person there,
		// it is kept only if it names a person the article names in full
		// elsewhere.
		weak := !latin && end-k < 2 && !(useTagger && s.labels[k-first].Kind() == tagger.PER)
		s.cands = append(s.cands, candidate{span: sp, first: k, last: end, kind: entities.PER, country: c.country, weak: weak})
		for t := k; t < end; t++ {
			s.taken[t] = true
		}
	}
}

// mergeTagged reconciles the gazetteer names of the sentence [first, last)
// with the tagger's spans, which follow the conventions of the corpus the
// tagger learnt from. Where the tagger found a name the tagger's span
// wins and the gazetteer keeps only the link:
//
//   - the same tokens: the gazetteer name stays as it is;
//   - a shorter span inside the name (غزة in «قطاع غزة», حماس in «حركة
//     حماس»): the mention shrinks to it and keeps its record;
//   - a longer span of the same kind around the name (a person's full
//     name around a surname): the mention grows to it and keeps its
//     record where the longer span is not a name of its own;
//   - a short span of another kind around it (ريال مدريد, جامعة القاهرة):
//     the gazetteer name gives way, and addTagged adds the span. Longer
//     spans and spans with a function word («وكالة الأنباء الرسمية في
//     بيلاروسيا») keep their place names;
//   - several person spans inside a person's name the gazetteer knows in
//     full: the name stays whole;
//   - other spans that cross the name: it gives way to them.
//
// Where the tagger found nothing, only unambiguous names stay: countries,
// regions, capitals and large cities, curated persons and organisations.
func (r *Recognizer) mergeTagged(a *article.Article, s *nerScratch, first, last int) {
	for ci := s.cand0; ci < s.cand1; ci++ {
		c := &s.cands[ci]
		if c.gone || c.typed && !c.weak {
			continue
		}
		if c.typed {
			// A common noun after a type word that is one too stands
			// where the tagger reads a name of its kind in it.
			keep := false
			for t := c.first; t < c.last && !keep; t++ {
				l := s.labels[t-first]
				// A facility is named after places and persons too
				// (مستشفى الملك خالد، متحف شاكر الجشي).
				keep = l != tagger.O && (entities.Kind(l.Kind()) == c.kind || c.kind == entities.LOC && l.Kind() == tagger.PER && t > c.first)
			}
			if keep {
				c.weak = false
			} else {
				for t := c.first; t < c.last; t++ {
					s.taken[t] = false
				}
				c.gone = true
			}
			continue
		}
		n, ch, split := 0, tagger.Chunk{}, c.kind == entities.PER
		for _, x := range s.chunks {
			if first+x.End > c.first && first+x.Start < c.last {
				if n == 0 {
					ch = x
				}
				n++
				split = split && entities.Kind(x.Kind) == entities.PER && first+x.Start >= c.first && first+x.End <= c.last
			}
		}
		i, j := first+ch.Start, first+ch.End
		keep := true
		switch {
		case n == 0:
			keep = r.sureAlone(a, s, c, first, last) && !timeWord(a, c)
		case n > 1:
			// A person's name the gazetteer knows in full that the tagger
			// read as two names («رجب طيب» and «أردوغان») stays whole;
			// other spans that cross the name win.
			keep = split
		case i == c.first && j == c.last:
			// The gazetteer's kind stays: a country the tagger reads as
			// an organisation is still a country. A name the tagger reads
			// as of another kind must be sure alone (يورو, the euro, is
			// not the town Yoro).
			keep = entities.Kind(ch.Kind) == c.kind || r.sureAlone(a, s, c, first, last)
		case i >= c.first && j <= c.last:
			// A person's name the gazetteer knows in full is longer than
			// the tagger's reading of it: the tagger missed a given name.
			// A short span of another kind is a part the tagger read
			// as a name of its own (السعودية in «وكالة الأنباء
			// السعودية»): the gazetteer name stays too.
			keep = c.kind == entities.PER || entities.Kind(ch.Kind) != c.kind || !r.typeWordsBefore(a, s, c.first, i) || r.shrink(a, s, c, i, j)
		case i <= c.first && j >= c.last:
			if entities.Kind(ch.Kind) == c.kind {
				r.grow(a, s, c, i, j)
			} else {
				keep = r.keepsPlace(a, s, c, i, j)
			}
		default:
			keep = false
		}
		if !keep {
			for t := c.first; t < c.last; t++ {
				s.taken[t] = false
			}
			c.gone = true
		}
	}
}

// bigName reports whether a gazetteer name is of a country, a region,
// a curated record, a capital or a city of a million: a name that ends a
// personal name captured after a title (Ana Maria Torres goes on over
// the Brazilian town Torres).
func (r *Recognizer) bigName(recs []int32) bool {
	rec := &r.gaz.Records[recs[0]]
	switch rec.Source {
	case gazetteer.City, gazetteer.Division:
		return rec.HasRole("capital") || rec.Population >= 1000000
	}
	return true
}

// filterAlone keeps, of the gazetteer names of the sentence [first,
// last), those that are sure alone, when no tagger reads the article.
func (r *Recognizer) filterAlone(a *article.Article, s *nerScratch, first, last int) {
	for ci := s.cand0; ci < s.cand1; ci++ {
		c := &s.cands[ci]
		if !c.gone && !c.typed && !r.sureAlone(a, s, c, first, last) {
			for t := c.first; t < c.last; t++ {
				s.taken[t] = false
			}
			c.gone = true
		}
	}
}

// sureAlone reports whether the gazetteer name c in the sentence
// [first, last) may stand where the tagger found no name:
//
//   - a country, a region or a continent;
//   - a city or a first-level division: by a name of two words or more;
//     a capital or a city of a million; one of the country of
//     publication that is a city of 100,000 or a division, or whose
//     context reads as a place's; one of a country the article names
//     twice or more (see vote) whose context reads as a place's. A
//     small town abroad named by one word needs the tagger: such names
//     collide with common words (إطار is Atar, شأن is Shan);
//   - a curated person; a curated organisation that is one word no
//     common noun, or that a type word heads.
//
// One word that the tagger's training data holds mostly outside names
// (كيف "how" is the Arabic of Kyiv) or that is a given name (نايف) needs
// its context to read as a place's as well; a weekday's or a month's name
// (دوشنبه, Monday in Persian, is Dushanbe) a place word before it.
func (r *Recognizer) sureAlone(a *article.Article, s *nerScratch, c *candidate, first, last int) bool {
	if c.recs == nil {
		return true // «الشرق الأوسط» in quotation marks
	}
	rec := &r.gaz.Records[c.recs[0]]
	one := c.last-c.first == 1
	ambiguous := one && rec.Source != gazetteer.Curated &&
		(r.common(a, c.first) || r.tagger != nil && r.tagger.GivenName(a.Key(a.Tokens[c.first])[c.skip:]))
	if ambiguous && (rec.Kind != gazetteer.LOC || !r.placeContext(a, s, c, first, last)) {
		return false
	}
	if one && rec.Kind == gazetteer.LOC && r.lex.timeWords[a.Key(a.Tokens[c.first])[c.skip:]] && !r.placeWordBefore(a, s, c, first) {
		// دوشنبه is Monday in Persian before it is Dushanbe: a weekday's
		// or a month's name is a place only after a place word.
		return false
	}
	switch rec.Source {
	case gazetteer.Country, gazetteer.Region, gazetteer.Macro:
		return true
	case gazetteer.City, gazetteer.Division:
		rec := r.placeRecord(s, c)
		if rec == nil {
			return false
		}
		switch {
		case !one && rec.Source == gazetteer.City, rec.HasRole("capital"), rec.Population >= 1000000:
			return true
		case r.descriptorBefore(a, s, c, first):
			// «محافظة صبيا», «بلدة ليبرامونت»: a place word says it.
			return true
		case rec.Country == s.home && s.home != "":
			return rec.Population >= 100000 || rec.Source == gazetteer.Division || ambiguous || r.placeContext(a, s, c, first, last)
		case s.votes[rec.Country] >= 2:
			return ambiguous || r.placeContext(a, s, c, first, last)
		}
		return false
	case gazetteer.Curated:
		if rec.Kind == gazetteer.PER || r.gaz.Extra(c.recs[0]) && !(one && r.common(a, c.first)) {
			return true // a caller's own record, unless one common word
		}
		if one && rec.HasRole("club") {
			return r.clubAlone(a, s, c, rec, first, last)
		}
		if one {
			// «الوطن» in quotation marks is the newspaper.
			return !r.common(a, c.first) || quoted(a, c.first, c.last, first, last)
		}
		// A name its type word heads (مجلس التعاون الخليجي), or another
		// that is not a common noun and a nationality adjective (الجيش
		// الإسرائيلي), which news conventions do not count as a name.
		if isLatinToken(a, c.first) {
			return true // European Union
		}
		h, _, _ := r.headAt(a, s, c.first)
		if h == headNone && c.skip == 0 && c.first > first {
			// «وكالة ريا نوفوستي» without its classifier.
			h, _, _ = r.headAt(a, s, c.first-1)
		}
		if h == headORG || h == headClassifier || h == headMedia {
			return true
		}
		// Other names stand unless they end in a nationality adjective
		// (الحرس الثوري، رعاية الشباب; not الجيش الإسرائيلي).
		return h == headNone && s.at(a, c.last-1, c.last).Demonym.Len() == 0
	}
	return true
}

// placeRecord returns the record of candidate c's place that the article
// points to: the first of its records of the country of publication, or
// else of the country the article names most; the first record when
// every record is of one country, or when it is a capital or a city of a
// million; nil when they are of several countries and the article points
// to none of them («المنطقة الجنوبية» is a region of several countries).
func (r *Recognizer) placeRecord(s *nerScratch, c *candidate) *gazetteer.Record {
	first := &r.gaz.Records[c.recs[0]]
	several := false
	for _, x := range c.recs[1:] {
		several = several || r.gaz.Records[x].Country != first.Country
	}
	if !several {
		return first
	}
	score := func(cc string) int {
		if cc == s.home && cc != "" {
			return 1000
		}
		return s.votes[cc]
	}
	rec := &r.gaz.Records[preferRecord(r.gaz, c.recs, score)]
	if score(rec.Country) > 0 || rec.HasRole("capital") || rec.Population >= 1000000 {
		return rec
	}
	return nil
}

// placeContext reports whether the context of candidate c in the
// sentence [first, last) reads as a place's: a preposition or a place
// word before it (في، مدينة، محافظة), the preposition ب attached to it
// (بجدة), or another place beside it (نجران وعسير وجازان).
func (r *Recognizer) placeContext(a *article.Article, s *nerScratch, c *candidate, first, last int) bool {
	if c.skip > 0 {
		// بجدة "in Jeddah"; ل "to, for" comes before nouns as often
		// (لردة الفعل).
		if p := a.Key(a.Tokens[c.first])[:c.skip]; strings.HasSuffix(p, "ب") {
			return true
		}
	}
	if p := c.first - 1; p >= first {
		key := a.Key(a.Tokens[p])
		if r.lex.preps[key] {
			return true
		}
		if h, _, _ := r.headAt(a, s, p); h == headPlace {
			return true
		}
	}
	for i := s.cand0; i < s.cand1; i++ {
		o := &s.cands[i]
		if o.gone || o.first == c.first && o.last == c.last || o.kind != entities.LOC || o.first < first || o.first >= last {
			continue
		}
		if o.last == c.first || o.first == c.last ||
			o.last+1 == c.first && isComma(a, o.last) || c.last+1 == o.first && isComma(a, c.last) {
			return true
		}
	}
	return false
}

// placeWordBefore reports whether a place word or a facility's type
// word stands right before candidate c (مدينة دوشنبه).
func (r *Recognizer) placeWordBefore(a *article.Article, s *nerScratch, c *candidate, first int) bool {
	if p := c.first - 1; p >= first {
		h, _, _ := r.headAt(a, s, p)
		return h == headPlace || h == headLOC
	}
	return false
}

// descriptorBefore reports whether a place descriptor that is no part of
// the name (مدينة، محافظة، بلدة، قرية، شمال) stands right before candidate
// c, clitics and all (بمحافظة صبيا).
func (r *Recognizer) descriptorBefore(a *article.Article, s *nerScratch, c *candidate, first int) bool {
	if c.skip > 0 || c.first <= first {
		return false
	}
	h, _, _ := r.headAt(a, s, c.first-1)
	return h == headPlace
}

// isComma reports whether token k is a comma.
func isComma(a *article.Article, k int) bool {
	t := a.Text(a.Tokens[k].Span)
	return t == "," || t == "\u060c"
}

// typeWordsBefore reports whether the tokens [from, i) are type words
// (قطاع in «قطاع غزة»): what a gazetteer name may lose to the tagger's
// shorter span. A name whose other words the tagger leaves out («مكة
// المكرمة» read as مكة) stays whole.
func (r *Recognizer) typeWordsBefore(a *article.Article, s *nerScratch, from, i int) bool {
	if from >= i {
		return false
	}
	for t := from; t < i; t++ {
		if !r.isTypeWord(a, s, t) {
			return false
		}
	}
	return true
}

// shrink narrows c to the tagger span [i, j) inside it, keeping its
// record. It reports false when the span is no name on its own.
func (r *Recognizer) shrink(a *article.Article, s *nerScratch, c *candidate, i, j int) bool {
	if j < c.last && i > c.first {
		// «منطقة مكة المكرمة» read as مكة: the type word goes, the words
		// after the tagger's span stay where the gazetteer knows them
		// with it as a name.
		s.keys = s.keys[:0]
		for t := i; t < c.last; t++ {
			s.keys = append(s.keys, a.Key(a.Tokens[t]))
		}
		if r.gaz.LookupName(s.keys...) != nil {
			j = c.last
		}
	}
	tc, ok := r.taggedCandidate(a, s, i, j, c.kind)
	if !ok || tc.first != i || tc.last != j {
		return false
	}
	for t := c.first; t < c.last; t++ {
		s.taken[t] = t >= i && t < j
	}
	if i == c.first {
		tc.span.Start, tc.skip = c.span.Start, c.skip
	} else {
		// The gazetteer read the word inside the name, without clitics
		// (فرانس in «وكالة فرانس برس»).
		tc.span.Start, tc.skip = a.Tokens[i].Start, 0
	}
	if j == c.last {
		tc.span.End = c.span.End
	}
	c.span, c.first, c.last, c.skip = tc.span, i, j, tc.skip
	return true
}

// grow widens c to the tagger span [i, j) around it, of c's kind, when
// the other tokens are free; the record stays unless the wider span names
// a record of its own.
func (r *Recognizer) grow(a *article.Article, s *nerScratch, c *candidate, i, j int) {
	if !r.free(a, s, i, c.first) || !r.free(a, s, c.last, j) {
		return
	}
	tc, ok := r.taggedCandidate(a, s, i, j, c.kind)
	if !ok || tc.first > c.first || tc.last < c.last || tc.kind != c.kind {
		return
	}
	if tc.recs == nil {
		tc.recs = c.recs
	}
	if tc.country == "" {
		tc.country = c.country
	}
	tc.weak = c.weak
	if tc.first == c.first {
		tc.span.Start, tc.skip = c.span.Start, c.skip
	}
	*c = tc
	for t := i; t < j; t++ {
		s.taken[t] = true
	}
}

// keepsPlace reports whether the place name c stays inside the tagger
// span [i, j) of another kind: when the span is longer than three tokens
// or holds a function word or a taken token outside c.
func (r *Recognizer) keepsPlace(a *article.Article, s *nerScratch, c *candidate, i, j int) bool {
	if c.kind != entities.LOC || j-i > 3 || j-i <= c.last-c.first {
		return true
	}
	if i < c.first && c.first-i == 1 && j == c.last && r.bodyAt(a, i) {
		return true // «منتخب الأرجنتين»: the team of a country is the country
	}
	for t := i; t < j; t++ {
		if a.Tokens[t].Kind != article.Word || gazetteer.IsStopKey(a.Key(a.Tokens[t])) ||
			(t < c.first || t >= c.last) && s.taken[t] {
			return true
		}
	}
	return false
}

// clubsFromCities turns a one-word city name, other than a capital, that
// the tagger reads as an organisation on its own into an unlinked
// organisation: the football clubs of sports pages (برشلونة, بورتو). Only
// cities of 100,000 people abroad are read so.
func (r *Recognizer) clubsFromCities(s *nerScratch, first, last int) {
	for ci := s.cand0; ci < s.cand1; ci++ {
		c := &s.cands[ci]
		if c.gone || c.kind != entities.LOC || c.last-c.first != 1 || c.recs == nil {
			continue
		}
		if rec := &r.gaz.Records[c.recs[0]]; rec.Source != gazetteer.City || rec.HasRole("capital") || rec.Country == s.home || rec.Population < 100000 {
			// Capitals stand for their governments (مينسك وطهران تتخذان
			// خطوات) and stay places.
			continue
		}
		l := s.labels[c.first-first]
		next := tagger.O
		if c.last < last {
			next = s.labels[c.last-first]
		}
		if l == tagger.Begin(tagger.ORG) && next != tagger.Inside(tagger.ORG) {
			c.kind, c.recs = entities.ORG, nil
		}
	}
}

// tagDocument runs the tagger over all sentences of the article and keeps
// its labels in s.docLabels, one slice per sentence of s.sents. The
// gazetteer's names are not passed as marks (gazetteer.Mark): a model
// trained with them (cmd/train -gazetteer) scored 77.15 in 5-fold
// cross-validation against 77.01 without, within the spread of seeds, and
// lower on the development news; mergeTagged reconciles the tagger's
// spans with the gazetteer's afterwards.
func (r *Recognizer) tagDocument(ctx context.Context, a *article.Article, s *nerScratch, tg *tagger.Model) error {
	s.words = s.words[:0]
	for _, tok := range a.Tokens {
		s.words = append(s.words, a.Text(tok.Span))
	}
	s.sentWords = s.sentWords[:0]
	for _, sr := range s.sents {
		s.sentWords = append(s.sentWords, s.words[sr.first:sr.last])
	}
	var err error
	s.docLabels, err = tg.TagDocument(ctx, s.sentWords, nil)
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	return nil
}

// addTagged adds the tagger's spans (PER, LOC, ORG and MISC) over tokens
// that no gazetteer name or cue took. Clitics are cut from the first token,
// and a span whose words the gazetteer knows is linked.
func (r *Recognizer) addTagged(a *article.Article, s *nerScratch, first, last int) {
	for _, ch := range s.chunks {
		if entities.Kind(ch.Kind) == entities.MISC && !r.misc && isArabic(a) {
			continue
		}
		c, ok := r.taggedCandidate(a, s, first+ch.Start, first+ch.End, entities.Kind(ch.Kind))
		if !ok || !r.free(a, s, c.first, c.last) {
			continue
		}
		if c.recs == nil && r.commonAndAdjectives(a, s, c.first, c.last) {
			continue
		}
		if c.last-c.first == 1 && c.recs == nil && !quoted(a, c.first, c.last, first, last) {
			if h, _, definite := r.headAt(a, s, c.first); definite && (headKind(h) == c.kind || headKind(h) != 0 && c.kind == entities.LOC) {
				// «الجامعة», «النادي»: a type word alone is a common
				// noun, even where it refers to a name the article gives
				// (a facility's word read as an organisation may be a
				// club's name: السد).
				continue
			}
		}
		if c.kind == entities.ORG && c.last-c.first == 1 && c.recs == nil && !quoted(a, c.first, c.last, first, last) &&
			!(c.first > first && r.isTypeWord(a, s, c.first-1)) && !r.orgWord(a, &c) {
			// One word the tagger reads as an organisation's name, with
			// no list, type word or quotation marks for it, is more often
			// a common noun in news (المترو، الألمنيوم): it stands only as
			// the short form of a name found otherwise, or when training
			// or the tagger's list hold it as an organisation's.
			c.weak = true
		}
		if c.last-c.first == 1 && c.recs == nil && c.kind != entities.MISC && r.commonWord(a, &c) && !r.afterCue(s, c.first) &&
			!(c.kind == entities.ORG && r.tagger.ListedOrg(a.Key(a.Tokens[c.first])[c.skip:])) {
			// «المهرجان», «حسن النوايا»: one common word the tagger reads
			// as a name, even in quotation marks, is the short form of a
			// name found otherwise or nothing.
			c.weak = true
		}
		if c.kind == entities.PER && c.last-c.first == 1 && c.recs == nil && !r.afterCue(s, c.first) && !r.personWord(a, &c) {
			// One word the tagger reads as a person's name with no title
			// before it stands only as the short form of a name the
			// article gives in full (مادورو after نيكولاس مادورو), unless
			// it is a given name or a name the training data knows.
			c.weak = true
		}
		s.cands = append(s.cands, c)
		for t := c.first; t < c.last; t++ {
			s.taken[t] = true
		}
	}
}

// commonWord reports whether the one word of candidate c (without its
// clitics) is one the tagger's training data holds mostly outside names.
func (r *Recognizer) commonWord(a *article.Article, c *candidate) bool {
	return r.tagger != nil && isArabic(a) && r.tagger.Common(a.Key(a.Tokens[c.first])[c.skip:])
}

// orgWord reports whether the one word of candidate c is one the
// tagger's training data holds mostly in organisations' names, or one of
// its list of well-known organisations and clubs (الأهلي، أرسنال).
func (r *Recognizer) orgWord(a *article.Article, c *candidate) bool {
	if r.tagger == nil {
		return false
	}
	w := a.Key(a.Tokens[c.first])[c.skip:]
	return (r.tagger.InsideName(w) == tagger.ORG || r.tagger.ListedOrg(w)) && !r.tagger.ListedMisc(w)
}

// personWord reports whether the one word of candidate c is one the
// tagger's training data holds mostly in persons' names, or a given name
// that is no common word.
func (r *Recognizer) personWord(a *article.Article, c *candidate) bool {
	if r.tagger == nil {
		return false
	}
	w := a.Key(a.Tokens[c.first])[c.skip:]
	return r.tagger.InsideName(w) == tagger.PER || r.tagger.GivenName(w) && !r.tagger.Common(w)
}

// afterCue reports whether a title cue introduces a name at token k.
func (r *Recognizer) afterCue(s *nerScratch, k int) bool {
	for ci := s.cue0; ci < s.cue1; ci++ {
		if s.cues[ci].next == k {
			return true
		}
	}
	return false
}

// free reports whether the tokens [i, j) are words or numbers no other
// mention or cue took.
func (r *Recognizer) free(a *article.Article, s *nerScratch, i, j int) bool {
	for t := i; t < j; t++ {
		if s.taken[t] || a.Tokens[t].Kind == article.Punct {
			return false
		}
	}
	return true
}

// taggedCandidate makes a candidate of the tagger span [i, j) of kind k:
// a person's name loses a leading nationality adjective or definite word,
// clitics are cut from the first token, and a span whose words the
// gazetteer knows is linked. It reports false when nothing is left or
// the span is a lone function word, title or adjective.
func (r *Recognizer) taggedCandidate(a *article.Article, s *nerScratch, i, j int, k entities.Kind) (candidate, bool) {
	if k == entities.PER {
		// «الناشط السوري سامر الخطيب»: a name does not begin with a
		// nationality adjective, nor with a word with the article
		// before two more words.
		for i < j && (s.at(a, i, j).Demonym.Len() > 0 || strings.HasPrefix(a.Key(a.Tokens[i]), "ال") && j-i > 2) {
			i++
		}
		if i == j {
			return candidate{}, false
		}
		// «ميلنر سيساعد»: a name does not end on a verb in the future.
		for j-i > 1 && r.futureVerb(a, j-1) {
			j--
		}
	}
	if j-i == 1 {
		// A lone function word, title or adjective is not a name.
		if gazetteer.IsStopKey(a.Key(a.Tokens[i])) {
			return candidate{}, false
		}
		if ms := s.at(a, i, j); ms.Title.Len() > 0 || ms.Demonym.Len() > 0 {
			if ms.Title.Len() > 0 || k != entities.MISC || !isEnglish(a) {
				return candidate{}, false
			}
			// The English tagger follows CoNLL-2003, which makes a
			// nationality adjective (Brazilian) a MISC name.
			return candidate{span: a.Tokens[i].Span, first: i, last: j, kind: k}, true
		}
		if k != entities.PER && isEnglish(a) && j < len(a.Tokens) && demonymShaped(a.Key(a.Tokens[i])) &&
			s.at(a, j, len(a.Tokens)).Title.Len() > 0 {
			// «Peruvian President»: a nationality adjective the lists
			// lack, before a title.
			return candidate{span: a.Tokens[i].Span, first: i, last: j, kind: entities.MISC}, true
		}
	}
	skip := r.cliticSkip(a, i, j)
	sp := article.Span{Start: a.Tokens[i].Start, End: a.Tokens[j-1].End}
	if skip > 0 {
		sp.Start = a.KeySpan(a.Tokens[i], skip).Start
	}
	c := candidate{span: sp, first: i, last: j, skip: skip, kind: k}
	s.keys = appendKeys(s.keys[:0], a, &c)
	if recs := r.gaz.LookupName(s.keys...); recs != nil {
		c.recs = recs
		c.kind = entities.Kind(r.gaz.Records[recs[0]].Kind)
	}
	for ci := s.cue0; ci < s.cue1; ci++ {
		if s.cues[ci].next == i && c.kind == entities.PER {
			c.country = s.cues[ci].country
		}
	}
	return c, true
}

// cliticSkip returns how many key bytes of clitics to cut from the first
// token of a tagged span [i, j): the split whose words the gazetteer knows,
// else a conjunction و or ف before at least three letters, else a
// preposition before the article (بالعراق, للعراق keep العراق, لعراق).
func (r *Recognizer) cliticSkip(a *article.Article, i, j int) int {
	key := a.Key(a.Tokens[i])
	if key == "" || key[0] < utf8.RuneSelf || !isArabic(a) {
		return 0 // Persian writes و and prepositions apart
	}
	splits := article.Splits(key)
	for _, sp := range splits[1:] {
		if strings.HasSuffix(sp.Prefix, "ال") {
			continue
		}
		if j-i == 1 && r.gaz.LookupName(sp.Stem) != nil {
			return len(sp.Prefix)
		}
	}
	best := 0
	for _, sp := range splits[1:] {
		p := sp.Prefix
		switch {
		case (p == "و" || p == "ف") && utf8.RuneCountInString(sp.Stem) >= 3 && !r.lex.wawNames[key] && !r.givenName(key) &&
			(r.knownStem(sp.Stem) || p == "و" && !foreignStart(sp.Stem)):
			// Not فتحي, a given name that begins with ف, nor فيتيل,
			// فيراري or ويليامز, foreign names written with ف or و for
			// v, f and w: ف is cut only before a name the lists know, و
			// also before a stem that a vowel letter does not begin.
			best = max(best, len(p))
		case p == "وب" || p == "ول" || p == "وك" || p == "فب" || p == "فل" || p == "فك" || p == "ب" || p == "ل" || p == "ك":
			if strings.HasPrefix(sp.Stem, "ال") || strings.HasPrefix(sp.Stem, "ل") && strings.HasSuffix(p, "ل") ||
				r.lex.particles[sp.Stem] || r.givenName(sp.Stem) && !r.givenName(key) {
				// لابن راشد, لمحمد: a preposition before a name.
				best = max(best, len(p))
			}
		}
	}
	return best
}

// knownStem reports whether stem is a name the gazetteer or the given
// names list holds, or a word the tagger's training data holds mostly
// inside names.
func (r *Recognizer) knownStem(stem string) bool {
	return r.gaz.LookupName(stem) != nil || r.givenName(stem) || r.tagger != nil && r.tagger.InsideName(stem) != 0
}

// foreignStart reports whether stem begins with a long vowel's letter
// (ي، و، ا; not the article): after ف or و it reads as a foreign name written with its
// first syllable (فيتيل، فورين، ويليامز، واتساب) more often than as a
// conjunction before a name.
func foreignStart(stem string) bool {
	r, _ := utf8.DecodeRuneInString(stem)
	return (r == 'ي' || r == 'و' || r == 'ا') && !strings.HasPrefix(stem, "ال")
}

// futureVerb reports whether token k reads as a verb in the future: س
// and a prefix of the imperfect (ي ت ن) before three letters or more,
// and no given name (سيساعد، ستقوم; not سيرغي). The first person (سأرفع)
// is left alone: its alef begins names as often (ساجان، سامي).
func (r *Recognizer) futureVerb(a *article.Article, k int) bool {
	key := a.Key(a.Tokens[k])
	rest, ok := strings.CutPrefix(key, "س")
	if !ok || utf8.RuneCountInString(rest) < 4 || r.givenName(key) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(rest)
	return c == 'ي' || c == 'ت' || c == 'ن'
}

// givenName reports whether key is in the tagger's lists of given names.
func (r *Recognizer) givenName(key string) bool {
	return r.tagger != nil && r.tagger.GivenName(key)
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
		if ms := s.at(a, j, last); ms.Title.Len() > 0 || ms.Demonym.Len() > 0 || ms.Name.Len() > 0 && r.bigName(ms.Name.Records) {
			break
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
		compound = r.lex.particles[key]
	}
	if j > k && compound { // a name does not end in عبد or بن
		j--
	}
	return j
}

// isBeginOther reports whether l begins a name of a kind other than k.
func isBeginOther(l tagger.Label, k tagger.Kind) bool {
	return l != tagger.O && l.Kind() != k && l == tagger.Begin(l.Kind())
}

// skipModifiers returns the first token from k on that is not a word
// qualifying a title: «الرئيس الأمريكي السابق باراك أوباما», «former».
func (r *Recognizer) skipModifiers(a *article.Article, k, last int) int {
	for k < last && r.lex.modifiers[a.Key(a.Tokens[k])] {
		k++
	}
	return k
}

// quoted reports whether tokens [i, j) are exactly enclosed in quotation
// marks within the sentence [first, last).
func quoted(a *article.Article, i, j, first, last int) bool {
	if i == first || j >= last {
		return false
	}
	open, _ := utf8.DecodeRuneInString(a.Text(a.Tokens[i-1].Span))
	close, _ := utf8.DecodeRuneInString(a.Text(a.Tokens[j].Span))
	switch open {
	case '«':
		return close == '»'
	case '»':
		// »المدينة«, »المدينة»: marks set the wrong way round.
		return close == '«' || close == '»'
	case '"':
		return close == '"'
	case '“':
		return close == '”'
	}
	return false
}

// isArabic reports whether a is in Arabic, the language the tagger was
// trained on.
func isArabic(a *article.Article) bool {
	base, _ := a.Lang.Base()
	return base == arabicBase
}

var arabicBase, _ = language.Arabic.Base()

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

// timeWord reports whether the one-token name c is also a weekday or
// month name in the article's language, which the tagger did not read as
// a name: دوشنبه (Monday) in a Persian date, not Dushanbe.
func timeWord(a *article.Article, c *candidate) bool {
	if c.last-c.first != 1 {
		return false
	}
	l, ok := tagger.LangOf(a.Lang)
	return ok && timeWords()[l][a.Key(a.Tokens[c.first])]
}

// timeWords returns the keys of the weekday and month names of each
// tagger language.
var timeWords = sync.OnceValue(func() (out [3]map[string]bool) {
	for _, tag := range []language.Tag{language.Arabic, language.English, language.Persian} {
		l, _ := tagger.LangOf(tag)
		m := make(map[string]bool)
		x := lang.For(tag)
		for _, li := range []lang.List{lang.Weekdays, lang.Months} {
			for _, w := range x.Words(li, "") {
				m[article.Key(w)] = true
			}
		}
		out[l] = m
	}
	return out
})

// demonymShaped reports whether an English key ends as nationality
// adjectives do (Peruvian, Chilean, Sudanese, Danish, Qatari).
func demonymShaped(key string) bool {
	for _, suf := range [...]string{"an", "ese", "ish", "i"} {
		if len(key) > len(suf)+2 && strings.HasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// isEnglish reports whether a is in English.
func isEnglish(a *article.Article) bool {
	base, _ := a.Lang.Base()
	return base == englishBase
}

var englishBase, _ = language.English.Base()
