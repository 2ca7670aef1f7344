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
// them. res may be nil, in which case speakers are named by the phrases
// the article uses (titles, organisations, descriptions), or carried
// over. An Article not made by article.Parse is parsed from its Source
// first (spans are the same).
//
// Quotations are text in "…", «…» (and the reversed »…« of right-to-left
// text typed with left-to-right marks), “…”, „…“, ‹…› and, when they are
// paired at word boundaries, '…' and ‘…’ (an apostrophe inside or after a
// word, as in Iran's or officials', never opens one); the span is the text
// inside the marks, from its first token to its last. The paragraphs
// searched are the title and a.Paragraphs (repeated paragraphs are left
// out with them). A quotation stays within its paragraph unless the next
// paragraph opens with the same mark (one quotation over several
// paragraphs); an opening mark never closed is dropped, except after a
// colon (or, for a mark other than a straight one, a speech verb: وأضاف
// «…), where the quotation runs to the end of its paragraph. Marks
// nested inside a quotation belong to its text (a straight " with a space
// before it and a word after it nests too): only outermost quotations
// are returned, and they never overlap.
//
// A speaker is whoever the article says spoke: the subject of the speech
// cue nearest before the quotation in its sentence (or right after it:
// "…," he said), a verb (قال، أضافت، يقول، said، گفت), a verbal noun (قوله،
// تصريحات) or an attribution (بحسب، نقلا عن، according to، به گفته). Arabic
// subjects are read after the verb (past an adverb or the one spoken to:
// قال لـ«عكاظ» مصدر), then right before it, then at the start of the
// sentence; English ones before the verb, then after an inverted one;
// Persian ones early in the clause. The speaker may be:
//
//   - a person: a name, or a role resolved to its holder — the name in
//     apposition (وزير الخارجية، فيصل بن فرحان), past the role's body and
//     place (مدير البرامج بفرع الوزارة بمنطقة مكة فلان), the person
//     res.Roles resolves it to, or the person the article gives that title
//     before or after (وأضاف الوزير; a title with words of its own only by
//     its office); a name the recognizer missed right after a role, a
//     surname alone (وأضاف السالم) or a name in marks after the verb
//     (وأكد «الملحم») is that person;
//   - an organisation: a name (وزارة الصحة في بيان), a bare noun that refers
//     back to one (الوزارة), or a place speaking as the verb's own subject
//     for its government (وقالت واشنطن); a place after a preposition (said
//     in Nairobi) never speaks;
//   - a group or a description, as written (شهود عيان، مصدر عسكري، أحد
//     السكان); a definite noun that repeats one (المصدر) is that one.
//
// Coordinated names (قال فلان وفلان) are all speakers. A cue with no subject
// (وأضاف:، he added; an honorific with a pronoun, وقال سموه; a time phrase
// after the verb, وأضاف الثلاثاء) continues the current speaker — the last
// one a cue named within two paragraphs — else the person its own
// sentence names, else the person last named; the agent of a passive
// (يوصف من قبل فلان) and a cue inside another's reported clause (أشار
// فلان إلى أن آخر ما قالته زوجته «…») speak for their own words only, and
// an unnamed agent (من قبل منتقديه) gives no speaker. An attribution right
// after a cue (مضيفا، بحسب ما ذكره موقع النادي) names the channel, not the
// speaker. A quotation with no cue in its sentence continues the current
// speaker, with Implicit set.
//
// Kinds: Direct after a colon, at the start of a sentence, as the verb's
// object (قال فلان «…»), or as a whole clause after a bare complementiser
// (أن «…»); Partial for the speaker's words inside reported speech, a
// characterisation (وصفها بـ«…»، بمثابة «…») or a passive; Term for a
// name, a title or a scare-quoted word: after a naming word (جبهة «النصرة»،
// بعنوان: «…»), a mention's text, a body inside a role phrase, a listed or
// coordinated name, one word far from its cue, or a short quotation not
// introduced as speech. Terms have no speaker and no cue.
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
