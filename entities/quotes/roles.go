package quotes

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// titleAt returns the longest title phrase at token j that ends before
// hi, and its last token (-1 when there is none), reading the word with and
// without its clitics; prep is true when a preposition is glued to it
// (للرئيس).
func (f *finder) titleAt(j, hi int) (title, int, bool) {
	in := f.inf(j)
	if in.flags&infoTitle == 0 {
		in.flags |= infoTitle
		_, shi := f.sentOf(j)
		t, e, prep := f.findTitle(j, shi)
		in.title, in.titleEnd, in.titlePrep = t, int32(e), prep
	}
	if int(in.titleEnd) < hi {
		if in.title == nil {
			return title{}, -1, false
		}
		return *in.title, int(in.titleEnd), in.titlePrep
	}
	t, e, prep := f.findTitle(j, hi) // a shorter phrase may end before hi
	if t == nil {
		return title{}, -1, false
	}
	return *t, e, prep
}

// findTitle is titleAt without the cache; it returns nil for no title.
// Single letters with a period (د. م. أ.د.) are abbreviated forms of
// address.
func (f *finder) findTitle(j, hi int) (*title, int, bool) {
	if e := f.abbrevEnd(j, hi); e >= 0 {
		return &f.lx.abbrev, e, false
	}
	var best *title
	bestEnd, bestPrep := -1, false
	try := func(k string, prep bool) {
		ts := f.lx.titles[k]
		for n := range ts {
			t := &ts[n]
			e := j + len(t.rest)
			if e >= hi || e <= bestEnd {
				continue
			}
			ok := true
			for n, r := range t.rest {
				if f.key(j+1+n) != r {
					ok = false
					break
				}
			}
			if ok {
				best, bestEnd, bestPrep = t, e, prep
			}
		}
	}
	k := f.key(j)
	if k == "" {
		return nil, -1, false
	}
	try(k, false)
	if isArabicKey(k) {
		for _, sp := range f.splitsOf(k) {
			if sp.Prefix == "" {
				continue
			}
			prep, _ := f.lx.clitics(sp.Prefix)
			try(sp.Stem, prep)
			if !f.lx.definite(sp.Stem) {
				try(f.lx.art+sp.Stem, prep) // لل+رئيس is ل+الرئيس
			}
		}
	}
	return best, bestEnd, bestPrep
}

// abbrevEnd returns the last period of a run of single Arabic letters
// each followed by a period that starts at token j (م. أ.د.), or -1.
func (f *finder) abbrevEnd(j, hi int) int {
	end := -1
	for k := j; k+1 < hi && f.isWord(k) && len(f.key(k)) == 2 && isArabicKey(f.key(k)) && f.isPunct(k+1, '.'); k += 2 {
		end = k + 1
	}
	return end
}

// demonymAt returns the country of the nationality adjective at token k,
// or "".
func (f *finder) demonymAt(k int) string {
	key := f.key(k)
	if c := f.lx.demonyms[key]; c != "" {
		return c
	}
	if !isArabicKey(key) {
		if strings.HasSuffix(key, "'s") {
			// Iran's president: a place named in the possessive.
			if t := f.toks[k]; t.mStart >= 0 && f.ments[t.mStart].Kind == entities.LOC {
				return f.entCountry(f.ments[t.mStart].Entity)
			}
		}
		return ""
	}
	for _, sp := range f.splitsOf(key) {
		if c := f.lx.demonyms[sp.Stem]; c != "" && sp.Prefix != "" {
			return c
		}
	}
	return ""
}

