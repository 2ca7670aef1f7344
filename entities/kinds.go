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
	LOC                  // a place: country, region, city, facility, geographic feature
	ORG                  // an organisation: state body, company, agency, party, armed group
	MISC                 // another name: event, nationality used as a noun, work
)

var kindNames = [...]string{PER: "PER", LOC: "LOC", ORG: "ORG", MISC: "MISC"}

// String returns "PER", "LOC", "ORG" or "MISC".
func (k Kind) String() string { return enumString(kindNames[:], uint8(k), "Kind") }

// MarshalText encodes the kind by its name.
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames[:], uint8(k), "kind") }

// UnmarshalText decodes a kind name, as MarshalText writes it.
func (k *Kind) UnmarshalText(b []byte) error {
	return enumUnmarshal(kindNames[:], (*uint8)(k), b, "kind")
}

// Mention is one occurrence of a named entity in an article's Source. Its
// span leaves out attached clitics: the mention in وإيران is إيران.
type Mention struct {
	Span article.Span `json:"span"`
	Kind Kind         `json:"kind"`
	// Entity is the index of the mention's Entity in Result.Entities, or -1.
	Entity int `json:"entity"`
}

// Entity is one person, place or organisation of an article: its mentions
// clustered together and, where known, linked to a canonical record.
type Entity struct {
	Kind Kind `json:"kind"`
	// Name is the canonical English name when the entity is linked, and
	// otherwise the text of its longest mention.
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the entity's country, or "".
	Country string `json:"country"`
	// Wikidata is the Wikidata item ID ("Q184") when it is known for sure.
	Wikidata string `json:"wikidata,omitempty"`
	// Coord holds the coordinates of a linked place.
	Coord *Coord `json:"coord,omitempty"`
	// ID is the stable identifier of the canonical record the entity is
	// linked to: "c:BY" (ISO country), "g:625144" (GeoNames city),
	// "p:putin" (curated person), "o:nato" (curated organisation),
	// "r:150" (CLDR region), "h:middle-east" (hand-listed region). It is ""
	// when the entity matched no record.
	ID string `json:"id,omitempty"`
	// Mentions are the spans of the entity's mentions in source order.
	Mentions []article.Span `json:"mentions"`
}

// Linked reports whether the entity matched a canonical record.
func (e Entity) Linked() bool { return e.ID != "" }

// Coord is a point on the Earth in decimal degrees (WGS 84).
type Coord struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// RoleCue is a title or role in the text, possibly qualified by a
// nationality or country («الرئيس الروسي», «رئيس وزراء إسرائيل»,
// "Iranian President").
type RoleCue struct {
	// Span covers the title and its qualifier.
	Span article.Span `json:"span"`
	// Role is the role the title names: "president", "prime_minister",
	// "foreign_minister", "defence_minister", "minister", "supreme_leader",
	// "king", "emir", "crown_prince", "spokesperson", ….
	Role string `json:"role"`
	// Country is the ISO 3166-1 code of the qualifying nationality or
	// country, or "".
	Country string `json:"country,omitempty"`
	// Plural is true for dual and plural titles (الرئيسين, رئيسا).
	Plural bool `json:"plural,omitempty"`
	// Entity is the index in Result.Entities of the person the cue refers
	// to: the name right after it, or, for a bare cue («الرئيس الإيراني»),
	// the person the article gives that role elsewhere. It is -1 when the
	// article does not tell.
	Entity int `json:"entity"`
}

// enumString returns names[v], or "Type(v)" for a value with no name.
func enumString(names []string, v uint8, typ string) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// enumMarshal returns names[v], or an error for a value with no name.
func enumMarshal(names []string, v uint8, what string) ([]byte, error) {
	if int(v) >= len(names) || names[v] == "" {
		return nil, fmt.Errorf("entities: invalid %s %d", what, v)
	}
	return []byte(names[v]), nil
}

// enumUnmarshal sets *v to the index of the name b.
func enumUnmarshal(names []string, v *uint8, b []byte, what string) error {
	for i, n := range names {
		if n != "" && n == string(b) {
			*v = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("entities: unknown %s %q", what, b)
}
