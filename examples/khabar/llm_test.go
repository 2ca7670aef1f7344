package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// fakeServer is the project's fake OpenAI-compatible server answering
// with fakeModel.
type fakeServer struct{ *openaitest.Server }

func newFakeServer(t *testing.T) fakeServer {
	srv := openaitest.NewServer(t)
	srv.Handle(fakeModel(t))
	return fakeServer{srv}
}

// vars is the environment that points the tool at the server.
func (s fakeServer) vars() map[string]string {
	return map[string]string{"OPENAI_API_KEY": openaitest.DefaultKey, "OPENAI_BASE_URL": s.URL(), "KHABAR_MODEL": "fake"}
}

// runWithModel runs a command line against a fresh fake server.
func runWithModel(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string, srv *openaitest.Server) {
	t.Helper()
	fs := newFakeServer(t)
	code, stdout, stderr = runEnv(stdin, fs.vars(), args...)
	return code, stdout, stderr, fs.Server
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
	in := `{"id":"x","text":"عنوان\n\nفقرة أولى.\n\nفقرة ثانية.\n"}` + "\n" + `{"id":2,"text":""}` + "\n\n" + `{"id":[3],"text":"Title\n\nA paragraph.\n"}` + "\n"
	code, out, errs, _ := runWithModel(t, in, "translate", "-to", "en", "-jsonl")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitFailed, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []struct{ prefix, has string }{
		{`{"id":"x","line":1,`, `"EN:فقرة ثانية."`},
		{`{"id":2,"line":2,"error":`, "empty input"},
		{`{"id":null,"line":3,"error":`, "blank line"},
		{`{"id":[3],"line":4,`, `"EN:A paragraph."`},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d output lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w.prefix) || !strings.Contains(lines[i], w.has) {
			t.Errorf("line %d = %s; want %s…%s", i+1, lines[i], w.prefix, w.has)
		}
	}
}

func TestTranslateBatch(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	in := `{"id":"x","text":"عنوان\n\nفقرة أولى.\n"}` + "\n" + `{"id":5}` + "\n\n" + `{"id":"z","text":"Title\n\nA paragraph.\n"}` + "\n"
	code, out, errs, _ := runWithModel(t, in, "translate", "-to", "en", "-batch", state, "-poll", "1ms", "-skip-blank")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitFailed, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want 3 (the blank line skipped):\n%s", len(lines), out)
	}
	for i, want := range []string{`{"id":"x","line":1,`, `{"id":5,"line":2,"error":"no \"text\" or \"html\""}`, `{"id":"z","line":4,`} {
		if !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d = %s, want it to start %s", i+1, lines[i], want)
		}
	}
	for i, want := range []string{`"EN:فقرة أولى."`, `"EN:A paragraph."`} {
		if !strings.Contains(lines[2*i], want) {
			t.Errorf("line %d lacks %s: %s", 2*i+1, want, lines[2*i])
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

// stallServer answers every request with headers and the start of a body,
// then stalls until the client goes away: what the per-attempt timeout of
// the client does not cover.
func stallServer(t *testing.T) map[string]string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, `{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"`)
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	}))
	t.Cleanup(srv.Close)
	return map[string]string{"OPENAI_API_KEY": "k", "OPENAI_BASE_URL": srv.URL + "/v1"}
}

