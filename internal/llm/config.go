package llm

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Config configures an OpenAI-compatible client. The zero value of each
// field means its default. String, GoString and LogValue hide APIKey, so a
// Config can be printed or logged.
type Config struct {
	// APIKey is the bearer key; it is sent only in the Authorization (or
	// Azure api-key) header.
	APIKey string
	// BaseURL is the API root ("https://api.openai.com/v1" by default;
	// Ollama, vLLM and llama.cpp servers serve ".../v1" too).
	BaseURL string
	// Model is the model name the back ends put in their requests.
	Model string
	// Azure selects Azure OpenAI (BaseURL is then the resource endpoint).
	Azure bool
	// HTTPClient sends each attempt; nil means http.DefaultClient.
	HTTPClient openai.HTTPDoer
	// MaxAttempts bounds attempts per request (see RetryClient).
	MaxAttempts int
	// AttemptTimeout bounds the wait for each attempt's response headers
	// (see RetryClient); 0 means none.
	AttemptTimeout time.Duration
	// Logger receives retry records; nil means none.
	Logger *slog.Logger
}

// String describes the configuration without the key.
func (c Config) String() string { return c.Describe("llm.Config") }

// Describe describes the configuration without the key, under the type
// name typ, for public types that convert to Config.
func (c Config) Describe(typ string) string {
	key := "unset"
	if c.APIKey != "" {
		key = redacted
	}
	return fmt.Sprintf("%s{BaseURL: %q, Model: %q, Azure: %t, APIKey: %s}",
		typ, c.BaseURL, c.Model, c.Azure, key)
}

// GoString is String, so %#v hides the key too.
func (c Config) GoString() string { return c.String() }

// LogValue logs the configuration without the key.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.BaseURL),
		slog.String("model", c.Model),
		slog.Bool("azure", c.Azure),
		slog.Bool("api_key_set", c.APIKey != ""),
	)
}

// Retrier returns the RetryClient NewClient installs: it wraps HTTPClient
// and scrubs the key from error bodies and transport errors.
func (c Config) Retrier() *RetryClient {
	return &RetryClient{Doer: c.HTTPClient, MaxAttempts: c.MaxAttempts, AttemptTimeout: c.AttemptTimeout,
		Logger: c.Logger, secret: c.APIKey}
}

// NewClient returns an *openai.Client for c whose HTTP client is c.Retrier().
func (c Config) NewClient() *openai.Client {
	var oc openai.ClientConfig
	if c.Azure {
		oc = openai.DefaultAzureConfig(c.APIKey, c.BaseURL)
	} else {
		oc = openai.DefaultConfig(c.APIKey)
		if c.BaseURL != "" {
			oc.BaseURL = strings.TrimRight(c.BaseURL, "/")
		}
	}
	oc.HTTPClient = c.Retrier()
	return openai.NewClientWithConfig(oc)
}

// WithSecret returns a copy of r that scrubs secret from error response
// bodies and transport errors. Use it when building an openai.ClientConfig
// by hand.
func (r *RetryClient) WithSecret(secret string) *RetryClient {
	c := *r
	c.secret = secret
	return &c
}
