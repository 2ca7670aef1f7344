package entities

import (
	"encoding"
	"testing"

	"github.com/khabar-go/khabar/entities/internal/dates"
)

// TestTextRoundTrip checks that every named Kind, QuoteKind and Precision
// survives MarshalText and UnmarshalText, and that unknown values and
// names are refused.
func TestTextRoundTrip(t *testing.T) {
	type textValue interface {
		encoding.TextMarshaler
		String() string
	}
	cases := []struct {
		v    textValue
		name string
		back func([]byte) (textValue, error)
	}{
		{PER, "PER", func(b []byte) (textValue, error) { var k Kind; err := k.UnmarshalText(b); return k, err }},
		{MISC, "MISC", func(b []byte) (textValue, error) { var k Kind; err := k.UnmarshalText(b); return k, err }},
		{Direct, "direct", func(b []byte) (textValue, error) { var k QuoteKind; err := k.UnmarshalText(b); return k, err }},
		{Indirect, "indirect", func(b []byte) (textValue, error) { var k QuoteKind; err := k.UnmarshalText(b); return k, err }},
		{Year, "year", func(b []byte) (textValue, error) { var p Precision; err := p.UnmarshalText(b); return p, err }},
		{Day, "day", func(b []byte) (textValue, error) { var p Precision; err := p.UnmarshalText(b); return p, err }},
	}
	for _, c := range cases {
		b, err := c.v.MarshalText()
		if err != nil || string(b) != c.name {
			t.Errorf("%v.MarshalText() = %q, %v; want %q", c.v, b, err, c.name)
			continue
		}
		got, err := c.back(b)
		if err != nil || got != c.v {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, c.v)
		}
		if _, err := c.back([]byte("no such name")); err == nil {
			t.Errorf("%T: UnmarshalText of an unknown name succeeded", c.v)
		}
	}
	for _, v := range []encoding.TextMarshaler{Kind(0), Kind(9), QuoteKind(0), QuoteKind(9), Precision(0), Precision(9)} {
		if b, err := v.MarshalText(); err == nil {
			t.Errorf("%T(%v).MarshalText() = %q and no error", v, v, b)
		}
	}
}

// TestDateString checks Date.String at every precision, with and without a
// year; it also pins the Precision values that Date.String and FindDates
// share with the date engine.
func TestDateString(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{Date{Year: 1994, Precision: Year}, "1994"},
		{Date{Year: 2023, Month: 3, Precision: Month}, "2023-03"},
		{Date{Month: 7, Precision: Month}, "--07"},
		{Date{Year: 2025, Month: 8, Day: 20, Precision: Day}, "2025-08-20"},
		{Date{Month: 8, Day: 20, Precision: Day}, "--08-20"},
		{Date{}, ""},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
	if Year != Precision(dates.Year) || Month != Precision(dates.Month) || Day != Precision(dates.Day) {
		t.Error("entities and the date engine number their precisions differently")
	}
}
