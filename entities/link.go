package entities

import (
	"slices"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
)

// cluster is an entity being built.
type cluster struct {
	rec      int32 // gazetteer record, or -1
	kind     Kind
	country  string
	keys     []string // token keys of all mentions
	mentions []int    // candidate indexes
}

// link clusters the candidates of one article into entities and links
// them to gazetteer records.
func (r *Recognizer) link(a *article.Article, cands []candidate, cues []cue) *Recognized {
	g := r.gaz
	// Country salience: which countries the article is about, to choose
	// between records that share a name (طرابلس in Libya or Lebanon).
	var salience map[string]int
	for i := range cands {
		if len(cands[i].recs) > 1 {
			salience = make(map[string]int)
			break
		}
	}
	if salience != nil {
		for _, c := range cands {
			if len(c.recs) == 1 {
				salience[g.Records[c.recs[0]].Country]++
			}
		}
		for _, c := range cues {
			salience[c.country]++
		}
	}

	var clusters []cluster
	byRec := make(map[int32]int)
	candCluster := make([]int, len(cands))
	for i := range cands {
		c := &cands[i]
		if c.recs == nil {
			continue
		}
		rec := c.recs[0]
		if len(c.recs) > 1 {
			best := salience[g.Records[rec].Country]
			for _, x := range c.recs[1:] {
				if g.Records[x].Kind == g.Records[rec].Kind && salience[g.Records[x].Country] > best {
					rec, best = x, salience[g.Records[x].Country]
				}
			}
		}
		k, ok := byRec[rec]
		if !ok {
			k = len(clusters)
			byRec[rec] = k
			clusters = append(clusters, cluster{rec: rec, kind: Kind(g.Records[rec].Kind)})
		}
		clusters[k].mentions = append(clusters[k].mentions, i)
		clusters[k].keys = appendKeys(clusters[k].keys, a, c)
		candCluster[i] = k
	}
	// Unlinked mentions join a cluster of their kind whose names hold all
	// their words (مادورو after نيكولاس مادورو), or one whose words they
	// hold, or start their own. Weak ones come last and only join.
	var keys []string
	for pass := range 2 {
		for i := range cands {
			c := &cands[i]
			if c.recs != nil || c.weak != (pass == 1) {
				continue
			}
			keys = appendKeys(keys[:0], a, c)
			k := -1
			for ci := range clusters {
				cl := &clusters[ci]
				if cl.kind != c.kind {
					continue
				}
				if subset(keys, cl.keys) || (cl.rec < 0 && c.kind == PER && subset(cl.keys, keys)) {
					k = ci
					break
				}
			}
			if k < 0 && c.weak {
				candCluster[i] = -1
				continue
			}
			if k < 0 {
				k = len(clusters)
				clusters = append(clusters, cluster{rec: -1, kind: c.kind})
			}
			cl := &clusters[k]
			cl.mentions = append(cl.mentions, i)
			cl.keys = appendKeys(cl.keys, a, c)
			if cl.country == "" {
				cl.country = c.country
			}
			candCluster[i] = k
		}
	}

	// Entities in order of first mention.
	order := make([]int, len(clusters))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		return cands[clusters[x].mentions[0]].span.Start - cands[clusters[y].mentions[0]].span.Start
	})
	index := make([]int, len(clusters))
	res := &Recognized{
		Mentions: make([]Mention, len(cands)),
		Entities: make([]Entity, len(clusters)),
	}
	for ei, ci := range order {
		index[ci] = ei
		cl := &clusters[ci]
		slices.Sort(cl.mentions)
		e := Entity{Kind: cl.kind, Country: cl.country, Mentions: make([]article.Span, len(cl.mentions))}
		longest := article.Span{}
		for j, m := range cl.mentions {
			e.Mentions[j] = cands[m].span
			if cands[m].span.Len() > longest.Len() {
				longest = cands[m].span
			}
		}
		if cl.rec >= 0 {
			rec := &g.Records[cl.rec]
			e.Name, e.Country, e.Wikidata, e.ID = rec.Name, rec.Country, rec.Wikidata, rec.ID
			if rec.HasCoord {
				e.Coord = &Coord{Lat: rec.Lat, Lon: rec.Lon}
			}
		} else {
			e.Name = a.Text(longest)
		}
		res.Entities[ei] = e
	}
	byFirst := make(map[int]int, len(cands))
	lastOf := make([]int, 0, len(cands)) // mention index → end token
	res.Mentions = res.Mentions[:0]
	for i, c := range cands {
		if candCluster[i] < 0 {
			continue
		}
		byFirst[c.first] = len(res.Mentions)
		lastOf = append(lastOf, c.last)
		res.Mentions = append(res.Mentions, Mention{Span: c.span, Kind: clusters[candCluster[i]].kind, Entity: index[candCluster[i]]})
	}
	for _, c := range cues {
		rc := RoleCue{Span: c.span, Role: c.title.Role, Country: c.country, Plural: c.title.Plural, Entity: -1}
		m, ok := byFirst[c.next]
		if !ok || res.Mentions[m].Kind != PER {
			res.Roles = append(res.Roles, rc)
			continue
		}
		rc.Entity = res.Mentions[m].Entity
		res.Roles = append(res.Roles, rc)
		if c.title.Plural {
			// «الرئيسين ألكسندر لوكاشينكو ومسعود بزشكيان»: the next
			// person right after the first is introduced too.
			if n, ok := byFirst[lastOf[m]]; ok && res.Mentions[n].Kind == PER {
				rc.Entity = res.Mentions[n].Entity
				res.Roles = append(res.Roles, rc)
			}
		}
	}
	return res
}

