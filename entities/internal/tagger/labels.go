package tagger

import "fmt"

// Kind is the type of a named entity as the tagger sees it. Its values are
// the same as those of entities.Kind: PER 1, LOC 2, ORG 3, MISC 4.
type Kind uint8

// Entity kinds.
const (
	PER  Kind = iota + 1 // a person
	LOC                  // a place
	ORG                  // an organisation
	MISC                 // another name
)

// NumKinds is one more than the largest Kind.
const NumKinds = 5

var kindNames = [...]string{PER: "PER", LOC: "LOC", ORG: "ORG", MISC: "MISC"}

// String returns "PER", "LOC", "ORG" or "MISC".
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Label is a BIO tag: O, or the beginning or inside of a span of one Kind.
type Label uint8

// Labels in model order. B(k) is 2k-1 and I(k) is 2k.
const (
	O Label = iota
	BPER
	IPER
	BLOC
	ILOC
	BORG
	IORG
	BMISC
	IMISC
)

// NumLabels is the number of labels.
const NumLabels = 9

var labelNames = [NumLabels]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// Begin returns the label that begins a span of kind k.
func Begin(k Kind) Label { return Label(2*k - 1) }

// Inside returns the label that continues a span of kind k.
func Inside(k Kind) Label { return Label(2 * k) }

// Kind returns the label's entity kind, or 0 for O.
func (l Label) Kind() Kind {
	if l == O || l >= NumLabels {
		return 0
	}
	return Kind((l + 1) / 2)
}

// IsBegin reports whether l is a B- label.
func (l Label) IsBegin() bool { return l != O && l < NumLabels && l%2 == 1 }

// IsInside reports whether l is an I- label.
func (l Label) IsInside() bool { return l != O && l < NumLabels && l%2 == 0 }

// String returns the label in CoNLL notation, such as "B-PER".
func (l Label) String() string {
	if l < NumLabels {
		return labelNames[l]
	}
	return fmt.Sprintf("Label(%d)", uint8(l))
}

// MarshalText encodes the label in CoNLL notation.
func (l Label) MarshalText() ([]byte, error) {
	if l >= NumLabels {
		return nil, fmt.Errorf("tagger: invalid label %d", uint8(l))
	}
	return []byte(labelNames[l]), nil
}

// UnmarshalText decodes a label in CoNLL notation.
func (l *Label) UnmarshalText(b []byte) error {
	v, ok := ParseLabel(string(b))
	if !ok {
		return fmt.Errorf("tagger: unknown label %q", b)
	}
	*l = v
	return nil
}

// ParseLabel returns the label written s in CoNLL notation.
func ParseLabel(s string) (Label, bool) {
	for i, n := range labelNames {
		if n == s {
			return Label(i), true
		}
	}
	return O, false
}

// allowed reports whether label b may follow label a in a valid BIO sequence
// (a is O at the start of a sentence).
func allowed(a, b Label) bool {
	if !b.IsInside() {
		return true
	}
	return a != O && a.Kind() == b.Kind()
}
