package openaitest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/khabar-go/khabar/llm/openaitest"
	openai "github.com/sashabaranov/go-openai"
)

// The server answers from a queue of scripted replies, then from a
// handler, and records every request.
func Example() {
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(openaitest.RateLimited(2 * time.Second))
	srv.Handle(func(req openaitest.Request) openaitest.Reply {
		return openaitest.Text("echo: " + req.Content("user"))
	})

	client := srv.Client()
	req := openai.ChatCompletionRequest{
		Model:    "test-model",
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "مرحبا"}},
	}
	_, err := client.CreateChatCompletion(context.Background(), req)
	fmt.Println("first:", err)
	resp, err := client.CreateChatCompletion(context.Background(), req)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("second:", resp.Choices[0].Message.Content)
	fmt.Println("requests:", len(srv.Requests()))
	// Output:
	// first: error, status code: 429, status: 429 Too Many Requests, message: Rate limit reached; please try again later.
	// second: echo: مرحبا
	// requests: 2
}
