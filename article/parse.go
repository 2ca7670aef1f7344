package article

import "io"

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
