package ner

import (
	"slices"
	"strings"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
)

// cluster is an entity being built.
type cluster struct {
	rec      int32 // gazetteer record, or -1
	kind     entities.Kind
	country  string
	keys     []string // the distinct token keys of its mentions
	mentions []int    // candidate indexes
}

// clusterIndex finds clusters by the keys of their names, so that
// clustering an article costs what its names share, not clusters times
// mentions.
type clusterIndex struct {
	clusters []cluster
	has      []map[string]bool
	// byKey lists, per kind and key, the clusters holding the key, in
	// order of creation.
	byKey map[kindKey][]int
	// bySet lists, per kind and key set (sorted keys joined by a tab), the
	// unlinked clusters that had exactly that set, in order of creation;
	// sig holds each cluster's current set, so stale entries are skipped.
	bySet map[kindKey][]int
	sig   []string
}

type kindKey struct {
	kind entities.Kind
	key  string
}

func newClusterIndex() *clusterIndex {
	return &clusterIndex{byKey: map[kindKey][]int{}, bySet: map[kindKey][]int{}}
}

// add adds the keys of c to cluster k.
func (x *clusterIndex) add(k int, a *article.Article, c *candidate, buf []string) []string {
	buf = appendKeys(buf[:0], a, c)
	cl := &x.clusters[k]
	changed := false
	for _, key := range buf {
		if x.has[k][key] {
			continue
		}
		x.has[k][key] = true
		cl.keys = append(cl.keys, key)
		x.byKey[kindKey{cl.kind, key}] = append(x.byKey[kindKey{cl.kind, key}], k)
		changed = true
	}
	if changed && cl.rec < 0 {
		x.sig[k] = setKey(cl.keys)
		x.bySet[kindKey{cl.kind, x.sig[k]}] = append(x.bySet[kindKey{cl.kind, x.sig[k]}], k)
	}
	return buf
}

// setKey returns the distinct keys sorted and joined by a tab.
func setKey(keys []string) string {
	s := slices.Clone(keys)
	slices.Sort(s)
	return strings.Join(slices.Compact(s), "\t")
}

// newCluster appends a cluster and returns its index.
func (x *clusterIndex) newCluster(cl cluster) int {
	x.clusters = append(x.clusters, cl)
	x.has = append(x.has, map[string]bool{})
	x.sig = append(x.sig, "")
	return len(x.clusters) - 1
}

// subset reports whether every key of keys is in cluster k.
func (x *clusterIndex) subset(keys []string, k int) bool {
	if len(keys) == 0 {
		return false
	}
	for _, key := range keys {
		if !x.has[k][key] {
			return false
		}
	}
	return true
}

// maxJoinKeys bounds the distinct words of a name whose subsets are looked
// up as the word sets of earlier person clusters.
const maxJoinKeys = 6

// join returns the first cluster, in order of creation, that an unlinked
// candidate of kind kind with keys joins: one of its kind whose names hold
// all its words, or, for a person, an unlinked one whose words it holds;
// -1 if none.
func (x *clusterIndex) join(kind entities.Kind, keys []string) int {
	if len(keys) == 0 {
		return -1
	}
	best := -1
	// A cluster holding all the words holds the rarest: walk its list
	// to the first that holds the rest.
	rare := x.byKey[kindKey{kind, keys[0]}]
	for _, key := range keys[1:] {
		if l := x.byKey[kindKey{kind, key}]; len(l) < len(rare) {
			rare = l
		}
	}
	for _, k := range rare {
		if x.subset(keys, k) {
			best = k
			break
		}
	}
	// A person cluster whose words the name holds has a word set that is
	// a subset of the name's.
	if kind == entities.PER {
		distinct := slices.Compact(slices.Sorted(slices.Values(keys)))
		if len(distinct) <= maxJoinKeys {
			for mask := 1; mask < 1<<len(distinct); mask++ {
				var sub []string
				for i, key := range distinct {
					if mask&(1<<i) != 0 {
						sub = append(sub, key)
					}
				}
				sig := strings.Join(sub, "\t")
				for _, k := range x.bySet[kindKey{kind, sig}] {
					if best >= 0 && k >= best {
						break
					}
					if x.sig[k] == sig && x.clusters[k].rec < 0 {
						best = k
						break
					}
				}
			}
		}
	}
	return best
}

