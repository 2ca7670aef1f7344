package article

import (
	"golang.org/x/text/language"
)

// Article is a parsed news article. Every position in it is a byte Span into
// Source, which is kept exactly as it was given and never modified.
//
// An Article is immutable once Parse returns it and is safe for concurrent
// use by multiple goroutines.
type Article struct {
	// Source is the article text exactly as parsed.
	Source string

	// Lang is the article's language, decided from letter evidence
	// (language.Und when there is none).
	Lang language.Tag

	// Dir is the writing direction of Lang's script.
	Dir Direction

	// Title is the title line; it is empty (Title.Empty()) when the article
	// has none. Title sentences and tokens are in TitleSentences.
	Title Span

	// TitleSentences segments the title (usually one sentence).
	TitleSentences []Sentence

	// Datelines are the dateline and byline lines («بيروت: نذير رضا»,
	// «واشنطن - أ ف ب», «(د ب أ)») found at paragraph starts, reported
	// apart from the body text.
	Datelines []Span

	// Paragraphs are the body paragraphs in source order, without repeats.
	Paragraphs []Paragraph

	// Duplicates are paragraphs that repeat an earlier one after whitespace
	// normalisation. They are kept out of Paragraphs and listed here.
	Duplicates []Span

	// Tokens holds every token of the title and the paragraphs in source
	// order. Sentences refer to it by index range.
	Tokens []Token

	// keys holds the normalisation keys of all tokens back to back; Token
	// key offsets index into it.
	keys string
}

// Paragraph is one body paragraph.
type Paragraph struct {
	Span
	// Sentences are the paragraph's sentences in source order.
	Sentences []Sentence
}

// Sentence is one sentence: its span and the range of its tokens in
// Article.Tokens.
type Sentence struct {
	Span
	// First and Last delimit the sentence's tokens: Article.Tokens[First:Last].
	First, Last int
}

// Token is one word, number or punctuation mark.
type Token struct {
	Span
	// Kind says what the token is made of.
	Kind TokenKind
	// flags records how the key was made (flagSlowKey).
	flags uint8
	// key and stem delimit the token's normalisation key and its
	// clitic-stripped stem in Article.keys.
	keyStart, keyEnd, stemStart int32
}

// Key returns tok's normalisation key: NFKC, harakat and tatweel removed,
// alef, yeh, kaf and teh marbuta folded, digits made ASCII (see Fold).
func (a *Article) Key(tok Token) string { return a.keys[tok.keyStart:tok.keyEnd] }

// Stem returns tok's key with attached clitics removed (see Clitics): the
// stem of وإيران is ايران, of لموسكو is موسكو. For tokens with no clitic it is
// the key itself.
func (a *Article) Stem(tok Token) string { return a.keys[tok.stemStart:tok.keyEnd] }

// StemSpan returns the byte span in Source of tok without the clitics that
// Stem removes: for وإيران it is the span of إيران.
func (a *Article) StemSpan(tok Token) Span {
	// Implemented in token.go.
	return a.stemSpan(tok)
}

// SentenceTokens returns the tokens of s.
func (a *Article) SentenceTokens(s Sentence) []Token { return a.Tokens[s.First:s.Last] }

// Text returns the text s points at in Source.
func (a *Article) Text(s Span) string { return a.Source[s.Start:s.End] }

// Direction is a writing direction.
type Direction uint8

// Writing directions.
const (
	LTR Direction = iota // left to right
	RTL                  // right to left
)

// String returns "ltr" or "rtl".
func (d Direction) String() string {
	if d == RTL {
		return "rtl"
	}
	return "ltr"
}

// MarshalText encodes the direction as "ltr" or "rtl".
func (d Direction) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// TokenKind says what a token is made of.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota + 1 // letters, possibly with marks and joiners
	Number                      // digits in any script, with inner separators
	Punct                       // punctuation or a symbol
)

// String returns the kind's lower-case name.
func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	}
	return "unknown"
}
