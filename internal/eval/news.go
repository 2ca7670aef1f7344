// Package eval scores khabar's output on annotated news articles: entities
// (entity and mention level, links), quotations with their speakers, and
// dates, following the conventions of the annotation guide the gold was
// written by. The gold holds spans and values only, never the articles'
// text: the articles are read from a folder the caller names.
package eval

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/khabar-go/khabar/article"
)

// Gold is the annotation of one article.
type Gold struct {
	File      string       `json:"file"`
	SHA256    string       `json:"sha256"`
	Published string       `json:"published"`
	Entities  []GoldEntity `json:"entities"`
	Quotes    []GoldQuote  `json:"quotes"`
	Dates     []GoldDate   `json:"dates"`
}

// GoldEntity is one annotated entity and its mentions.
type GoldEntity struct {
	ID       string         `json:"id"`
	Kind     string         `json:"kind"`
	Name     string         `json:"name"`
	Country  string         `json:"country"`
	Wikidata string         `json:"wikidata,omitempty"`
	Mentions []article.Span `json:"mentions"`
}

// GoldQuote is one annotated quotation.
type GoldQuote struct {
	Span     article.Span  `json:"span"`
	Kind     string        `json:"kind"`
	Implicit bool          `json:"implicit,omitempty"`
	Speakers []GoldSpeaker `json:"speakers,omitempty"`
}

// GoldSpeaker is an annotated speaker: an entity of the article, or a
// description as written.
type GoldSpeaker struct {
	Kind   string       `json:"kind"`
	Entity string       `json:"entity,omitempty"`
	Span   article.Span `json:"span,omitzero"`
}

// GoldDate is one annotated date mention.
type GoldDate struct {
	Span      article.Span `json:"span"`
	Value     string       `json:"value"`
	Precision string       `json:"precision"`
}

// Split names the articles of the development and held-out parts: a
// first round of annotation (Dev, Heldout) and a second (Dev2, Heldout2),
// annotated after the code had been fixed on Dev, so that Dev2 and
// Heldout2 measured the first round's fixes on news they had not seen.
type Split struct {
	Dev      []string `json:"dev"`
	Heldout  []string `json:"heldout"`
	Dev2     []string `json:"dev2"`
	Heldout2 []string `json:"heldout2"`
	// Dev3 is a third round, annotated after the second round of fixes.
	Dev3 []string `json:"dev3"`
	// Fresh is the rest of the corpus, annotated blind at the end, after
	// the last fix: a check that no part of the code was fitted to, scored
	// in aggregate like the held-out parts.
	Fresh []string `json:"fresh"`
}

// Part returns the files of a named part: "dev", "dev2", "heldout",
// "heldout2", "dev3", "devall" (dev, dev2 and dev3), "heldoutall" (heldout and
// heldout2) or "all"; ok is false for another name.
func (s Split) Part(name string) (files []string, ok bool) {
	switch name {
	case "dev":
		return s.Dev, true
	case "dev2":
		return s.Dev2, true
	case "dev3":
		return s.Dev3, true
	case "heldout":
		return s.Heldout, true
	case "heldout2":
		return s.Heldout2, true
	case "devall":
		return slices.Concat(s.Dev, s.Dev2, s.Dev3), true
	case "heldoutall":
		return slices.Concat(s.Heldout, s.Heldout2), true
	case "fresh":
		return s.Fresh, true
	case "unread":
		return slices.Concat(s.Heldout, s.Heldout2, s.Fresh), true
	case "all":
		return slices.Concat(s.Dev, s.Dev2, s.Dev3, s.Heldout, s.Heldout2, s.Fresh), true
	}
	return nil, false
}

// Shown reports whether a part's articles may be shown one by one (-v):
// the development parts only.
func Shown(part string) bool {
	return part == "dev" || part == "dev2" || part == "dev3" || part == "devall"
}

