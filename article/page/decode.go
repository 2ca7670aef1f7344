package page

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decoded is a page decoded to UTF-8 and the way back from its offsets to
// the page's own bytes.
type decoded struct {
	text    string // the page as UTF-8
	charset string // the encoding's WHATWG name
	// Offsets in text map to offsets in src through checkpoints taken
	// while decoding; nil enc means the identity (src was valid UTF-8).
	src   []byte
	enc   encoding.Encoding
	marks []mark
}

// mark is a checkpoint: text[:dst] decodes src[:src].
type mark struct{ dst, src int }

// chunk is the decoded size between checkpoints, which bounds the work of
// one offset lookup.
const chunk = 512

// decode decodes src by the encoding its bytes and contentType declare
// (byte-order mark, HTTP header, <meta>), falling back on UTF-8 when the
// bytes are valid UTF-8, on windows-1256 when they read as Arabic in it,
// and on windows-1252 otherwise, as browsers do.
func decode(src []byte, contentType string) decoded {
	enc, name, certain := charset.DetermineEncoding(src, contentType)
	if !certain {
		switch {
		case utf8.Valid(src):
			enc, name = encoding.Nop, "utf-8"
		case name == "windows-1252" && !declaresCharset(src) && looksArabic(src):
			enc, name = charmap.Windows1256, "windows-1256"
		}
	}
	if name == "utf-8" {
		if utf8.Valid(src) {
			return decoded{text: string(src), charset: name}
		}
		enc = unicode.UTF8 // replaces invalid bytes with U+FFFD
	}
	d := decoded{charset: name, src: src, enc: enc}
	dec := enc.NewDecoder()
	var out bytes.Buffer
	out.Grow(len(src) + len(src)/2)
	buf := make([]byte, chunk)
	nsrc := 0
	d.marks = append(d.marks, mark{0, 0})
	for nsrc < len(src) {
		nd, ns, err := dec.Transform(buf, src[nsrc:], true)
		out.Write(buf[:nd])
		nsrc += ns
		d.marks = append(d.marks, mark{out.Len(), nsrc})
		if err == nil || nd == 0 && ns == 0 {
			break
		}
	}
	d.text = out.String()
	return d
}

// declaresCharset reports whether the head of the page names a charset.
func declaresCharset(src []byte) bool {
	head := src[:min(len(src), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}

// looksArabic reports whether src, read as windows-1256, holds Arabic text:
// many bytes that are Arabic letters there and few that are the accented
// Latin letters it shares with windows-1252.
func looksArabic(src []byte) bool {
	arabic, latin := 0, 0
	for _, c := range src {
		switch {
		case c < 0xC1:
		case c == 0xE0 || c == 0xE2 || c == 0xE7 || c == 0xE8 || c == 0xE9 || c == 0xEA || c == 0xEB ||
			c == 0xEE || c == 0xEF || c == 0xF4 || c == 0xF9 || c == 0xFB || c == 0xFC:
			latin++
		default:
			arabic++
		}
	}
	return arabic >= 32 && arabic >= 4*latin
}

// offset returns the offset in the page's bytes of offset i of the decoded
// text, which must be on a rune boundary.
func (d *decoded) offset(i int) int {
	if d.enc == nil {
		return i
	}
	k := sort.Search(len(d.marks), func(k int) bool { return d.marks[k].dst > i }) - 1
	m := d.marks[max(k, 0)]
	if m.dst == i {
		return m.src
	}
	buf := make([]byte, i-m.dst)
	_, ns, _ := d.enc.NewDecoder().Transform(buf, d.src[m.src:], true)
	return m.src + ns
}
