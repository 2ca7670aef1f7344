package translate_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/internal/llm"
	"github.com/khabar-go/khabar/summarize/openaitest"
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
// occur in it (unless skip names the term's target).
func fakeTranslate(s translate.Segment, glossary [][2]string, skip string) string {
	var b strings.Builder
	b.WriteString("EN<" + s.Text + ">")
	for _, g := range glossary {
		if strings.Contains(s.Text, g[0]) && g[1] != skip {
			b.WriteString(" " + g[1])
		}
	}
	return b.String()
}

// model returns a handler that answers every segment in order, with the
// given edits applied to the reply's segment list.
func model(t testing.TB, edit func(w wire, out []translate.Segment) []translate.Segment) openaitest.Handler {
	return func(r openaitest.Request) openaitest.Reply {
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
// through the retrying client.
func newLLM(t testing.TB, h openaitest.Handler) (*translate.LLM, *openaitest.Server) {
	srv := openaitest.NewServer(t)
	srv.Handle(h)
	cfg := llm.Config{APIKey: "test", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient()}
	return &translate.LLM{Client: cfg.NewClient(), Model: "fake"}, srv
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

// linked returns a linked entity with every occurrence of each mention
// text in a.Source as a mention.
func linked(a *article.Article, kind entities.Kind, name string, texts ...string) entities.Entity {
	e := entities.Entity{Kind: kind, Name: name, ID: "p:test"}
	for _, s := range texts {
		for off := 0; ; {
			i := strings.Index(a.Source[off:], s)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, article.Span{Start: off + i, End: off + i + len(s)})
			off += i + len(s)
		}
	}
	return e
}