// roleForward reads the rest of a role phrase whose title ends at token e:
// modifiers, genitives and a nationality adjective or a country name
// (الرئيس الإيراني، وزير الخارجية الروسي، المتحدث باسم الحركة، رئيس جمهور
// ایران). It returns the phrase's last token and the country code ("" when
// none).
func (f *finder) roleForward(e, hi int) (int, string) {
	end := e
	for k := e + 1; k < hi && k <= e+phraseWords; k++ {
		t := f.toks[k]
		if t.kind != tWord || f.isStop(k) || f.cueTok(k) || f.gram(k)&gSkip != 0 {
			break
		}
		if c := f.demonymAt(k); c != "" {
			return k, c
		}
		if t.mStart >= 0 {
			m := f.ments[t.mStart]
			if m.Kind == entities.PER && m.Span.Start == t.span.Start {
				break
			}
			if m.Kind == entities.LOC {
				if c := f.entCountry(m.Entity); c != "" {
					return f.mentionLast(t.mStart, k), c
				}
			}
		}
		if tt, te, prep := f.titleAt(k, hi); te >= 0 && (tt.honorific || prep || f.bare(t.key) != t.key) {
			break // a form of address, another's title (مستشار للرئيس), or a second role (والمتحدث باسمه)
		}
		if k > e+1 && f.withPronoun(k-1) && isArabicKey(t.key) && !f.lx.definite(t.key) {
			break // a word with a pronoun ends the genitives (المتحدث باسمه فلان)
		}
		end = k
	}
	return end, ""
}

// withPronoun reports whether the word at token k ends in a pronoun
// written joined to it (باسمه، عنها): its key ends in one after two
// letters at least and its text not in a teh marbuta, which keys fold to
// the same letter.
func (f *finder) withPronoun(k int) bool { return f.endsInPronoun(k, 2) }

// endsInPronoun is withPronoun with at least letters letters before the
// pronoun (له: one).
func (f *finder) endsInPronoun(k, letters int) bool {
	key := f.key(k)
	for _, o := range f.lx.objs {
		if len(key) >= len(o)+2*letters && strings.HasSuffix(key, o) {
			src := f.a.Source[f.toks[k].span.Start:f.toks[k].span.End]
			r, _ := utf8.DecodeLastRuneInString(src)
			return r != '\u0629'
		}
	}
	return false
}

// coordinatedRole returns the last token of a second role coordinated
// with the role phrase ending at token end (عضو المجلس والمتحدث الرسمي
// باسمه فلان: one person holds both), or end when none follows.
func (f *finder) coordinatedRole(end, hi int) int {
	k := end + 1
	if k >= hi || !f.isWord(k) || f.bare(f.key(k)) == f.key(k) {
		return end
	}
	tt, te, prep := f.titleAt(k, hi)
	if te < 0 || prep || tt.honorific {
		return end
	}
	e, _ := f.roleForward(te, hi)
	return e
}

// roleSubject reads the role phrase whose title is tokens [j, e]: the name
// in apposition after it, else the person the article gives the role,
// else the phrase as written.
func (f *finder) roleSubject(j, e int, tt title, hi int) subject {
	end, country := f.roleForward(e, hi)
	if tt.rest == nil && end == e && country == "" && f.toks[e].kind == tWord && !isArabicKey(f.key(e)) {
		end = e
	}
	if e2 := f.coordinatedRole(end, hi); e2 > end {
		if mi, last := f.appositionName(e2, hi); mi >= 0 {
			return f.withCoSpeakers(f.mentionSpeaker(mi), last, hi)
		}
		if a, b := f.unknownName(e2, hi); a >= 0 {
			return named(f.phraseSpeaker(entities.Person, a, b), b)
		}
	}
	if mi, last := f.appositionName(end, hi); mi >= 0 {
		return f.withCoSpeakers(f.mentionSpeaker(mi), last, hi)
	}
	if a, b := f.unknownName(end, hi); a >= 0 {
		return named(f.phraseSpeaker(entities.Person, a, b), b)
	}
	return named(f.roleSpeaker(j, end, tt, country), end)
}

// Limits of a name the recognizer missed, in words.
const (
	// unknownNameMax is the longest name read after a role phrase.
	unknownNameMax = 4
	// unknownNameLead is how many words of the role's complement may
	// stand between the phrase and the name (المفوضة الأوروبية للتجارة فلان).
	unknownNameLead = 2
)

