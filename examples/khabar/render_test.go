package main

import (
	"strings"
	"testing"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// TestRenderEscapes checks that text from the article and from the page's
// metadata can never become markup, and that only http(s) links are made.
func TestRenderEscapes(t *testing.T) {
	src := "<script>alert(1)</script> & \"quoted\"\n\nTalks in <b>Minsk</b> & 'Brest' went on.\n"
	a, err := article.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	a.Page = &article.Page{URL: "javascript:alert(2)", Site: "<i>Site</i>", Authors: []string{"<img src=x onerror=alert(3)>"}}
	p := a.Paragraphs[0].Span
	res := &entities.Result{
		Entities: []entities.Entity{{Kind: entities.LOC, Name: "<Minsk>", Country: "B\"Y", Wikidata: "Q1\"><script>", Mentions: []article.Span{p}}},
		Mentions: []entities.Mention{{Span: p, Kind: entities.LOC, Entity: 0}},
	}
	var b strings.Builder
	if err := writeHTML(&b, &khabar.Document{ID: "<id>", Article: a, Extraction: res}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "<script"); n != 1 {
		t.Errorf("%d <script> tags, want only the page's own", n)
	}
	for _, bad := range []string{"<b>", "<i>", "<img", "javascript:", "<Minsk>", `href="https://www.wikidata.org/wiki/Q1"`} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Minsk&lt;/b&gt;", "&lt;i&gt;Site&lt;/i&gt;", "&lt;Minsk&gt;", "B&#34;Y"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestRenderPanel checks the parts of the page on the bundled sample: the
// headline as the page title, the legend, the panel's sections, and marks
// that point at panel items.
func TestRenderPanel(t *testing.T) {
	code, out, errs := runCmd(t, "", "render")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"<title>إيران وبيلاروسيا يتفقان على تقوية العلاقات الدفاعية والاستراتيجية</title>",
		`id="legend"`, `id="summary"`, `id="entities"`, `id="quotes"`, `id="timeline"`,
		`href="https://www.wikidata.org/wiki/Q184"`, `data-ref="m0"`, `data-ref="q0"`, `data-ref="d0"`,
		`data-label="2025-08-20"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(out, "src=") {
		t.Error("page loads a resource")
	}
}
