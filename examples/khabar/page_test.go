package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar"
)

// pageEN is the English test page of package article/page, read here
// too rather than kept twice.
const pageEN = "../../article/page/testdata/en-news.html"

// TestPageInput runs extract on the English test page given as a file, on
// standard input and in a JSON line's "html", and checks the page's part
// of the JSON contract: "text" that every span indexes, "page", and each
// paragraph's "html" span into the page's bytes.
func TestPageInput(t *testing.T) {
	src, err := os.ReadFile(pageEN)
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(map[string]string{"id": "p1", "html": string(src)})
	cases := []struct {
		name, stdin string
		args        []string
	}{
		{"file", "", []string{"extract", "-json", pageEN}},
		{"stdin", string(src), []string{"extract", "-json", "-"}},
		{"jsonl", string(line) + "\n", []string{"extract", "-jsonl"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCmd(t, c.stdin, c.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var obj map[string]any
			if err := json.Unmarshal([]byte(out), &obj); err != nil {
				t.Fatal(err)
			}
			text, _ := obj["text"].(string)
			if text == "" {
				t.Fatal(`no "text" for a page`)
			}
			checkDocument(t, text, obj)
			pg, _ := obj["page"].(map[string]any)
			want := map[string]any{
				"url": "https://gazette.example/world/2025/08/20/minsk-trade-accord", "site": "The Harbour Gazette",
				"title": "Talks in Minsk end with a new trade accord", "published": "2025-08-20T16:05:00Z", "lang": "en",
			}
			for k, v := range want {
				if pg[k] != v {
					t.Errorf("page.%s = %v, want %v", k, pg[k], v)
				}
			}
			if a, _ := pg["author"].([]any); len(a) != 1 || a[0] != "Dana Whitfield" {
				t.Errorf("page.author = %v", pg["author"])
			}
			paras := obj["paragraphs"].([]any)
			if len(paras) < 5 {
				t.Fatalf("%d paragraphs", len(paras))
			}
			for i, p := range paras {
				pm := p.(map[string]any)
				h, ok := pm["html"].([]any)
				if !ok {
					t.Errorf("paragraph %d has no html span", i)
					continue
				}
				s, e := int(h[0].(float64)), int(h[1].(float64))
				sp := pm["span"].([]any)
				para := text[int(sp[0].(float64)):int(sp[1].(float64))]
				if s < 0 || e > len(src) || tags.ReplaceAllString(string(src[s:e]), "") != para {
					t.Errorf("paragraph %d: page bytes [%d,%d] do not hold %q", i, s, e, para)
				}
			}
			// The page's publication date is the reference: October
			// resolves to 2025.
			found := false
			for _, d := range obj["dates"].([]any) {
				dm := d.(map[string]any)
				if dm["text"] == "October" {
					found = dm["value"] == "2025-10"
				}
			}
			if !found {
				t.Errorf("October not resolved against the publication date: %v", obj["dates"])
			}
		})
	}
}

// tags matches the tags that a paragraph's page bytes may hold inline.
var tags = regexp.MustCompile(`<[^>]*>`)

// TestPageNotText checks that a page is never read as text: the bundled
// sample's report has no markup, and HTML in a "text" field is parsed as a
// page, while "html" that is not a page is refused.
func TestPageNotText(t *testing.T) {
	src, _ := os.ReadFile(pageEN)
	l1, _ := json.Marshal(map[string]any{"id": 1, "text": string(src)})
	l2, _ := json.Marshal(map[string]any{"id": 2, "html": "just some words, no page"})
	code, out, _ := runCmd(t, string(l1)+"\n"+string(l2)+"\n", "extract", "-jsonl")
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"page":`) || !strings.Contains(lines[1], `does not look like an HTML page`) {
		t.Errorf("output:\n%s", out)
	}
	code, out, errs := runCmd(t, string(src), "report", "-")
	if code != exitOK || strings.Contains(out, "DOCTYPE") || strings.Contains(out, "<") || !strings.Contains(out, "Language:   en") {
		t.Errorf("report on a page: exit %d\n%s%s", code, out, errs)
	}
}

// TestFetch fetches pages from a loopback server: a good page, and each
// way fetching fails.
func TestFetch(t *testing.T) {
	page, _ := os.ReadFile(pageEN)
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>"))
		chunk := []byte(strings.Repeat("word ", 1<<16))
		for n := 0; n <= fetchMaxBytes; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("plain words pretending"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	in, err := fetchInput(context.Background(), srv.Client(), srv.URL+"/ok")
	if err != nil {
		t.Fatal(err)
	}
	if !isPage(in.text) || in.url != srv.URL+"/ok" || !strings.HasPrefix(in.contentType, "text/html") || !strings.HasPrefix(gotUA, "khabar/") {
		t.Errorf("fetched input %q %q, User-Agent %q", in.url, in.contentType, gotUA)
	}
	for _, c := range []struct{ path, want string }{
		{"/missing", "HTTP status 404"},
		{"/pdf", `content type "application/pdf" is not an HTML page`},
		{"/loop", "redirects"},
		{"/big", "larger than"},
		{"/text", "does not look like an HTML page"},
	} {
		_, err := fetchInput(context.Background(), srv.Client(), srv.URL+c.path)
		if !errors.Is(err, errFetch) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one with %q", c.path, err, c.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := fetchInput(ctx, srv.Client(), srv.URL+"/ok"); !errors.Is(err, errFetch) {
		t.Errorf("cancelled: error %v", err)
	}
	// The command line fetches a URL argument.
	code, out, errs := runCmd(t, "", "extract", srv.URL+"/ok")
	if code != exitOK || !strings.Contains(out, `"site": "The Harbour Gazette"`) {
		t.Errorf("extract URL: exit %d: %s", code, errs)
	}
	code, _, errs = runCmd(t, "", "extract", srv.URL+"/missing")
	if code != exitFailed || !strings.Contains(errs, "404") {
		t.Errorf("extract missing URL: exit %d: %s", code, errs)
	}
}

// TestPageRoundTrip checks that a page's JSON object decodes to a document
// that encodes to the same object: the page and its spans survive.
func TestPageRoundTrip(t *testing.T) {
	code, out, errs := runCmd(t, "", "extract", "-json", pageEN)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc khabar.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Article.Page == nil || doc.Article.Page.Site != "The Harbour Gazette" {
		t.Fatalf("page lost: %+v", doc.Article.Page)
	}
	again, err := json.MarshalIndent(&doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.TrimSpace(out), string(again)); diff != "" {
		t.Errorf("round trip mismatch (-first +second):\n%s", diff)
	}
}
