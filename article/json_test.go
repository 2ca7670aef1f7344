package article

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

// TestJSONRoundTrip checks that every test article survives
// MarshalJSON and UnmarshalJSON whole, keys included.
func TestJSONRoundTrip(t *testing.T) {
	for _, ta := range testArticles(t) {
		name, a := ta.path, mustParse(t, ta.text)
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var back Article
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(a, &back, cmp.AllowUnexported(Article{}, Token{}), cmp.Comparer(func(x, y language.Tag) bool { return x == y })); diff != "" {
			t.Errorf("%s: round trip mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// TestJSONPage checks that an article read from a web page keeps its
// page through JSON, and that a page that does not fit the text is refused.
func TestJSONPage(t *testing.T) {
	a := mustParse(t, "العنوان\n\nالفقرة الأولى.\n\nالفقرة الثانية.")
	a.Page = &Page{
		URL: "https://example.com/a", Site: "مثال", Title: "العنوان", Authors: []string{"كاتب"},
		Published: time.Date(2015, 8, 9, 0, 0, 0, 0, time.UTC), Lang: language.Arabic, Charset: "windows-1256",
		Paragraphs: []Span{{120, 160}, {0, 0}},
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"page":{"url":"https://example.com/a","site":"مثال","title":"العنوان","authors":["كاتب"],"published":"2015-08-09T00:00:00Z","lang":"ar","charset":"windows-1256","paragraphs":[[120,160],[0,0]]}`) {
		t.Errorf("page JSON: %s", b)
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, &back, cmp.AllowUnexported(Article{}, Token{}), cmp.Comparer(func(x, y language.Tag) bool { return x == y })); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	a.Page.Paragraphs = a.Page.Paragraphs[:1]
	b, _ = json.Marshal(a)
	if err := json.Unmarshal(b, &back); err == nil || !strings.Contains(err.Error(), "paragraph spans") {
		t.Errorf("a page of 1 paragraph span for 2 paragraphs: err = %v", err)
	}
}

// TestJSONShape checks the encoding of the parts: objects with a "span",
// kinds and parts by name, every list present.
func TestJSONShape(t *testing.T) {
	a := mustParse(t, "العنوان\n\nقال الوزير: «نعم». ثم غادر.")
	b, err := json.Marshal(a.Paragraphs[0])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"span":[16,63],"sentences":[{"span":[16,48],"first":1,"last":8,"part":"body"},{"span":[49,63],"first":8,"last":11,"part":"body"}]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("paragraph JSON (-want +got):\n%s", diff)
	}
	b, err = json.Marshal(a.Tokens[0])
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"span":[0,14],"kind":"word"}`; got != want {
		t.Errorf("token JSON = %s, want %s", got, want)
	}
	b, err = json.Marshal(&Article{Source: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"datelines":[]`, `"paragraphs":[]`, `"tokens":[]`, `"sentences":[]`, `"duplicates":[]`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON of an empty article lacks %s: %s", key, b)
		}
	}
}

// TestJSONMismatch checks that JSON which does not agree with its source
// is refused.
func TestJSONMismatch(t *testing.T) {
	a := mustParse(t, "العنوان\n\nقال الوزير: «نعم». ثم غادر.")
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ from, to string }{
		{`"kind":"word"`, `"kind":"punct"`},
		{`"lang":"ar"`, `"lang":"en"`},
		{`"span":[16,63]`, `"span":[16,62]`},
		{`"source":"`, `"source":"x`},
		{`"part":"body"`, `"part":"nowhere"`},
	} {
		bad := strings.Replace(string(b), edit.from, edit.to, 1)
		if bad == string(b) {
			t.Fatalf("edit %q not applied", edit.from)
		}
		var back Article
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("edited JSON (%s → %s) decoded without error", edit.from, edit.to)
		}
	}
}

// TestPartText: parts encode by name and back; a part with no name and a
// name of no part are errors, not values.
func TestPartText(t *testing.T) {
	for _, p := range []Part{BodyPart, TitlePart, DatelinePart} {
		b, err := p.MarshalText()
		if err != nil {
			t.Fatalf("%v: %v", p, err)
		}
		var back Part
		if err := back.UnmarshalText(b); err != nil || back != p {
			t.Errorf("%s decodes to %v, %v", b, back, err)
		}
	}
	if got, want := Part(len(partNames)).String(), "Part(3)"; got != want {
		t.Errorf("String() of a part with no name = %q, want %q", got, want)
	}
	if b, err := Part(len(partNames)).MarshalText(); err == nil {
		t.Errorf("Part(%d).MarshalText() = %q, want an error", len(partNames), b)
	}
	var p Part
	if err := p.UnmarshalText([]byte("paragraph")); err == nil {
		t.Errorf("UnmarshalText(paragraph) = %v, want an error", p)
	}
}
