package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
)

// Input reading has one entry point per kind of input: readInput for a
// FILE argument, standard input ("-") or the bundled sample, and lineInput
// (batch.go) for one JSON line. Both end in an input, whose text every
// command parses with o.parser().

// input is one article read from the command line or a JSON line.
type input struct {
	text string
	id   string
	// url and contentType come with a fetched page (page.go).
	url, contentType string
	// published is the article's publication date when it is known (the
	// bundled sample's), and the zero time otherwise.
	published time.Time
}

// samplePublished is the publication date of the bundled sample article,
// which reports the talks of Wednesday 20 August 2025 in Minsk. Like the
// "published" field of a JSON line, it is the reference for the sample's
// yearless dates.
var samplePublished = time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)

// parser returns the article parser the input flags ask for.
func (o *opts) parser() article.Parser {
	return article.Parser{MaxBytes: o.maxBytes.n, ReplaceInvalid: o.replaceInvalid}
}

// readInput reads the article named by the positional arguments of
// command c: a file, "-" for standard input, or the bundled sample when
// there is none. It enforces -max-bytes before reading a file whole and
// decodes UTF-16 and UTF-32 by their byte-order mark.
func readInput(e env, c *command, o *opts, args []string) (input, error) {
	var name string
	switch len(args) {
	case 0:
		return input{text: sample, id: "sample", published: samplePublished}, nil
	case 1:
		name = args[0]
		if isURL(name) {
			return fetchInput(context.Background(), http.DefaultClient, name)
		}
	default:
		return input{}, usageError(e, c, "one input file at a time, got %d: %s", len(args), strings.Join(args, " "))
	}
	limit := o.maxBytes.n
	r, id, what := e.stdin, "-", "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return input{}, err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > int64(limit) {
			return input{}, tooLarge(name, fi.Size(), limit)
		}
		r, id, what = f, filepath.Base(name), name
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return input{}, fmt.Errorf("reading %s: %w", what, err)
	}
	if len(b) > limit {
		return input{}, tooLarge(what, -1, limit)
	}
	text, err := decodeText(e, what, b)
	if err != nil {
		return input{}, err
	}
	return input{text: text, id: id}, nil
}

// tooLarge is the error of an input of size bytes (-1: unknown, over limit)
// that is over the limit; it wraps article.ErrTooLarge.
func tooLarge(what string, size int64, limit int) error {
	is := "is over"
	if size >= 0 {
		is = "is " + formatSize(size) + ", over"
	}
	hint := "raise it with -max-bytes, up to " + formatSize(article.MaxMaxBytes)
	if limit >= article.MaxMaxBytes {
		hint = "split it"
	}
	return fmt.Errorf("%w: %s %s the limit of %s; %s", article.ErrTooLarge, what, is, formatSize(int64(limit)), hint)
}

