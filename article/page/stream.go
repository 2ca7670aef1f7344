package page

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stream is the visible text of a page without its white space, each byte
// with the span in the decoded page of the character (or character
// reference) it came from. Text found by the extractor is located in the
// page by searching for it here.
type stream struct {
	text       string
	start, end []int32
}

// rawTextTags are the elements whose content is not page text.
var rawTextTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Title: true, atom.Textarea: true, atom.Xmp: true, atom.Iframe: true,
	atom.Noembed: true, atom.Noframes: true, atom.Plaintext: true,
}

// newStream tokenizes page (decoded text) and collects its text.
func newStream(page string) *stream {
	s := &stream{}
	var b strings.Builder
	b.Grow(len(page) / 3)
	s.start = make([]int32, 0, len(page)/3)
	s.end = make([]int32, 0, len(page)/3)
	z := xhtml.NewTokenizer(strings.NewReader(page))
	off := 0
	var skip atom.Atom
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); rawTextTags[a] {
				skip = a
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) == skip {
				skip = 0
			}
		case xhtml.TextToken:
			if skip == 0 {
				s.addText(&b, raw, off)
			}
		}
		off += len(raw)
	}
	s.text = b.String()
	return s
}

// addText adds the characters of raw text at offset off in the page,
// resolving character references.
func (s *stream) addText(b *strings.Builder, raw []byte, off int) {
	for i := 0; i < len(raw); {
		if raw[i] == '&' {
			if n, text := reference(raw[i:]); n > 0 {
				for _, r := range text {
					if !unicode.IsSpace(r) {
						s.add(b, r, off+i, off+i+n)
					}
				}
				i += n
				continue
			}
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == 0 {
			r = utf8.RuneError // as the HTML parser does
		}
		if !unicode.IsSpace(r) {
			s.add(b, r, off+i, off+i+n)
		}
		i += n
	}
}

func (s *stream) add(b *strings.Builder, r rune, start, end int) {
	n := b.Len()
	b.WriteRune(r)
	for k := n; k < b.Len(); k++ {
		s.start = append(s.start, int32(start))
		s.end = append(s.end, int32(end))
	}
}

// reference returns the length of the character reference at the start of
// b and the text it stands for, or 0 when b does not start with one. Text
// after a legacy reference without ';' ("&copy2025") is counted in the
// reference.
func reference(b []byte) (int, string) {
	j := 1
	for j < len(b) && j < 40 && (isAlnum(b[j]) || j == 1 && b[j] == '#') {
		j++
	}
	if j < len(b) && b[j] == ';' {
		j++
	}
	if j <= 1 {
		return 0, ""
	}
	ref := string(b[:j])
	text := html.UnescapeString(ref)
	if text == ref {
		return 0, ""
	}
	return j, text
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
