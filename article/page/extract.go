package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khabar-go/khabar/article"
)

// builder builds the article's plain text from the extracted content, one
// block a paragraph, and remembers for every byte of it the span of the
// page it came from.
type builder struct {
	st     *stream
	cursor int // where the next text is searched for in st
	src    strings.Builder
	// start and end hold, for each byte of src, the span in the decoded
	// page of its character; -1 for the separators the builder adds and
	// for text not found in the page.
	start, end []int32
	line       strings.Builder // the block being built
	lstart     []int32
	lend       []int32
	space      bool // a space is due before the next character of line
	blocks     []block
}

// block is one paragraph of the built text.
type block struct {
	article.Span
}

func newBuilder(st *stream) *builder { return &builder{st: st} }

// blockTags start and end a block of text.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Dd: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Tr: true, atom.Ul: true, atom.Br: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
}

// dropTags are left out with everything in them: captions, navigation,
// forms, embedded media.
var dropTags = map[atom.Atom]bool{
	atom.Figcaption: true, atom.Figure: true, atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
	atom.Label: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Audio: true, atom.Video: true,
	atom.Object: true, atom.Embed: true, atom.Picture: true, atom.Img: true, atom.Canvas: true,
	atom.Caption: true,
}

// dropWords are class and id words of boilerplate: captions, credits,
// sharing, related links, tags, advertising.
var dropWords = map[string]bool{
	"caption": true, "credit": true, "credits": true, "related": true, "share": true, "sharing": true,
	"social": true, "newsletter": true, "promo": true, "advert": true, "advertisement": true, "ad": true,
	"ads": true, "breadcrumb": true, "breadcrumbs": true, "tags": true, "subscribe": true,
	"comments": true, "recommended": true, "outbrain": true, "taboola": true, "wp-caption-text": true,
	"readmore": true, "read-more": true, "more-stories": true, "photo-credit": true, "image-credit": true,
}

// dropped reports whether element n of the extracted content is
// boilerplate to leave out.
func dropped(n *html.Node) bool {
	return dropTags[n.DataAtom] || hidden(n) || boilerClass(n) ||
		(n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && linkList(n)
}

// hidden reports whether n is hidden from readers.
func hidden(n *html.Node) bool {
	if attr(n, "aria-hidden") == "true" || hasAttr(n, "hidden") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// boilerClass reports whether n's class or id has a word of dropWords.
func boilerClass(n *html.Node) bool {
	for _, f := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return r == ' ' || r == '_' || r == '\t'
	}) {
		if dropWords[f] {
			return true
		}
		for _, part := range strings.Split(f, "-") {
			if dropWords[part] {
				return true
			}
		}
	}
	return false
}

// prune removes boilerplate from the page before extraction, where class
// names are still there to read: captions, hidden elements, and small or
// link-heavy elements whose class or id names boilerplate. A large block
// whose class merely mentions such a word ("has-share-buttons") stays.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if c.DataAtom == atom.Figcaption || hidden(c) && c.DataAtom != atom.Html && c.DataAtom != atom.Body ||
				boilerClass(c) && c.DataAtom != atom.Body && c.DataAtom != atom.Html && (textLen(c, 300) < 300 || linkList(c)) {
				n.RemoveChild(c)
			} else {
				prune(c)
			}
		}
		c = next
	}
}

// textLen returns the length in runes of the text under n, counting no
// further than limit.
func textLen(n *html.Node, limit int) int {
	k := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && k < limit; c = c.NextSibling {
			if c.Type == html.TextNode {
				k += utf8.RuneCountInString(strings.TrimSpace(c.Data))
			} else if c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style {
				walk(c)
			}
		}
	}
	walk(n)
	return k
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// linkList reports whether a list is mostly links: related stories, tags,
// navigation.
func linkList(n *html.Node) bool {
	var all, linked int
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := utf8.RuneCountInString(strings.TrimSpace(n.Data))
			all += k
			if inLink {
				linked += k
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || n.DataAtom == atom.A)
		}
	}
	walk(n, false)
	return all > 0 && linked*10 >= all*7
}

