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
	if n := len(summarizetest.ReplyCases); n < 20 {
		t.Errorf("%d reply cases, want at least 20", n)
	}
}
