package article

import (
	"strings"
	"testing"
)

// clone returns a deep copy of a, so that a test can break the copy.
func clone(a *Article) *Article {
	c := *a
	c.TitleSentences = append([]Sentence(nil), a.TitleSentences...)
	c.Datelines = append([]Span(nil), a.Datelines...)
	c.Duplicates = append([]Span(nil), a.Duplicates...)
	c.Tokens = append([]Token(nil), a.Tokens...)
	c.Sentences = append([]Sentence(nil), a.Sentences...)
	c.Paragraphs = make([]Paragraph, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		c.Paragraphs[i] = Paragraph{Span: p.Span, Sentences: append([]Sentence(nil), p.Sentences...)}
	}
	return &c
}

// validateSource has a title, a dateline, two paragraphs, a duplicate and
// a last paragraph of two sentences.
const validateSource = "عنوان الخبر هنا\n\nبيروت: نذير رضا\n\nوصل الوفد أمس. وبدأت المحادثات.\n\nقال الوزير إن الوضع مستقر.\n\nقال الوزير إن الوضع مستقر.\n\nوانتهى اللقاء. ثم غادر الجميع."

// TestValidateCatches breaks a parsed article in one way at a time: each
// break must be reported, and the article itself is valid.
func TestValidateCatches(t *testing.T) {
	a := mustParse(t, validateSource)
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(a.Datelines) != 1 || len(a.Paragraphs) != 3 || len(a.Duplicates) != 1 || len(a.Paragraphs[2].Sentences) != 2 {
		t.Fatalf("unexpected layout: %d datelines, %d paragraphs, %d duplicates", len(a.Datelines), len(a.Paragraphs), len(a.Duplicates))
	}
	n := len(a.Source)
	last := func(c *Article) *Paragraph { return &c.Paragraphs[len(c.Paragraphs)-1] }
	// lastSentence changes the last sentence in its paragraph and in
	// Sentences alike.
	lastSentence := func(c *Article, f func(s *Sentence)) {
		p := last(c)
		f(&p.Sentences[len(p.Sentences)-1])
		c.Sentences[len(c.Sentences)-1] = p.Sentences[len(p.Sentences)-1]
	}
	breaks := []struct {
		name    string
		breakIt func(c *Article)
		want    string
	}{
		{"title before the source", func(c *Article) { c.Title.Start = -1 }, "out of range"},
		{"title ending before it starts", func(c *Article) { c.Title.End = c.Title.Start - 1 }, "out of range"},
		{"dateline past the end", func(c *Article) { c.Datelines[0].End = n + 1 }, "out of range"},
		{"title starting inside a letter", func(c *Article) { c.Title.Start = 1 }, "UTF-8"},
		{"title ending inside a letter", func(c *Article) { c.Title.End-- }, "UTF-8"},
		{"dateline with a blank at its end", func(c *Article) { c.Datelines[0].End++ }, "blanks at its ends"},
		{"dateline with a blank at its start", func(c *Article) { c.Datelines[0].Start-- }, "blanks at its ends"},
		{"empty duplicate", func(c *Article) { c.Duplicates[0].End = c.Duplicates[0].Start }, "empty"},
		{"datelines out of order", func(c *Article) { c.Datelines = append(c.Datelines, c.Title) }, "not sorted"},
		{"paragraph over the dateline", func(c *Article) { c.Paragraphs[0].Start = c.Datelines[0].Start }, "overlaps"},
		{"text lost between blocks", func(c *Article) { c.Duplicates = nil }, "text lost"},
		{"text lost at the end", func(c *Article) { c.Paragraphs = c.Paragraphs[:2] }, "text lost at the end"},
		{"empty token", func(c *Article) { c.Tokens[3].End = c.Tokens[3].Start }, "empty"},
		{"token past the end", func(c *Article) { c.Tokens[len(c.Tokens)-1].End = n + 1 }, "out of range"},
		{"first tokens overlapping", func(c *Article) { c.Tokens[0].End = c.Tokens[1].Start + 2 }, "not sorted"},
		{"token of no kind", func(c *Article) { c.Tokens[2].Kind = 0 }, "kind"},
		{"token of kind 4", func(c *Article) { c.Tokens[2].Kind = Punct + 1 }, "kind"},
		{"key starting before the keys", func(c *Article) { c.Tokens[2].keyStart = -1 }, "key range"},
		{"stem before the key", func(c *Article) { c.Tokens[2].stemStart = c.Tokens[2].keyStart - 1 }, "key range"},
		{"stem past the key", func(c *Article) { c.Tokens[2].stemStart = c.Tokens[2].keyEnd + 1 }, "key range"},
		{"key past the keys", func(c *Article) { c.Tokens[len(c.Tokens)-1].keyEnd = int32(len(c.keys) + 1) }, "key range"},
		{"word with an empty key", func(c *Article) {
			c.Tokens[2].keyEnd, c.Tokens[2].stemStart = c.Tokens[2].keyStart, c.Tokens[2].keyStart
		}, "empty key"},
		{"token outside every block", func(c *Article) {
			// The duplicate's first word, as a token between paragraphs.
			d := c.Duplicates[0]
			tok := Token{Span: Span{d.Start, d.Start + len("قال")}, Kind: Punct}
			i := 0
			for c.Tokens[i].Start < d.Start {
				i++
			}
			c.Tokens = append(c.Tokens[:i], append([]Token{tok}, c.Tokens[i:]...)...)
		}, "outside"},
		{"sentence starting late", func(c *Article) { lastSentence(c, func(s *Sentence) { s.First++ }) }, "has tokens"},
		{"sentence of no token", func(c *Article) { lastSentence(c, func(s *Sentence) { s.Last = s.First }) }, "has tokens"},
		{"sentence past its paragraph's tokens", func(c *Article) { lastSentence(c, func(s *Sentence) { s.Last++ }) }, "has tokens"},
		{"sentence span shorter than its tokens", func(c *Article) { lastSentence(c, func(s *Sentence) { s.End -= 2 }) }, "does not span"},
		{"sentence span starting before its tokens", func(c *Article) { lastSentence(c, func(s *Sentence) { s.Start -= 2 }) }, "does not span"},
		{"sentences leaving tokens out", func(c *Article) {
			p := last(c)
			p.Sentences = p.Sentences[:1]
			c.Sentences = c.Sentences[:len(c.Sentences)-1]
		}, "leave tokens"},
		{"a word in no token", func(c *Article) {
			// Drop the last sentence's first token and start the sentence
			// after it.
			var first int
			lastSentence(c, func(s *Sentence) { first = s.First })
			c.Tokens = append(c.Tokens[:first], c.Tokens[first+1:]...)
			lastSentence(c, func(s *Sentence) {
				s.Last--
				s.Start = c.Tokens[s.First].Start
			})
		}, "in no token"},
		{"a letter cut off its token", func(c *Article) {
			var first int
			lastSentence(c, func(s *Sentence) { first = s.First })
			c.Tokens[first].End -= 2 // the word's last letter is in no token
		}, "in no token"},
		{"sentence marked title", func(c *Article) { lastSentence(c, func(s *Sentence) { s.Part = TitlePart }) }, "marked"},
		{"paragraph's sentences differ from Sentences", func(c *Article) { c.Sentences[len(c.Sentences)-1].Last++ }, "differ"},
		{"a sentence after the last paragraph", func(c *Article) {
			c.Sentences = append(c.Sentences, Sentence{Span: Span{n, n}, First: len(c.Tokens), Last: len(c.Tokens)})
		}, "outside"},
	}
	for _, b := range breaks {
		c := clone(a)
		b.breakIt(c)
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: Validate() = %v, want an error about %q", b.name, err, b.want)
		}
	}
	// An empty title at the very end of the source is in range.
	c := clone(a)
	c.Title = Span{n, n}
	c.TitleSentences = nil
	c.Sentences = c.Sentences[len(a.TitleSentences):]
	c.Tokens = c.Tokens[a.TitleSentences[len(a.TitleSentences)-1].Last:]
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "text lost") {
		t.Errorf("empty title at the end: Validate() = %v, want only the title's text lost", err)
	}
}
