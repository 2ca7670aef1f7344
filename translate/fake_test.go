package translate_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
)

// wire is the user message as the fake model reads it.
type wire struct {
	From     string
	To       string
	Glossary [][2]string
	Segments []translate.Segment
}

// orderedObject reads a JSON object of strings in key order.
func orderedObject(raw json.RawMessage) ([][2]string, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var out [][2]string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v string
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, [2]string{k.(string), v})
	}
	return out, nil
}

func parseUser(t testing.TB, r openaitest.Request) wire {
	var raw struct {
		From, To string
		Glossary json.RawMessage
		Segments json.RawMessage `json:"texts"`
	}
	var w wire
	err := json.Unmarshal([]byte(r.Content("user")), &raw)
	if err == nil {
		w.From, w.To = raw.From, raw.To
		w.Glossary, err = orderedObject(raw.Glossary)
	}
	var segs [][2]string
	if err == nil {
		segs, err = orderedObject(raw.Segments)
	}
	for _, p := range segs {
		w.Segments = append(w.Segments, translate.Segment{ID: p[0], Text: p[1]})
	}
	if err != nil {
		t.Errorf("user message is not the JSON data document: %v\n%s", err, r.Content("user"))
	}
	return w
}

// sentIDs returns the IDs of the segments sent in r, in order.
func sentIDs(t testing.TB, r openaitest.Request) []string {
	var ids []string
	for _, s := range parseUser(t, r).Segments {
		ids = append(ids, s.ID)
	}
	return ids
}

// reply encodes segments as the reply object, keys in order.
func reply(segs []translate.Segment) openaitest.Reply {
	var b strings.Builder
	b.WriteByte('{')
	for i, s := range segs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(s.ID)
		v, _ := json.Marshal(s.Text)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return openaitest.Text(b.String())
}

// fakeTranslate is the fake model's translation of one segment: a marker
// and the source text, followed by the glossary targets of the terms that
// occur in it by their key (unless skip names the term's target).
func fakeTranslate(s translate.Segment, glossary [][2]string, skip string) string {
	var b strings.Builder
	b.WriteString("EN<" + s.Text + ">")
	for _, g := range glossary {
		if strings.Contains(article.Key(s.Text), article.Key(g[0])) && g[1] != skip {
			b.WriteString(" " + g[1])
		}
	}
	return b.String()
}

// isPlain reports whether r is a plain-text request for one segment, the
// translator's fallback for a model that does not answer in JSON.
func isPlain(r openaitest.Request) bool {
	return strings.HasPrefix(r.Content("system"), "Translate the user's text")
}

// model returns a handler that answers every segment in order, with the
// given edits applied to the reply's segment list. A plain-text request is
// answered in plain text, without edits.
func model(t testing.TB, edit func(w wire, out []translate.Segment) []translate.Segment) openaitest.Handler {
	return func(r openaitest.Request) openaitest.Reply {
		if isPlain(r) {
			return openaitest.Text("EN<" + r.Content("user") + ">")
		}
		w := parseUser(t, r)
		out := make([]translate.Segment, len(w.Segments))
		for i, s := range w.Segments {
			out[i] = translate.Segment{ID: s.ID, Text: fakeTranslate(s, w.Glossary, "")}
		}
		if edit != nil {
			out = edit(w, out)
		}
		return reply(out)
	}
}

// newLLM returns an LLM translator over a fresh fake server answered by h,
// through the retrying client, with the options given (the defaults when
// none are).
func newLLM(t testing.TB, h openaitest.Handler, opts ...translate.LLMOptions) (*translate.LLM, *openaitest.Server) {
	srv := openaitest.NewServer(t)
	srv.Handle(h)
	cfg := llm.Config{APIKey: "test", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "fake"}
	var o translate.LLMOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	return translate.NewLLM(cfg.NewClient(), o), srv
}

var (
	seedOnce sync.Once
	seed     *article.Article
	seedErr  error
)

// seedArticle parses the bundled seed article.
func seedArticle(t testing.TB) *article.Article {
	seedOnce.Do(func() {
		b, err := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
		if err != nil {
			seedErr = err
			return
		}
		seed, seedErr = article.Parse(string(b))
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seed
}
