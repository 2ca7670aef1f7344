package page

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
)

// FuzzParse checks that any input either fails with a known error or gives
// a valid article whose page spans lie inside the input, in order of
// their ends, on the input's bytes.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.html")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte("<html><body><p>a &amp b &#1575; &copy2025</p><table><p>x</table></body></html>"), "text/html; charset=windows-1256")
	f.Add([]byte("<!doctype html><h1>T</h1><p>\x00\xff\xfe text</p>"), "")
	f.Fuzz(func(t *testing.T, src []byte, ct string) {
		a, err := Parse(src, Options{ContentType: ct})
		if err != nil {
			var inv *article.InvalidUTF8Error
			if errors.Is(err, ErrNotHTML) || errors.Is(err, ErrNoArticle) || errors.Is(err, ErrTooLarge) ||
				errors.Is(err, article.ErrNotText) || errors.Is(err, article.ErrTooLarge) || errors.As(err, &inv) {
				return
			}
			t.Fatalf("unexpected error %v", err)
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("invalid article: %v", err)
		}
		if !utf8.ValidString(a.Source) {
			t.Fatal("source is not UTF-8")
		}
		if a.Page == nil || len(a.Page.Paragraphs) != len(a.Paragraphs) {
			t.Fatalf("page spans do not match the paragraphs")
		}
		for i, s := range a.Page.Paragraphs {
			if s.Start < 0 || s.End > len(src) || s.Start > s.End {
				t.Fatalf("paragraph %d: page span %v out of %d bytes", i, s, len(src))
			}
		}
	})
}
