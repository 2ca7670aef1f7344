package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// foldedView is a view with blank runs folded to one space, so parses of
// one article in different shapes compare equal.
func foldedView(a *Article) view {
	v := viewOf(a)
	fold := func(s string) string { return strings.Join(fields(s), " ") }
	v.Title = fold(v.Title)
	for _, l := range [][]string{v.Datelines, v.Paragraphs, v.Duplicates} {
		for i := range l {
			l[i] = fold(l[i])
		}
	}
	return v
}

// wrapLine hard-wraps one line at width runes.
func wrapLine(l string, width int) string {
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(l) {
		n := len([]rune(w))
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// TestShapeInvariance parses each test article, written one paragraph a
// line, in the other shapes articles arrive in, and expects the same title,
// datelines, paragraphs and duplicates.
func TestShapeInvariance(t *testing.T) {
	// Articles whose body is one paragraph a line after a title block.
	names := []string{"seed-ar-iran-belarus", "ar-agency", "fa-irna", "ur-bus", "en-reuters", "ar-notitle-lines", "ar-crlf-bom"}
	shapes := map[string]func(title string, body []string) string{
		"CRLF": func(title string, body []string) string {
			return strings.ReplaceAll(title+"\n\n"+strings.Join(body, "\n")+"\n", "\n", "\r\n")
		},
		"one a line with stray blank lines": func(title string, body []string) string {
			var b strings.Builder
			b.WriteString(title + "\n\n")
			for i, p := range body {
				b.WriteString(p + "\n")
				if i%3 == 1 {
					b.WriteString("\n")
				}
			}
			return b.String()
		},
		"BOM": func(title string, body []string) string {
			return "\uFEFF" + title + "\n\n" + strings.Join(body, "\n")
		},
		"blank lines and indentation": func(title string, body []string) string {
			return "   " + title + "\n\n    " + strings.Join(body, "  \n\n    ") + "\n\n"
		},
		"hard-wrapped between blank lines": func(title string, body []string) string {
			var b strings.Builder
			b.WriteString(title + "\n\n")
			for _, p := range body {
				b.WriteString(wrapLine(p, 60) + "\n\n")
			}
			return b.String()
		},
		"hard-wrapped, indented first lines": func(title string, body []string) string {
			var b strings.Builder
			b.WriteString(title + "\n\n")
			for _, p := range body {
				b.WriteString("    " + wrapLine(p, 70) + "\n")
			}
			return b.String()
		},
	}
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(src)), "\n")
		title, body := lines[0], []string{}
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) != "" {
				body = append(body, strings.TrimSpace(l))
			}
		}
		want := foldedView(mustParse(t, title+"\n\n"+strings.Join(body, "\n")))
		for shape, make := range shapes {
			t.Run(name+"/"+shape, func(t *testing.T) {
				a := mustParse(t, make(title, body))
				if diff := cmp.Diff(want, foldedView(a)); diff != "" {
					t.Errorf("parse differs from the one-paragraph-a-line shape (-want +got):\n%s", diff)
				}
			})
		}
	}
}
