// Package llm configures clients for OpenAI-compatible chat servers
// (OpenAI, Azure OpenAI, Ollama, vLLM, a llama.cpp server) and holds what
// every language-model back end of khabar shares: the ChatCompleter
// interface they take, the retrying transport under the client, and the
// error kinds they return. summarize, translate and entities/llmextract
// users find them here without importing each other; the fake server to
// test against is llm/openaitest.
//
// # Configuration
//
// A Config names the server, key and model once:
//
//	client := llm.Config{APIKey: key, BaseURL: "http://localhost:11434/v1", Model: "qwen2.5:7b"}.NewClient()
//	tr := translate.NewLLM(client, translate.LLMOptions{}) // the model comes from the client
//
// It covers Azure (Azure, APIVersion), the OpenAI organisation, and any
// other go-openai setting through Base, a go-openai configuration to start
// from. A caller who builds an openai.ClientConfig by hand puts
// Config.Transport under it and keeps the retries, bounds and scrubbing.
//
// # Bounds
//
// Every request is bounded: each attempt, headers and body together, by
// AttemptTimeout (5 minutes by default); each reply body by MaxReplyBytes
// (4 MiB by default); the attempts by MaxAttempts; a server's Retry-After
// by MaxRetryWait and by the context's deadline, past which the request
// ends with a *RetryAfterError that says how long the server asked to
// wait. The back ends add a budget per article: their retries and re-asks
// together stay within twice the article's segments.
//
// # Errors
//
// Classify maps go-openai's errors onto *Error values whose Kind is one of
// ErrRateLimited, ErrContextLength, ErrBadReply (with ErrTruncated and
// ErrTooLarge under it), ErrServer (with ErrTimeout under it), ErrAuth and
// ErrBudget; test with errors.Is. The *openai.APIError underneath stays
// reachable with errors.As. The API key appears in no error, log record
// or printed Config.
package llm
