package article

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DefaultMaxBytes is the size limit a zero Parser applies: 16 MiB.
const DefaultMaxBytes = 16 << 20

// Parser parses plain-text articles. The zero Parser uses the defaults; a
// Parser is safe for concurrent use.
type Parser struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	// Larger input fails with ErrTooLarge.
	MaxBytes int

	// ReplaceInvalid replaces invalid UTF-8 bytes with U+FFFD instead of
	// failing with *InvalidUTF8Error. Source then holds the repaired text.
	ReplaceInvalid bool
}

// Parse parses text with the default Parser.
func Parse(text string) (*Article, error) { return Parser{}.Parse(text) }

// ParseReader reads r to its end and parses what it read with the default
// Parser.
func ParseReader(r io.Reader) (*Article, error) { return Parser{}.ParseReader(r) }

func (p Parser) maxBytes() int {
	if p.MaxBytes > 0 {
		return p.MaxBytes
	}
	return DefaultMaxBytes
}

// ParseReader reads r to its end, but never more than MaxBytes+1 bytes, and
// parses what it read. A read error is returned wrapped.
func (p Parser) ParseReader(r io.Reader) (*Article, error) {
	limit := p.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("article: read: %w", err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return p.Parse(string(b))
}

// Parse parses text into an Article. It fails with ErrTooLarge, ErrEmpty,
// *InvalidUTF8Error (unless ReplaceInvalid is set) or ErrNotText.
func (p Parser) Parse(text string) (*Article, error) {
	if limit := p.maxBytes(); len(text) > limit {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), limit)
	}
	st, bad := scan(text)
	if bad >= 0 {
		if !p.ReplaceInvalid {
			return nil, &InvalidUTF8Error{Offset: bad}
		}
		text = replaceInvalid(text)
		st, _ = scan(text)
	}
	if st.nul {
		return nil, fmt.Errorf("%w: NUL byte", ErrNotText)
	}
	if st.visible == 0 {
		return nil, ErrEmpty
	}
	if st.junk*4 > st.visible {
		return nil, fmt.Errorf("%w: %d of %d visible characters are controls or replacement characters",
			ErrNotText, st.junk, st.visible)
	}
	a := &Article{Source: text}
	a.Lang, a.Dir = st.language()
	b := builder{a: a, est: st.tokens}
	if !b.layout() {
		return nil, ErrEmpty
	}
	b.tokenize()
	if st.script() == scriptLatin {
		a.Lang = latinLanguage(a)
	}
	return a, nil
}

// replaceInvalid replaces every invalid byte of s with U+FFFD.
func replaceInvalid(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// stats are the counts one pass over the input gathers.
type stats struct {
	nul     bool // a NUL byte
	visible int  // runes that are not blank
	junk    int  // control characters, U+FFFD, private-use and non-characters
	tokens  int  // an upper estimate of the token count
	latin   int  // Latin letters
	other   int  // letters of other scripts
	arabic  [0x100]int32
}

// scan gathers the stats of s and returns the offset of its first invalid
// UTF-8 byte, or -1.
func scan(s string) (st stats, bad int) {
	prevSpace := true
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			switch c := classLow[b]; c {
			case cSpace:
				prevSpace = true
				continue
			case cLetter:
				st.latin++
			case cPunct, cTerm:
				st.tokens++
			case cSkip:
				if b == 0 {
					st.nul = true
				}
				st.junk++
			}
			st.visible++
			if prevSpace {
				st.tokens++
				prevSpace = false
			}
			continue
		}
		var r rune
		var n int
		if b >= 0xD8 && b <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r, n = rune(b&0x1F)<<6|rune(s[i+1]&0x3F), 2
			st.arabic[r-0x600]++
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return st, i
			}
		}
		i += n
		c := classOf(r)
		switch c {
		case cSpace, cJoin:
			prevSpace = true
			continue
		case cLetter:
			switch {
			case r >= 0x600 && r < 0x700:
			case r < 0x250 || 0x1E00 <= r && r < 0x1F00:
				st.latin++
			default:
				st.other++
			}
		case cPunct, cTerm:
			st.tokens++
			if r == utf8.RuneError || 0xE000 <= r && r <= 0xF8FF || r&0xFFFE == 0xFFFE {
				st.junk++
			}
		case cSkip:
			if r >= 0x80 && r < 0xA0 {
				st.junk++
			}
		}
		st.visible++
		if prevSpace {
			st.tokens++
			prevSpace = false
		}
	}
	return st, -1
}
