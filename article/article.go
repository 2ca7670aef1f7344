package article

import (
	"slices"
	"strconv"

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

	// Datelines are the dateline, byline, date and credit lines («بيروت:
	// نذير رضا», «واشنطن - أ ف ب», «(د ب أ)», "By Jane Doe", «الأربعاء 20
	// أغسطس 2025») around the title and at the head or the end of the
	// body, and the dateline that opens the first paragraph («القاهرة -»,
	// "WASHINGTON (Reuters) -"), in source order. They are not body text:
	// no paragraph or token covers them.
	Datelines []Span

	// Paragraphs are the body paragraphs in source order, without repeats.
	Paragraphs []Paragraph

	// Duplicates are paragraphs that repeat the title or an earlier
	// paragraph after white-space folding, in source order. They are kept
	// out of Paragraphs and listed here, and have no tokens.
	Duplicates []Span

	// Tokens holds every token of the title, the datelines and the
	// paragraphs in source order. Sentences refer to it by index range.
	Tokens []Token

	// Sentences holds every sentence of the title, the datelines and the
	// paragraphs in source order; TitleSentences and each paragraph's
	// Sentences are parts of it. It is the one sentence stream every
	// stage reads.
	Sentences []Sentence

	// Page holds the metadata of the web page the article was read from
	// and the place of each paragraph in it (package article/page); nil
	// for an article parsed from plain text.
	Page *Page

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
	// Part says where the sentence is: in the title, a dateline or the body.
	Part Part
}

// Part is the part of an article a sentence belongs to.
type Part uint8

// Parts of an article.
const (
	BodyPart     Part = iota // a body paragraph
	TitlePart                // the title
	DatelinePart             // a dateline, byline or credit line
)

var partNames = [...]string{BodyPart: "body", TitlePart: "title", DatelinePart: "dateline"}

// String returns "body", "title" or "dateline".
func (p Part) String() string {
	if int(p) < len(partNames) {
		return partNames[p]
	}
	return "Part(" + strconv.Itoa(int(p)) + ")"
}

// SentenceAt returns the index in Sentences of the sentence that holds the
// byte at pos, or -1 when none does (pos is in a blank between sentences,
// a duplicate paragraph, or out of range). It takes O(log n).
func (a *Article) SentenceAt(pos int) int {
	i, _ := slices.BinarySearchFunc(a.Sentences, pos, func(s Sentence, pos int) int {
		if s.End <= pos {
			return -1
		}
		if s.Start > pos {
			return 1
		}
		return 0
	})
	if i < len(a.Sentences) && a.Sentences[i].Start <= pos && pos < a.Sentences[i].End {
		return i
	}
	return -1
}

// ParagraphAt returns the index in Paragraphs of the paragraph that holds
// the byte at pos, or -1. It takes O(log n).
func (a *Article) ParagraphAt(pos int) int {
	i, _ := slices.BinarySearchFunc(a.Paragraphs, pos, func(p Paragraph, pos int) int {
		if p.End <= pos {
			return -1
		}
		if p.Start > pos {
			return 1
		}
		return 0
	})
	if i < len(a.Paragraphs) && a.Paragraphs[i].Start <= pos && pos < a.Paragraphs[i].End {
		return i
	}
	return -1
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

// Stem returns tok's default stem: its key without the clitics that are
// safe to strip in an Arabic article. The stem of وإيران is ايران, of
// والرئيس and للرئيس رئيس, of بالاتفاق اتفاق; a conjunction و goes when three
// letters remain and the word is not a common one with a root و (وزير
// stays), the article forms ال بال كال لل (after an optional و or ف) when
// three letters remain. A lone ب, ل, ك or ف stays (لموسكو, فرنسا): use
// Splits to try every reading against a gazetteer. In articles in other
// languages, and for numbers and punctuation, the stem is the key.
func (a *Article) Stem(tok Token) string { return a.keys[tok.stemStart:tok.keyEnd] }

// StemSpan returns the byte span in Source of tok without the clitics that
// Stem removes: for وَإيران it is the span of إيران, starting at the first
// byte of the stem's first letter (harakat and tatweel after the clitics
// are left out). See KeySpan for other splits.
func (a *Article) StemSpan(tok Token) Span {
	return a.KeySpan(tok, int(tok.stemStart-tok.keyStart))
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
	Punct                       // punctuation, a symbol, or marks and tatweel with no letter
)

// MarshalText encodes the kind as its name: "word", "number" or "punct".
func (k TokenKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

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
