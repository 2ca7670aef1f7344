package quotes

import (
	"context"
	"fmt"

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
	qs, err := findQuotes(ctx, a, in, f.Speech)
	if err != nil {
		return nil, err
	}
	out := in.Clone()
	out.AddQuotes(qs...)
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
	qs, _ := findQuotes(context.Background(), a, res, false)
	return qs
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
	qs, _ := findQuotes(context.Background(), a, res, true)
	return qs
}

// findQuotes is Find, and FindSpeech when indirect.
func findQuotes(ctx context.Context, a *article.Article, res *entities.Result, indirect bool) ([]entities.Quote, error) {
	if a == nil || a.Source == "" {
		return nil, nil
	}
	if len(a.Tokens) == 0 {
		// An Article not made by Parse: parse its text; spans are the same.
		p, err := article.Parse(a.Source)
		if err != nil {
			return nil, nil
		}
		a = p
	}
	if res == nil {
		res = &entities.Result{}
	}
	got, err := find(ctx, a, res, indirect)
	if err != nil || len(got) == 0 {
		return nil, err
	}
	out := make([]entities.Quote, len(got))
	for i, q := range got {
		out[i] = entities.Quote{Span: q.Span, Kind: q.Kind, Cue: q.Cue, Implicit: q.Implicit}
		for sp := q.speaker; sp != nil; sp = sp.next {
			out[i].Speakers = append(out[i].Speakers, publicSpeaker(a, res, sp))
		}
	}
	return out, nil
}

// publicSpeaker converts sp to an entities.Speaker named by its entity,
// else by the text at its span.
func publicSpeaker(a *article.Article, res *entities.Result, sp *speaker) entities.Speaker {
	s := entities.Speaker{Kind: sp.kind, Span: sp.span, Entity: -1, Name: a.Text(sp.span)}
	if e := sp.entity; e >= 0 && e < len(res.Entities) {
		s.Entity = e
		if n := res.Entities[e].Name; n != "" {
			s.Name = n
		}
	}
	return s
}
