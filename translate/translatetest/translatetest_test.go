package translatetest_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm"

	"github.com/khabar-go/khabar/translate"
	"github.com/khabar-go/khabar/translate/translatetest"
)

// identity keeps the contract without translating anything.
var identity = translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	resp := &translate.Response{Segments: append([]translate.Segment{}, req.Segments...)}
	return resp, nil
})

func TestRun(t *testing.T) {
	translatetest.Run(t, func(*testing.T) translate.Translator { return identity })
}

func TestCheckFindsAContractBreak(t *testing.T) {
	noValidation := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		return &translate.Response{Segments: append([]translate.Segment{}, req.Segments...)}, nil
	})
	if err := translatetest.Check(context.Background(), noValidation); err == nil {
		t.Error("Check accepted a translator that takes invalid requests")
	}
	hidesCancel := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		if ctx.Err() != nil {
			return nil, errors.New("something failed")
		}
		return identity(ctx, req)
	})
	if err := translatetest.Check(context.Background(), hidesCancel); err == nil {
		t.Error("Check accepted a translator whose error on a done context does not wrap ctx.Err()")
	}
	if err := translatetest.Check(context.Background(), identity); err != nil {
		t.Errorf("Check rejected a conforming translator: %v", err)
	}
}

// strict reads only the reply shape it asked for, a flat JSON object, and
// asks nothing again: the reply table must catch it.
func strict(client llm.ChatCompleter) translate.Translator { return reader{}.translator(client) }

// reader is a translator that reads a flat JSON object of id to text, and
// nothing else, with one more fault each field names.
type reader struct {
	byPosition  bool // takes the texts in the reply's order, not by id
	noExtras    bool // fails a reply with ids it did not ask for
	lengthFails bool // fails a reply whose finish_reason is "length"
	asksTwice   bool // sends a request it does not need first
}

func (r reader) translator(client llm.ChatCompleter) translate.Translator {
	return translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		ask := openai.ChatCompletionRequest{Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "translate"}}}
		if r.asksTwice {
			if _, err := client.CreateChatCompletion(ctx, ask); err != nil {
				return nil, err
			}
		}
		resp, err := client.CreateChatCompletion(ctx, ask)
		if err != nil {
			return nil, err
		}
		if r.lengthFails && resp.Choices[0].FinishReason == openai.FinishReasonLength {
			return nil, errors.New("reply cut by the length limit")
		}
		content := resp.Choices[0].Message.Content
		var texts map[string]string
		if err := json.Unmarshal([]byte(content), &texts); err != nil {
			return nil, err
		}
		if r.noExtras && len(texts) != len(req.Segments) {
			return nil, errors.New("reply has ids that were not asked for")
		}
		var order []string
		dec := json.NewDecoder(strings.NewReader(content))
		dec.Token() // {
		for dec.More() {
			dec.Token() // the key
			var v string
			if err := dec.Decode(&v); err != nil {
				return nil, err
			}
			order = append(order, v)
		}
		out := &translate.Response{}
		for i, s := range req.Segments {
			text := texts[s.ID]
			if r.byPosition && i < len(order) {
				text = order[i]
			}
			out.Segments = append(out.Segments, translate.Segment{ID: s.ID, Text: text})
		}
		return out, nil
	})
}

// TestEveryReplyCaseFailsAReader: each case of the reply table fails at
// least one reader that is wrong in one way and yet reads the plain shape
// (the first case), so that no case is one that any translator passes;
// the first case fails a reader that makes a request too many.
func TestEveryReplyCaseFailsAReader(t *testing.T) {
	readers := map[string]reader{
		"strict":       {},
		"by position":  {byPosition: true},
		"no extra ids": {noExtras: true},
		"length fails": {lengthFails: true},
		"asks twice":   {asksTwice: true},
	}
	failed := map[string][]string{}
	for name, r := range readers {
		err := translatetest.CheckReplies(context.Background(), r.translator)
		if err == nil {
			t.Errorf("reader %q passes every case", name)
			continue
		}
		for _, c := range translatetest.ReplyCases {
			if strings.Contains(err.Error(), c.Name+":") {
				failed[c.Name] = append(failed[c.Name], name)
			}
		}
	}
	base := translatetest.ReplyCases[0].Name
	for _, c := range translatetest.ReplyCases {
		n := 0
		for _, r := range failed[c.Name] {
			if c.Name == base || !slices.Contains(failed[base], r) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("case %q fails none of the broken readers that read %q", c.Name, base)
		}
	}
	for _, want := range []struct{ reader, c string }{
		{"by position", "keys in another order"},
		{"no extra ids", "extra ids ignored"},
		{"length fails", "finish_reason length on a whole reply"},
		{"asks twice", "object of id to text"},
	} {
		if !slices.Contains(failed[want.c], want.reader) {
			t.Errorf("case %q does not fail the reader %q", want.c, want.reader)
		}
	}
}

// TestCheckRepliesCatchesAStrictReader: the reply table fails a
// translator that reads only the shape it asked for, on the cases it
// cannot read, and passes it on the one it can.
func TestCheckRepliesCatchesAStrictReader(t *testing.T) {
	err := translatetest.CheckReplies(context.Background(), strict)
	if err == nil {
		t.Fatal("CheckReplies accepted a strict reader")
	}
	for _, name := range []string{"echoed request envelope", "code fence with a tag", "array of id and text", "ids in upper case", "one id missing"} {
		if !strings.Contains(err.Error(), name+":") {
			t.Errorf("CheckReplies did not report %q:\n%v", name, err)
		}
	}
	if strings.Contains(err.Error(), "object of id to text:") {
		t.Errorf("CheckReplies failed the shape the reader reads:\n%v", err)
	}
}

// TestReplyTable: the table keeps the 31 shapes the README counts (more
// are welcome, so this is a floor), each under its own name and each a
// different first reply, so that no two cases check the same thing.
func TestReplyTable(t *testing.T) {
	if n := len(translatetest.ReplyCases); n < 31 {
		t.Errorf("%d reply cases, want the README's 31 at least", n)
	}
	names, firsts := map[string]bool{}, map[string]string{}
	for _, c := range translatetest.ReplyCases {
		if names[c.Name] {
			t.Errorf("two cases named %q", c.Name)
		}
		names[c.Name] = true
		first, err := json.Marshal(c.Replies[0])
		if err != nil {
			t.Fatal(err)
		}
		if other, ok := firsts[string(first)]; ok {
			t.Errorf("cases %q and %q start with the same reply", other, c.Name)
		}
		firsts[string(first)] = c.Name
	}
}