// link clusters the candidates of one article into entities and links
// them to gazetteer records.
func (r *Recognizer) link(a *article.Article, cands []candidate, cues []cue) *entities.Result {
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
			if len(c.recs) == 1 || len(c.recs) > 0 && g.Records[c.recs[0]].Source == gazetteer.Country && !ambiguousPlace(g, c.recs, nil) {
				// One record, or a country's name that a small town
				// abroad shares (لبنان is Lebanon, and Lebanon,
				// Pennsylvania); not عمان, Oman and Amman.
				salience[g.Records[c.recs[0]].Country]++
			}
		}
		for _, c := range cues {
			salience[c.country]++
		}
	}

	x := newClusterIndex()
	var kbuf []string
	byRec := make(map[int32]int)
	candCluster := make([]int, len(cands))
	for i := range cands {
		c := &cands[i]
		if c.recs != nil && ambiguousPlace(g, c.recs, salience) {
			// عمان is Oman and Amman: with neither country named, the
			// mention stays a place without a link.
			c.recs = nil
		}
		if c.recs == nil {
			continue
		}
		rec := preferRecord(g, c.recs, func(cc string) int { return salience[cc] })
		k, ok := byRec[rec]
		if !ok {
			k = x.newCluster(cluster{rec: rec, kind: entities.Kind(g.Records[rec].Kind)})
			byRec[rec] = k
		}
		x.clusters[k].mentions = append(x.clusters[k].mentions, i)
		kbuf = x.add(k, a, c, kbuf)
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
			k := x.join(c.kind, keys)
			if k < 0 && c.weak {
				candCluster[i] = -1
				continue
			}
			if k < 0 {
				k = x.newCluster(cluster{rec: -1, kind: c.kind})
			}
			cl := &x.clusters[k]
			cl.mentions = append(cl.mentions, i)
			kbuf = x.add(k, a, c, kbuf)
			if cl.country == "" {
				cl.country = c.country
			}
			candCluster[i] = k
		}
	}
	clusters := x.clusters

	// Entities in order of first mention.
	order := make([]int, len(clusters))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		return cands[clusters[x].mentions[0]].span.Start - cands[clusters[y].mentions[0]].span.Start
	})
	index := make([]int, len(clusters))
	res := &entities.Result{
		Mentions: make([]entities.Mention, len(cands)),
		Entities: make([]entities.Entity, len(clusters)),
	}
	for ei, ci := range order {
		index[ci] = ei
		cl := &clusters[ci]
		slices.Sort(cl.mentions)
		e := entities.Entity{Kind: cl.kind, Country: cl.country, Mentions: make([]article.Span, len(cl.mentions))}
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
				e.Coord = &entities.Coord{Lat: rec.Lat, Lon: rec.Lon}
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
		res.Mentions = append(res.Mentions, entities.Mention{Span: c.span, Kind: clusters[candCluster[i]].kind, Entity: index[candCluster[i]]})
	}
	for _, c := range cues {
		rc := entities.RoleCue{Span: c.span, Role: c.title.Role, Country: c.country, Plural: c.title.Plural, Entity: -1}
		m, ok := byFirst[c.next]
		if !ok || res.Mentions[m].Kind != entities.PER {
			res.Roles = append(res.Roles, rc)
			continue
		}
		rc.Entity = res.Mentions[m].Entity
		res.Roles = append(res.Roles, rc)
		if c.title.Plural {
			// «الرئيسين ألكسندر لوكاشينكو ومسعود بزشكيان»: the next
			// person right after the first is introduced too.
			if n, ok := byFirst[lastOf[m]]; ok && res.Mentions[n].Kind == entities.PER {
				rc.Entity = res.Mentions[n].Entity
				res.Roles = append(res.Roles, rc)
			}
		}
	}
	resolveRoles(g, res)
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

// ResolveRole returns the index in res.Entities of the person that the
// role cue at span cue refers to, or -1: the Entity of the RoleCue of
// res.Roles that overlaps cue. See Recognizer.Recognize for how roles are
// resolved.
func ResolveRole(res *entities.Result, cue article.Span) int {
	for _, rc := range res.Roles {
		if rc.Span.Overlaps(cue) || rc.Span == cue {
			return rc.Entity
		}
	}
	return -1
}

// Role resolution looks at the persons and roles near a cue only, so that
// its cost grows linearly with the article: those mentioned up to
// roleBefore bytes before the cue or roleAfter bytes after it (a news
// article is a few kilobytes).
const (
	roleBefore = 16 << 10
	roleAfter  = 4 << 10
)

