package summarizetest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
)

// strict reads only the reply shape it asked for, {"sentences": [...]},
// and asks nothing again: the reply table must catch it.
func strict(client llm.ChatCompleter) summarize.Summarizer { return reader{}.summarizer(client) }

// reader is a summarizer that reads {"sentences": [...]} and nothing
// else, with one more fault each field names.
type reader struct {
	caseSensitive bool // reads the key "sentences" only as written so
	firstField    bool // takes the reply's first field, whatever its name
	lengthFails   bool // fails a reply whose finish_reason is "length"
	asksTwice     bool // sends a request it does not need first
}

func (r reader) summarizer(client llm.ChatCompleter) summarize.Summarizer {
	return summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		ask := openai.ChatCompletionRequest{Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "summarize"}}}
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
		content := []byte(resp.Choices[0].Message.Content)
		var reply struct{ Sentences []string }
		if err := json.Unmarshal(content, &reply); err != nil {
			return nil, err
		}
		if r.caseSensitive {
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(content, &fields); err != nil {
				return nil, err
			}
			if _, ok := fields["sentences"]; !ok {
				return nil, errors.New(`no "sentences" in the reply`)
			}
		}
		if r.firstField {
			dec := json.NewDecoder(bytes.NewReader(content))
			dec.Token() // {
			dec.Token() // the first key
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, err
			}
			if s, ok := v.(string); ok {
				return &summarize.Summary{Text: s}, nil
			}
		}
		return &summarize.Summary{Text: strings.Join(reply.Sentences, " ")}, nil
	})
}

// TestEveryReplyCaseFailsAReader: each case of the reply table fails at
// least one reader that is wrong in one way and yet reads the plain shape
// (the first case), so that no case is one that any summarizer passes;
// the first case fails a reader that makes a request too many.
func TestEveryReplyCaseFailsAReader(t *testing.T) {
	readers := map[string]reader{
		"strict":         {},
		"case-sensitive": {caseSensitive: true},
		"first field":    {firstField: true},
		"length fails":   {lengthFails: true},
		"asks twice":     {asksTwice: true},
	}
	failed := map[string][]string{}
	for name, r := range readers {
		err := summarizetest.CheckReplies(context.Background(), r.summarizer)
		if err == nil {
			t.Errorf("reader %q passes every case", name)
			continue
		}
		for _, c := range summarizetest.ReplyCases {
			if strings.Contains(err.Error(), c.Name+":") {
				failed[c.Name] = append(failed[c.Name], name)
			}
		}
	}
	base := summarizetest.ReplyCases[0].Name
	for _, c := range summarizetest.ReplyCases {
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
		{"case-sensitive", "key in another case"},
		{"first field", "echoed task with the sentences"},
		{"length fails", "finish_reason length on a whole reply"},
		{"asks twice", "sentences list"},
	} {
		if !slices.Contains(failed[want.c], want.reader) {
			t.Errorf("case %q does not fail the reader %q", want.c, want.reader)
		}
	}
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
