// Command pagebench compares HTML extraction libraries on public development
// pages: the annotated pages of trafilatura's evaluation (found in the
// go-trafilatura module, "with" and "without" snippets per page) and
// readability's test pages (source and expected page). It prints, for each
// library, the snippet F1 (trafilatura's measure), the body token F1 against
// readability's expected text, and the time per page.
//
// It is a module of its own, so khabar does not depend on the libraries it
// compares. The ScrapingHub article-extraction benchmark is not used here:
// it is the judge.
//
//	cd article/page/pagebench && go run . [-n 3]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/khabar-go/khabar/article/page"
)

type extractor struct {
	name string
	run  func(src []byte) string
}

func main() {
	rounds := flag.Int("n", 1, "time each page over `N` runs")
	only := flag.String("only", "", "run only the libraries whose name contains `TEXT`")
	flag.Parse()
	traf := moduleDir("github.com/markusmobius/go-trafilatura")
	read := moduleDir("codeberg.org/readeck/go-readability/v2")
	exts := []extractor{
		{"readeck/go-readability v2", func(src []byte) string {
			a, err := readability.FromReader(bytes.NewReader(src), nil)
			if err != nil || a.Node == nil {
				return ""
			}
			var b strings.Builder
			a.RenderText(&b)
			return b.String()
		}},
		{"go-trafilatura", func(src []byte) string {
			r, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{})
			if err != nil || r == nil {
				return ""
			}
			return r.ContentText
		}},
		{"go-trafilatura (fallback)", func(src []byte) string {
			r, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{EnableFallback: true})
			if err != nil || r == nil {
				return ""
			}
			return r.ContentText
		}},
		{"khabar article/page", func(src []byte) string {
			a, err := page.Parse(src, page.Options{})
			if err != nil {
				return ""
			}
			// The paragraphs, as the command line's JSON gives them.
			var b strings.Builder
			for _, p := range a.Paragraphs {
				b.WriteString(a.Text(p.Span))
				b.WriteString("\n\n")
			}
			return b.String()
		}},
	}
	snips := loadSnippets(traf)
	pairs := loadReadability(read)
	fmt.Printf("%d trafilatura evaluation pages, %d readability test pages\n\n", len(snips), len(pairs))
	fmt.Printf("| library | snippet P / R / F1 | readability pages token F1 | ms/page |\n| --- | --- | --- | --- |\n")
	for _, ex := range exts {
		if !strings.Contains(ex.name, *only) {
			continue
		}
		var tp, fp, fn, tn int
		var dur time.Duration
		pages := 0
		for _, s := range snips {
			var text string
			start := time.Now()
			for i := 0; i < *rounds; i++ {
				text = ex.run(s.src)
			}
			dur += time.Since(start) / time.Duration(*rounds)
			pages++
			norm := squash(text)
			for _, w := range s.with {
				if strings.Contains(norm, squash(w)) {
					tp++
				} else {
					fn++
				}
			}
			for _, w := range s.without {
				if strings.Contains(norm, squash(w)) {
					fp++
				} else {
					tn++
				}
			}
		}
		var f1sum float64
		for _, p := range pairs {
			start := time.Now()
			var text string
			for i := 0; i < *rounds; i++ {
				text = ex.run(p.src)
			}
			dur += time.Since(start) / time.Duration(*rounds)
			pages++
			f1sum += tokenF1(text, p.want)
		}
		pr := float64(tp) / float64(tp+fp)
		rc := float64(tp) / float64(tp+fn)
		fmt.Printf("| %s | %.3f / %.3f / %.3f | %.3f | %.1f |\n", ex.name, pr, rc, 2*pr*rc/(pr+rc),
			f1sum/float64(len(pairs)), float64(dur.Microseconds())/1000/float64(pages))
	}
}

func moduleDir(path string) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path).Output()
	if err != nil {
		log.Fatalf("go list -m %s: %v", path, err)
	}
	return strings.TrimSpace(string(out))
}

type snippetPage struct {
	src           []byte
	with, without []string
}

var hashName = regexp.MustCompile(`^[0-9a-f]{32}\.html$`)

// loadSnippets reads the annotations of go-trafilatura's comparison script
// (scripts/comparison/data.go) with go/parser and the pages they name. Pages
// named by a bare hash are left out: their origin is not stated.
func loadSnippets(dir string) []snippetPage {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(dir, "scripts/comparison/data.go"), nil, 0)
	if err != nil {
		log.Fatal(err)
	}
	var out []snippetPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		lit, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var file string
		var sp snippetPage
		for _, e := range lit.Elts {
			fkv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, _ := fkv.Key.(*ast.Ident)
			if key == nil {
				continue
			}
			switch key.Name {
			case "File":
				file = str(fkv.Value)
			case "With":
				sp.with = strs(fkv.Value)
			case "Without":
				sp.without = strs(fkv.Value)
			}
		}
		if file == "" || hashName.MatchString(file) || len(sp.with)+len(sp.without) == 0 {
			return false
		}
		b, err := os.ReadFile(filepath.Join(dir, "test-files/comparison", file))
		if err != nil {
			return false
		}
		sp.src = b
		out = append(out, sp)
		return false
	})
	return out
}

func str(e ast.Expr) string {
	if bl, ok := e.(*ast.BasicLit); ok {
		s, err := strconv.Unquote(bl.Value)
		if err == nil {
			return s
		}
	}
	return ""
}

func strs(e ast.Expr) []string {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, x := range cl.Elts {
		if s := str(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

type pagePair struct {
	src  []byte
	want string
}

func loadReadability(dir string) []pagePair {
	ds, _ := filepath.Glob(filepath.Join(dir, "test-pages/*/source.html"))
	sort.Strings(ds)
	var out []pagePair
	for _, s := range ds {
		src, err1 := os.ReadFile(s)
		exp, err2 := os.ReadFile(filepath.Join(filepath.Dir(s), "expected.html"))
		if err1 != nil || err2 != nil {
			continue
		}
		n, err := html.Parse(bytes.NewReader(exp))
		if err != nil {
			continue
		}
		out = append(out, pagePair{src, nodeText(n)})
	}
	return out
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// squash lower-cases s and removes white space, for snippet matching.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// tokenF1 is the bag-of-words F1 of got against want, words split at
// anything but letters and digits, lower-cased.
func tokenF1(got, want string) float64 {
	split := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[w]++
		}
		return m
	}
	g, w := split(got), split(want)
	var common, ng, nw int
	for k, c := range g {
		ng += c
		common += min(c, w[k])
	}
	for _, c := range w {
		nw += c
	}
	if ng == 0 || nw == 0 {
		if ng == nw {
			return 1
		}
		return 0
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