// LoadGold reads the gold of the named article files from dir (one
// NAME.json per article NAME.txt) and checks each against the article in
// news by its SHA-256, returning the article texts too.
func LoadGold(dir, news string, files []string) ([]Gold, []string, error) {
	var golds []Gold
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(f, ".txt")+".json"))
		if err != nil {
			return nil, nil, fmt.Errorf("eval: %w", err)
		}
		var g Gold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, nil, fmt.Errorf("eval: %s: %w", f, err)
		}
		src, err := os.ReadFile(filepath.Join(news, f))
		if err != nil {
			return nil, nil, fmt.Errorf("eval: %w", err)
		}
		sum := sha256.Sum256(src)
		if hex.EncodeToString(sum[:]) != g.SHA256 {
			return nil, nil, fmt.Errorf("eval: %s is not the article the gold was written for (SHA-256 differs)", f)
		}
		golds = append(golds, g)
		texts = append(texts, string(src))
	}
	return golds, texts, nil
}

// LoadSplit reads split.json from dir.
func LoadSplit(dir string) (Split, error) {
	var s Split
	b, err := os.ReadFile(filepath.Join(dir, "split.json"))
	if err != nil {
		return s, fmt.Errorf("eval: %w", err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("eval: split.json: %w", err)
	}
	return s, nil
}

// Output is the part of the command-line tool's JSON object that is
// scored. It reads both the current contract and the earlier one (a
// single "speaker" object per quote).
type Output struct {
	Entities []struct {
		Kind     string         `json:"kind"`
		Name     string         `json:"name"`
		Wikidata string         `json:"wikidata"`
		Mentions []article.Span `json:"mentions"`
	} `json:"entities"`
	Mentions []struct {
		Span   article.Span `json:"span"`
		Kind   string       `json:"kind"`
		Entity int          `json:"entity"`
	} `json:"mentions"`
	Quotes []struct {
		Span     article.Span `json:"span"`
		Kind     string       `json:"kind"`
		Speaker  *OutSpeaker  `json:"speaker"`
		Speakers []OutSpeaker `json:"speakers"`
	} `json:"quotes"`
	Dates []struct {
		Span  article.Span `json:"span"`
		Value string       `json:"value"`
	} `json:"dates"`
}

// OutSpeaker is a speaker as the tool writes it.
type OutSpeaker struct {
	Name   string        `json:"name"`
	Entity int           `json:"entity"`
	Span   *article.Span `json:"span"`
	Kind   string        `json:"kind"`
}

// Counts are the tallies of a score; Add sums them over articles.
type Counts struct {
	// Entities, entity level: gold, found (a system mention of the same
	// kind overlaps one of its mentions); system entities, correct (one of
	// its mentions overlaps a gold mention of the same kind).
	GoldEnt, FoundEnt, SysEnt, CorrectEnt int
	// Mentions with exact span and kind.
	GoldMent, SysMent, ExactMent int
	// Per kind, entity level: gold and found.
	KindGold, KindFound map[string]int
	// Links of gold entities with a Wikidata ID: right, wrong (another
	// ID), missing (none, or the entity not found).
	GoldLinks, RightLinks, WrongLinks int
	// Quotations: gold speech (direct and partial), found (a system
	// quotation overlaps), right speaker, system speech quotations,
	// matching a gold speech quotation; gold terms and terms given a
	// speaker.
	GoldSpeech, FoundSpeech, RightSpeaker, SysSpeech, CorrectSpeech int
	GoldTerms, TermsWithSpeaker                                     int
	// Dates: gold, found (overlapping span), right value (found with the
	// gold value), system dates, correct (overlapping a gold date).
	GoldDates, FoundDates, RightDates, SysDates, CorrectDates int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.GoldEnt += o.GoldEnt
	c.FoundEnt += o.FoundEnt
	c.SysEnt += o.SysEnt
	c.CorrectEnt += o.CorrectEnt
	c.GoldMent += o.GoldMent
	c.SysMent += o.SysMent
	c.ExactMent += o.ExactMent
	for k, v := range o.KindGold {
		if c.KindGold == nil {
			c.KindGold, c.KindFound = map[string]int{}, map[string]int{}
		}
		c.KindGold[k] += v
		c.KindFound[k] += o.KindFound[k]
	}
	c.GoldLinks += o.GoldLinks
	c.RightLinks += o.RightLinks
	c.WrongLinks += o.WrongLinks
	c.GoldSpeech += o.GoldSpeech
	c.FoundSpeech += o.FoundSpeech
	c.RightSpeaker += o.RightSpeaker
	c.SysSpeech += o.SysSpeech
	c.CorrectSpeech += o.CorrectSpeech
	c.GoldTerms += o.GoldTerms
	c.TermsWithSpeaker += o.TermsWithSpeaker
	c.GoldDates += o.GoldDates
	c.FoundDates += o.FoundDates
	c.RightDates += o.RightDates
	c.SysDates += o.SysDates
	c.CorrectDates += o.CorrectDates
}

// Miss is one error, for the development report.
type Miss struct {
	What string // "speaker", "quote", "date", "date value", "entity", "spurious entity", "link"
	Span article.Span
	Want string
	Got  string
}

// Score compares the tool's output on one article with its gold. text is
// the article, for the names and descriptions compared by key.
func Score(g Gold, text string, out Output) (Counts, []Miss) {
	var c Counts
	var misses []Miss
	key := func(s article.Span) string {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			return ""
		}
		return article.Key(text[s.Start:s.End])
	}
	overlap := func(a, b article.Span) bool { return a.Start < b.End && b.Start < a.End }

	// Entities.
	c.KindGold, c.KindFound = map[string]int{}, map[string]int{}
	goldByID := map[string]*GoldEntity{}
	for i := range g.Entities {
		goldByID[g.Entities[i].ID] = &g.Entities[i]
	}
	type gm struct {
		span article.Span
		kind string
	}
	var goldMents []gm
	for _, e := range g.Entities {
		for _, m := range e.Mentions {
			goldMents = append(goldMents, gm{m, e.Kind})
		}
	}
	c.GoldMent = len(goldMents)
	c.SysMent = len(out.Mentions)
	for _, m := range out.Mentions {
		if slices.Contains(goldMents, gm{m.Span, m.Kind}) {
			c.ExactMent++
		}
	}
	// sysEntity returns the system entity (index) of kind k with a mention
	// overlapping one of spans, or -1.
	sysEntity := func(k string, spans []article.Span) int {
		for _, m := range out.Mentions {
			if m.Kind != k {
				continue
			}
			for _, s := range spans {
				if overlap(m.Span, s) {
					return m.Entity
				}
			}
		}
		return -1
	}
	for _, e := range g.Entities {
		c.GoldEnt++
		c.KindGold[e.Kind]++
		found := false
		for _, m := range out.Mentions {
			if m.Kind == e.Kind && slices.ContainsFunc(e.Mentions, func(s article.Span) bool { return overlap(s, m.Span) }) {
				found = true
				break
			}
		}
		if found {
			c.FoundEnt++
			c.KindFound[e.Kind]++
		} else if len(e.Mentions) > 0 {
			misses = append(misses, Miss{What: "entity", Span: e.Mentions[0], Want: e.Kind + " " + e.Name})
		}
		if e.Wikidata != "" {
			c.GoldLinks++
			got := ""
			if si := sysEntity(e.Kind, e.Mentions); si >= 0 && si < len(out.Entities) {
				got = out.Entities[si].Wikidata
			}
			switch {
			case got == e.Wikidata:
				c.RightLinks++
			case got != "":
				c.WrongLinks++
				misses = append(misses, Miss{What: "link", Span: e.Mentions[0], Want: e.Wikidata + " " + e.Name, Got: got})
			}
		}
	}
	for _, se := range out.Entities {
		c.SysEnt++
		ok := false
		for _, s := range se.Mentions {
			if slices.ContainsFunc(goldMents, func(m gm) bool { return m.kind == se.Kind && overlap(m.span, s) }) {
				ok = true
				break
			}
		}
		if ok {
			c.CorrectEnt++
		} else if len(se.Mentions) > 0 {
			misses = append(misses, Miss{What: "spurious entity", Span: se.Mentions[0], Got: se.Kind + " " + se.Name})
		}
	}

	// Quotations.
	speakersOf := func(i int) []OutSpeaker {
		q := out.Quotes[i]
		if len(q.Speakers) > 0 {
			return q.Speakers
		}
		if q.Speaker != nil {
			return []OutSpeaker{*q.Speaker}
		}
		return nil
	}
	matchQuote := func(s article.Span) int {
		best, bestLen := -1, 0
		for i, q := range out.Quotes {
			if q.Kind == "indirect" || !overlap(q.Span, s) {
				continue
			}
			l := min(q.Span.End, s.End) - max(q.Span.Start, s.Start)
			if l > bestLen {
				best, bestLen = i, l
			}
		}
		return best
	}
	speakerRight := func(gs GoldSpeaker, os OutSpeaker) bool {
		var osSpan article.Span
		if os.Span != nil {
			osSpan = *os.Span
		}
		if gs.Entity != "" {
			e := goldByID[gs.Entity]
			if e == nil {
				return false
			}
			for _, m := range e.Mentions {
				if os.Span != nil && overlap(m, osSpan) {
					return true
				}
				if os.Entity >= 0 && os.Entity < len(out.Entities) && slices.ContainsFunc(out.Entities[os.Entity].Mentions, func(s article.Span) bool { return overlap(s, m) }) {
					return true
				}
				if os.Span != nil && key(m) != "" && key(m) == key(osSpan) {
					return true
				}
			}
			return e.Name != "" && strings.EqualFold(os.Name, e.Name)
		}
		if os.Span == nil {
			return false
		}
		return overlap(gs.Span, osSpan) || key(gs.Span) == key(osSpan)
	}
	describe := func(gs []GoldSpeaker) string {
		var parts []string
		for _, s := range gs {
			if s.Entity != "" && goldByID[s.Entity] != nil {
				parts = append(parts, s.Kind+" "+goldByID[s.Entity].Name)
			} else {
				parts = append(parts, s.Kind+" «"+text[s.Span.Start:s.Span.End]+"»")
			}
		}
		return strings.Join(parts, " + ")
	}
	goldSpeech := map[int]bool{} // system quotes matched to a gold speech quotation
	for _, q := range g.Quotes {
		i := matchQuote(q.Span)
		if q.Kind == "term" {
			c.GoldTerms++
			if i >= 0 && len(speakersOf(i)) > 0 {
				c.TermsWithSpeaker++
				misses = append(misses, Miss{What: "term with speaker", Span: q.Span, Got: speakersOf(i)[0].Name})
			}
			continue
		}
		c.GoldSpeech++
		if i < 0 {
			misses = append(misses, Miss{What: "quote", Span: q.Span, Want: q.Kind + ": " + describe(q.Speakers)})
			continue
		}
		c.FoundSpeech++
		goldSpeech[i] = true
		sys := speakersOf(i)
		right := len(q.Speakers) == 0 && len(sys) == 0
		if len(sys) > 0 {
			for _, gs := range q.Speakers {
				if speakerRight(gs, sys[0]) {
					right = true
				}
			}
		}
		if right {
			c.RightSpeaker++
		} else {
			got := "none"
			if len(sys) > 0 {
				got = sys[0].Kind + " " + sys[0].Name
			}
			misses = append(misses, Miss{What: "speaker", Span: q.Span, Want: describe(q.Speakers), Got: got})
		}
	}
	for i, q := range out.Quotes {
		if q.Kind != "direct" && q.Kind != "partial" {
			continue
		}
		c.SysSpeech++
		if goldSpeech[i] {
			c.CorrectSpeech++
		}
	}

	// Dates.
	c.GoldDates = len(g.Dates)
	c.SysDates = len(out.Dates)
	for _, d := range g.Dates {
		j := -1
		for i, o := range out.Dates {
			if overlap(o.Span, d.Span) {
				j = i
				if o.Value == d.Value {
					break
				}
			}
		}
		switch {
		case j < 0:
			misses = append(misses, Miss{What: "date", Span: d.Span, Want: d.Value})
		case out.Dates[j].Value == d.Value:
			c.FoundDates++
			c.RightDates++
		default:
			c.FoundDates++
			misses = append(misses, Miss{What: "date value", Span: d.Span, Want: d.Value, Got: out.Dates[j].Value})
		}
	}
	for _, o := range out.Dates {
		if slices.ContainsFunc(g.Dates, func(d GoldDate) bool { return overlap(o.Span, d.Span) }) {
			c.CorrectDates++
		} else {
			misses = append(misses, Miss{What: "spurious date", Span: o.Span, Got: o.Value})
		}
	}
	slices.SortStableFunc(misses, func(a, b Miss) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return c, misses
}

// Report writes the scores of c.
func (c Counts) Report() string {
	pct := func(a, b int) string {
		if b == 0 {
			return "  -  "
		}
		return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
	}
	f1 := func(p, pd, r, rd int) string {
		if pd == 0 || rd == 0 || p == 0 || r == 0 {
			return "  0.0"
		}
		P, R := float64(p)/float64(pd), float64(r)/float64(rd)
		return fmt.Sprintf("%5.1f", 200*P*R/(P+R))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "entities      F1 %s  R %s (%d/%d)  P %s (%d/%d)\n", f1(c.CorrectEnt, c.SysEnt, c.FoundEnt, c.GoldEnt),
		pct(c.FoundEnt, c.GoldEnt), c.FoundEnt, c.GoldEnt, pct(c.CorrectEnt, c.SysEnt), c.CorrectEnt, c.SysEnt)
	var kinds []string
	for k := range c.KindGold {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-4s found %s (%d/%d)\n", k, pct(c.KindFound[k], c.KindGold[k]), c.KindFound[k], c.KindGold[k])
	}
	fmt.Fprintf(&b, "mentions      F1 %s  R %s  P %s  (exact span and kind: %d of %d gold, %d system)\n",
		f1(c.ExactMent, c.SysMent, c.ExactMent, c.GoldMent), pct(c.ExactMent, c.GoldMent), pct(c.ExactMent, c.SysMent), c.ExactMent, c.GoldMent, c.SysMent)
	fmt.Fprintf(&b, "links         right %s (%d/%d)  wrong %d\n", pct(c.RightLinks, c.GoldLinks), c.RightLinks, c.GoldLinks, c.WrongLinks)
	fmt.Fprintf(&b, "quotations    found %s (%d/%d speech)  precision %s (%d/%d)  right speaker %s (%d/%d)  terms with a speaker %d/%d\n",
		pct(c.FoundSpeech, c.GoldSpeech), c.FoundSpeech, c.GoldSpeech, pct(c.CorrectSpeech, c.SysSpeech), c.CorrectSpeech, c.SysSpeech,
		pct(c.RightSpeaker, c.GoldSpeech), c.RightSpeaker, c.GoldSpeech, c.TermsWithSpeaker, c.GoldTerms)
	fmt.Fprintf(&b, "dates         right value %s (%d/%d)  found %s  precision %s (%d/%d)\n",
		pct(c.RightDates, c.GoldDates), c.RightDates, c.GoldDates, pct(c.FoundDates, c.GoldDates),
		pct(c.CorrectDates, c.SysDates), c.CorrectDates, c.SysDates)
	return b.String()
}
