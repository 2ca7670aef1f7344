package translatetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
)

// ReplyCase is one way a model answers a translation request, with the
// result an LLM-backed translator must give.
type ReplyCase struct {
	// Name says what the reply does.
	Name string
	// Replies are the server's answers in order: the first to the request
	// of ReplyRequest, the others to the requests that follow (re-asks,
	// plain-text requests for one segment).
	Replies []openaitest.Reply
	// Want are the segments the translator must return.
	Want []translate.Segment
	// Requests is the most chat requests the translator may make.
	Requests int
}

// The translations every case carries, in some shape.
const (
	wantT  = "Iran and Belarus agree"
	wantP1 = "The talks were held in Minsk."
	wantP2 = "The president said he was ready."
)

func text(s string) openaitest.Reply { return openaitest.Text(s) }

const good = `{"t":"` + wantT + `","p1":"` + wantP1 + `","p2":"` + wantP2 + `"}`

var all = []translate.Segment{{ID: "t", Text: wantT}, {ID: "p1", Text: wantP1}, {ID: "p2", Text: wantP2}}

// ReplyCases are the reply shapes an LLM translator must read (Requests
// 1), and the replies it must ask again for (more Requests) because an id
// cannot be read from them without guessing.
var ReplyCases = []ReplyCase{
	{"object of id to text", []openaitest.Reply{text(good)}, all, 1},
	{"keys in another order", []openaitest.Reply{text(`{"p2":"` + wantP2 + `","t":"` + wantT + `","p1":"` + wantP1 + `"}`)}, all, 1},
	{"code fence with a tag", []openaitest.Reply{text("```json\n" + good + "\n```")}, all, 1},
	{"code fence without a tag", []openaitest.Reply{text("```\n" + good + "\n```")}, all, 1},
	{"prose around the JSON", []openaitest.Reply{text("Here is the translation:\n" + good + "\nLet me know if you need more.")}, all, 1},
	{"echoed request envelope", []openaitest.Reply{text(`{"glossary":` + glossary() + `,"texts":` + good + `}`)}, all, 1},
	{"texts alone", []openaitest.Reply{text(`{"texts":` + good + `}`)}, all, 1},
	{"another wrapper key", []openaitest.Reply{text(`{"translations":` + good + `}`)}, all, 1},
	{"nested one level deeper", []openaitest.Reply{text(`{"result":{"texts":` + good + `}}`)}, all, 1},
	{"ids in upper case", []openaitest.Reply{text(`{"T":"` + wantT + `","P1":"` + wantP1 + `","P2":"` + wantP2 + `"}`)}, all, 1},
	{"ids with spaces", []openaitest.Reply{text(`{" t ":"` + wantT + `","p 1":"` + wantP1 + `","P2 ":"` + wantP2 + `"}`)}, all, 1},
	{"array of id and text", []openaitest.Reply{text(`[{"id":"t","text":"` + wantT + `"},{"id":"p1","text":"` + wantP1 + `"},{"id":"p2","text":"` + wantP2 + `"}]`)}, all, 1},
	{"array of id and translation", []openaitest.Reply{text(`[{"id":"p1","translation":"` + wantP1 + `"},{"id":"t","translation":"` + wantT + `"},{"id":"p2","translation":"` + wantP2 + `"}]`)}, all, 1},
	{"texts as an array", []openaitest.Reply{text(`{"texts":[{"id":"t","text":"` + wantT + `"},{"id":"p1","text":"` + wantP1 + `"},{"id":"p2","text":"` + wantP2 + `"}]}`)}, all, 1},
	{"objects with a text field", []openaitest.Reply{text(`{"t":{"text":"` + wantT + `"},"p1":{"text":"` + wantP1 + `"},"p2":{"translation":"` + wantP2 + `"}}`)}, all, 1},
	{"array of one-pair objects", []openaitest.Reply{text(`[{"t":"` + wantT + `"},{"p1":"` + wantP1 + `"},{"p2":"` + wantP2 + `"}]`)}, all, 1},
	{"extra ids ignored", []openaitest.Reply{text(`{"t":"` + wantT + `","p1":"` + wantP1 + `","p2":"` + wantP2 + `","p9":"Extra."}`)}, all, 1},
	{"trailing comma", []openaitest.Reply{text(`{"t":"` + wantT + `","p1":"` + wantP1 + `","p2":"` + wantP2 + `",}`)}, all, 1},
	{"finish_reason length on a whole reply", []openaitest.Reply{openaitest.Length(good)}, all, 1},
	{"cut by the length limit mid-way", []openaitest.Reply{
		openaitest.Length(`{"t":"` + wantT + `","p1":"` + wantP1 + `","p2":"The pres`),
		text(`{"p2":"` + wantP2 + `"}`)}, all, 2},
	{"one id missing", []openaitest.Reply{
		text(`{"t":"` + wantT + `","p1":"` + wantP1 + `"}`),
		text(`{"p2":"` + wantP2 + `"}`)}, all, 2},
	{"one text empty", []openaitest.Reply{
		text(`{"t":"` + wantT + `","p1":"","p2":"` + wantP2 + `"}`),
		text(`{"p1":"` + wantP1 + `"}`)}, all, 2},
	{"one text not a string", []openaitest.Reply{
		text(`{"t":"` + wantT + `","p1":42,"p2":"` + wantP2 + `"}`),
		text(`{"p1":"` + wantP1 + `"}`)}, all, 2},
	{"an id given twice with different texts", []openaitest.Reply{
		text(`{"t":"` + wantT + `","p1":"` + wantP1 + `","p1":"Something else.","p2":"` + wantP2 + `"}`),
		text(`{"p1":"` + wantP1 + `"}`)}, all, 2},
	{"not JSON", []openaitest.Reply{text(wantT + ". " + wantP1 + " " + wantP2), text(good)}, all, 2},
	{"single quotes", []openaitest.Reply{text(`{'t': '` + wantT + `'}`), text(good)}, all, 2},
	{"ids renamed", []openaitest.Reply{text(`{"1":"` + wantT + `","2":"` + wantP1 + `","3":"` + wantP2 + `"}`), text(good)}, all, 2},
	{"array of strings", []openaitest.Reply{text(`["` + wantT + `","` + wantP1 + `","` + wantP2 + `"]`), text(good)}, all, 2},
	{"two places that could be the translation", []openaitest.Reply{
		text(`{"source":` + sources() + `,"translation":` + good + `}`),
		text(good)}, all, 2},
	{"malformed response body", []openaitest.Reply{openaitest.Malformed(), text(good)}, all, 2},
	{"two unreadable replies, then plain text per segment", []openaitest.Reply{
		text("I'm sorry, I can only help with that in plain text."), text("Sure! Here it is."),
		text(wantT), text("```\n" + wantP1 + "\n```"), text(`"` + wantP2 + `"`)}, all, 5},
}

