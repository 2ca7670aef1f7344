package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
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

func TestExtractJSONL(t *testing.T) {
	texts := []string{
		"عنوان أول\n\nزار الرئيس مدينة القاهرة أمس.\n",
		"Title\n\nThe minister said on Monday that talks would go on.\n",
	}
	var in strings.Builder
	line := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(b)
		in.WriteByte('\n')
	}
	line(map[string]any{"id": "a", "text": texts[0], "published": "2025-03-02"})
	in.WriteString("{not json\n")
	line(map[string]any{"id": 7, "text": "   "})
	in.WriteString("\n")
	line(map[string]any{"id": "b", "text": texts[1], "ref": "2025-03-04"})
	line(map[string]any{"id": "c"})

	code, out, errs := runCmd(t, in.String(), "extract", "-jsonl")
	if code != exitFailed {
		t.Errorf("exit %d, want %d (some lines failed); stderr %s", code, exitFailed, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	type summary struct {
		ID    any
		Line  float64
		Error bool
	}
	var got []summary
	for _, l := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			t.Fatalf("output line %q is not JSON: %v", l, err)
		}
		_, failed := obj["error"]
		got = append(got, summary{ID: obj["id"], Line: num(obj["line"]), Error: failed})
		if !failed {
			src := texts[0]
			if obj["id"] == "b" {
				src = texts[1]
			}
			checkDocument(t, src, obj)
		}
	}
	want := []summary{
		{ID: "a"},
		{ID: nil, Line: 2, Error: true},
		{ID: 7.0, Line: 3, Error: true},
		{ID: "b"},
		{ID: "c", Line: 6, Error: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("batch output mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(errs, "3 of the batch's lines failed") {
		t.Errorf("stderr %q does not count the failures", errs)
	}
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
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
		{"bad flag", []string{"extract", "-nope", "x"}, exitUsage, "flag provided but not defined"},
		{"two files", []string{"extract", "a", "b"}, exitUsage, "one input file"},
		{"bad ref", []string{"extract", "-ref", "yesterday", "sample.txt"}, exitUsage, "not YYYY-MM-DD"},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, exitFailed, "no such file"},
		{"empty file", []string{"extract", empty}, exitFailed, "empty input"},
		{"jsonl with file", []string{"extract", "-jsonl", "sample.txt"}, exitUsage, "takes no file"},
		{"summarize bad budget", []string{"summarize", "-sentences", "-1", "sample.txt"}, exitUsage, "budget"},
		{"summarize -to without -llm", []string{"summarize", "-to", "en", "sample.txt"}, exitUsage, "needs -llm"},
		{"summarize -llm unconfigured", []string{"summarize", "-llm", "sample.txt"}, exitFailed, "OPENAI_API_KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCmd(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.errText) {
				t.Errorf("stderr %q does not contain %q", errs, tt.errText)
			}
		})
	}
}

func TestReportSample(t *testing.T) {
	code, out, errs := runCmd(t, "")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{
		"إيران وبيلاروسيا يتفقان على تقوية العلاقات الدفاعية والاستراتيجية",
		"ar (rtl)", "15 paragraphs", "1 repeated paragraphs set aside",
		"Entities (", "Quotes (", "Dates (", "Summary (",
	} {
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

func TestRender(t *testing.T) {
	code, out, errs := runCmd(t, "", "render", "sample.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{`<html lang="ar" dir="rtl">`, `class="title"`, `class="dup"`, `class="ent per"`, `class="quote`, `class="date"`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
