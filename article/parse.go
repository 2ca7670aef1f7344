package article

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// DefaultMaxBytes is the size limit a zero Parser applies: 16 MiB.
const DefaultMaxBytes = 16 << 20

// Parser parses plain-text articles. The zero Parser uses the defaults; a
// Parser is safe for concurrent use.
type Parser struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes,
	// and values over MaxMaxBytes mean MaxMaxBytes. Larger input fails with
	// ErrTooLarge.
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

// MaxMaxBytes is the largest MaxBytes a Parser honours: 1 GiB. Token key
// offsets are 32-bit.
const MaxMaxBytes = 1 << 30

func (p Parser) maxBytes() int {
	if p.MaxBytes > 0 {
		return min(p.MaxBytes, MaxMaxBytes)
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
	return p.ParseContext(context.Background(), text)
}

// ParseContext is Parse that stops early, with ctx's error wrapped, when
// ctx is done: parsing runs at some 100 MB/s, and a program that lets a
// user cancel (Ctrl-C) a large input should not wait for it.
func (p Parser) ParseContext(ctx context.Context, text string) (*Article, error) {
	if limit := p.maxBytes(); len(text) > limit {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), limit)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return nil, fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i)
	}
	a := &Article{Source: text}
	// Estimate the tokens: words by the blanks, punctuation by the most
	// frequent marks.
	blanks := strings.Count(text, " ") + strings.Count(text, "\n")
	marks := strings.Count(text, ".") + strings.Count(text, ",") + strings.Count(text, "\"")
	b := builder{a: a, est: blanks + blanks/8 + marks + 16, done: ctx.Done()}
	if !b.layout() {
		return nil, ErrEmpty
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("article: %w", err)
	}
	b.tokenize()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("article: %w", err)
	}
	st := &b.st
	// Tokenizing validated the title and the paragraphs; the rest of the
	// text is blank runes (decoded while trimming lines), datelines and
	// duplicates. This spares a pass of utf8.ValidString over the text.
	if st.invalid || !validSpans(text, a.Datelines) || !validSpans(text, a.Duplicates) {
		if !p.ReplaceInvalid {
			return nil, &InvalidUTF8Error{Offset: firstInvalid(text)}
		}
		return p.ParseContext(ctx, replaceInvalid(text))
	}
	if total := st.visible + st.junk; st.junk*4 > total {
		return nil, fmt.Errorf("%w: %d of %d bytes are control, replacement or private-use characters",
			ErrNotText, st.junk, total)
	}
	a.Lang, a.Dir = st.language()
	if a.Lang != language.Arabic && b.stemmed {
		b.unstem()
	}
	if st.script() == scriptLatin {
		a.Lang = latinLanguage(a)
	}
	b.sentences()
	return a, nil
}

// validSpans reports whether the spans of text are valid UTF-8.
func validSpans(text string, spans []Span) bool {
	for _, s := range spans {
		if !utf8.ValidString(text[s.Start:s.End]) {
			return false
		}
	}
	return true
}

// firstInvalid returns the offset of the first invalid UTF-8 byte in s.
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
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

// stats are the counts that tokenizing gathers for the language decision
// and the not-text check.
type stats struct {
	invalid bool // an invalid UTF-8 byte was met
	visible int  // bytes of tokens, but for junk
	junk    int  // bytes of control characters, U+FFFD, private-use and non-characters
	latin   int  // bytes of Latin words
	other   int  // bytes of words in other scripts
	hebrew  int  // bytes of Hebrew words, among other
	rtl     int  // bytes of words in other right-to-left scripts, among other
	arabic  [0x100]int32
}
