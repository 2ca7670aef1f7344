package entities

import (
	"encoding"
	"testing"
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
		{Week, "week", func(b []byte) (textValue, error) { var p Precision; err := p.UnmarshalText(b); return p, err }},
		{Decade, "decade", func(b []byte) (textValue, error) { var p Precision; err := p.UnmarshalText(b); return p, err }},
		{Organisation, "organisation", func(b []byte) (textValue, error) { var k SpeakerKind; err := k.UnmarshalText(b); return k, err }},
		{Description, "description", func(b []byte) (textValue, error) { var k SpeakerKind; err := k.UnmarshalText(b); return k, err }},
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
	for _, v := range []encoding.TextMarshaler{Kind(0), Kind(9), QuoteKind(0), QuoteKind(9), Precision(0), Precision(9), SpeakerKind(0), SpeakerKind(9)} {
		if b, err := v.MarshalText(); err == nil {
			t.Errorf("%T(%v).MarshalText() = %q and no error", v, v, b)
		}
	}
}

// TestDateString checks Date.String at every precision, with and without a
// year, and that ParseDate reads every form back.
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
		{Date{Year: 2015, Week: 32, Precision: Week}, "2015-W32"},
		{Date{Year: 1930, Precision: Decade}, "193"},
		{Date{}, ""},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
		back, err := ParseDate(tt.want)
		if err != nil || back != tt.d {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", tt.want, back, err, tt.d)
		}
	}
	for _, bad := range []string{"19x4", "2023-13", "2023-00", "2025-08-32", "2015-W54", "2015-W00", "--13", "-", "20255", "2025-8-2"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %+v and no error", bad, d)
		}
	}
}
