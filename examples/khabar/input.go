package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
)

// newFlags returns a flag set that reports errors as usage errors.
func newFlags(e env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: khabar %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// refFlag defines the -ref flag on fs.
func refFlag(fs *flag.FlagSet) *dateFlag {
	var d dateFlag
	fs.Var(&d, "ref", "reference `DATE` (YYYY-MM-DD) for relative and yearless dates")
	return &d
}

// parseTarget reads the language tag given with -to to command cmd; a bad
// tag is a usage error.
func parseTarget(e env, cmd, s string) (language.Tag, error) {
	tag, err := language.Parse(s)
	if err != nil {
		fmt.Fprintf(e.stderr, "khabar %s: -to %q is not a language tag: %v\n", cmd, s, err)
		return language.Und, errUsage
	}
	return tag, nil
}

// writeJSON writes v to w as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// parseFlags parses args and turns any problem into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// input is one article read from the command line.
type input struct {
	text string
	id   string
	// published is the article's publication date when it is known (the
	// bundled sample's), and the zero time otherwise.
	published time.Time
	// url and contentType come with a fetched page (page.go).
	url, contentType string
}

// samplePublished is the publication date of the bundled sample article,
// which reports the talks of Wednesday 20 August 2025 in Minsk. Like the
// "published" field of a JSON line, it is the reference for the sample's
// yearless dates.
var samplePublished = time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)

// readInput reads the article named by the arguments: a file, "-" for
// standard input, or the bundled sample when there is no argument.
func readInput(e env, args []string) (input, error) {
	switch {
	case len(args) == 0:
		return input{text: sample, id: "sample", published: samplePublished}, nil
	case len(args) > 1:
		fmt.Fprintf(e.stderr, "khabar: one input file at a time, got %d\n", len(args))
		return input{}, errUsage
	case isURL(args[0]):
		return fetchInput(context.Background(), http.DefaultClient, args[0])
	case args[0] == "-":
		b, err := io.ReadAll(io.LimitReader(e.stdin, article.DefaultMaxBytes+1))
		if err != nil {
			return input{}, fmt.Errorf("reading standard input: %w", err)
		}
		return input{text: string(b), id: "-"}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return input{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, article.DefaultMaxBytes+1))
	if err != nil {
		return input{}, fmt.Errorf("reading %s: %w", args[0], err)
	}
	return input{text: string(b), id: filepath.Base(args[0])}, nil
}

// reference returns the date given with -ref, or else the input's
// publication date (both may be zero).
func (in input) reference(ref time.Time) time.Time {
	if ref.IsZero() {
		return in.published
	}
	return ref
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
	if d.t.IsZero() {
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
