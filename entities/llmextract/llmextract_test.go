package llmextract_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/entitiestest"
	"github.com/khabar-go/khabar/entities/llmextract"
	"github.com/khabar-go/khabar/entities/offline"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
)

var (
	seedOnce sync.Once
	seedArt  *article.Article
)

func seed(t testing.TB) *article.Article {
	t.Helper()
	seedOnce.Do(func() {
		b, err := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
		if err == nil {
			seedArt, err = article.Parse(string(b))
		}
		if err != nil {
			t.Fatal(err)
		}
	})
	return seedArt
}

// userText returns the article text a request carries.
func userText(t testing.TB, r openaitest.Request) string {
	var task struct{ Text string }
	if err := json.Unmarshal([]byte(r.Content("user")), &task); err != nil {
		t.Errorf("user message is not the task: %v", err)
	}
	return task.Text
}

func newExtractor(t testing.TB, h openaitest.Handler, opts llmextract.Options) (*llmextract.Extractor, *openaitest.Server) {
	srv := openaitest.NewServer(t)
	srv.Handle(h)
	client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "fake", MaxAttempts: 1}.NewClient()
	return llmextract.New(client, opts), srv
}

// show describes an item for comparison: type, kind, status and the text
// at its span (and its speaker's).
func show(a *article.Article, it llmextract.Item) string {
	s := fmt.Sprintf("%v %s %v %q", it.Type, it.Kind, it.Status, a.Text(it.Span))
	if it.Type == llmextract.QuoteItem && it.SpeakerStatus != llmextract.Unaligned {
		s += fmt.Sprintf(" by %q", a.Text(it.SpeakerSpan))
	}
	if it.Reason != "" {
		s = fmt.Sprintf("%v %q: %s", it.Type, it.Text, it.Reason)
	}
	return s
}

const seedReply = `{
 "entities": [
  {"text": "مينسك", "kind": "LOC", "name": "Minsk"},
  {"text": "لوكاشنكو", "kind": "PER", "name": "Alexander Lukashenko"},
  {"text": "فولوديمير زيلينسكي", "kind": "PER", "name": "Volodymyr Zelensky"},
  {"text": "النظام الإيراني", "kind": "ORG", "name": "Iranian government", "start": 99999}
 ],
 "quotes": [
  {"text": "نحن مستعدون لمناقشة أي موضوع، فلا يوجد موضوع مغلق لدينا", "speaker": "لوكاشينكو", "kind": "direct", "start": 3},
  {"text": "النظام الإيراني مستعد لنقل خبرته في تحييد العقوبات إلى أصدقائه وشركائه", "speaker": "", "kind": "direct"},
  {"text": "سنقاطع كل المفاوضات مع الغرب حتى إشعار آخر", "speaker": "خامنئي", "kind": "direct"}
 ],
 "dates": [
  {"text": "الأربعاء 20 أغسطس", "value": "2025-08-20"},
  {"text": "مارس (آذار) 2023", "value": "2023-03"},
  {"text": "عام 1994", "value": "in the nineties"}
 ]
}`

// TestFind: a reply that invents a person and a quotation, misspells a
// name, misquotes a statement and gives offsets that are wrong: what is in
// the article is grounded, with its status, and the rest is dropped.
func TestFind(t *testing.T) {
	a := seed(t)
	x, srv := newExtractor(t, func(openaitest.Request) openaitest.Reply { return openaitest.Text(seedReply) }, llmextract.Options{})
	f, err := x.Find(context.Background(), a, seedRef)
	if err != nil {
		t.Fatal(err)
	}
	var items, dropped []string
	for _, it := range f.Items {
		items = append(items, show(a, it))
	}
	for _, it := range f.Dropped {
		dropped = append(dropped, show(a, it))
	}
	lukashenko := `entity PER fuzzy "لوكاشينكو"` // misspelt: found wherever the name is written
	wantItems := []string{
		`entity LOC exact "مينسك"`,
		`date  exact "الأربعاء 20 أغسطس"`,
		lukashenko,
		`entity LOC exact "مينسك"`,
		lukashenko,
		`entity LOC exact "مينسك"`,
		lukashenko,
		`quote direct exact "نحن مستعدون لمناقشة أي موضوع، فلا يوجد موضوع مغلق لدينا" by "لوكاشينكو"`,
		`entity LOC exact "مينسك"`,
		lukashenko,
		`entity ORG exact "النظام الإيراني"`,
		`quote direct fuzzy "النظام الإيراني مستعد لنقل خبراته القيمة في مسار تحييد العقوبات إلى أصدقائه وشركائه"`,
		`entity ORG exact "النظام الإيراني"`,
		lukashenko,
		`date  exact "عام 1994"`,
		`date  exact "مارس (آذار) 2023"`,
		lukashenko,
	}
	if diff := cmp.Diff(wantItems, items); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	wantDropped := []string{
		`entity "فولوديمير زيلينسكي": not in the text`,
		`quote "سنقاطع كل المفاوضات مع الغرب حتى إشعار آخر": not in the text`,
	}
	if diff := cmp.Diff(wantDropped, dropped); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests for the 4.3 KB seed, want 1", n)
	}
	// The article travels as data in the user message only.
	r := srv.ChatRequests()[0]
	if strings.Contains(r.Content("system"), "مينسك") || !strings.Contains(userText(t, r), "مينسك") {
		t.Error("article text is not in the user message alone")
	}
}