// unknownName returns the first and last tokens of a name that the
// recognizer missed, written right after a role phrase ending at token
// end (المفوضة الأوروبية للتجارة سيسيليا مالمستروم «…»), or -1: after at
// most unknownNameLead words with a preposition glued to them and forms of
// address, two to unknownNameMax words that no list of the lexicon knows,
// the first without the article, and then the end of the subject: a
// quotation, a colon, a comma, a complementiser, the preposition of whom
// it was said to (لـ) or the sentence's end.
func (f *finder) unknownName(end, hi int) (int, int) {
	k := end + 1
	for lead := 0; k < hi && f.isWord(k); k++ {
		if tt, te, prep := f.titleAt(k, hi); te >= 0 && tt.honorific && !prep {
			k = te
			continue
		}
		if lead == unknownNameLead || !f.prepClitic(k) || f.titleTok(k) {
			break
		}
		lead++
	}
	first := k
	for ; k < hi && k-first < unknownNameMax && f.nameWord(k, k == first); k++ {
	}
	if n := k - first; n < 2 || n > unknownNameMax {
		return -1, 0
	}
	if k < hi {
		t := f.toks[k]
		switch {
		case t.kind == tQuote, t.kind == tPunct && (isColon(t.r) || isSentenceEnd(t.r) || t.r == '،' || t.r == ','):
		case t.kind == tWord && f.gram(k)&gComp != 0:
		case t.kind == tWord && f.lx.is(t.key, gRecipient): // فلان لـ«الصحيفة»
		default:
			return -1, 0
		}
	}
	return first, k - 1
}

// titleTok reports whether token k starts a title phrase.
func (f *finder) titleTok(k int) bool {
	_, te, _ := f.titleAt(k, len(f.toks))
	return te >= 0
}

// nameWord reports whether token k may be a word of a name the recognizer
// missed: an Arabic word no list knows (a name particle such as بن
// aside), not a mention's, with no preposition glued to it; the first
// word of a name has no article.
func (f *finder) nameWord(k int, first bool) bool {
	t := f.toks[k]
	if t.kind != tWord || t.mStart >= 0 || !isArabicKey(t.key) || f.cueTok(k) || f.prepClitic(k) {
		return false
	}
	if g := f.gram(k); g != 0 {
		return !first && g&gNaming != 0 && g&^gNaming == 0
	}
	// A family name may read as a nationality (منصور التركي): only a
	// first word may not.
	if first && (f.lx.definite(t.key) || f.demonymAt(k) != "") || f.titleTok(k) {
		return false
	}
	c, _ := f.sourceAt(k)
	return c == 0
}

// appositionName returns the person named right after a role phrase
// ending at token end, skipping forms of address and one comma (وزير
// الخارجية الأمريكي، جون كيري; الرئيس التنفيذي سعادة الدكتور علاء نصيف),
// and the mention's last token; -1 when there is none. The role's
// complements may come first: the body it belongs to and where (مدير
// البرامج بفرع وزارة الشؤون الاجتماعية بمنطقة مكة المكرمة عبدالرحمن
// المالكي; المشرف العام على الإدارة المهندس ماجد العصيمي).
func (f *finder) appositionName(end, hi int) (int32, int) {
	return f.nameAfter(end, hi, appositionWords)
}

