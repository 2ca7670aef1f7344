package page

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/khabar-go/khabar/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// result is what the golden files record of a parsed page.
type result struct {
	Title      string   `json:"title"`
	Lang       string   `json:"lang"`
	Datelines  []string `json:"datelines"`
	Paragraphs []string `json:"paragraphs"`
	Duplicates []string `json:"duplicates,omitempty"`
	URL        string   `json:"url"`
	Site       string   `json:"site"`
	PageTitle  string   `json:"page_title"`
	Authors    []string `json:"authors"`
	Published  string   `json:"published"`
	Modified   string   `json:"modified"`
	PageLang   string   `json:"page_lang"`
	Charset    string   `json:"charset"`
}

func summarise(a *article.Article) result {
	p := a.Page
	when := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	r := result{
		Title: a.Text(a.Title), Lang: a.Lang.String(), URL: p.URL, Site: p.Site, PageTitle: p.Title,
		Authors: p.Authors, Published: when(p.Published), Modified: when(p.Modified), PageLang: p.Lang.String(), Charset: p.Charset,
	}
	for _, d := range a.Datelines {
		r.Datelines = append(r.Datelines, a.Text(d))
	}
	for _, para := range a.Paragraphs {
		r.Paragraphs = append(r.Paragraphs, a.Text(para.Span))
	}
	for _, d := range a.Duplicates {
		r.Duplicates = append(r.Duplicates, a.Text(d))
	}
	return r
}

// TestGolden parses the pages of testdata, written for these tests in the
// shape of real news pages, and compares what it finds with the golden
// files; it also checks every paragraph's span in the page.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(src, Options{URL: "https://news.example/" + filepath.Base(f)})
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Validate(); err != nil {
				t.Errorf("invalid article: %v", err)
			}
			checkPageSpans(t, src, a)
			got := summarise(a)
			golden := strings.TrimSuffix(f, ".html") + ".golden.json"
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			var want result
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", f, diff)
			}
		})
	}
}

// checkPageSpans checks that each paragraph's span in the page holds the
// paragraph's text: the page's bytes there, decoded, stripped of markup
// and of white space, equal the paragraph without white space.
func checkPageSpans(t *testing.T, src []byte, a *article.Article) {
	t.Helper()
	p := a.Page
	if len(p.Paragraphs) != len(a.Paragraphs) {
		t.Fatalf("%d page spans for %d paragraphs", len(p.Paragraphs), len(a.Paragraphs))
	}
	enc, _ := charset.Lookup(p.Charset)
	if enc == nil {
		t.Fatalf("charset %q unknown", p.Charset)
	}
	for i, s := range p.Paragraphs {
		if s.Empty() || s.Start < 0 || s.End > len(src) {
			t.Errorf("paragraph %d: page span %v", i, s)
			continue
		}
		raw, err := enc.NewDecoder().Bytes(src[s.Start:s.End])
		if err != nil {
			t.Fatal(err)
		}
		got := stripSpace(markupText(t, raw))
		want := stripSpace(a.Text(a.Paragraphs[i].Span))
		if got != want {
			t.Errorf("paragraph %d: page span %v holds %q, want %q", i, s, got, want)
		}
	}
}

// markupText returns the text of an HTML fragment.
func markupText(t *testing.T, b []byte) string {
	var out strings.Builder
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.String()
		case html.TextToken:
			out.Write(z.Text())
		}
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		opts Options
		want error
	}{
		{"plain text", "A headline\n\nA paragraph that is not a page <b>at all</b>.", Options{}, ErrNotHTML},
		{"empty", "", Options{}, ErrNotHTML},
		{"no article", "<!doctype html><html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>", Options{}, ErrNoArticle},
		{"too large", "<html><body><p>" + strings.Repeat("word ", 100) + "</p></body></html>", Options{MaxBytes: 100}, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.in), c.opts)
			if !errors.Is(err, c.want) {
				t.Errorf("Parse() error %v, want %v", err, c.want)
			}
		})
	}
}

func TestIsHTML(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html></html>", true},
		{"\ufeff  \n<html lang=ar>", true},
		{"<!-- saved page --><html>", true},
		{"<meta charset=utf-8><title>x</title><p>text", true},
		{"<div>a fragment</div>", false},
		{"وزير الخارجية يزور مينسك\n\n<html> appears later", false},
		{"Talks in Minsk", false},
		{"", false},
	}
	for _, c := range cases {
		if got := IsHTML([]byte(c.in)); got != c.want {
			t.Errorf("IsHTML(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestDecodeOffsets checks the map from decoded offsets back to the page's
// bytes for single-byte, multi-byte and repaired input.
func TestDecodeOffsets(t *testing.T) {
	cases := []struct {
		name, ct string
		src      []byte
	}{
		{"utf-8", "", []byte("<p>سلام علیکم</p>")},
		{"invalid utf-8", "text/html; charset=utf-8", []byte("<p>a\xffb سلام</p>")},
		{"windows-1256", "text/html; charset=windows-1256", []byte("<p>\xc7\xe1\xd3\xe1\xc7\xe3 a</p>")},
		{"shift_jis", "text/html; charset=shift_jis", []byte("<p>\x93\xfa\x96\x7b</p>")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := decode(c.src, c.ct)
			// Every rune boundary of the text maps to a boundary of the
			// source whose prefix decodes to the text's prefix.
			for i := 0; i <= len(d.text); {
				o := d.offset(i)
				if d.enc != nil {
					pre, _ := d.enc.NewDecoder().Bytes(c.src[:o])
					if string(pre) != d.text[:i] {
						t.Errorf("offset(%d) = %d: %q decodes to %q, want %q", i, o, c.src[:o], pre, d.text[:i])
					}
				} else if o != i {
					t.Errorf("offset(%d) = %d on UTF-8", i, o)
				}
				if i == len(d.text) {
					break
				}
				_, n := utf8.DecodeRuneInString(d.text[i:])
				i += n
			}
		})
	}
}
