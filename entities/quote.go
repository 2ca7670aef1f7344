package entities

import (
	"fmt"

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
func (k QuoteKind) String() string {
	if int(k) < len(quoteKindNames) && quoteKindNames[k] != "" {
		return quoteKindNames[k]
	}
	return fmt.Sprintf("QuoteKind(%d)", uint8(k))
}

// MarshalText encodes the kind by its name.
func (k QuoteKind) MarshalText() ([]byte, error) {
	if int(k) >= len(quoteKindNames) || quoteKindNames[k] == "" {
		return nil, fmt.Errorf("entities: invalid quote kind %d", uint8(k))
	}
	return []byte(quoteKindNames[k]), nil
}

// UnmarshalText decodes a quote kind name, as MarshalText writes it.
func (k *QuoteKind) UnmarshalText(b []byte) error {
	for i, n := range quoteKindNames {
		if n != "" && n == string(b) {
			*k = QuoteKind(i)
			return nil
		}
	}
	return fmt.Errorf("entities: unknown quote kind %q", b)
}

// Quote is a quotation and who said it.
type Quote struct {
	// Span is the quoted text, inside the quotation marks. A quotation that
	// runs over several paragraphs is one Quote whose span covers them all.
	Span article.Span
	Kind QuoteKind
	// Speaker is who said it; nil when no speaker is known (always for Term).
	Speaker *Speaker
	// Cue is the speech cue (قال، أضاف، said…); empty when there is none.
	Cue article.Span
}

// Speaker is the person or body a quotation is attributed to.
type Speaker struct {
	// Span is the mention that names the speaker: near the cue, or, when the
	// cue has no named subject, the earlier mention the speaker carried over
	// from. It is empty when the speaker was never named in the text.
	Span article.Span
	// Entity is the index of the speaker's Entity in Result.Entities, or -1.
	Entity int
	// Name is the entity's canonical name when linked, else the mention text.
	Name string
}