// resolveRoles sets the Entity of each role cue that introduces no name:
// the person of the cue's country that the article introduces with the
// same title, or failing that the person whose curated role and country
// fit, nearest before the cue. A cue that introduces a name keeps it; a
// plural cue that introduces none («رئيسا البلدين») stays unresolved.
func resolveRoles(g *gazetteer.Gazetteer, res *entities.Result) {
	orig := make([]int, len(res.Roles))
	for i, rc := range res.Roles {
		orig[i] = rc.Entity
	}
	lo, hi := 0, 0 // res.Mentions[lo:hi] is the window
	rlo, rhi := 0, 0
	score := make(map[int]int)
	pos := make(map[int]int)
	var cands []int
	for ci := range res.Roles {
		rc := &res.Roles[ci]
		if orig[ci] >= 0 || rc.Plural {
			continue
		}
		from, to := rc.Span.Start-roleBefore, rc.Span.End+roleAfter
		for lo < len(res.Mentions) && res.Mentions[lo].Span.Start < from {
			lo++
		}
		hi = max(hi, lo)
		for hi < len(res.Mentions) && res.Mentions[hi].Span.Start < to {
			hi++
		}
		for rlo < len(res.Roles) && res.Roles[rlo].Span.Start < from {
			rlo++
		}
		rhi = max(rhi, rlo)
		for rhi < len(res.Roles) && res.Roles[rhi].Span.Start < to {
			rhi++
		}
		clear(score)
		clear(pos)
		for _, m := range res.Mentions[lo:hi] {
			if m.Entity < 0 {
				continue
			}
			e := &res.Entities[m.Entity]
			if e.Kind != entities.PER || (rc.Country != "" && e.Country != rc.Country) {
				continue
			}
			if _, seen := pos[m.Entity]; !seen {
				pos[m.Entity] = -1
			}
			if m.Span.Start < rc.Span.Start {
				pos[m.Entity] = m.Span.Start
			}
			if e.Linked() && score[m.Entity] == 0 {
				if rec, ok := g.Record(e.ID); ok && gazetteer.RoleFits(rc.Role, rec.Roles) {
					score[m.Entity] = 2
				}
			}
		}
		for oi := rlo; oi < rhi; oi++ {
			o, oe := res.Roles[oi], orig[oi]
			if oe < 0 || o.Role != rc.Role || res.Entities[oe].Kind != entities.PER {
				continue
			}
			if rc.Country != "" && res.Entities[oe].Country != rc.Country {
				continue
			}
			if o.Plural || (rc.Country != "" && o.Country == "") {
				score[oe] = max(score[oe], 1)
			} else {
				score[oe] = 3
			}
			if rc.Country == "" && o.Country != "" {
				score[oe] = min(score[oe], 1)
			}
			if _, seen := pos[oe]; !seen {
				pos[oe] = -1
			}
		}
		// The best score wins; between equals, the one mentioned nearest
		// before the cue, then the first entity.
		cands = cands[:0]
		for e, sc := range score {
			if sc > 0 {
				cands = append(cands, e)
			}
		}
		slices.Sort(cands)
		best, bestScore, bestPos := -1, 0, -1
		for _, e := range cands {
			if sc, p := score[e], pos[e]; sc > bestScore || (sc == bestScore && p > bestPos) {
				best, bestScore, bestPos = e, sc, p
			}
		}
		rc.Entity = best
	}
}

// preferRecord returns the record of recs (best first) whose country
// scores highest, of the first record's kind; the first record on a tie.
// A capital or a city of a million gives way only to a place of 100,000
// people or more (Tripoli in Lebanon for an article about Lebanon, not
// Moscow, Idaho, for one that names the United States).
func preferRecord(g *gazetteer.Gazetteer, recs []int32, score func(string) int) int32 {
	rec := recs[0]
	first := &g.Records[rec]
	big := first.HasRole("capital") || first.Population >= 1000000
	best := score(first.Country)
	for _, x := range recs[1:] {
		o := &g.Records[x]
		if o.Kind != first.Kind || big && o.Population < 100000 && o.Source != gazetteer.Country {
			continue
		}
		if v := score(o.Country); v > best {
			rec, best = x, v
		}
	}
	return rec
}

// ambiguousPlace reports whether recs name two places of different
// countries that are each a country, a capital or a city of a million
// (عمان: Oman and Amman), and the article names neither's country more.
func ambiguousPlace(g *gazetteer.Gazetteer, recs []int32, salience map[string]int) bool {
	big := func(r *gazetteer.Record) bool {
		return r.Kind == gazetteer.LOC && (r.Source == gazetteer.Country || r.HasRole("capital") || r.Population >= 1000000)
	}
	var first *gazetteer.Record
	for _, x := range recs {
		r := &g.Records[x]
		if !big(r) {
			continue
		}
		switch {
		case first == nil:
			first = r
		case r.Country != first.Country && salience[r.Country] == salience[first.Country]:
			return true
		}
	}
	return false
}
