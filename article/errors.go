package article

import (
	"errors"
	"fmt"
)

// Errors returned by Parse. Test for them with errors.Is.
var (
	// ErrEmpty means the input is empty or holds only white space.
	ErrEmpty = errors.New("article: empty input")
	// ErrNotText means the input holds NUL bytes or is mostly not text.
	ErrNotText = errors.New("article: input is not text")
	// ErrTooLarge means the input is over the parser's size limit.
	ErrTooLarge = errors.New("article: input too large")
)

// InvalidUTF8Error reports input that is not valid UTF-8. Test for it with
// errors.As.
type InvalidUTF8Error struct {
	// Offset is the byte offset of the first invalid byte.
	Offset int
}

// Error reports the offset of the invalid byte.
func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("article: invalid UTF-8 at byte offset %d", e.Offset)
}
