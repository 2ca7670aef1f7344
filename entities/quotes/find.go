package quotes

import (
	"context"
	"fmt"
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// Finder finds the quotations of an article with their kind, speech cue
// and speakers. It is a step of an entities.Chain: it reads the mentions,
// entities and role cues found before it (from any recognizer, or the
// caller's own) to name speakers, and adds its quotations to them. The
// zero Finder finds marked quotations; a Finder is safe for concurrent use.
type Finder struct {
	// Speech adds reported speech without quotation marks, as quotations
	// of kind Indirect (see FindSpeech).
	Speech bool
}

// Extract returns in with the quotations of a added (those that overlap
// a quotation in already are left out). It fails only when a is nil or
// ctx is done.
func (f Finder) Extract(ctx context.Context, a *article.Article, in *entities.Result, _ entities.Options) (*entities.Result, error) {
	if a == nil {
		return nil, entities.ErrNilArticle
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	out := in.Clone()
	out.AddQuotes(findQuotes(a, in, f.Speech)...)
	return out, nil
}

// Find returns the quotations of a, sorted by span, with their kind,
// speech cue and speakers. res holds what is known of a's names (its
// mentions, entities and role cues, as a recognizer such as ner's finds
// them, or the caller's own); speakers are linked to res.Entities through
// them. res may be nil, in which case speakers are named only by role or
// organisation phrases, or carried over.
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
// nationality («الرئيس الإيراني») is the person res.Roles resolves it to.
// A cue with no subject (وأضاف:، he added) takes the speaker of the last
// cue that had one within two paragraphs, else the last person named; an
// unnamed source (مصادر، officials, من قبل منتقديه) gives no speaker.
//
// Kinds: Direct after a colon, at the start of a sentence, or right after
// its cue and speaker with no complementiser or preposition between;
// Partial for a phrase inside reported speech (after أن، بأن، بـ، that) or
// in running text; Term for a short quotation that is a name (جبهة
// «النصرة», a mention's text) or is not introduced as speech. Terms have
// no speaker and no cue.
//
// Find does not modify its arguments and is safe for concurrent use.
func Find(a *article.Article, res *entities.Result) []entities.Quote {
	return findQuotes(a, res, false)
}

// FindSpeech returns what Find returns and, in addition, reported
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
func FindSpeech(a *article.Article, res *entities.Result) []entities.Quote {
	return findQuotes(a, res, true)
}

// quoteBufs holds the paragraph buffer of one findQuotes call, recycled
// through quoteBufPool: find keeps nothing of its input after it returns.
type quoteBufs struct {
	paras []article.Span
}

var quoteBufPool = sync.Pool{New: func() any { return new(quoteBufs) }}

// maxPooledQuoteBuf bounds the buffers a pooled quoteBufs keeps.
const maxPooledQuoteBuf = 1 << 12

// findQuotes is Find, and FindSpeech when indirect.
func findQuotes(a *article.Article, res *entities.Result, indirect bool) []entities.Quote {
	if a == nil || a.Source == "" {
		return nil
	}
	if res == nil {
		res = &entities.Result{}
	}
	bufs := quoteBufPool.Get().(*quoteBufs)
	in := input{Source: a.Source, Indirect: indirect, Mentions: res.Mentions, Entities: res.Entities}
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
	got := find(in)
	if cap(bufs.paras) <= maxPooledQuoteBuf {
		quoteBufPool.Put(bufs)
	}
	if len(got) == 0 {
		return nil
	}
	out := make([]entities.Quote, len(got))
	for i, q := range got {
		out[i] = entities.Quote{Span: q.Span, Kind: q.Kind, Cue: q.Cue}
		sp := q.speaker
		if sp == nil {
			continue
		}
		e := sp.Entity
		if sp.Role {
			// A role («الرئيس الإيراني»): the person the recognizer resolved
			// it to wins over the engine's guess.
			for _, rc := range res.Roles {
				if rc.Span.Overlaps(sp.Span) && rc.Entity >= 0 && rc.Entity < len(res.Entities) {
					e = rc.Entity
					break
				}
			}
		}
		s := entities.Speaker{Kind: entities.Description, Span: sp.Span, Entity: e, Name: a.Text(sp.Span)}
		if sp.Role {
			s.Kind = entities.Person
		}
		if e >= 0 && e < len(res.Entities) {
			ent := res.Entities[e]
			if ent.Name != "" {
				s.Name = ent.Name
			}
			switch ent.Kind {
			case entities.PER:
				s.Kind = entities.Person
			default:
				s.Kind = entities.Organisation
			}
		}
		out[i].Speakers = []entities.Speaker{s}
	}
	return out
}
