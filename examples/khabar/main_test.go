package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// runCmd runs the command line args with stdin and returns the exit code
// and what was written to standard output and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runEnv(stdin, nil, args...)
}

// runEnv runs the command line args with stdin and the environment
// variables vars.
func runEnv(stdin string, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// checkDocument checks the JSON contract on one output object: every list
// is present, every span slices src on UTF-8 boundaries to the text given
// beside it, and lists are sorted.
func checkDocument(t *testing.T, src string, obj map[string]any) {
	t.Helper()
	for _, k := range []string{"id", "lang", "dir", "title", "paragraphs", "duplicates", "entities", "mentions", "quotes", "dates", "summary"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("JSON object has no %q", k)
		}
	}
	span := func(v any) (int, int) {
		a, ok := v.([]any)
		if !ok || len(a) != 2 {
			t.Fatalf("span %v is not [s, e]", v)
		}
		s, e := int(a[0].(float64)), int(a[1].(float64))
		if s < 0 || s > e || e > len(src) || !utf8.RuneStart(src[s]) || (e < len(src) && !utf8.RuneStart(src[e])) {
			t.Fatalf("span [%d,%d] is not a valid span of %d bytes", s, e, len(src))
		}
		return s, e
	}
	checkText := func(what string, m map[string]any) {
		s, e := span(m["span"])
		if got, want := m["text"], src[s:e]; got != want {
			t.Errorf("%s text %q, span slices to %q", what, got, want)
		}
	}
	if title, ok := obj["title"].(map[string]any); ok {
		checkText("title", title)
	}
	last := -1
	for _, p := range obj["paragraphs"].([]any) {
		pm := p.(map[string]any)
		s, e := span(pm["span"])
		if s < last {
			t.Errorf("paragraph at %d comes after one that ends at %d", s, last)
		}
		last = e
		for _, sen := range pm["sentences"].([]any) {
			ss, se := span(sen)
			if ss < s || se > e {
				t.Errorf("sentence [%d,%d] outside its paragraph [%d,%d]", ss, se, s, e)
			}
		}
	}
	for _, k := range []string{"mentions", "quotes", "dates"} {
		prev := -1
		for _, v := range obj[k].([]any) {
			m := v.(map[string]any)
			checkText(k, m)
			s, _ := span(m["span"])
			if s < prev {
				t.Errorf("%s not sorted: %d after %d", k, s, prev)
			}
			prev = s
		}
	}
	ents := len(obj["entities"].([]any))
	for _, v := range obj["mentions"].([]any) {
		if i := int(v.(map[string]any)["entity"].(float64)); i < -1 || i >= ents {
			t.Errorf("mention entity index %d out of range [-1,%d)", i, ents)
		}
	}
}

