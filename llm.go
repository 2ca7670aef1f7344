package khabar

import (
	"log/slog"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/internal/llm"
)

// LLMConfig configures a client for any OpenAI-compatible server (OpenAI,
// Azure OpenAI, Ollama, vLLM, a llama.cpp server). The zero value of each
// field means its default. String and LogValue hide APIKey, and the key is
// scrubbed from the client's errors.
type LLMConfig struct {
	// APIKey is the bearer key, sent only in the request header.
	APIKey string
	// BaseURL is the API root, "https://api.openai.com/v1" by default.
	BaseURL string
	// Model is the model name; the back ends' defaults apply when empty.
	Model string
	// Azure selects Azure OpenAI; BaseURL is then the resource endpoint.
	Azure bool
	// HTTPClient sends each attempt; nil means http.DefaultClient.
	HTTPClient openai.HTTPDoer
	// MaxAttempts bounds the attempts per request; 0 means the default.
	MaxAttempts int
	// AttemptTimeout bounds the wait for each attempt's response headers,
	// so a server that hangs is retried; 0 means no bound beyond the
	// request's context.
	AttemptTimeout time.Duration
	// Logger receives a record for each retry; nil means none.
	Logger *slog.Logger
}

// internal returns c as the internal configuration. LLMConfig has the
// fields of llm.Config, so a field added to one and not the other breaks
// this conversion at compile time.
func (c LLMConfig) internal() llm.Config { return llm.Config(c) }

// NewClient returns an *openai.Client whose HTTP client retries connection
// errors, 408, 409, 429 and 5xx as the server asks (Retry-After,
// retry-after-ms, x-should-retry), with exponential backoff and jitter,
// never past the request's context deadline. Pass it to summarize.NewLLM or
// the translate package's LLM translator.
func (c LLMConfig) NewClient() *openai.Client { return c.internal().NewClient() }

// String describes the configuration without the key.
func (c LLMConfig) String() string { return c.internal().Describe("khabar.LLMConfig") }

// GoString is String, so %#v hides the key too.
func (c LLMConfig) GoString() string { return c.String() }

// LogValue logs the configuration without the key.
func (c LLMConfig) LogValue() slog.Value { return c.internal().LogValue() }
