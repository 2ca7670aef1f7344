package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/llm/openaitest"
)

// fakeModel answers translation requests by prefixing every segment with
// "EN:", keeping the segment ids and their order, and summary requests with
// two fixed sentences.
func fakeModel(t *testing.T) openaitest.Handler {
	return func(r openaitest.Request) openaitest.Reply {
		var doc struct {
			Texts json.RawMessage `json:"texts"`
		}
		if err := json.Unmarshal([]byte(r.Content("user")), &doc); err != nil || len(doc.Texts) == 0 {
			return openaitest.JSON(map[string]any{"sentences": []string{"First point.", "Second point."}})
		}
		dec := json.NewDecoder(bytes.NewReader(doc.Texts))
		dec.Token() // {
		var b strings.Builder
		b.WriteByte('{')
		for i := 0; dec.More(); i++ {
			k, _ := dec.Token()
			var v string
			if err := dec.Decode(&v); err != nil {
				t.Errorf("segment text: %v", err)
			}
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			vb, _ := json.Marshal("EN:" + v)
			b.Write(kb)
			b.WriteByte(':')
			b.Write(vb)
		}
		b.WriteByte('}')
		return openaitest.Text(b.String())
	}
}

// runWithModel runs a command line against a fresh fake server.
func runWithModel(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string, srv *openaitest.Server) {
	t.Helper()
	srv = openaitest.NewServer(t)
	srv.Handle(fakeModel(t))
	vars := map[string]string{"OPENAI_API_KEY": openaitest.DefaultKey, "OPENAI_BASE_URL": srv.URL(), "KHABAR_MODEL": "fake"}
	code, stdout, stderr = runEnv(stdin, vars, args...)
	return code, stdout, stderr, srv
}

func TestTranslateFile(t *testing.T) {
	code, out, errs, srv := runWithModel(t, "", "translate", "-to", "en", "-json", "sample.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var got struct {
		Title struct {
			Span [2]int
			Text string
		}
		Paragraphs []struct {
			ID   string
			Span [2]int
			Text string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Paragraphs) != 15 {
		t.Fatalf("%d paragraphs translated, want all 15", len(got.Paragraphs))
	}
	for _, p := range got.Paragraphs {
		if want := "EN:" + sample[p.Span[0]:p.Span[1]]; p.Text != want {
			t.Errorf("paragraph %s: translation %q is not aligned with its source span %v", p.ID, p.Text, p.Span)
		}
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests for one article, want 1", n)
	}
}

func TestTranslateJSONLines(t *testing.T) {
	in := `{"id":"x","text":"عنوان\n\nفقرة أولى.\n\nفقرة ثانية.\n"}` + "\n" + `{"id":"y","text":""}` + "\n"
	code, out, errs, _ := runWithModel(t, in, "translate", "-to", "en", "-jsonl")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitFailed, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"EN:فقرة ثانية."`) || !strings.Contains(lines[1], `"error"`) {
		t.Errorf("output lines:\n%s", out)
	}
}

func TestTranslateBatch(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	in := `{"id":"x","text":"عنوان\n\nفقرة أولى.\n"}` + "\n" + `{"id":"y"}` + "\n" + `{"id":"z","text":"Title\n\nA paragraph.\n"}` + "\n"
	code, out, errs, _ := runWithModel(t, in, "translate", "-to", "en", "-batch", state, "-poll", "1ms")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitFailed, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want 3:\n%s", len(lines), out)
	}
	for i, want := range []string{`"EN:فقرة أولى."`, `"error"`, `"EN:A paragraph."`} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d lacks %s: %s", i+1, want, lines[i])
		}
	}
}

func TestSummarizeLLM(t *testing.T) {
	code, out, errs, _ := runWithModel(t, "", "summarize", "-llm", "-to", "en", "-json", "sample.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var got struct{ Text, Lang, Model string }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Text, "First point.") || got.Lang != "en" || got.Model != "fake" {
		t.Errorf("summary = %+v", got)
	}
}

func TestTranslateUsage(t *testing.T) {
	for _, args := range [][]string{
		{"translate", "sample.txt"},
		{"translate", "-to", "not a tag!", "sample.txt"},
		{"translate", "-to", "en", "-jsonl", "sample.txt"},
	} {
		if code, _, errs := runCmd(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %s", args, code, exitUsage, errs)
		}
	}
}