// seedRef is the day after the seed's events.
var seedRef = time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)

// TestExtractAdds: as a step after the offline pipeline, the extractor
// keeps what the pipeline found and adds the model's findings that overlap
// none of it; a date value that does not read is dropped and reported.
func TestExtractAdds(t *testing.T) {
	a := seed(t)
	prior, err := offline.Extract(context.Background(), a, entities.Options{Reference: seedRef})
	if err != nil {
		t.Fatal(err)
	}
	var f *llmextract.Findings
	x, _ := newExtractor(t, func(openaitest.Request) openaitest.Reply { return openaitest.Text(seedReply) },
		llmextract.Options{OnFindings: func(got *llmextract.Findings) { f = got }})
	got, err := x.Extract(context.Background(), a, prior, entities.Options{Reference: seedRef})
	if err != nil {
		t.Fatal(err)
	}
	// Everything the pipeline found is kept.
	for _, m := range prior.Mentions {
		if !containsMention(got, m.Span) {
			t.Errorf("prior mention %q lost", a.Text(m.Span))
		}
	}
	if len(got.Quotes) < len(prior.Quotes) || len(got.Dates) < len(prior.Dates) {
		t.Errorf("quotes %d -> %d, dates %d -> %d: the prior's are lost", len(prior.Quotes), len(got.Quotes), len(prior.Dates), len(got.Dates))
	}
	// The model's «النظام الإيراني» is new: an unlinked ORG with the
	// model's English name, both of its mentions.
	var regime *entities.Entity
	for i, e := range got.Entities {
		if e.Name == "Iranian government" {
			regime = &got.Entities[i]
		}
	}
	if regime == nil || regime.Kind != entities.ORG || regime.Linked() || len(regime.Mentions) != 2 {
		t.Errorf("the model's entity: %+v", regime)
	}
	var reasons []string
	for _, it := range f.Dropped {
		reasons = append(reasons, it.Reason)
	}
	if !slicesContains(reasons, `date value "in the nineties" does not read`) {
		t.Errorf("dropped: %q", reasons)
	}
}

