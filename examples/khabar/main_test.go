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