// nameAfter is appositionName reading at most units units after token
// end, a name of a body or a place counting as one. A preposition that
// continues a role (على، لدى) must lead to a body before the name: in
// في اتصال بنظيره الروسي فلان the name is another role's.
func (f *finder) nameAfter(end, hi, units int) (int32, int) {
	commas, n, needBody := 0, 0, false
	for k := end + 1; k < hi && n < units; k++ {
		t := f.toks[k]
		if t.kind == tPunct && (t.r == '،' || t.r == ',') && commas == 0 {
			commas++
			continue
		}
		n++
		if t.kind == tQuote {
			// رئيس «لجنة متابعة الأسعار» الدكتور فلان: the body's name.
			if w, stmt := f.shape(f.raw[t.quote]); w <= titleMaxWords && !stmt {
				needBody = false
				continue
			}
			break
		}
		if t.kind != tWord || f.cueTok(k) {
			break
		}
		if f.isStop(k) {
			if commas == 0 && f.gram(k)&gRoleComp != 0 {
				needBody = true
				continue
			}
			break
		}
		if mi := t.mStart; mi >= 0 && f.ments[mi].Span.Start == t.span.Start {
			if f.ments[mi].Kind == entities.PER {
				if needBody {
					break
				}
				return mi, f.mentionLast(mi, k)
			}
			needBody = false
			k = f.mentionLast(mi, k) // the body of the role (باسم الحركة)
			continue
		}
		if needBody {
			if c, _ := f.sourceAt(k); c == srcOrganisation {
				needBody = false
			}
		}
		if f.prepClitic(k) {
			if _, te, prep := f.titleAt(k, hi); te >= 0 && prep {
				break // للرئيس فلان: the name is the holder of a title in a complement
			}
		}
		if commas > 0 {
			if tt, te, _ := f.titleAt(k, hi); te < 0 || !tt.honorific {
				break
			}
		}
	}
	return -1, 0
}

// roleSpeaker makes the speaker of a role phrase spanning tokens [a, b]:
// the person the article names in that role when it can tell who (from
// the recognizer's role cues, else from the titles it reads itself), or
// the phrase as written.
func (f *finder) roleSpeaker(a, b int, tt title, country string) *speaker {
	sp := f.phraseSpeaker(entities.Description, a, b)
	if tt.plural {
		return sp
	}
	if e := f.roleCueEntity(sp.span); e >= 0 {
		sp.kind, sp.entity = entities.Person, e
		return sp
	}
	// A title with words of its own (مدير الحي التراثي بالمهرجان) is a
	// new role, named by its office only; a bare one (المدير، الرئيس
	// الإيراني) refers back to a holder of the same title word too.
	extra := b - a - len(tt.rest)
	if country != "" {
		extra--
	}
	if e := f.resolveRole(tt, country, a, extra <= 0); e >= 0 {
		sp.kind, sp.entity = entities.Person, e
	}
	return sp
}

