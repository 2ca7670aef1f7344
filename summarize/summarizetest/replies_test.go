package summarizetest_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
)

// strict reads only the reply shape it asked for, {"sentences": [...]},
// and asks nothing again: the reply table must catch it.
func strict(client llm.ChatCompleter) summarize.Summarizer {
	return summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "summarize"}}})
		if err != nil {
			return nil, err
		}
		var reply struct{ Sentences []string }
		if err := json.Unmarshal([]byte(resp.Choices[0].Message.Content), &reply); err != nil {
			return nil, err
		}
		return &summarize.Summary{Text: strings.Join(reply.Sentences, " ")}, nil
	})
}

// TestCheckRepliesCatchesAStrictReader: the reply table fails a
// summarizer that reads only the shape it asked for, on the cases it
// cannot read, and passes it on the one it can.
func TestCheckRepliesCatchesAStrictReader(t *testing.T) {
	err := summarizetest.CheckReplies(context.Background(), strict)
	if err == nil {
		t.Fatal("CheckReplies accepted a strict reader")
	}
	for _, name := range []string{"code fence", "summary as one string", "bare list of strings", "bullet marks", "not JSON"} {
		if !strings.Contains(err.Error(), name+":") {
			t.Errorf("CheckReplies did not report %q:\n%v", name, err)
		}
	}
	if strings.Contains(err.Error(), "sentences list:") {
		t.Errorf("CheckReplies failed the shape the reader reads:\n%v", err)
	}
}

// TestReplyTable: the table keeps the 26 shapes the README counts (more
// are welcome, so this is a floor), each under its own name and each a
// different first reply, so that no two cases check the same thing.
func TestReplyTable(t *testing.T) {
	if n := len(summarizetest.ReplyCases); n < 26 {
		t.Errorf("%d reply cases, want the README's 26 at least", n)
	}
	names, firsts := map[string]bool{}, map[string]string{}
	for _, c := range summarizetest.ReplyCases {
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
