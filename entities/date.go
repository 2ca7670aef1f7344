package entities

import (
	"fmt"
	"strconv"

	"github.com/khabar-go/khabar/article"
)

// Precision is how much of a date an expression gives.
type Precision uint8

// Date precisions.
const (
	Year   Precision = iota + 1 // 1994
	Month                       // 2023-03
	Day                         // 2025-08-20, or --08-20 with no known year
	Week                        // 2015-W32, an ISO 8601 week
	Decade                      // 193, the 1930s
)

var precisionNames = [...]string{Year: "year", Month: "month", Day: "day", Week: "week", Decade: "decade"}

// String returns "year", "month", "day", "week" or "decade".
func (p Precision) String() string { return enumString(precisionNames[:], uint8(p), "Precision") }

// MarshalText encodes the precision by its name.
func (p Precision) MarshalText() ([]byte, error) {
	return enumMarshal(precisionNames[:], uint8(p), "precision")
}

// UnmarshalText decodes a precision name, as MarshalText writes it.
func (p *Precision) UnmarshalText(b []byte) error {
	return enumUnmarshal(precisionNames[:], (*uint8)(p), b, "precision")
}

// Date is a proleptic Gregorian calendar date cut to its precision. Year 0
// means the year is unknown (a day and month written without a year and
// resolved with no reference date). For Week precision, Year is the ISO
// week-numbering year and Week the ISO week; for Decade, Year is the
// decade's first year (1930).
type Date struct {
	Year      int
	Month     int // 1-12, or 0 below Month precision
	Day       int // 1-31, or 0 below Day precision
	Week      int // 1-53 for Week precision, else 0
	Precision Precision
}

// String formats d as ISO 8601 cut to its precision: "1994", "2023-03",
// "2025-08-20", "2015-W32", "193" for the 1930s, or "--08-20" and "--08"
// when the year is unknown. The zero Date gives "".
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		if d.Year == 0 {
			return fmt.Sprintf("--%02d", d.Month)
		}
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		if d.Year == 0 {
			return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
		}
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case Week:
		return fmt.Sprintf("%04d-W%02d", d.Year, d.Week)
	case Decade:
		return fmt.Sprintf("%03d", d.Year/10)
	}
	return ""
}

// MarshalText encodes d as String does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes a date as String writes it; the precision follows
// from the form.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses a date as Date.String writes it: "1994", "2023-03",
// "2025-08-20", "2015-W32", "193", "--08-20" or "--08". The empty string
// gives the zero Date.
func ParseDate(s string) (Date, error) {
	bad := func() (Date, error) { return Date{}, fmt.Errorf("entities: invalid date %q", s) }
	num := func(t string) (int, bool) {
		if t == "" {
			return 0, false
		}
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	var d Date
	var ok bool
	switch {
	case s == "":
		return Date{}, nil
	case len(s) == 4 && s[:2] == "--":
		d.Precision = Month
		d.Month, ok = num(s[2:])
	case len(s) == 7 && s[:2] == "--" && s[4] == '-':
		d.Precision = Day
		m, ok1 := num(s[2:4])
		dd, ok2 := num(s[5:])
		d.Month, d.Day, ok = m, dd, ok1 && ok2
	case len(s) == 3:
		d.Precision = Decade
		d.Year, ok = num(s)
		d.Year *= 10
	case len(s) == 4:
		d.Precision = Year
		d.Year, ok = num(s)
	case len(s) == 7 && s[4] == '-':
		d.Precision = Month
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:])
		d.Year, d.Month, ok = y, m, ok1 && ok2
	case len(s) == 8 && s[4:6] == "-W":
		d.Precision = Week
		y, ok1 := num(s[:4])
		w, ok2 := num(s[6:])
		d.Year, d.Week, ok = y, w, ok1 && ok2 && w >= 1 && w <= 53
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		d.Precision = Day
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:7])
		dd, ok3 := num(s[8:])
		d.Year, d.Month, d.Day, ok = y, m, dd, ok1 && ok2 && ok3
	}
	if !ok || d.Month > 12 || d.Day > 31 || (d.Precision == Day || d.Precision == Month) && d.Month < 1 || d.Precision == Day && d.Day < 1 {
		return bad()
	}
	return d, nil
}

// DateMention is a date expression found in an article and its resolved value.
type DateMention struct {
	Span  article.Span `json:"span"`
	Value Date         `json:"value"`
	// End is the last day of a range of days in one expression
	// («13 إلى 15 تموز», "July 13-15"), whose first day is Value. It is the
	// zero Date (Precision 0) for a single date.
	End Date `json:"end,omitzero"`
}