func TestExtractSample(t *testing.T) {
	code, out, errs := runCmd(t, "", "extract", "-json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	checkDocument(t, sample, obj)
	if got := obj["lang"]; got != "ar" {
		t.Errorf("lang = %v, want ar", got)
	}
	if got := obj["dir"]; got != "rtl" {
		t.Errorf("dir = %v, want rtl", got)
	}
	if n := len(obj["paragraphs"].([]any)); n != 15 {
		t.Errorf("%d paragraphs, want 15", n)
	}
	if n := len(obj["duplicates"].([]any)); n != 1 {
		t.Errorf("%d duplicates, want 1", n)
	}
	if n := len(obj["mentions"].([]any)); n == 0 {
		t.Error("no mentions in the sample")
	}
	// The sample's yearless date resolves against its publication date.
	var values []any
	for _, d := range obj["dates"].([]any) {
		values = append(values, d.(map[string]any)["value"])
	}
	if want := []any{"2025-08-20", "1994", "2023-03"}; !cmp.Equal(values, want) {
		t.Errorf("date values %v, want %v", values, want)
	}
	if n := len(obj["summary"].(map[string]any)["sentences"].([]any)); n == 0 {
		t.Error("no summary sentences for the sample")
	}
}

func TestExtractStdinAndRef(t *testing.T) {
	text := "عنوان الخبر\n\nقال الرئيس يوم الأربعاء 20 أغسطس إن الاجتماع كان مثمرا.\n"
	code, out, errs := runCmd(t, text, "extract", "-ref", "2025-09-01", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatal(err)
	}
	checkDocument(t, text, obj)
	dates := obj["dates"].([]any)
	if len(dates) != 1 || dates[0].(map[string]any)["value"] != "2025-08-20" {
		t.Errorf("dates = %v, want one resolved to 2025-08-20", dates)
	}
}

func TestUsageAndErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		errText string
	}{
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"file as command", []string{"sample.txt"}, exitUsage, "khabar report sample.txt"},
		{"flag before the command", []string{"-ref", "2025-01-01", "report"}, exitUsage, "flags come after it"},
		{"help on an unknown command", []string{"help", "frobnicate"}, exitUsage, "no command"},
		{"bad flag", []string{"extract", "-nope", "x"}, exitUsage, "flag provided but not defined: -nope"},
		{"bad flag after the file", []string{"extract", "sample.txt", "-nope"}, exitUsage, "flag provided but not defined: -nope"},
		{"two files", []string{"extract", "a", "b"}, exitUsage, "one input file at a time, got 2"},
		{"bad ref", []string{"extract", "-ref", "yesterday", "sample.txt"}, exitUsage, "not YYYY-MM-DD"},
		{"bad size", []string{"extract", "-max-bytes", "lots", "sample.txt"}, exitUsage, "not a number of bytes"},
		{"size over the largest", []string{"extract", "-max-bytes", "2GiB", "sample.txt"}, exitUsage, "over the largest size"},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, exitFailed, "no such file"},
		{"empty file", []string{"extract", empty}, exitFailed, "empty input"},
		{"extract -json=false", []string{"extract", "-json=false", "sample.txt"}, exitUsage, "khabar report"},
		{"extract -json -jsonl", []string{"extract", "-json", "-jsonl"}, exitUsage, "-json and -jsonl cannot be used together"},
		{"jsonl with file", []string{"extract", "-jsonl", "sample.txt"}, exitUsage, "takes no file"},
		{"skip-blank without jsonl", []string{"extract", "-skip-blank", "sample.txt"}, exitUsage, "-skip-blank needs -jsonl"},
		{"workers without jsonl", []string{"extract", "-workers", "3", "sample.txt"}, exitUsage, "-workers needs -jsonl"},
		{"summarize bad budget", []string{"summarize", "-sentences", "-1", "sample.txt"}, exitUsage, "budget"},
		{"summarize -words and -sentences", []string{"summarize", "-words", "5", "-sentences", "2"}, exitUsage, "-sentences and -words cannot be used together"},
		{"summarize -to without -llm", []string{"summarize", "-to", "en", "sample.txt"}, exitUsage, "needs -llm"},
		{"summarize -timeout without -llm", []string{"summarize", "-timeout", "1m", "sample.txt"}, exitUsage, "-timeout needs -llm"},
		{"summarize -llm unconfigured", []string{"summarize", "-llm", "sample.txt"}, exitFailed, "OPENAI_API_KEY"},
		{"translate without -to", []string{"translate", "sample.txt"}, exitUsage, "-to LANG is required"},
		{"translate bad tag", []string{"translate", "-to", "not a tag!", "sample.txt"}, exitUsage, "not a language tag"},
		{"translate -jsonl with file", []string{"translate", "-to", "en", "-jsonl", "sample.txt"}, exitUsage, "take no file"},
		{"translate -jsonl -batch", []string{"translate", "-to", "en", "-jsonl", "-batch", "s.json"}, exitUsage, "-jsonl and -batch cannot be used together"},
		{"translate -json -jsonl", []string{"translate", "-to", "en", "-json", "-jsonl"}, exitUsage, "-json and -jsonl cannot be used together"},
		{"translate -poll without -batch", []string{"translate", "-to", "en", "-poll", "1s", "sample.txt"}, exitUsage, "-poll needs -batch"},
		{"translate -skip-blank alone", []string{"translate", "-to", "en", "-skip-blank", "sample.txt"}, exitUsage, "-skip-blank needs -jsonl or -batch"},
		{"translate -workers with -batch", []string{"translate", "-to", "en", "-batch", "s.json", "-workers", "2"}, exitUsage, "-workers needs -jsonl"},
		{"translate unconfigured", []string{"translate", "-to", "en", "sample.txt"}, exitFailed, "OPENAI_API_KEY"},
		{"version with an argument", []string{"version", "x"}, exitUsage, "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.errText) {
				t.Errorf("stderr %q does not contain %q", errs, tt.errText)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if tt.code == exitUsage && !strings.Contains(errs, "-h' for help") && !strings.Contains(errs, "the commands are") {
				t.Errorf("usage error without a pointer to help: %q", errs)
			}
		})
	}
}

