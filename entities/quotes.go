package entities

import (
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/quotes"
)

// FindQuotes returns the quotations of a, sorted by span, with their kind,
// speech cue and speaker. mentions and ents are the article's entity
// mentions and entities (as FindEntities returns them); speakers are
// linked to ents through them. Either may be nil, in which case speakers
// are named only by role or organisation phrases, or carried over.
//
// Quotations are text in "…", «…» (and the reversed »…« of right-to-left
// text typed with left-to-right marks), “…”, „…“, ‹…› and, when they are
// paired at word boundaries, '…' and ‘…’ (an apostrophe inside or after a
// word, as in Iran's or officials', never opens one); the span is the text
// inside the marks, trimmed of white space. The paragraphs searched are
// the title and a.Paragraphs (repeated paragraphs are left out with them),
// or the lines of a.Source when a has no paragraphs. A quotation stays
// within its paragraph unless the next paragraph opens with the same mark
// (one quotation over several paragraphs); an opening mark never closed is
// dropped, except after a colon, where the quotation runs to the end of its
// paragraph. Marks nested inside a quotation belong to its text: only
// outermost quotations are returned, and they never overlap.
//
// The speaker is the subject of the speech cue nearest before the
// quotation in its sentence (or right after it: "…," he said): a verb
// (قال، أضافت، يقول، said، گفت), a verbal noun (قوله، تصريحات), or a source
// phrase (بحسب، وفقا لـ، according to، به گفته). Arabic subjects are read after
// the verb, then right before it; English ones before it, then after an
// inverted verb; Persian ones at the start of the clause. A title with a
// nationality («الرئيس الإيراني») resolves to the person of that country the
// article names in that role. A cue with no subject (وأضاف:، he added)
// takes the speaker of the last cue that had one within two paragraphs,
// else the last person named; an unnamed source (مصادر، officials, من قبل
// منتقديه) gives no speaker.
//
// Kinds: Direct after a colon, at the start of a sentence, or right after
// its cue and speaker with no complementiser or preposition between;
// Partial for a phrase inside reported speech (after أن، بأن، بـ، that) or
// in running text; Term for a short quotation that is a name (جبهة
// «النصرة», a mention's text) or is not introduced as speech. Terms have
// no speaker and no cue. A role that the quick resolver cannot tie to one
// person for sure is resolved with ResolveRole.
//
// FindQuotes does not modify its arguments and is safe for concurrent use.
func FindQuotes(a *article.Article, mentions []Mention, ents []Entity) []Quote {
	return findQuotes(a, mentions, ents, false, nil)
}

// FindSpeech returns what FindQuotes returns and, in addition, reported
// speech without quotation marks as quotations of kind Indirect: the clause
// after a speech verb and its complementiser (قال إن…، أكد أنه…، said
// that…، گفت که…), up to the end of the sentence, a colon, or the next
// cue that starts a clause of its own (، مضيفا أن…). Its speaker and cue
// are found as for marked quotations. An Indirect quotation may contain
// marked ones (a partial quotation inside reported speech); the list is
// sorted by span start. English reported speech without "that" is not
// found.
//
// FindSpeech does not modify its arguments and is safe for concurrent use.
func FindSpeech(a *article.Article, mentions []Mention, ents []Entity) []Quote {
	return findQuotes(a, mentions, ents, true, nil)
}

// quoteBufs holds the conversion buffers of one findQuotes call, recycled
// through quoteBufPool: quotes.Find keeps nothing of its input after it
// returns.
type quoteBufs struct {
	paras []article.Span
	ments []quotes.Mention
	ents  []quotes.Entity
}

var quoteBufPool = sync.Pool{New: func() any { return new(quoteBufs) }}

// maxPooledQuoteBuf bounds the buffers a pooled quoteBufs keeps.
const maxPooledQuoteBuf = 1 << 12

// findQuotes is FindQuotes, and FindSpeech when indirect. rec is what
// DefaultRecognizer finds in a, when the caller has it already, or nil: it
// is then recognised once, and only if a role speaker needs the linker.
func findQuotes(a *article.Article, mentions []Mention, ents []Entity, indirect bool, rec *Recognized) []Quote {
	if a == nil || a.Source == "" {
		return nil
	}
	bufs := quoteBufPool.Get().(*quoteBufs)
	in := quotes.Input{Source: a.Source, Indirect: indirect}
	if len(a.Paragraphs) > 0 {
		in.Paragraphs = bufs.paras[:0]
		if !a.Title.Empty() {
			in.Paragraphs = append(in.Paragraphs, a.Title)
		}
		for _, p := range a.Paragraphs {
			in.Paragraphs = append(in.Paragraphs, p.Span)
		}
		bufs.paras = in.Paragraphs
	}
	if len(mentions) > 0 {
		in.Mentions = bufs.ments[:0]
		for _, m := range mentions {
			in.Mentions = append(in.Mentions, quotes.Mention{Span: m.Span, Kind: quotes.Kind(m.Kind), Entity: m.Entity})
		}
		bufs.ments = in.Mentions
	}
	if len(ents) > 0 {
		in.Entities = bufs.ents[:0]
		for _, e := range ents {
			in.Entities = append(in.Entities, quotes.Entity{Kind: quotes.Kind(e.Kind), Country: e.Country})
		}
		bufs.ents = in.Entities
	}
	found := quotes.Find(in)
	clear(bufs.ents) // drop the caller's strings
	if cap(bufs.paras) <= maxPooledQuoteBuf && cap(bufs.ments) <= maxPooledQuoteBuf && cap(bufs.ents) <= maxPooledQuoteBuf {
		quoteBufPool.Put(bufs)
	}
	if len(found) == 0 {
		return nil
	}
	out := make([]Quote, len(found))
	nsp := 0
	for _, q := range found {
		if q.Speaker != nil {
			nsp++
		}
	}
	speakers := make([]Speaker, nsp)
	for i, q := range found {
		out[i] = Quote{Span: q.Span, Kind: QuoteKind(q.Kind), Cue: q.Cue}
		sp := q.Speaker
		if sp == nil {
			continue
		}
		e := sp.Entity
		if sp.Role && (e < 0 || sp.Guess) && len(ents) > 0 {
			// A role the quick resolver could not tie to a person for sure:
			// ask the linker, which knows curated office holders (slower,
			// so only here). Its answer wins; the guess stays otherwise.
			if rec == nil {
				rec = recognizeDefault(a)
			}
			if r := rec.resolveRoleIn(ents, sp.Span); r >= 0 {
				e = r
			}
		}
		speakers[0] = Speaker{Span: sp.Span, Entity: e, Name: a.Text(sp.Span)}
		if e >= 0 && ents[e].Name != "" {
			speakers[0].Name = ents[e].Name
		}
		out[i].Speaker = &speakers[0]
		speakers = speakers[1:]
	}
	return out
}