// roleCueEntity returns the person the recognizer's role cue overlapping
// span refers to, or -1.
func (f *finder) roleCueEntity(span article.Span) int {
	lo, hi := 0, len(f.roles)
	for lo < hi {
		m := (lo + hi) / 2
		if f.roles[m].Span.End <= span.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for k := max(0, lo-2); k < len(f.roles) && f.roles[k].Span.Start < span.End; k++ {
		rc := f.roles[k]
		if rc.Span.Overlaps(span) && rc.Entity >= 0 && rc.Entity < len(f.ents) && f.ents[rc.Entity].Kind == entities.PER {
			return rc.Entity
		}
	}
	return -1
}

// holder is a person the article names with a title: in apposition
// before (وزير الطاقة سهيل المزروعي) or after (فلان، وزير الطاقة).
type holder struct {
	pos    int // the mention's first token
	entity int
	title  title
}

// buildHolders indexes the titled persons of the article, once.
func (f *finder) buildHolders() {
	if f.holdersBuilt {
		return
	}
	f.holdersBuilt = true
	for i := range f.toks {
		mi := f.toks[i].mStart
		if mi < 0 || f.ments[mi].Kind != entities.PER || f.ments[mi].Entity < 0 {
			continue
		}
		e := f.ments[mi].Entity
		lo, _ := f.sentOf(i)
		// The titles before the name, with nothing but their phrases
		// between (المتحدث باسم الشرطة العقيد فلان: two).
		for k := i - 1; k >= lo && k >= i-appositionWords; k-- {
			t := f.toks[k]
			if t.kind != tWord || f.isStop(k) {
				break
			}
			tt, te, prep := f.titleAt(k, i)
			if te >= 0 && !tt.honorific && !tt.plural {
				f.holders = append(f.holders, holder{pos: i, entity: e, title: tt})
			}
			if te >= 0 && prep {
				break // مستشار للرئيس فلان: the titles before are another's
			}
		}
		// A title after it: فلان، وزير الطاقة.
		last := f.mentionLast(mi, i)
		_, hi := f.sentOf(i)
		k := last + 1
		if k < hi && f.toks[k].kind == tPunct && (f.toks[k].r == '،' || f.toks[k].r == ',') {
			k++
		}
		if k < hi && f.toks[k].kind == tWord {
			if tt, te, prep := f.titleAt(k, hi); te >= 0 && !tt.honorific && !tt.plural && !prep {
				f.holders = append(f.holders, holder{pos: i, entity: e, title: tt})
			}
		}
	}
}

// roleFits reports whether a holder of title held answers title want:
// the same role, or, when loose, a title with the same head word (الوزير
// for وزير الطاقة).
func roleFits(want, held title, loose bool) bool {
	if loose {
		return want.head == held.head
	}
	switch want.role {
	case "", titleHonorific, titleOccupation, titleKin:
		return false
	}
	return want.role == held.role
}

// resolveRole returns the person the article gives the title tt (of country,
// when not "") that is mentioned at token pos: the nearest holder before
// it, else the first after it, of the same role, or, when the title is
// bare, of the same title word; failing that, for a role with a country,
// the only person of that country named before it (or at all). It returns
// -1 when it cannot tell.
func (f *finder) resolveRole(tt title, country string, pos int, bare bool) int {
	f.buildHolders()
	// holders are in token order: the last fitting one before pos, else
	// the first after it; the same role first, then the same title word.
	best := -1
	// holders are in token order: look at those near pos only.
	at, _ := slices.BinarySearchFunc(f.holders, pos, func(h holder, pos int) int { return h.pos - pos })
	near := f.holders[max(0, at-holdersNear):min(len(f.holders), at+holdersNear)]
	for _, loose := range []bool{false, true} {
		if loose && !bare {
			break
		}
		for _, h := range near {
			if !roleFits(tt, h.title, loose) || country != "" && f.entCountry(h.entity) != country {
				continue
			}
			if h.pos < pos || best < 0 {
				best = h.entity
			}
			if h.pos >= pos {
				break
			}
		}
		if best >= 0 {
			return best
		}
	}
	if best >= 0 || country == "" {
		return best
	}
	before, anywhere := -1, -1
	nBefore, nAny := 0, 0
	for _, e := range f.countryPersons(country) {
		nAny++
		anywhere = e.entity
		if e.pos < pos {
			nBefore++
			before = e.entity
		}
	}
	switch {
	case nBefore == 1:
		return before
	case nAny == 1 && nBefore == 0:
		return anywhere
	}
	return -1
}

// personAt is a distinct person and the token of its first mention.
type personAt struct{ entity, pos int }

// countryPersons returns the first three distinct persons of country in
// the order the article names them (all countries are indexed in one pass,
// on first use).
func (f *finder) countryPersons(country string) []personAt {
	if f.byCountry == nil {
		f.byCountry = make(map[string][]personAt)
		for i := range f.toks {
			mi := f.toks[i].mStart
			if mi < 0 {
				continue
			}
			m := f.ments[mi]
			c := f.entCountry(m.Entity)
			if m.Kind != entities.PER || m.Entity < 0 || c == "" {
				continue
			}
			ps := f.byCountry[c]
			if len(ps) > 2 || slices.ContainsFunc(ps, func(p personAt) bool { return p.entity == m.Entity }) {
				continue // more than two cannot resolve anything
			}
			f.byCountry[c] = append(ps, personAt{m.Entity, i})
		}
	}
	return f.byCountry[country]
}

func (f *finder) entCountry(e int) string {
	if e >= 0 && e < len(f.ents) {
		return f.ents[e].Country
	}
	return ""
}

// roleBackward reads an English role phrase ending at its head word k:
// the Iranian president, Iran's foreign minister.
func (f *finder) roleBackward(k, lo int) (int, string) {
	start := k
	for j := k - 1; j >= lo && j >= k-4; j-- {
		t := f.toks[j]
		if t.kind != tWord && !(t.kind == tPunct && (t.r == '\'' || t.r == '’')) {
			break
		}
		if t.kind == tWord {
			if code := f.demonymAt(j); code != "" {
				start = j
				if j-1 >= lo && f.gram(j-1)&gModifier != 0 {
					start = j - 1
				}
				return start, code
			}
			if t.mEnd >= 0 && f.ments[t.mEnd].Kind == entities.LOC {
				if c := f.entCountry(f.ments[t.mEnd].Entity); c != "" {
					return j, c
				}
			}
			if !f.lx.is(t.key, gModifier) {
				break
			}
		}
		start = j
	}
	return start, ""
}

// personByLastWord returns the first person named outside quotations
// whose name's last word (a surname, or a one-word name) has key k, or
// -1.
func (f *finder) personByLastWord(k string) int32 {
	for _, e := range f.perEnds {
		if t := f.toks[e]; t.key == k && k != "" {
			return t.mEnd
		}
	}
	return -1
}

// quotedName returns the person whose name (or surname) is the whole text
// of the quotation at token qi, as the press writes a name in marks
// (وأكد «الملحم» أن …), or -1. Only short quotations are looked at.
func (f *finder) quotedName(qi int) int32 {
	q := f.raw[f.toks[qi].quote]
	if q.last-q.first >= namedMaxWords {
		return -1
	}
	mi := f.personByLastWord(f.a.Key(f.a.Tokens[q.last]))
	if mi < 0 {
		return -1
	}
	// The quotation's words are the last words of the name.
	end := f.mentionEndToken(mi)
	for k, n := q.last, end; k >= q.first; k, n = k-1, n-1 {
		t := f.a.Tokens[k]
		if t.Kind == article.Punct || n < 0 || f.toks[n].kind != tWord || f.toks[n].span.Start < f.ments[mi].Span.Start ||
			f.toks[n].key != f.a.Key(t) {
			return -1
		}
	}
	return mi
}

// quotedNewName reports whether the quotation at view token qi is the
// name of someone the recognizer missed, set in apposition to a role
// right after it (أكد "فلان الفلاني"، مدير الشؤون الإعلامية …): two to
// unknownNameMax words that no list of the lexicon knows, the first
// without the article, then a comma and a title.
func (f *finder) quotedNewName(qi, hi int) bool {
	q := f.raw[f.toks[qi].quote]
	if n := q.last - q.first + 1; n < 2 || n > unknownNameMax {
		return false
	}
	for k := q.first; k <= q.last; k++ {
		t := f.a.Tokens[k]
		key := f.a.Key(t)
		if t.Kind == article.Punct || !isArabicKey(key) || f.lx.grammar[key]&^gNaming != 0 ||
			f.lx.sources[key] != 0 || len(f.lx.titles[key]) > 0 || k == q.first && (f.lx.definite(key) || f.lx.grammar[key] != 0) {
			return false
		}
	}
	c := qi + 1
	if c+1 >= hi || f.toks[c].kind != tPunct || f.toks[c].r != '،' && f.toks[c].r != ',' || !f.isWord(c+1) {
		return false
	}
	tt, te, prep := f.titleAt(c+1, hi)
	return te >= 0 && !prep && !tt.honorific
}

// mentionEndToken returns the view token in which mention mi ends.
func (f *finder) mentionEndToken(mi int32) int {
	k := f.tokenAt(f.ments[mi].Span.End - 1)
	return min(k, len(f.toks)-1)
}

// surnameAt returns the person whose surname (or whole name) the word at
// token j is, when no mention covers it (وأضاف السالم after محمد
// السالم), or -1.
func (f *finder) surnameAt(j int) int32 {
	t := f.toks[j]
	if t.kind != tWord || t.mStart >= 0 || t.mEnd >= 0 || len(f.ments) == 0 {
		return -1
	}
	return f.personByLastWord(t.key)
}