// appendKeys appends the keys of the tokens of c, without the clitics of
// its first token.
func appendKeys(dst []string, a *article.Article, c *candidate) []string {
	for t := c.first; t < c.last; t++ {
		k := a.Key(a.Tokens[t])
		if t == c.first && c.skip <= len(k) {
			k = k[c.skip:]
		}
		dst = append(dst, k)
	}
	return dst
}

// subset reports whether every key of small is in big.
func subset(small, big []string) bool {
	if len(small) == 0 {
		return false
	}
	for _, k := range small {
		if !slices.Contains(big, k) {
			return false
		}
	}
	return true
}

// ResolveRole returns the index in res.Entities of the person that the
// role cue at span cue refers to, or -1. A cue that introduces a name
// («الرئيس الروسي فلاديمير بوتين») refers to that person. A bare cue
// («الرئيس الإيراني») refers to the person of that country that the
// article introduces with the same title, or failing that to the person
// whose curated role and country fit, nearest before the cue.
func (res *Recognized) ResolveRole(cue article.Span) int {
	g, err := gazetteer.Default()
	if err != nil {
		return -1
	}
	return resolveRole(g, res.Entities, res.Roles, cue)
}

// ResolveRole returns the index in ents of the person that the role cue
// at span cue («الرئيس الإيراني», a speaker with no name) refers to, or -1;
// see Recognized.ResolveRole. ents are the entities FindEntities (or an
// Extractor built on it) returned for a: they are matched to the
// recognised ones by their mention spans.
func ResolveRole(a *article.Article, ents []Entity, cue article.Span) int {
	return recognizeDefault(a).resolveRoleIn(ents, cue)
}

// recognizeDefault runs DefaultRecognizer on a; it returns an empty
// Recognized when the embedded data cannot be loaded.
func recognizeDefault(a *article.Article) *Recognized {
	r, err := DefaultRecognizer()
	if err != nil {
		return &Recognized{}
	}
	return r.Recognize(a)
}

// resolveRoleIn resolves cue as res.ResolveRole does and returns the index
// of the entity of ents that shares a mention span with the one found, or
// -1.
func (res *Recognized) resolveRoleIn(ents []Entity, cue article.Span) int {
	i := res.ResolveRole(cue)
	if i < 0 {
		return -1
	}
	for j, e := range ents {
		for _, sp := range e.Mentions {
			if slices.Contains(res.Entities[i].Mentions, sp) {
				return j
			}
		}
	}
	return -1
}

func resolveRole(g *gazetteer.Gazetteer, ents []Entity, roles []RoleCue, cue article.Span) int {
	at := -1
	for i, rc := range roles {
		if rc.Span.Overlaps(cue) || rc.Span == cue {
			at = i
			break
		}
	}
	if at < 0 {
		return -1
	}
	rc := roles[at]
	if rc.Entity >= 0 && !rc.Plural {
		return rc.Entity
	}
	score := make([]int, len(ents))
	for ei, e := range ents {
		if e.Kind != PER || (rc.Country != "" && e.Country != rc.Country) {
			continue
		}
		if e.Linked() {
			if rec, ok := g.Record(e.ID); ok && gazetteer.RoleFits(rc.Role, rec.Roles) {
				score[ei] = 2
			}
		}
	}
	for _, o := range roles {
		if o.Entity < 0 || o.Role != rc.Role || ents[o.Entity].Kind != PER {
			continue
		}
		if rc.Country != "" && ents[o.Entity].Country != rc.Country {
			continue
		}
		if o.Plural || (rc.Country != "" && o.Country == "") {
			score[o.Entity] = max(score[o.Entity], 1)
		} else {
			score[o.Entity] = 3
		}
		if rc.Country == "" && o.Country != "" {
			score[o.Entity] = min(score[o.Entity], 1)
		}
	}
	best, bestScore, bestPos := -1, 0, -1
	for ei, sc := range score {
		if sc == 0 {
			continue
		}
		// The nearest mention before the cue, else the first one.
		pos := -1
		for _, sp := range ents[ei].Mentions {
			if sp.Start < cue.Start {
				pos = sp.Start
			}
		}
		if sc > bestScore || (sc == bestScore && pos > bestPos) {
			best, bestScore, bestPos = ei, sc, pos
		}
	}
	return best
}
