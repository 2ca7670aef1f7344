package entities

import (
	"fmt"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/dates"
)

// Precision is how much of a date an expression gives.
type Precision uint8

// Date precisions.
const (
	Year  Precision = iota + 1 // 1994
	Month                      // 2023-03
	Day                        // 2025-08-20, or --08-20 with no known year
)

var precisionNames = [...]string{Year: "year", Month: "month", Day: "day"}

// String returns "year", "month" or "day".
func (p Precision) String() string {
	if int(p) < len(precisionNames) && precisionNames[p] != "" {
		return precisionNames[p]
	}
	return fmt.Sprintf("Precision(%d)", uint8(p))
}

// MarshalText encodes the precision by its name.
func (p Precision) MarshalText() ([]byte, error) {
	if int(p) >= len(precisionNames) || precisionNames[p] == "" {
		return nil, fmt.Errorf("entities: invalid precision %d", uint8(p))
	}
	return []byte(precisionNames[p]), nil
}

// UnmarshalText decodes a precision name, as MarshalText writes it.
func (p *Precision) UnmarshalText(b []byte) error {
	for i, n := range precisionNames {
		if n != "" && n == string(b) {
			*p = Precision(i)
			return nil
		}
	}
	return fmt.Errorf("entities: unknown precision %q", b)
}

// Date is a proleptic Gregorian calendar date cut to its precision. Year 0
// means the year is unknown (a day and month written without a year and
// resolved with no reference date).
type Date struct {
	Year      int
	Month     int // 1-12, or 0 below Month precision
	Day       int // 1-31, or 0 below Day precision
	Precision Precision
}

// String formats d as ISO 8601 cut to its precision: "1994", "2023-03",
// "2025-08-20", or "--08-20" when the year is unknown.
func (d Date) String() string {
	return dates.Value{Year: d.Year, Month: d.Month, Day: d.Day, Precision: dates.Precision(d.Precision)}.String()
}

// MarshalText encodes d as String does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// DateMention is a date expression found in an article and its resolved value.
type DateMention struct {
	Span  article.Span
	Value Date
	// End is the last day of a range of days in one expression
	// («13 إلى 15 تموز», "July 13-15"), whose first day is Value. It is the
	// zero Date (Precision 0) for a single date.
	End Date
}