// TestExtractCorroborated: in Corroborated mode only further mentions of
// the prior's entities and quotations whose speaker it knows are added.
func TestExtractCorroborated(t *testing.T) {
	a := seed(t)
	// A prior that found one mention of لوكاشينكو only.
	first := strings.Index(a.Source, "لوكاشينكو")
	span := article.Span{Start: first, End: first + len("لوكاشينكو")}
	prior := &entities.Result{
		Entities: []entities.Entity{{Kind: entities.PER, Name: "Alexander Lukashenko", ID: "p:lukashenko", Mentions: []article.Span{span}}},
		Mentions: []entities.Mention{{Span: span, Kind: entities.PER, Entity: 0}},
	}
	reply := `{"entities":[{"text":"لوكاشينكو","kind":"PER","name":"Lukashenko"},{"text":"طهران","kind":"LOC","name":"Tehran"}],
	 "quotes":[{"text":"نحن مستعدون لمناقشة أي موضوع، فلا يوجد موضوع مغلق لدينا","speaker":"لوكاشينكو"},
	           {"text":"عقوبات غير قانونية من الغرب","speaker":"بزشكیان","kind":"partial"}],
	 "dates":[{"text":"عام 1994","value":"1994"}]}`
	var f *llmextract.Findings
	x, _ := newExtractor(t, func(openaitest.Request) openaitest.Reply { return openaitest.Text(reply) },
		llmextract.Options{Mode: llmextract.Corroborated, OnFindings: func(got *llmextract.Findings) { f = got }})
	got, err := x.Extract(context.Background(), a, prior, entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != 1 || got.Entities[0].ID != "p:lukashenko" || len(got.Entities[0].Mentions) != strings.Count(a.Source, "لوكاشينكو") {
		t.Errorf("entities: %+v; want the prior's one with every mention of لوكاشينكو", got.Entities)
	}
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker().Entity != 0 || got.Quotes[0].Speaker().Name != "Alexander Lukashenko" {
		t.Errorf("quotes: %+v; want Lukashenko's, with the prior's entity", got.Quotes)
	}
	if len(got.Dates) != 0 {
		t.Errorf("dates: %+v; want none", got.Dates)
	}
	var reasons []string
	for _, it := range f.Dropped {
		reasons = append(reasons, it.Text+": "+it.Reason)
	}
	want := []string{
		"طهران: no earlier step found this entity",
		"طهران: no earlier step found this entity",
		"عقوبات غير قانونية من الغرب: no earlier step found the speaker",
		"عام 1994: no earlier step found this date",
	}
	if diff := cmp.Diff(want, reasons); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
}

// TestNothing: a model that finds nothing, in any of the ways it says so,
// adds nothing; a reply with no JSON at all is asked for again, then an
// error.
func TestNothing(t *testing.T) {
	a := seed(t)
	prior, err := offline.Extract(context.Background(), a, entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, reply := range []string{`{"entities":[],"quotes":[],"dates":[]}`, `{}`, `[]`, "```json\n{\"entities\": []}\n```"} {
		x, _ := newExtractor(t, func(openaitest.Request) openaitest.Reply { return openaitest.Text(reply) }, llmextract.Options{})
		got, err := x.Extract(context.Background(), a, prior, entities.Options{})
		if err != nil {
			t.Fatalf("%s: %v", reply, err)
		}
		if diff := cmp.Diff(prior, got); diff != "" {
			t.Errorf("%s: the result changed (-prior +got):\n%s", reply, diff)
		}
	}
	x, srv := newExtractor(t, func(openaitest.Request) openaitest.Reply { return openaitest.Text("") }, llmextract.Options{})
	_, err = x.Extract(context.Background(), a, prior, entities.Options{})
	if !errors.Is(err, llm.ErrBadReply) || !strings.HasPrefix(err.Error(), "llmextract: llm: ") {
		t.Errorf("empty replies: error %v, want llmextract: and llm.ErrBadReply", err)
	}
	if n := len(srv.ChatRequests()); n != 2 {
		t.Errorf("empty replies: %d requests, want 2", n)
	}
}

// TestChunks: a long article goes in chunks of whole paragraphs, each
// request its own text, and each item is grounded in its chunk.
func TestChunks(t *testing.T) {
	a := seed(t)
	var mu sync.Mutex
	var texts []string
	x, srv := newExtractor(t, func(r openaitest.Request) openaitest.Reply {
		text := userText(t, r)
		mu.Lock()
		texts = append(texts, text)
		mu.Unlock()
		// The model names لوكاشينكو in the chunks where it is written.
		if strings.Contains(text, "لوكاشينكو") {
			return openaitest.Text(`{"entities":[{"text":"لوكاشينكو","kind":"PER","name":"Alexander Lukashenko"}]}`)
		}
		return openaitest.Text(`{"entities":[]}`)
	}, llmextract.Options{MaxInputTokens: 300, Concurrency: 2})
	f, err := x.Find(context.Background(), a, seedRef)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.ChatRequests()); n < 4 {
		t.Errorf("%d requests under a budget of 300 tokens, want several", n)
	}
	total := 0
	for _, s := range texts {
		if !strings.Contains(a.Source, s) {
			t.Errorf("a chunk is not a run of the source: %.40q", s)
		}
		total += strings.Count(s, "لوكاشينكو")
	}
	if got, want := len(f.Items), strings.Count(a.Source, "لوكاشينكو"); got != want || total != want {
		t.Errorf("%d mentions found, %d sent, want %d", got, total, want)
	}
}

// TestConformance checks the extractor against the entities contract,
// over a fake model that names each suite text's person and invents one.
func TestConformance(t *testing.T) {
	entitiestest.Run(t, func(t *testing.T) entities.Extractor {
		x, _ := newExtractor(t, func(r openaitest.Request) openaitest.Reply {
			text := userText(t, r)
			var ents []map[string]string
			for _, s := range entitiestest.Texts {
				if strings.Contains(text, s.Name) {
					ents = append(ents, map[string]string{"text": s.Name, "kind": "PER", "name": s.Name})
				}
			}
			ents = append(ents, map[string]string{"text": "Nobody Anywhere", "kind": "PER", "name": "Nobody"})
			return openaitest.JSON(map[string]any{"entities": ents})
		}, llmextract.Options{})
		return x
	})
}

func containsMention(r *entities.Result, sp article.Span) bool {
	for _, m := range r.Mentions {
		if m.Span == sp {
			return true
		}
	}
	return false
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
