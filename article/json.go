package article

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"golang.org/x/text/language"
)

// The JSON forms. Every object that is a part of the text has a "span"
// ([start, end] byte offsets into Source); lists of positions are lists of
// spans.

type jsonSentence struct {
	Span  Span `json:"span"`
	First int  `json:"first"`
	Last  int  `json:"last"`
	Part  Part `json:"part"`
}

type jsonParagraph struct {
	Span      Span       `json:"span"`
	Sentences []Sentence `json:"sentences"`
}

type jsonToken struct {
	Span Span      `json:"span"`
	Kind TokenKind `json:"kind"`
}

type jsonArticle struct {
	Source         string       `json:"source"`
	Lang           language.Tag `json:"lang"`
	Dir            Direction    `json:"dir"`
	Title          Span         `json:"title"`
	TitleSentences []Sentence   `json:"title_sentences"`
	Datelines      []Span       `json:"datelines"`
	Paragraphs     []Paragraph  `json:"paragraphs"`
	Duplicates     []Span       `json:"duplicates"`
	Tokens         []Token      `json:"tokens"`
	Sentences      []Sentence   `json:"sentences"`
	Page           *Page        `json:"page,omitempty"`
}

// MarshalJSON encodes the sentence as {"span", "first", "last", "part"}.
func (s Sentence) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonSentence{s.Span, s.First, s.Last, s.Part})
}

// UnmarshalJSON decodes what MarshalJSON writes.
func (s *Sentence) UnmarshalJSON(b []byte) error {
	var j jsonSentence
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("article: sentence: %w", err)
	}
	*s = Sentence{Span: j.Span, First: j.First, Last: j.Last, Part: j.Part}
	return nil
}

// MarshalJSON encodes the paragraph as {"span", "sentences"}.
func (p Paragraph) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonParagraph{p.Span, orEmpty(p.Sentences)})
}

// UnmarshalJSON decodes what MarshalJSON writes.
func (p *Paragraph) UnmarshalJSON(b []byte) error {
	var j jsonParagraph
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("article: paragraph: %w", err)
	}
	*p = Paragraph{Span: j.Span, Sentences: j.Sentences}
	return nil
}

// MarshalJSON encodes the token as {"span", "kind"}. Its key is not
// written: it follows from the text (see Article.UnmarshalJSON).
func (t Token) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonToken{t.Span, t.Kind})
}

// UnmarshalJSON decodes what MarshalJSON writes. The token's key is empty
// until the Article it belongs to is decoded.
func (t *Token) UnmarshalJSON(b []byte) error {
	var j jsonToken
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("article: token: %w", err)
	}
	*t = Token{Span: j.Span, Kind: j.Kind}
	return nil
}

// MarshalJSON encodes the article with all its parts: "source", "lang",
// "dir", "title", "title_sentences", "datelines", "paragraphs",
// "duplicates", "tokens" and "sentences" (every list present), and
// "page" when the article was read from a web page.
func (a *Article) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonArticle{
		Source: a.Source, Lang: a.Lang, Dir: a.Dir, Title: a.Title,
		TitleSentences: orEmpty(a.TitleSentences), Datelines: orEmpty(a.Datelines),
		Paragraphs: orEmpty(a.Paragraphs), Duplicates: orEmpty(a.Duplicates),
		Tokens: orEmpty(a.Tokens), Sentences: orEmpty(a.Sentences), Page: a.Page,
	})
}

// UnmarshalJSON decodes what MarshalJSON writes. Everything but the
// source follows from it, so the source is parsed again (with no size
// limit beyond MaxMaxBytes) and the result must agree with the JSON: a
// mismatch (an article edited by hand, or written by another version of
// the parser) is an error, never a silently different article. The page,
// which the source does not hold, is taken as written.
func (a *Article) UnmarshalJSON(b []byte) error {
	var j jsonArticle
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("article: %w", err)
	}
	p, err := Parser{MaxBytes: MaxMaxBytes}.Parse(j.Source)
	if err != nil {
		return err
	}
	got := jsonArticle{
		Source: p.Source, Lang: p.Lang, Dir: p.Dir, Title: p.Title,
		TitleSentences: orEmpty(p.TitleSentences), Datelines: orEmpty(p.Datelines),
		Paragraphs: orEmpty(p.Paragraphs), Duplicates: orEmpty(p.Duplicates),
		Tokens: orEmpty(p.Tokens), Sentences: orEmpty(p.Sentences),
	}
	got.Tokens = make([]Token, len(p.Tokens))
	for i, t := range p.Tokens {
		got.Tokens[i] = Token{Span: t.Span, Kind: t.Kind}
	}
	j.TitleSentences, j.Datelines, j.Paragraphs = orEmpty(j.TitleSentences), orEmpty(j.Datelines), orEmpty(j.Paragraphs)
	j.Duplicates, j.Tokens, j.Sentences = orEmpty(j.Duplicates), orEmpty(j.Tokens), orEmpty(j.Sentences)
	for i := range j.Paragraphs {
		j.Paragraphs[i].Sentences = orEmpty(j.Paragraphs[i].Sentences)
	}
	got.Paragraphs = slices.Clone(got.Paragraphs)
	for i := range got.Paragraphs {
		got.Paragraphs[i].Sentences = orEmpty(got.Paragraphs[i].Sentences)
	}
	page := j.Page
	j.Page = nil
	if !reflect.DeepEqual(j, got) {
		return fmt.Errorf("article: the JSON does not match the parse of its source")
	}
	if page != nil && len(page.Paragraphs) != len(p.Paragraphs) {
		return fmt.Errorf("article: the page has %d paragraph spans for %d paragraphs", len(page.Paragraphs), len(p.Paragraphs))
	}
	*a = *p
	a.Page = page
	return nil
}

// orEmpty returns s, or an empty slice when s is nil, so that JSON lists
// are always present.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return slices.Clip(s)
}

// UnmarshalText decodes "ltr" or "rtl".
func (d *Direction) UnmarshalText(b []byte) error {
	switch string(b) {
	case "ltr":
		*d = LTR
	case "rtl":
		*d = RTL
	default:
		return fmt.Errorf("article: unknown direction %q", b)
	}
	return nil
}

// UnmarshalText decodes a token kind name, as MarshalText writes it.
func (k *TokenKind) UnmarshalText(b []byte) error {
	for v := Word; v <= Punct; v++ {
		if v.String() == string(b) {
			*k = v
			return nil
		}
	}
	return fmt.Errorf("article: unknown token kind %q", b)
}

// MarshalText encodes the part by its name.
func (p Part) MarshalText() ([]byte, error) {
	if int(p) >= len(partNames) {
		return nil, fmt.Errorf("article: invalid part %d", p)
	}
	return []byte(partNames[p]), nil
}

// UnmarshalText decodes a part name, as MarshalText writes it.
func (p *Part) UnmarshalText(b []byte) error {
	i := slices.Index(partNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("article: unknown part %q", b)
	}
	*p = Part(i)
	return nil
}
