package translatetest_test

import (
	"context"
	"encoding/json"
	"errors"
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
func strict(client llm.ChatCompleter) translate.Translator {
	return translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "translate"}}})
		if err != nil {
			return nil, err
		}
		var texts map[string]string
		if err := json.Unmarshal([]byte(resp.Choices[0].Message.Content), &texts); err != nil {
			return nil, err
		}
		out := &translate.Response{}
		for _, s := range req.Segments {
			out.Segments = append(out.Segments, translate.Segment{ID: s.ID, Text: texts[s.ID]})
		}
		return out, nil
	})
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
