package article

import (
	"testing"
	"unicode/utf8"
)

// The invisible format characters isBlank counts as blank, at the edges of
// their ranges: spans never start or end with them.
var invisible = []rune{
	0x00AD,         // soft hyphen
	0x061C,         // Arabic letter mark
	0xFEFF,         // byte-order mark
	0x200B, 0x200F, // zero-width space … right-to-left mark
	0x202A, 0x202E, // left-to-right embedding … right-to-left override
	0x2060, 0x2064, // word joiner … invisible plus
	0x2066, 0x2069, // left-to-right isolate … pop directional isolate
}

func TestBlank(t *testing.T) {
	blank := append([]rune{' ', '\t', '\n', '\v', '\f', '\r', 0x00A0, 0x2003, 0x3000}, invisible...)
	for _, r := range blank {
		if !isBlank(r) || !isBlankSlow(r) {
			t.Errorf("%U: isBlank %v, isBlankSlow %v, want blank", r, isBlank(r), isBlankSlow(r))
		}
	}
	// The neighbours of the ranges that are not white space themselves.
	for _, r := range []rune{'a', 0x00AC, 0x00AE, 0x061B, 0x061D, 0x2010, 0x2065, 0x206A, 0xFEFE, 0x0800} {
		if isBlank(r) || isBlankSlow(r) {
			t.Errorf("%U is blank, want not", r)
		}
	}
}

// TestInvisibleAtEdges parses a title, a paragraph and a sentence wrapped
// in each invisible character: no span starts or ends with it.
func TestInvisibleAtEdges(t *testing.T) {
	for _, r := range invisible {
		z := string(r)
		a := mustParse(t, z+"عنوان الخبر"+z+"\n\n"+z+"وصل الوفد."+z+" "+z+"بدأت المحادثات."+z)
		if got := a.Text(a.Title); got != "عنوان الخبر" {
			t.Errorf("%U: title %q", r, got)
		}
		if len(a.Paragraphs) != 1 {
			t.Fatalf("%U: %d paragraphs", r, len(a.Paragraphs))
		}
		var got []string
		for _, s := range a.Paragraphs[0].Sentences {
			got = append(got, a.Text(s.Span))
		}
		if len(got) != 2 || got[0] != "وصل الوفد." || got[1] != "بدأت المحادثات." {
			t.Errorf("%U: sentences %q", r, got)
		}
	}
}

// TestClassTableEdge: U+0800, the first rune past the class table, is
// classified like any other (a Samaritan letter).
func TestClassTableEdge(t *testing.T) {
	if c := classOf(0x07FF); c != cPunct {
		t.Errorf("classOf(U+07FF) = %d, want a symbol (NKo taman sign)", c)
	}
	if c := classOf(0x0800); c != cLetter {
		t.Errorf("classOf(U+0800) = %d, want a letter", c)
	}
	a := mustParse(t, "\u0800\u0801 \u0802")
	if len(a.Tokens) != 2 || a.Text(a.Tokens[0].Span) != "\u0800\u0801" {
		t.Errorf("tokens %v", a.Tokens)
	}
}

// TestDecode checks decode against utf8.DecodeRuneInString on every rune
// of the BMP and every 61st above it, alone and followed by another byte,
// and on every pair of bytes that does not start with ASCII.
func TestDecode(t *testing.T) {
	check := func(s string) {
		r, n := decode(s, 0)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decode(%q) = %U, %d; want %U, %d", s, r, n, wr, wn)
		}
	}
	var buf [utf8.UTFMax + 1]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r > 0xFFFF {
			r += 60
		}
		if !utf8.ValidRune(r) {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		check(string(buf[:n]))
		buf[n] = 'x'
		check(string(buf[:n+1]))
	}
	for b := 0x8000; b < 1<<16; b++ {
		check(string([]byte{byte(b >> 8), byte(b)}))
		check(string([]byte{byte(b >> 8)}))
	}
}

func TestTrimSpan(t *testing.T) {
	tests := []struct{ in, want string }{
		{"word", "word"},
		{" \t\n\v\f\rword \t\n\v\f\r", "word"},
		{"\r\v\fمرحبا بكم\f\v\r", "مرحبا بكم"},
		{"\u00A0\u200F\uFEFFنص\u2069\u00AD\u3000", "نص"},
		{"a b", "a b"},
		{" \t\u200B\n ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		s, e := trimSpan(tt.in, 0, len(tt.in))
		if got := tt.in[s:e]; got != tt.want || (tt.want == "" && s != e) {
			t.Errorf("trimSpan(%q) = [%d,%d) %q, want %q", tt.in, s, e, got, tt.want)
		}
	}
}
