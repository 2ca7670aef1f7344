package llm

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Config configures a client for any OpenAI-compatible server (OpenAI,
// Azure OpenAI, Ollama, vLLM, a llama.cpp server). The zero value of each
// field means its default. String, GoString and LogValue hide APIKey, so a
// Config can be printed or logged, and the key is scrubbed from the
// client's errors. For the same reason its JSON (lower-case keys,
// durations in nanoseconds) leaves out APIKey, and Base, HTTPClient and
// Logger, which are Go values: a Config written to a file holds no secret,
// and the key is set from the environment after reading it.
type Config struct {
	// APIKey is the bearer key (for Azure, the api-key), sent only in the
	// request header. Local servers that want none take any value.
	APIKey string `json:"-"`
	// BaseURL is the API root: "https://api.openai.com/v1" by default;
	// Ollama, vLLM and llama.cpp serve ".../v1"; for Azure, the resource
	// endpoint.
	BaseURL string `json:"base_url,omitempty"`
	// Model is the model name. Requests that name no model are sent with
	// it, and the back ends of this module use it unless told otherwise.
	Model string `json:"model,omitempty"`
	// Azure selects Azure OpenAI.
	Azure bool `json:"azure,omitempty"`
	// APIVersion is the Azure OpenAI API version ("2024-10-21"); "" means
	// go-openai's default.
	APIVersion string `json:"api_version,omitempty"`
	// Organization is the OpenAI organization ID, sent in the
	// OpenAI-Organization header; "" sends none.
	Organization string `json:"organization,omitempty"`
	// Base, when set, is the go-openai configuration to start from (for
	// settings this Config does not name, such as an Azure deployment
	// mapper or an Azure AD token): its key is kept unless APIKey is set,
	// the fields of this Config that are set override its own, and the
	// Transport is put under its HTTPClient.
	Base *openai.ClientConfig `json:"-"`
	// HTTPClient sends each attempt; nil means Base's HTTPClient, or
	// http.DefaultClient.
	HTTPClient openai.HTTPDoer `json:"-"`
	// MaxAttempts bounds the attempts per request, the first included;
	// 0 means DefaultMaxAttempts, 1 disables retries.
	MaxAttempts int `json:"max_attempts,omitempty"`
	// AttemptTimeout bounds each attempt, from sending the request to the
	// last byte of the reply, so a server that never answers and one that
	// stalls after its headers are both abandoned and retried. 0 means
	// DefaultAttemptTimeout; a negative value means no bound beyond the
	// request's context. Streamed replies are bounded too.
	AttemptTimeout time.Duration `json:"attempt_timeout,omitempty"`
	// MaxReplyBytes bounds the size of a reply body; a larger one fails
	// with ErrTooLarge without being read further. 0 means
	// DefaultMaxReplyBytes; a negative value means no bound. Batch output
	// files (the files API) are not bounded.
	MaxReplyBytes int64 `json:"max_reply_bytes,omitempty"`
	// MaxRetryWait is the longest wait a server may ask for (Retry-After,
	// retry-after-ms) before a retry; a longer one ends the request with a
	// *RetryAfterError. 0 means DefaultMaxRetryWait.
	MaxRetryWait time.Duration `json:"max_retry_wait,omitempty"`
	// Logger receives one Debug record per retry; nil means none.
	Logger *slog.Logger `json:"-"`
}

// Defaults used when a field of Config (or Transport) is zero.
const (
	DefaultMaxAttempts    = 4
	DefaultAttemptTimeout = 5 * time.Minute
	DefaultMaxReplyBytes  = 4 << 20
	DefaultMaxRetryWait   = time.Minute
)

// String describes the configuration without the key.
func (c Config) String() string {
	key := "unset"
	if c.APIKey != "" {
		key = redacted
	}
	s := fmt.Sprintf("llm.Config{BaseURL: %q, Model: %q, Azure: %t", c.BaseURL, c.Model, c.Azure)
	if c.APIVersion != "" {
		s += fmt.Sprintf(", APIVersion: %q", c.APIVersion)
	}
	if c.Organization != "" {
		s += fmt.Sprintf(", Organization: %q", c.Organization)
	}
	return s + ", APIKey: " + key + "}"
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

// Transport returns the retrying, size-bounding, key-scrubbing HTTP client
// that NewClient puts under go-openai, for a caller who builds an
// openai.ClientConfig by hand:
//
//	oc := openai.DefaultConfig(key)
//	oc.HTTPClient = llm.Config{APIKey: key}.Transport()
//	client := openai.NewClientWithConfig(oc)
func (c Config) Transport() *Transport {
	doer := c.HTTPClient
	if doer == nil && c.Base != nil {
		doer = c.Base.HTTPClient
	}
	if t, ok := doer.(*Transport); ok {
		// Already a Transport: use it as it is (never two in a row), with
		// the key to scrub.
		cp := *t
		if cp.secret == "" {
			cp.secret = c.APIKey
		}
		return &cp
	}
	return &Transport{Doer: doer, MaxAttempts: c.MaxAttempts, AttemptTimeout: c.AttemptTimeout,
		MaxReplyBytes: c.MaxReplyBytes, MaxRetryWait: c.MaxRetryWait, Logger: c.Logger, secret: c.APIKey}
}

// ClientConfig returns the go-openai configuration NewClient uses: Base (or
// go-openai's default for OpenAI or Azure) with the fields of c that are
// set, over c.Transport().
func (c Config) ClientConfig() openai.ClientConfig {
	var oc openai.ClientConfig
	switch {
	case c.Base != nil && c.APIKey != "":
		oc = openai.DefaultConfig(c.APIKey)
		b := c.Base
		oc.BaseURL, oc.OrgID, oc.APIType, oc.APIVersion = b.BaseURL, b.OrgID, b.APIType, b.APIVersion
		oc.AssistantVersion, oc.AzureModelMapperFunc, oc.EmptyMessagesLimit = b.AssistantVersion, b.AzureModelMapperFunc, b.EmptyMessagesLimit
	case c.Base != nil:
		oc = *c.Base
	case c.Azure:
		oc = openai.DefaultAzureConfig(c.APIKey, strings.TrimRight(c.BaseURL, "/"))
	default:
		oc = openai.DefaultConfig(c.APIKey)
	}
	if c.BaseURL != "" {
		oc.BaseURL = strings.TrimRight(c.BaseURL, "/")
	}
	if c.Azure && oc.APIType != openai.APITypeAzure && oc.APIType != openai.APITypeAzureAD {
		oc.APIType = openai.APITypeAzure
	}
	if c.APIVersion != "" {
		oc.APIVersion = c.APIVersion
	}
	if c.Organization != "" {
		oc.OrgID = c.Organization
	}
	oc.HTTPClient = c.Transport()
	return oc
}

// NewClient returns a client for c: an *openai.Client over c.Transport(),
// which retries connection errors, 408, 409, 429 and 5xx as the server
// asks (Retry-After, retry-after-ms, x-should-retry) with exponential
// backoff and jitter, never past the request's context deadline, bounds
// each attempt's time and reply size, and scrubs the key from errors. Its
// requests that name no model are sent with c.Model. Pass it to
// summarize.NewLLM, translate.NewLLM or translate.Batch.
func (c Config) NewClient() *Client {
	return &Client{Client: openai.NewClientWithConfig(c.ClientConfig()), model: c.Model}
}

// Client is an *openai.Client that knows its configuration's model. All of
// *openai.Client's methods are available; the two chat methods fill in the
// model when a request names none. A Client is safe for concurrent use.
type Client struct {
	*openai.Client
	model string
}

// Model returns the configuration's model name ("" when it has none). The
// back ends of this module use it when their options name no model.
func (c *Client) Model() string { return c.model }

// CreateChatCompletion sends req, with the client's model if req has none.
func (c *Client) CreateChatCompletion(ctx context.Context, req openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error) {
	if req.Model == "" {
		req.Model = c.model
	}
	return c.Client.CreateChatCompletion(ctx, req)
}

// CreateChatCompletionStream streams req, with the client's model if req
// has none.
func (c *Client) CreateChatCompletionStream(ctx context.Context, req openai.ChatCompletionRequest) (*openai.ChatCompletionStream, error) {
	if req.Model == "" {
		req.Model = c.model
	}
	return c.Client.CreateChatCompletionStream(ctx, req)
}
