package translate_test

import (
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
	From     string              `json:"from"`
	To       string              `json:"to"`
	Glossary [][2]string         `json:"glossary"`
	Segments []translate.Segment `json:"segments"`
}

func parseUser(t testing.TB, r openaitest.Request) wire {
	var w wire
	if err := json.Unmarshal([]byte(r.Content("user")), &w); err != nil {
		t.Errorf("user message is not the JSON data document: %v\n%s", err, r.Content("user"))
	}
	return w
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
		return openaitest.JSON(map[string]any{"segments": out})
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
	e := entities.Entity{Kind: kind, Name: name, Linked: true}
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
