package gazetteer

import (
	"slices"
	"strings"

	"github.com/khabar-go/khabar/article"
)

// node is one step of the index: a trie over token keys. A node with a
// few children keeps their keys in a short list, one with many in a map
// (the root has tens of thousands): most nodes have none or one, and a
// map for each would triple the index's memory.
type node struct {
	edges     []edge           // the children, when next is nil
	next      map[string]*node // the children, when there are many
	recs      []int32          // records named by the path to here, best first
	demonym   int16            // 1 + index into Countries when the path is a nationality adjective
	title     int16            // 1 + index into titles when the path is a title
	nameLangs Langs            // languages of the names that end here
	demLangs  Langs            // languages of the adjectives that end here
}

// edge is a child of a node and its key.
type edge struct {
	key string
	n   *node
}

// maxList is the most children a node keeps in its list.
const maxList = 8

// child returns the child of n under key k, or nil.
func (n *node) child(k string) *node {
	if n.next != nil {
		return n.next[k]
	}
	for i := range n.edges {
		if n.edges[i].key == k {
			return n.edges[i].n
		}
	}
	return nil
}

// leaf reports whether n has no children.
func (n *node) leaf() bool { return n.next == nil && len(n.edges) == 0 }

func (n *node) insert(keys []string) *node {
	for _, k := range keys {
		c := n.child(k)
		if c == nil {
			c = &node{}
			switch {
			case n.next != nil:
				n.next[k] = c
			case len(n.edges) < maxList:
				n.edges = append(n.edges, edge{k, c})
			default:
				n.next = make(map[string]*node, 2*maxList)
				for _, e := range n.edges {
					n.next[e.key] = e.n
				}
				n.edges = nil
				n.next[k] = c
			}
		}
		n = c
	}
	return n
}

// better reports whether record a takes precedence over b for one name.
func (g *Gazetteer) better(a, b int32) bool {
	ra, rb := &g.Records[a], &g.Records[b]
	if ra.Source != rb.Source {
		return ra.Source < rb.Source
	}
	return ra.Population > rb.Population
}

func (n *node) addRecord(g *Gazetteer, r int32) {
	if slices.Contains(n.recs, r) {
		return
	}
	n.recs = append(n.recs, r)
	for i := len(n.recs) - 1; i > 0 && g.better(n.recs[i], n.recs[i-1]); i-- {
		n.recs[i], n.recs[i-1] = n.recs[i-1], n.recs[i]
	}
}

// Hit is one match of the index in an article: tokens [First, Last) of
// Article.Tokens, and their span with attached clitics left out.
type Hit struct {
	First, Last int
	Span        article.Span
	// Skip is the number of key bytes of clitics cut from the first
	// token: a.Key(a.Tokens[First])[Skip:] is the matched part.
	Skip int
}

// Len returns the number of tokens matched; 0 means no match.
func (h Hit) Len() int { return h.Last - h.First }

// NameHit is a match of a name.
type NameHit struct {
	Hit
	// Records are the records the name names, best first.
	Records []int32
	// Langs are the languages the name is listed in.
	Langs Langs
}

// TitleHit is a match of a title cue.
type TitleHit struct {
	Hit
	Title Title
}

// DemonymHit is a match of a nationality adjective.
type DemonymHit struct {
	Hit
	// Country is the ISO 3166-1 code.
	Country string
	// Langs are the languages the adjective is listed in.
	Langs Langs
}

// Matches are the longest matches of each sort starting at one token.
type Matches struct {
	Name    NameHit
	Title   TitleHit
	Demonym DemonymHit
}

// NameWins reports whether the name hit should be taken (over the
// adjective hit, if any) in text of language lang. A one-word Arabic-script
// name must be listed in lang when lang is Arabic or Persian. Otherwise the
// longer hit wins; of two of one length (روسية, the Arabic feminine of روسي
// and the key of Persian روسیه) the one listed in lang, and the name when
// both or neither are.
func (m Matches) NameWins(lang Langs) bool {
	switch {
	case m.Name.Len() == 0:
		return false
	case m.Name.Len() == 1 && lang&(Arabic|Persian) != 0 && m.Name.Langs&lang == 0 && m.Name.Langs&(Arabic|Persian) != 0:
		// One Arabic-script word listed only in the other language: وام
		// is WAM in Arabic and "loan" in Persian.
		return false
	case m.Name.Len() != m.Demonym.Len():
		return m.Name.Len() > m.Demonym.Len()
	case m.Demonym.Langs&lang != 0 && m.Name.Langs&lang == 0:
		return false
	}
	return true
}

// Matcher matches the index against an article's tokens. A Matcher holds
// scratch space: use one per goroutine.
type Matcher struct {
	g      *Gazetteer
	splits []article.Split
	buf    []byte
	// dead holds keys no reading of which begins an entry of the index:
	// most tokens of a text (في، قال) are such, and repeat.
	dead map[string]bool
}

// maxDead bounds Matcher.dead; it is emptied when full.
const maxDead = 1 << 15

// NewMatcher returns a Matcher over g.
func (g *Gazetteer) NewMatcher() *Matcher {
	return &Matcher{g: g, splits: make([]article.Split, 0, 8), buf: make([]byte, 0, 64)}
}

