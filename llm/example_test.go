package llm_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
)

// A Config prints without its key.
func ExampleConfig() {
	cfg := llm.Config{APIKey: "sk-secret-0123456789", BaseURL: "http://localhost:11434/v1", Model: "qwen2.5"}
	fmt.Println(cfg)
	// Output:
	// llm.Config{BaseURL: "http://localhost:11434/v1", Model: "qwen2.5", Azure: false, APIKey: [REDACTED]}
}

// A server that asks to come back tomorrow gets no retry: the error says
// how long it asked to wait.
func ExampleRetryAfterError() {
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(openaitest.RetryAfter(429, 24*time.Hour))
	client := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m"}.NewClient()
	_, err := client.CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "hello"}},
	})
	var ra *llm.RetryAfterError
	if errors.As(err, &ra) {
		fmt.Println("come back in", ra.Wait)
	}
	fmt.Println("rate limited:", errors.Is(err, llm.ErrRateLimited))
	fmt.Println(err)
	// Output:
	// come back in 24h0m0s
	// rate limited: true
	// llm: server asks to retry after 24h0m0s, longer than the 1m0s the client may wait (status 429: Please retry after 86400 seconds.)
}

// Transport keeps the retries, bounds and key scrubbing under a go-openai
// configuration built by hand.
func ExampleConfig_Transport() {
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(openaitest.Unavailable(), openaitest.Text("hello"))
	oc := openai.DefaultConfig("sk-hand-0123456789")
	oc.BaseURL = srv.URL()
	oc.HTTPClient = llm.Config{HTTPClient: srv.HTTPClient()}.Transport()
	resp, err := openai.NewClientWithConfig(oc).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{
		Model:    "m",
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "hi"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Choices[0].Message.Content, "after", len(srv.ChatRequests()), "requests")
	// Output:
	// hello after 2 requests
}
