package entities

import (
	"fmt"

	"github.com/khabar-go/khabar/article"
)

// Kind is the kind of a named entity.
type Kind uint8

// Entity kinds, as in CoNLL and ANERcorp.
const (
	PER  Kind = iota + 1 // a person
	LOC                  // a place: country, region, city, geographic feature
	ORG                  // an organisation: state body, company, agency, group
	MISC                 // another name: event, nationality used as a noun, work
)

var kindNames = [...]string{PER: "PER", LOC: "LOC", ORG: "ORG", MISC: "MISC"}

// String returns "PER", "LOC", "ORG" or "MISC".
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText encodes the kind by its name.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) || kindNames[k] == "" {
		return nil, fmt.Errorf("entities: invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes a kind name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n != "" && n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("entities: unknown kind %q", b)
}

// Mention is one occurrence of a named entity in an article's Source. Its
// span leaves out attached clitics: the mention in وإيران is إيران.
type Mention struct {
	Span article.Span
	Kind Kind
	// Entity is the index of the mention's Entity in Result.Entities, or -1.
	Entity int
}

// Entity is one person, place or organisation of an article: its mentions
// clustered together and, where known, linked to a canonical record.
type Entity struct {
	Kind Kind
	// Name is the canonical English name when the entity is linked, and
	// otherwise the text of its longest mention.
	Name string
	// Country is the ISO 3166-1 alpha-2 code of the entity's country, or "".
	Country string
	// Wikidata is the Wikidata item ID ("Q184") when it is known for sure.
	Wikidata string
	// Coord holds the coordinates of a linked place.
	Coord *Coord
	// ID is the stable identifier of the canonical record the entity is
	// linked to: "c:BY" (ISO country), "g:625144" (GeoNames city),
	// "p:putin" (curated person), "o:nato" (curated organisation),
	// "r:150" (CLDR region), "h:middle-east" (hand-listed region). It is ""
	// when the entity matched no record.
	ID string
	// Mentions are the spans of the entity's mentions in source order.
	Mentions []article.Span
}

// Linked reports whether the entity matched a canonical record.
func (e Entity) Linked() bool { return e.ID != "" }

// Coord is a point on the Earth in decimal degrees (WGS 84).
type Coord struct {
	Lat, Lon float64
}