// collect adds the text under n, block by block.
func (b *builder) collect(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.addText(n.Data)
		return
	case html.ElementNode:
		if dropped(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	isBlock := blockTags[n.DataAtom]
	if isBlock {
		b.flush()
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		b.space = b.line.Len() > 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.collect(c)
	}
	if isBlock {
		b.flush()
	}
}

// addText adds a text node to the current block, with white space folded,
// and finds it in the page.
func (b *builder) addText(t string) {
	sq := stripSpace(t)
	pos := -1
	if sq != "" {
		if i := strings.Index(b.st.text[b.cursor:], sq); i >= 0 {
			pos = b.cursor + i
			b.cursor = pos + len(sq)
		} else if i := strings.Index(b.st.text, sq); i >= 0 && len(sq) >= 24 {
			// Out of order: the parser moved it (misnested tables).
			pos = i
		}
	}
	k := 0 // bytes of sq written
	for _, r := range t {
		if unicode.IsSpace(r) {
			b.space = b.line.Len() > 0
			continue
		}
		if b.space {
			b.line.WriteByte(' ')
			b.lstart = append(b.lstart, -1)
			b.lend = append(b.lend, -1)
			b.space = false
		}
		n := utf8.RuneLen(r)
		b.line.WriteRune(r)
		for j := 0; j < n; j++ {
			if pos >= 0 {
				b.lstart = append(b.lstart, b.st.start[pos+k])
				b.lend = append(b.lend, b.st.end[pos+k])
			} else {
				b.lstart = append(b.lstart, -1)
				b.lend = append(b.lend, -1)
			}
			k++
		}
	}
}

// addLine adds a whole block that is not in the extracted content, such as
// the headline from the metadata, and finds it in the page.
func (b *builder) addLine(t string) {
	save := b.cursor
	b.cursor = 0
	b.addText(t)
	b.flush()
	b.cursor = save
	if len(b.blocks) == 1 {
		b.cursor = 0
	}
}

// flush ends the current block.
func (b *builder) flush() {
	b.space = false
	if b.line.Len() == 0 {
		return
	}
	if b.src.Len() > 0 {
		b.src.WriteString("\n\n")
		b.start = append(b.start, -1, -1)
		b.end = append(b.end, -1, -1)
	}
	s := b.src.Len()
	b.src.WriteString(b.line.String())
	b.start = append(b.start, b.lstart...)
	b.end = append(b.end, b.lend...)
	b.blocks = append(b.blocks, block{article.Span{Start: s, End: b.src.Len()}})
	b.line.Reset()
	b.lstart, b.lend = b.lstart[:0], b.lend[:0]
}

// dropHeadlineRepeat removes the first content block when it repeats the
// headline (the page's own <h1> kept by the extractor).
func (b *builder) dropHeadlineRepeat(headline string) {
	if headline == "" || len(b.blocks) < 2 {
		return
	}
	src := b.src.String()
	h, next := b.blocks[0], b.blocks[1]
	if !sameText(src[next.Start:next.End], headline) {
		return
	}
	// Keep the content block's place in the page for the headline.
	title := src[h.Start:h.End]
	var nb builder
	nb.src.WriteString(title)
	nb.start = append(nb.start, b.start[next.Start:next.Start+min(len(title), next.Len())]...)
	nb.end = append(nb.end, b.end[next.Start:next.Start+min(len(title), next.Len())]...)
	for len(nb.start) < len(title) {
		nb.start = append(nb.start, -1)
		nb.end = append(nb.end, -1)
	}
	nb.blocks = append(nb.blocks, block{article.Span{Start: 0, End: len(title)}})
	for _, bl := range b.blocks[2:] {
		nb.src.WriteString("\n\n")
		nb.start = append(nb.start, -1, -1)
		nb.end = append(nb.end, -1, -1)
		s := nb.src.Len()
		nb.src.WriteString(src[bl.Start:bl.End])
		nb.start = append(nb.start, b.start[bl.Start:bl.End]...)
		nb.end = append(nb.end, b.end[bl.Start:bl.End]...)
		nb.blocks = append(nb.blocks, block{article.Span{Start: s, End: nb.src.Len()}})
	}
	b.src, b.start, b.end, b.blocks = nb.src, nb.start, nb.end, nb.blocks
}

// pageSpan returns the span in the decoded page of the text at s in the
// built text: from the first character found in the page to the end of the
// last.
func (b *builder) pageSpan(s article.Span) (start, end int, ok bool) {
	start, end = -1, -1
	for i := s.Start; i < s.End; i++ {
		if b.start[i] >= 0 {
			start = int(b.start[i])
			break
		}
	}
	for i := s.End - 1; i >= s.Start; i-- {
		if b.end[i] >= 0 {
			end = int(b.end[i])
			break
		}
	}
	if start < 0 || end < start {
		return 0, 0, false
	}
	return start, end, true
}

// stripSpace removes white space.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