// At returns the longest name, title and nationality adjective that start
// at token i of a and end before token end. The first token may carry
// attached clitics (و ف ب ل ك, and ل before the article), which the hit's
// span leaves out; the article ال is part of a name and never split off,
// except for adjectives.
func (m *Matcher) At(a *article.Article, i, end int) Matches {
	var out Matches
	toks := a.Tokens
	if i >= end || toks[i].Kind != article.Word {
		return out
	}
	g := m.g
	first := toks[i]
	key := a.Key(first)
	if m.dead[key] {
		return out
	}
	lowerLatin := len(key) > 0 && key[0] < 0x80 && a.Source[first.Start] >= 'a' && a.Source[first.Start] <= 'z'
	m.splits = article.AppendSplits(m.splits[:0], key)
	live := false
	for _, root := range [...]*node{&g.root, g.extra} {
		if root == nil {
			continue
		}
		for _, sp := range m.splits {
			live = m.walk(a, root, sp, i, end, lowerLatin, &out) || live
		}
	}
	if !live {
		if m.dead == nil || len(m.dead) >= maxDead {
			m.dead = make(map[string]bool, 1024)
		}
		m.dead[strings.Clone(key)] = true
	}
	return out
}

// walk matches the trie under root from token i with the first token's
// split sp, and records the longest hits of each sort in out. A name of
// the same length that the extra records give joins the records there,
// first. It reports whether the split begins an entry of the index.
func (m *Matcher) walk(a *article.Article, root *node, sp article.Split, i, end int, lowerLatin bool, out *Matches) bool {
	g, toks := m.g, a.Tokens
	p := sp.Prefix
	article_ := strings.HasSuffix(p, "ال")
	lam := strings.HasSuffix(p, "لل")
	var n *node
	skip, cut := len(p), 0
	if lam {
		m.buf = append(append(m.buf[:0], "ال"...), sp.Stem...)
		n = root.child(string(m.buf))
		skip -= len("ل")
	} else {
		n = root.child(sp.Stem)
		if n == nil {
			// «Iran's»: an English possessive ends the name.
			if base, c := possessive(sp.Stem); c > 0 {
				n, cut = root.child(base), c
			}
		}
	}
	if n == nil {
		return false
	}
	for j := i + 1; ; j++ {
		l := j - i
		if n.recs != nil && !article_ && !lowerLatin {
			switch {
			case l > out.Name.Len():
				out.Name = NameHit{Hit: m.hit(a, i, j, skip, cut), Records: n.recs, Langs: n.nameLangs}
			case l == out.Name.Len() && root == g.extra && out.Name.Skip == skip:
				out.Name.Records = append(slices.Clip(n.recs), out.Name.Records...)
				out.Name.Langs |= n.nameLangs
			}
		}
		if n.title != 0 && !article_ && l > out.Title.Len() {
			out.Title = TitleHit{Hit: m.hit(a, i, j, skip, cut), Title: g.titles[n.title-1]}
		}
		if n.demonym != 0 && l > out.Demonym.Len() {
			out.Demonym = DemonymHit{Hit: m.hit(a, i, j, skip, cut), Country: g.Countries[n.demonym-1], Langs: n.demLangs}
		}
		if j >= end || n.leaf() || cut > 0 {
			break
		}
		key := a.Key(toks[j])
		next := n.child(key)
		if next == nil {
			if base, c := possessive(key); c > 0 {
				next, cut = n.child(base), c
			}
		}
		if n = next; n == nil {
			break
		}
	}
	return true
}

// possessive splits an English possessive key ("iran's", "putin’s") into
// its base and the byte length of the ending; the length is 0 for other
// keys.
func possessive(key string) (string, int) {
	for _, suf := range [...]string{"'s", "’s"} {
		if len(key) > len(suf)+1 && key[0] < 0x80 && strings.HasSuffix(key, suf) {
			return key[:len(key)-len(suf)], len(suf)
		}
	}
	return key, 0
}

func (m *Matcher) hit(a *article.Article, i, j, skip, cut int) Hit {
	s := article.Span{Start: a.Tokens[i].Start, End: a.Tokens[j-1].End - cut}
	if skip > 0 {
		s.Start = a.KeySpan(a.Tokens[i], skip).Start
	}
	return Hit{First: i, Last: j, Span: s, Skip: skip}
}

// LookupName returns the records named by the token keys, best first, or
// nil.
func (g *Gazetteer) LookupName(keys ...string) []int32 {
	base := lookup(&g.root, keys)
	if g.extra == nil {
		return base
	}
	if extra := lookup(g.extra, keys); extra != nil {
		return append(slices.Clip(extra), base...)
	}
	return base
}

// lookup returns the records of the name keys under root, or nil.
func lookup(root *node, keys []string) []int32 {
	n := root
	for _, k := range keys {
		n = n.child(k)
		if n == nil {
			return nil
		}
	}
	return n.recs
}

// Lookup returns the records whose name is name (normalised and split into
// tokens as article text is), best first, or nil.
func (g *Gazetteer) Lookup(name string) []int32 {
	return g.LookupName(nameKeys(nil, name)...)
}