// TestTimeout: a server that hangs before its headers, or stalls in the
// body, ends the command within -timeout (or KHABAR_TIMEOUT) with an error
// that says so; a batch goes on past the line that timed out.
func TestTimeout(t *testing.T) {
	hang := openaitest.NewServer(t)
	hang.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.Hang() })
	hangVars := fakeServer{hang}.vars()
	with := func(vars map[string]string, k, v string) map[string]string {
		m := map[string]string{k: v}
		for k, v := range vars {
			m[k] = v
		}
		return m
	}
	for _, tt := range []struct {
		name string
		vars map[string]string
		args []string
		code int
		err  string
	}{
		{"hang, -timeout", hangVars, []string{"translate", "-to", "en", "-timeout", "300ms", "sample.txt"}, exitFailed, "no answer from the language model within 300ms (raise -timeout or KHABAR_TIMEOUT)"},
		{"hang, KHABAR_TIMEOUT", with(hangVars, "KHABAR_TIMEOUT", "250ms"), []string{"translate", "-to", "en", "sample.txt"}, exitFailed, "within 250ms"},
		{"-timeout over KHABAR_TIMEOUT", with(hangVars, "KHABAR_TIMEOUT", "1h"), []string{"translate", "-to", "en", "sample.txt", "-timeout", "200ms"}, exitFailed, "within 200ms"},
		{"hang, summarize -llm", hangVars, []string{"summarize", "-llm", "-timeout", "300ms", "sample.txt"}, exitFailed, "within 300ms"},
		{"stall in the body", stallServer(t), []string{"translate", "-to", "en", "-timeout", "300ms", "sample.txt"}, exitFailed, "within 300ms"},
		{"bad KHABAR_TIMEOUT", with(hangVars, "KHABAR_TIMEOUT", "soon"), []string{"translate", "-to", "en", "sample.txt"}, exitUsage, `KHABAR_TIMEOUT="soon" is not a duration`},
		{"negative -timeout", hangVars, []string{"translate", "-to", "en", "-timeout", "-1s", "sample.txt"}, exitUsage, "negative"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runEnv("", tt.vars, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.err)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
		})
	}

	// In a batch, the line whose server stalls fails alone.
	srv := openaitest.NewServer(t)
	model := fakeModel(t)
	srv.Handle(func(r openaitest.Request) openaitest.Reply {
		if strings.Contains(r.Content("user"), "STALL") {
			return openaitest.Hang()
		}
		return model(r)
	})
	in := `{"id":1,"text":"Title\n\nFirst.\n"}` + "\n" + `{"id":2,"text":"Title\n\nSTALL here.\n"}` + "\n" + `{"id":3,"text":"Title\n\nThird.\n"}` + "\n"
	code, out, errs := runEnv(in, fakeServer{srv}.vars(), "translate", "-to", "en", "-jsonl", "-timeout", "300ms")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitFailed || len(lines) != 3 {
		t.Fatalf("batch: exit %d, %d lines; stderr %s", code, len(lines), errs)
	}
	for i, want := range []string{`"EN:First."`, `"error":"no answer from the language model within 300ms`, `"EN:Third."`} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("batch line %d = %s, want %s", i+1, lines[i], want)
		}
	}
}

// TestExtractLLM: extract -llm adds what the model finds that the offline
// steps missed, grounded in the text, and drops what the text does not
// hold, saying so on standard error.
func TestExtractLLM(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(openaitest.Request) openaitest.Reply {
		return openaitest.Text(`{"entities":[{"text":"مجلس الشورى الأعلى","kind":"ORG","name":"Supreme Shura Council"},` +
			`{"text":"منظمة غير موجودة","kind":"ORG","name":"Invented"}]}`)
	})
	fs := fakeServer{srv}
	text := "اجتمع مجلس الشورى الأعلى في المدينة أمس لبحث الميزانية."
	code, out, errs := runEnv(text, fs.vars(), "extract", "-llm", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var doc struct {
		Entities []struct{ Kind, Name string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range doc.Entities {
		names = append(names, e.Kind+" "+e.Name)
	}
	if !slices.Contains(names, "ORG Supreme Shura Council") || slices.Contains(names, "ORG Invented") {
		t.Errorf("entities = %v, want the grounded one and not the invented one", names)
	}
	if !strings.Contains(errs, "1 item(s) not found in the text") {
		t.Errorf("stderr = %q, want the dropped item counted", errs)
	}
	if len(srv.ChatRequests()) == 0 {
		t.Error("no request reached the model")
	}
	// -timeout without -llm is a usage error.
	if code, _, _ := runEnv(text, nil, "extract", "-timeout", "1m", "-"); code != exitUsage {
		t.Errorf("extract -timeout without -llm: exit %d, want %d", code, exitUsage)
	}
}