// TestReportSample checks the default report on the bundled sample
// against the extract command's JSON for the same article: the counts in
// the headings (none of them zero on the sample), one line per entity
// with its kind, name and mention count, one per quote with its speaker,
// one per date with its value and precision, and the summary's sentences.
// TestWriteReport checks the layout line by line on a document built by
// hand.
func TestReportSample(t *testing.T) {
	code, out, errs := runCmd(t, "")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	code, js, errs := runCmd(t, "", "extract", "-json")
	if code != exitOK {
		t.Fatalf("extract: exit %d, stderr %s", code, errs)
	}
	var doc struct {
		Title      struct{ Text string }
		Paragraphs []any
		Duplicates []any
		Mentions   []any
		Entities   []struct {
			Kind, Name string
			Mentions   []any
		}
		Quotes []struct {
			Kind    string
			Speaker *struct{ Name string }
		}
		Dates []struct {
			Text, Value, Precision string
		}
		Summary struct{ Sentences [][2]int }
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Entities) == 0 || len(doc.Quotes) == 0 || len(doc.Dates) == 0 || len(doc.Summary.Sentences) == 0 {
		t.Fatalf("the sample gave %d entities, %d quotes, %d dates, %d summary sentences: want some of each",
			len(doc.Entities), len(doc.Quotes), len(doc.Dates), len(doc.Summary.Sentences))
	}
	lines := strings.Split(out, "\n")
	// section returns the lines under the heading that starts with head,
	// up to the next blank line, and checks the heading is exactly want.
	section := func(head, want string) []string {
		t.Helper()
		for i, l := range lines {
			if strings.HasPrefix(l, head) {
				if l != want {
					t.Errorf("heading %q, want %q", l, want)
				}
				var body []string
				for _, b := range lines[i+1:] {
					if b == "" {
						break
					}
					body = append(body, b)
				}
				return body
			}
		}
		t.Fatalf("report has no %q heading:\n%s", head, out)
		return nil
	}
	for _, want := range []string{
		"Title:      " + doc.Title.Text,
		"Language:   ar (rtl)",
		fmt.Sprintf("Structure:  %d paragraphs,", len(doc.Paragraphs)),
		fmt.Sprintf("%d repeated paragraphs set aside", len(doc.Duplicates)),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	ents := section("Entities (", fmt.Sprintf("Entities (%d, from %d mentions)", len(doc.Entities), len(doc.Mentions)))
	if len(ents) != len(doc.Entities) {
		t.Errorf("%d entity lines, want %d", len(ents), len(doc.Entities))
	}
	for i, e := range doc.Entities {
		if i < len(ents) {
			f := strings.Fields(ents[i])
			if f[0] != e.Kind || !strings.HasPrefix(ents[i], fmt.Sprintf("  %-4s %s ", e.Kind, e.Name)) ||
				!strings.Contains(ents[i], fmt.Sprintf(" ×%d ", len(e.Mentions))) {
				t.Errorf("entity line %q, want %s %s ×%d", ents[i], e.Kind, e.Name, len(e.Mentions))
			}
		}
	}

	quotes := section("Quotes (", fmt.Sprintf("Quotes (%d)", len(doc.Quotes)))
	if len(quotes) != len(doc.Quotes) {
		t.Errorf("%d quote lines, want %d", len(quotes), len(doc.Quotes))
	}
	for i, q := range doc.Quotes {
		who := "(no speaker)"
		if q.Speaker != nil {
			who = q.Speaker.Name
		}
		if i < len(quotes) && !strings.HasPrefix(quotes[i], fmt.Sprintf("  %-8s %s: «", q.Kind, who)) {
			t.Errorf("quote line %q, want %s by %s", quotes[i], q.Kind, who)
		}
	}

	dates := section("Dates (", fmt.Sprintf("Dates (%d)", len(doc.Dates)))
	if len(dates) != len(doc.Dates) {
		t.Errorf("%d date lines, want %d", len(dates), len(doc.Dates))
	}
	for i, d := range doc.Dates {
		if i < len(dates) && dates[i] != fmt.Sprintf("  %-32s → %s (%s)", d.Text, d.Value, d.Precision) {
			t.Errorf("date line %q, want %s → %s (%s)", dates[i], d.Text, d.Value, d.Precision)
		}
	}

	sum := section("Summary (", fmt.Sprintf("Summary (%d sentences)", len(doc.Summary.Sentences)))
	for i, s := range doc.Summary.Sentences {
		if want := "  - " + strings.Join(strings.Fields(sample[s[0]:s[1]]), " "); i >= len(sum) || sum[i] != want {
			t.Errorf("summary line %d: want %q", i, want)
		}
	}

	// What a reader of the sample knows it says: the two presidents meet,
	// Lukashenko is quoted word for word, and the meeting's date is
	// Wednesday 20 August 2025 (the sample's publication date).
	for _, want := range []string{"PER  Alexander Lukashenko", "PER  Masoud Pezeshkian", "direct   Alexander Lukashenko: «", "→ 2025-08-20 (day)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestSummarizeJSON(t *testing.T) {
	code, out, errs := runCmd(t, "", "summarize", "-sentences", "2", "-json", "sample.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var got struct {
		Sentences [][2]int `json:"sentences"`
		Text      string   `json:"text"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2", len(got.Sentences))
	}
	for _, s := range got.Sentences {
		if !strings.Contains(got.Text, sample[s[0]:s[1]]) {
			t.Errorf("text does not contain sentence %v", s)
		}
	}
}

// sampleDoc is the part of the extract command's JSON for the bundled
// sample that the report and render tests compare with.
type sampleDoc struct {
	Title      struct{ Text string }
	Paragraphs []any
	Duplicates []any
	Mentions   []struct {
		Kind   string
		Entity int
		Text   string
	}
	Entities []struct {
		Kind, Name, Country, Wikidata string
		Mentions                      []any
	}
	Quotes []struct {
		Kind    string
		Text    string
		Speaker *struct{ Name string }
	}
	Dates []struct {
		Text, Value, Precision string
	}
	Summary struct{ Sentences [][2]int }
}

// extractSample runs `khabar extract -json` on the bundled sample.
func extractSample(t *testing.T) sampleDoc {
	t.Helper()
	code, js, errs := runCmd(t, "", "extract", "-json")
	if code != exitOK {
		t.Fatalf("extract: exit %d, stderr %s", code, errs)
	}
	var doc sampleDoc
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Entities) == 0 || len(doc.Quotes) == 0 || len(doc.Dates) == 0 || len(doc.Summary.Sentences) == 0 {
		t.Fatalf("the sample gave %d entities, %d quotes, %d dates, %d summary sentences: want some of each",
			len(doc.Entities), len(doc.Quotes), len(doc.Dates), len(doc.Summary.Sentences))
	}
	return doc
}

// TestRender checks the page of the bundled sample against the extract
// command's JSON for it: in the text, every mention, date, quotation and
// summary sentence is marked, with its kind's class, its own text, and
// the date's value or the quotation's speaker as label; in the panel,
// every entity is listed under its kind with its mention count, country
// and Wikidata link, every quotation under its speaker, every date in the
// timeline, in calendar order.
func TestRender(t *testing.T) {
	code, out, errs := runCmd(t, "", "render")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	doc := extractSample(t)
	for _, want := range []string{`<html lang="ar" dir="rtl">`, `<h1 class="title">`, `<p class="dup">`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	text, panel, ok := strings.Cut(out, `<aside id="panel">`)
	if !ok {
		t.Fatal("page has no panel")
	}

	// The marks in the text: each stretch carries the references of the
	// marks that cover it; stretches of one reference that follow each
	// other make one run, the text of one mark.
	type run struct{ text, classes, label string }
	runs := map[string][]run{}
	last := map[string]int{} // reference → end of its last stretch
	stretch := regexp.MustCompile(`<span class="([^"]*)" data-ref="([^"]*)"(?: data-label="([^"]*)")?>([^<]*)</span>`)
	for _, m := range stretch.FindAllStringSubmatchIndex(text, -1) {
		classes, refs, body := text[m[2]:m[3]], text[m[4]:m[5]], html.UnescapeString(text[m[8]:m[9]])
		label := ""
		if m[6] >= 0 {
			label = html.UnescapeString(text[m[6]:m[7]])
		}
		for _, ref := range strings.Fields(refs) {
			if end, ok := last[ref]; ok && end == m[0] {
				r := &runs[ref][len(runs[ref])-1]
				r.text += body
				r.label = label
			} else {
				runs[ref] = append(runs[ref], run{body, classes, label})
			}
			last[ref] = m[1]
		}
	}
	for e, en := range doc.Entities {
		var want []string
		for _, m := range doc.Mentions {
			if m.Entity == e {
				want = append(want, m.Text)
			}
		}
		var got []string
		for _, r := range runs[fmt.Sprintf("m%d", e)] {
			got = append(got, r.text)
			if !strings.HasPrefix(r.classes, "ent "+strings.ToLower(en.Kind)) {
				t.Errorf("mention %q of %s has classes %q", r.text, en.Name, r.classes)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("marked mentions of %s (-want +got):\n%s", en.Name, diff)
		}
	}
	for i, d := range doc.Dates {
		r := runs[fmt.Sprintf("d%d", i)]
		if len(r) != 1 || r[0].text != d.Text || r[0].label != d.Value || !strings.HasPrefix(r[0].classes, "date") {
			t.Errorf("date %q → %s is marked %+v", d.Text, d.Value, r)
		}
	}
	folded := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for i, q := range doc.Quotes {
		r := runs[fmt.Sprintf("q%d", i)]
		var body string
		for _, x := range r {
			body += x.text
		}
		// The cue is marked with the quotation's reference too.
		if !strings.Contains(folded(body), folded(q.Text)) {
			t.Errorf("quotation %d %q: marked text %q", i, q.Text, body)
		}
		if q.Speaker != nil && (len(r) == 0 || !strings.Contains(r[len(r)-1].label, q.Speaker.Name)) {
			t.Errorf("quotation %d does not end with the label %q: %+v", i, q.Speaker.Name, r)
		}
	}
	for i, s := range doc.Summary.Sentences {
		var body string
		for _, x := range runs[fmt.Sprintf("s%d", i)] {
			body += x.text
		}
		if folded(body) != folded(sample[s[0]:s[1]]) {
			t.Errorf("summary sentence %d: marked %q, want %q", i, body, sample[s[0]:s[1]])
		}
	}

	// The panel.
	kinds := map[string]int{}
	for _, en := range doc.Entities {
		kinds[en.Kind]++
	}
	for k, n := range kinds {
		if !regexp.MustCompile(fmt.Sprintf(`<h3 class="ent %s">[^<]* \(%d\)</h3>`, strings.ToLower(k), n)).MatchString(panel) {
			t.Errorf("panel has no %s heading with %d entities", k, n)
		}
	}
	for i, en := range doc.Entities {
		want := fmt.Sprintf(`<li><button type="button" data-ref="m%d">%s</button> <span class="count">×%d</span>`, i, html.EscapeString(en.Name), len(en.Mentions))
		if en.Country != "" {
			want += fmt.Sprintf(` <span class="country">%s</span>`, en.Country)
		}
		if en.Wikidata != "" {
			want += fmt.Sprintf(` <a class="wd" href="https://www.wikidata.org/wiki/%s"`, en.Wikidata)
		}
		if !strings.Contains(panel, want) {
			t.Errorf("panel lacks %s", want)
		}
	}
	for i, q := range doc.Quotes {
		who := "(no speaker)"
		if q.Speaker != nil {
			who = q.Speaker.Name
		}
		item := fmt.Sprintf(`data-ref="q%d">«`, i)
		at := strings.Index(panel, item)
		if at < 0 {
			t.Errorf("panel lacks quotation %d", i)
			continue
		}
		head := panel[:at]
		head = head[strings.LastIndex(head, "<h3>"):]
		if q.Speaker != nil && !strings.HasPrefix(head, "<h3>"+html.EscapeString(who)+"</h3>") {
			t.Errorf("quotation %d is listed under %q, want %q", i, head[:strings.Index(head, "</h3>")+5], who)
		}
	}
	for i, d := range doc.Dates {
		want := fmt.Sprintf(`<li><button type="button" data-ref="d%d"><time>%s</time> %s</button></li>`, i, d.Value, html.EscapeString(d.Text))
		if !strings.Contains(panel, want) {
			t.Errorf("timeline lacks %s", want)
		}
	}
	// Calendar order: ISO values sort as text; yearless ones (--MM-DD)
	// come last.
	var dated, yearless []string
	for _, m := range regexp.MustCompile(`<time>([^<]*)</time>`).FindAllStringSubmatch(panel, -1) {
		if strings.HasPrefix(m[1], "--") {
			yearless = append(yearless, m[1])
		} else if len(yearless) > 0 {
			t.Errorf("timeline: %s after a yearless date", m[1])
		} else {
			dated = append(dated, m[1])
		}
	}
	if !slices.IsSorted(dated) || len(dated)+len(yearless) != len(doc.Dates) {
		t.Errorf("timeline %v %v: want the %d dates in calendar order", dated, yearless, len(doc.Dates))
	}
}
