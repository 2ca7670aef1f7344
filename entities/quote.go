package entities

import (
	"github.com/khabar-go/khabar/article"
)

// QuoteKind says what a quotation is.
type QuoteKind uint8

// Quote kinds.
const (
	// Direct is a statement quoted in full.
	Direct QuoteKind = iota + 1
	// Partial is a phrase quoted inside reported speech.
	Partial
	// Term is a name or coined phrase in quotation marks; it is not speech
	// and has no speaker.
	Term
	// Indirect is reported speech without quotation marks (قال إن…).
	Indirect
)

var quoteKindNames = [...]string{Direct: "direct", Partial: "partial", Term: "term", Indirect: "indirect"}

// String returns "direct", "partial", "term" or "indirect".
func (k QuoteKind) String() string { return enumString(quoteKindNames[:], uint8(k), "QuoteKind") }

// MarshalText encodes the kind by its name.
func (k QuoteKind) MarshalText() ([]byte, error) {
	return enumMarshal(quoteKindNames[:], uint8(k), "quote kind")
}

// UnmarshalText decodes a quote kind name, as MarshalText writes it.
func (k *QuoteKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(quoteKindNames[:], (*uint8)(k), b, "quote kind")
}

// Quote is a quotation and who said it.
type Quote struct {
	// Span is the quoted text, inside the quotation marks. A quotation that
	// runs over several paragraphs is one Quote whose span covers them all.
	Span article.Span `json:"span"`
	Kind QuoteKind    `json:"kind"`
	// Speakers are who said it, the main one first; empty when the article
	// does not tell (always for Term). Several speakers («قال فلان وفلان»)
	// are all listed.
	Speakers []Speaker `json:"speakers"`
	// Cue is the speech cue (قال، أضاف، said…); empty when there is none.
	Cue article.Span `json:"cue,omitzero"`
	// Implicit is true when the quotation's own sentence holds no speech
	// cue and the speaker carries over from an earlier one.
	Implicit bool `json:"implicit,omitempty"`
}

// Speaker returns the main speaker of q, or nil when it has none.
func (q *Quote) Speaker() *Speaker {
	if len(q.Speakers) == 0 {
		return nil
	}
	return &q.Speakers[0]
}

// SpeakerKind says what kind of speaker a quotation has.
type SpeakerKind uint8

// Speaker kinds.
const (
	// Person is a named person, or a role that the article resolves to one.
	Person SpeakerKind = iota + 1
	// Organisation is a body speaking as one: a ministry in a statement, a
	// party, an army, a government named by its capital.
	Organisation
	// Group is several people not named one by one (شهود عيان، residents).
	Group
	// Description is a speaker the article describes without a name
	// (مصدر عسكري، باحث يمني في شؤون الجماعات المتطرفة).
	Description
)

var speakerKindNames = [...]string{Person: "person", Organisation: "organisation", Group: "group", Description: "description"}

// String returns "person", "organisation", "group" or "description".
func (k SpeakerKind) String() string { return enumString(speakerKindNames[:], uint8(k), "SpeakerKind") }

// MarshalText encodes the kind by its name.
func (k SpeakerKind) MarshalText() ([]byte, error) {
	return enumMarshal(speakerKindNames[:], uint8(k), "speaker kind")
}

// UnmarshalText decodes a speaker kind name, as MarshalText writes it.
func (k *SpeakerKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(speakerKindNames[:], (*uint8)(k), b, "speaker kind")
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	Kind SpeakerKind `json:"kind"`
	// Span is the name or noun phrase as written: the mention near the
	// cue, or, when the cue names no one, the earlier mention the speaker
	// carried over from. It is empty when the speaker is never written
	// out (a speaker known only from a record).
	Span article.Span `json:"span,omitzero"`
	// Entity is the index of the speaker's Entity in Result.Entities, or -1.
	Entity int `json:"entity"`
	// Name is the entity's canonical name when it is linked, and otherwise
	// the text at Span.
	Name string `json:"name"`
}