// sources returns the segments of ReplyRequest as an object of ID to
// source text, as a model that echoes them writes it.
func sources() string {
	m := map[string]string{}
	for _, s := range ReplyRequest().Segments {
		m[s.ID] = s.Text
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// glossary returns the glossary of ReplyRequest as the request sends it.
func glossary() string {
	m := map[string]string{}
	for _, g := range ReplyRequest().Glossary {
		m[g.Source] = g.Target
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// RunReplies runs every ReplyCase as a subtest of t: a fresh fake server
// answers with the case's replies, in order, and newTranslator makes the
// translator to check over the client it is given.
func RunReplies(t *testing.T, newTranslator func(client llm.ChatCompleter) translate.Translator) {
	t.Helper()
	for _, c := range ReplyCases {
		t.Run(c.Name, func(t *testing.T) {
			if err := checkCase(context.Background(), c, newTranslator, openaitest.NewServer(t)); err != nil {
				t.Error(err)
			}
		})
	}
}

// CheckReplies runs every ReplyCase and returns the failures joined, or
// nil. It is RunReplies for callers without a *testing.T.
func CheckReplies(ctx context.Context, newTranslator func(client llm.ChatCompleter) translate.Translator) error {
	var errs []error
	for _, c := range ReplyCases {
		srv := openaitest.NewServer(nil)
		if err := checkCase(ctx, c, newTranslator, srv); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.Name, err))
		}
		srv.Close()
	}
	return errors.Join(errs...)
}

func checkCase(ctx context.Context, c ReplyCase, newTranslator func(llm.ChatCompleter) translate.Translator, srv *openaitest.Server) error {
	srv.Enqueue(c.Replies...)
	client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "fake", MaxAttempts: 1}.NewClient()
	req := ReplyRequest()
	resp, err := newTranslator(client).Translate(ctx, req)
	if err != nil {
		return fmt.Errorf("Translate: %w (after %d requests)", err, len(srv.ChatRequests()))
	}
	if diff := cmp.Diff(c.Want, resp.Segments); diff != "" {
		return fmt.Errorf("segments mismatch (-want +got):\n%s", diff)
	}
	if n := len(srv.ChatRequests()); n > c.Requests {
		return fmt.Errorf("%d requests, want at most %d", n, c.Requests)
	}
	return nil
}
