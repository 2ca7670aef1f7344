package chat_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	openai "github.com/sashabaranov/go-openai"
)

func TestCollect(t *testing.T) {
	const text = "إيران وبيلاروسيا يتفقان على تقوية العلاقات — Iran and Belarus agree."
	tests := []struct {
		name    string
		reply   openaitest.Reply
		want    string
		wantErr error
	}{
		{"whole stream", openaitest.Text(text), text, nil},
		{"cut mid-way", openaitest.CutStream(text, 2), "", llm.ErrServer},
		{"cut before finish", openaitest.CutStream(text, 100), "", llm.ErrServer},
		{"429", openaitest.RateLimited(0), "", llm.ErrRateLimited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.NewServer(t)
			srv.Enqueue(tt.reply)
			req := openai.ChatCompletionRequest{Model: "m", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "x"}}}
			stream, err := srv.Client().CreateChatCompletionStream(context.Background(), req)
			var got string
			var pieces int
			if err == nil {
				got, _, err = chat.Collect(stream, func(string) { pieces++ })
			} else {
				err = llm.Classify(err)
			}
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error = %v, want %v", err, tt.wantErr)
				}
				if tt.name == "cut mid-way" && got == text {
					t.Errorf("a cut stream returned the whole text")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || pieces < 2 {
				t.Errorf("Collect() = %q in %d pieces, want %q in several", got, pieces, tt.want)
			}
			if !srv.ChatRequests()[0].Chat.Stream {
				t.Error("request was not a stream request")
			}
			if !strings.Contains(string(srv.ChatRequests()[0].Body), `"stream":true`) {
				t.Error("stream flag missing from body")
			}
		})
	}
}
