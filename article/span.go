package article

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Span is a half-open byte range [Start, End) into an Article's Source.
// Source[s.Start:s.End] is the text the span points at. Spans are values;
// the zero Span is empty and points at the start of the source.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether t lies within s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// In returns the text of s in src. It panics, as slicing does, if s is out of
// range for src; spans produced by this module always are in range.
func (s Span) In(src string) string { return src[s.Start:s.End] }

// String formats the span as "[start,end)".
func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// MarshalJSON encodes the span as the two-element array [start, end] used by
// the command-line JSON contract.
func (s Span) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, ']'), nil
}

// UnmarshalJSON decodes a [start, end] array.
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("article: span: %w", err)
	}
	if a[0] < 0 || a[1] < a[0] {
		return fmt.Errorf("article: span [%d,%d] is not a valid range", a[0], a[1])
	}
	s.Start, s.End = a[0], a[1]
	return nil
}
