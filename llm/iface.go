package llm

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

// ChatCompleter is the one method of *openai.Client that a non-streaming
// LLM back end calls: summarize.NewLLM, translate.NewLLM and the
// entities/llmextract extractor take it. An *openai.Client or a *Client
// configured for OpenAI, Azure OpenAI, Ollama, vLLM or a llama.cpp server
// satisfies it, and so does a fake. Implementations must be safe for
// concurrent use.
type ChatCompleter interface {
	CreateChatCompletion(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error)
}

// ChatStreamer is the one method of *openai.Client that a streaming LLM
// back end calls. Implementations must be safe for concurrent use.
type ChatStreamer interface {
	CreateChatCompletionStream(ctx context.Context, req openai.ChatCompletionRequest) (*openai.ChatCompletionStream, error)
}

var (
	_ ChatCompleter = (*openai.Client)(nil)
	_ ChatStreamer  = (*openai.Client)(nil)
	_ ChatCompleter = (*Client)(nil)
	_ ChatStreamer  = (*Client)(nil)
)