// byte-order marks, longest first: UTF-32LE's begins with UTF-16LE's.
var boms = []struct {
	mark []byte
	name string
	enc  encoding.Encoding
}{
	{[]byte{0xFF, 0xFE, 0, 0}, "UTF-32LE", utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)},
	{[]byte{0, 0, 0xFE, 0xFF}, "UTF-32BE", utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)},
	{[]byte{0xFF, 0xFE}, "UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
	{[]byte{0xFE, 0xFF}, "UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
}

// decodeText returns the text of b, read from what: b itself, or b decoded
// from UTF-16 or UTF-32 when it starts with their byte-order mark (said on
// standard error, since spans then index the decoded text). UTF-16 without
// a mark is named, with the fix, in an error wrapping article.ErrNotText.
func decodeText(e env, what string, b []byte) (string, error) {
	for _, bom := range boms {
		if !bytes.HasPrefix(b, bom.mark) {
			continue
		}
		d, err := bom.enc.NewDecoder().Bytes(b)
		if err != nil {
			return "", fmt.Errorf("decoding %s as %s: %w", what, bom.name, err)
		}
		fmt.Fprintf(e.stderr, "khabar: %s is %s (byte-order mark): decoded to UTF-8; spans index the UTF-8 text\n", what, bom.name)
		return string(d), nil
	}
	if enc := guessUTF16(b); enc != "" {
		return "", fmt.Errorf("%w: %s looks like %s without a byte-order mark; convert it first: iconv -f %s -t UTF-8 %s > article.txt",
			article.ErrNotText, what, enc, enc, shellWord(what))
	}
	return string(b), nil
}

// guessUTF16 returns "UTF-16LE" or "UTF-16BE" when b looks like text in that
// encoding, or "": NUL bytes, the high bytes of ASCII characters, at odd
// offsets only (little-endian) or even offsets only (big-endian), and for at
// least one character in 20 (and 8).
func guessUTF16(b []byte) string {
	b = b[:min(len(b), 4096)&^1]
	var zeros [2]int
	for i, c := range b {
		if c == 0 {
			zeros[i%2]++
		}
	}
	chars := len(b) / 2
	switch {
	case chars == 0:
	case zeros[1] >= 8 && zeros[1]*20 >= chars && zeros[0]*20 < zeros[1]:
		return "UTF-16LE"
	case zeros[0] >= 8 && zeros[0]*20 >= chars && zeros[1]*20 < zeros[0]:
		return "UTF-16BE"
	}
	return ""
}

// shellWord quotes s for a shell command line when it needs quoting.
func shellWord(s string) string {
	if s == "standard input" {
		return "FILE"
	}
	if strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// reference returns the date given with -ref, or else the input's
// publication date (both may be zero).
func (in input) reference(ref time.Time) time.Time {
	if ref.IsZero() {
		return in.published
	}
	return ref
}

// parseTarget reads the language tag given with -to; a bad tag is a usage
// error.
func parseTarget(e env, c *command, s string) (language.Tag, error) {
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und, usageError(e, c, "-to %q is not a language tag: %v", s, err)
	}
	return tag, nil
}

// parseDate reads a reference date: 2025-08-20, 2025-08-20T10:00:00Z (RFC
// 3339) or 2025-08-20 10:00:00. The empty string is the zero time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD or RFC 3339", s)
}

// dateFlag is a flag.Value holding a reference date.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

func (d *dateFlag) Set(s string) error {
	t, err := parseDate(s)
	if err != nil {
		return err
	}
	d.t = t
	return nil
}

// sizeFlag is a flag.Value holding a size in bytes, given in human units.
type sizeFlag struct{ n int }

func (f *sizeFlag) String() string {
	if f == nil || f.n == 0 {
		return ""
	}
	return formatSize(int64(f.n))
}

func (f *sizeFlag) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	if n > article.MaxMaxBytes {
		return fmt.Errorf("%s is over the largest size an article may have, %s", formatSize(n), formatSize(article.MaxMaxBytes))
	}
	if n <= 0 {
		return errors.New("the size must be at least 1 byte")
	}
	f.n = int(n)
	return nil
}

// units are the size suffixes parseSize accepts, in lower case: K, M and G
// are binary (KiB, MiB, GiB) as in most tools' flags; kB, MB and GB are
// decimal.
var units = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gib": 1 << 30,
	"kb": 1e3, "mb": 1e6, "gb": 1e9,
}

// parseSize reads a size such as 1048576, 512K, 64MiB, 1.5GB or 100 MB.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return !('0' <= r && r <= '9' || r == '.') })
	if i < 0 {
		i = len(t)
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	f, err := strconv.ParseFloat(num, 64)
	mult, ok := units[unit]
	if err != nil || !ok || f < 0 {
		return 0, fmt.Errorf("size %q is not a number of bytes with an optional unit (K, M, G, KiB, MiB, GiB, kB, MB, GB)", s)
	}
	if f*float64(mult) > 1<<50 {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return int64(f * float64(mult)), nil
}

// formatSize writes n bytes in binary units: "512 bytes", "16 MiB",
// "50.3 MiB".
func formatSize(n int64) string {
	if n < 1<<10 {
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	}
	v, unit := float64(n), ""
	for _, u := range []string{"KiB", "MiB", "GiB", "TiB"} {
		if v < 1<<10 && unit != "" {
			break
		}
		v, unit = v/(1<<10), u
	}
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), unit)
	}
	return fmt.Sprintf("%.1f %s", v, unit)
}
