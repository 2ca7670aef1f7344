package article

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseErrors(t *testing.T) {
	errRead := errors.New("disk on fire")
	tests := []struct {
		name   string
		parse  func() (*Article, error)
		want   error
		offset int // for *InvalidUTF8Error
	}{
		{"empty", func() (*Article, error) { return Parse("") }, ErrEmpty, 0},
		{"blank", func() (*Article, error) { return Parse(" \n\t\r\n\u00A0\u200F\n") }, ErrEmpty, 0},
		{"byte-order mark only", func() (*Article, error) { return Parse("\uFEFF\n") }, ErrEmpty, 0},
		{"invalid UTF-8", func() (*Article, error) { return Parse("سلام \xff عليكم") }, &InvalidUTF8Error{}, len("سلام ")},
		{"truncated rune at the end", func() (*Article, error) { return Parse("سلام\xd8") }, &InvalidUTF8Error{}, len("سلام")},
		{"invalid UTF-8 in the title", func() (*Article, error) { return Parse("عنوان \xc0\xaf\n\nنص الخبر.") }, &InvalidUTF8Error{}, len("عنوان ")},
		{"invalid UTF-8 in a dateline", func() (*Article, error) {
			return Parse("عنوان الخبر\n\nبيروت: نذير \xedرضا\nنص الخبر هنا بالتفصيل.\nوفقرة ثانية.")
		}, &InvalidUTF8Error{}, len("عنوان الخبر\n\nبيروت: نذير ")},
		{"invalid UTF-8 near a repeat", func() (*Article, error) {
			return Parse("فقرة أولى طويلة.\nفقرة ثانية.\nفقرة أولى طويلة\xa0.")
		}, &InvalidUTF8Error{}, len("فقرة أولى طويلة.\nفقرة ثانية.\nفقرة أولى طويلة")},
		{"surrogate half", func() (*Article, error) { return Parse("abc \xed\xa0\x80 def") }, &InvalidUTF8Error{}, len("abc ")},
		{"overlong encoding", func() (*Article, error) { return Parse("نص \xc1\x81 نص") }, &InvalidUTF8Error{}, len("نص ")},
		{"overlong encoding inside a word", func() (*Article, error) { return Parse("كتب\xc1\x81ها نص") }, &InvalidUTF8Error{}, len("كتب")},
		{"Arabic lead byte without its second byte", func() (*Article, error) { return Parse("كتب\xd8ها نص") }, &InvalidUTF8Error{}, len("كتب")},
		{"Arabic lead byte before an ASCII letter", func() (*Article, error) { return Parse("كتب\xd8h نص") }, &InvalidUTF8Error{}, len("كتب")},
		{"NUL byte", func() (*Article, error) { return Parse("hello\x00world") }, ErrNotText, 0},
		{"NUL byte first", func() (*Article, error) { return Parse("\x00hello world") }, ErrNotText, 0},
		{"control characters past a quarter", func() (*Article, error) { return Parse("ab\x01") }, ErrNotText, 0},
		{"unit separator", func() (*Article, error) { return Parse("ab\x1f") }, ErrNotText, 0},
		{"delete", func() (*Article, error) { return Parse("ab\x7f") }, ErrNotText, 0},
		{"C1 control", func() (*Article, error) { return Parse("ab\u009f") }, ErrNotText, 0},
		{"private-use characters", func() (*Article, error) { return Parse("\uE000\uE000 ab") }, ErrNotText, 0},
		{"private-use characters, last of the area", func() (*Article, error) { return Parse("\uF8FF\uF8FF ab") }, ErrNotText, 0},
		{"non-characters", func() (*Article, error) { return Parse("\uFFFE\uFFFF ab") }, ErrNotText, 0},
		{"supplementary private use", func() (*Article, error) { return Parse("\U000F0000 ab") }, ErrNotText, 0},
		{"too large for a one-byte limit", func() (*Article, error) { return Parser{MaxBytes: 1}.Parse("ab") }, ErrTooLarge, 0},
		// The repeat decodes as its original does (U+FFFD), but is not
		// valid UTF-8 itself.
		{"invalid UTF-8 in a duplicate only", func() (*Article, error) {
			return Parse("العنوان\n\nنص طويل جدا \uFFFD في وسط الفقرة هنا.\n\nنص طويل جدا \xff في وسط الفقرة هنا.")
		}, &InvalidUTF8Error{}, len("العنوان\n\nنص طويل جدا \uFFFD في وسط الفقرة هنا.\n\nنص طويل جدا ")},
		{"mostly control characters", func() (*Article, error) {
			return Parse(strings.Repeat("\x01\x02\x1b", 20) + "abc")
		}, ErrNotText, 0},
		{"mostly replacement characters", func() (*Article, error) {
			return Parser{ReplaceInvalid: true}.Parse(strings.Repeat("\xfe\xff", 50) + "نص")
		}, ErrNotText, 0},
		{"too large", func() (*Article, error) { return Parser{MaxBytes: 10}.Parse(strings.Repeat("a", 11)) }, ErrTooLarge, 0},
		{"too large from a reader", func() (*Article, error) {
			return Parser{MaxBytes: 10}.ParseReader(strings.NewReader(strings.Repeat("a", 1000)))
		}, ErrTooLarge, 0},
		{"reader error", func() (*Article, error) { return ParseReader(iotest.ErrReader(errRead)) }, errRead, 0},
		{"reader error after data", func() (*Article, error) {
			return ParseReader(iotest.TimeoutReader(iotest.OneByteReader(strings.NewReader("abc"))))
		}, iotest.ErrTimeout, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.parse()
			if a != nil {
				t.Errorf("got an article with error %v", err)
			}
			if want, ok := tt.want.(*InvalidUTF8Error); ok {
				var got *InvalidUTF8Error
				if !errors.As(err, &got) {
					t.Fatalf("error = %v, want *InvalidUTF8Error", err)
				}
				want.Offset = tt.offset
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("error mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if diff := cmp.Diff(tt.want, err, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(err.Error(), "article: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	text := strings.Repeat("a", 10)
	if _, err := (Parser{MaxBytes: 10}).Parse(text); err != nil {
		t.Errorf("Parse at the limit: %v", err)
	}
	if _, err := (Parser{MaxBytes: 10}).ParseReader(strings.NewReader(text)); err != nil {
		t.Errorf("ParseReader at the limit: %v", err)
	}
	big := strings.Repeat("word ", DefaultMaxBytes/5+1)
	if _, err := Parse(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse of %d bytes: %v, want ErrTooLarge", len(big), err)
	}
}

func TestParseReplaceInvalid(t *testing.T) {
	in := "خبر \xff عاجل\n\nنص الخبر هنا."
	a, err := Parser{ReplaceInvalid: true}.Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	want := "خبر \uFFFD عاجل\n\nنص الخبر هنا."
	if a.Source != want {
		t.Errorf("Source = %q, want %q", a.Source, want)
	}
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
	if got := a.Text(a.Title); got != "خبر \uFFFD عاجل" {
		t.Errorf("title = %q", got)
	}
}

func TestParseReaderOK(t *testing.T) {
	a, err := ParseReader(iotest.HalfReader(strings.NewReader(arTitle + "\n\n" + arP1)))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Text(a.Title); got != arTitle {
		t.Errorf("title = %q, want %q", got, arTitle)
	}
}

// TestInvalidAnywhere puts an invalid byte sequence at many places of the
// test articles: Parse must name its offset wherever it lands (title,
// dateline, paragraph, duplicate, blank line), or repair it on request.
func TestInvalidAnywhere(t *testing.T) {
	bad := []string{"\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf", "\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, art := range testArticles(t) {
		f, src := art.path, art.text
		for range 200 {
			at := rng.IntN(len(src) + 1)
			for at < len(src) && !utf8.RuneStart(src[at]) {
				at++
			}
			in := src[:at] + bad[rng.IntN(len(bad))] + src[at:]
			_, err := Parse(in)
			var inv *InvalidUTF8Error
			if !errors.As(err, &inv) || inv.Offset != at {
				t.Fatalf("%s with %q at %d: error %v, want *InvalidUTF8Error at %d", f, in[at:min(at+4, len(in))], at, err, at)
			}
			a, err := Parser{ReplaceInvalid: true}.Parse(in)
			if err != nil {
				t.Fatalf("%s, repairing: %v", f, err)
			}
			if err := a.Validate(); err != nil || !utf8.ValidString(a.Source) {
				t.Fatalf("%s, repaired: %v", f, err)
			}
		}
	}
}

// TestJunkAtAQuarter: control characters up to a quarter of the visible
// bytes are tolerated.
func TestJunkAtAQuarter(t *testing.T) {
	if _, err := Parse("abc\x01"); err != nil {
		t.Errorf("three letters and a control character: %v", err)
	}
	// No-break spaces are blanks, not junk.
	if _, err := Parse("a\u00a0b\u00a0c"); err != nil {
		t.Errorf("letters and no-break spaces: %v", err)
	}
}
