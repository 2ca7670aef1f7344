package entities

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

// TestResultJSONRoundTrip checks that a Result with every field set
// survives JSON whole, under lower-case keys.
func TestResultJSONRoundTrip(t *testing.T) {
	r := &Result{
		Mentions: []Mention{{Span: article.Span{Start: 3, End: 9}, Kind: PER, Entity: 0}, {Span: article.Span{Start: 20, End: 25}, Kind: LOC, Entity: -1}},
		Entities: []Entity{{Kind: PER, Name: "Alexander Lukashenko", Country: "BY", Wikidata: "Q101", Coord: &Coord{Lat: 53.9, Lon: 27.56}, ID: "p:x", Mentions: []article.Span{{Start: 3, End: 9}}}},
		Roles:    []RoleCue{{Span: article.Span{Start: 0, End: 2}, Role: "president", Country: "BY", Plural: true, Entity: 0}},
		Quotes: []Quote{
			{Span: article.Span{Start: 30, End: 40}, Kind: Direct, Cue: article.Span{Start: 27, End: 29}, Implicit: true,
				Speakers: []Speaker{{Kind: Person, Span: article.Span{Start: 3, End: 9}, Entity: 0, Name: "Alexander Lukashenko"}, {Kind: Description, Entity: -1, Name: "x"}}},
			{Span: article.Span{Start: 50, End: 55}, Kind: Term},
		},
		Dates: []DateMention{
			{Span: article.Span{Start: 60, End: 70}, Value: Date{Year: 2015, Month: 8, Day: 2, Precision: Day}, End: Date{Year: 2015, Month: 8, Day: 4, Precision: Day}},
			{Span: article.Span{Start: 71, End: 80}, Value: Date{Year: 2015, Week: 32, Precision: Week}},
			{Span: article.Span{Start: 81, End: 85}, Value: Date{Year: 1930, Precision: Decade}},
		},
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, &back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, b)
	}
	const want = `{"mentions":[{"span":[3,9],"kind":"PER","entity":0},{"span":[20,25],"kind":"LOC","entity":-1}],` +
		`"entities":[{"kind":"PER","name":"Alexander Lukashenko","country":"BY","wikidata":"Q101","coord":{"lat":53.9,"lon":27.56},"id":"p:x","mentions":[[3,9]]}],` +
		`"roles":[{"span":[0,2],"role":"president","country":"BY","plural":true,"entity":0}],` +
		`"quotes":[{"span":[30,40],"kind":"direct","speakers":[{"kind":"person","span":[3,9],"entity":0,"name":"Alexander Lukashenko"},{"kind":"description","entity":-1,"name":"x"}],"cue":[27,29],"implicit":true},` +
		`{"span":[50,55],"kind":"term","speakers":null}],` +
		`"dates":[{"span":[60,70],"value":"2015-08-02","end":"2015-08-04"},{"span":[71,80],"value":"2015-W32"},{"span":[81,85],"value":"193"}]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

// TestResultJSONRefuses checks that bad kinds and dates are errors.
func TestResultJSONRefuses(t *testing.T) {
	for _, bad := range []string{
		`{"mentions":[{"span":[0,1],"kind":"PERSON","entity":0}]}`,
		`{"quotes":[{"span":[0,1],"kind":"quote"}]}`,
		`{"quotes":[{"span":[0,1],"kind":"direct","speakers":[{"kind":"someone"}]}]}`,
		`{"dates":[{"span":[0,1],"value":"2015-13"}]}`,
		`{"mentions":[{"span":[5,1],"kind":"PER","entity":0}]}`,
	} {
		var r Result
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", bad)
		}
	}
}
