// Package llm is the shared plumbing of khabar's language-model back ends:
// small consumer-side interfaces over go-openai, a retrying HTTP client,
// typed errors, token estimation and chunking, and structured JSON replies.
// It is internal: the public API lives in summarize and translate.
//
// # API summary (for the packages built on it)
//
// Interfaces (*openai.Client satisfies both):
//
//	type ChatCompleter interface { CreateChatCompletion(ctx, openai.ChatCompletionRequest) (openai.ChatCompletionResponse, error) }
//	type ChatStreamer  interface { CreateChatCompletionStream(ctx, openai.ChatCompletionRequest) (*openai.ChatCompletionStream, error) }
//
// Client construction (the key is hidden from String, GoString, slog and errors):
//
//	cfg := llm.Config{APIKey: key, BaseURL: url, Model: "gpt-4o-mini"} // zero fields mean defaults
//	client := cfg.NewClient() // *openai.Client over a *RetryClient that redacts the key
//
// To put the retrying, key-scrubbing client under a hand-built
// openai.ClientConfig: cfg.HTTPClient = (&llm.RetryClient{Doer: hc}).WithSecret(key).
//
// Retries: RetryClient implements openai.HTTPDoer. It retries connection
// errors, 408, 409, 429 and 5xx, honours retry-after-ms, Retry-After
// (seconds or HTTP date) and x-should-retry, backs off exponentially with
// full jitter, stops after MaxAttempts, and never waits past the context
// deadline (it returns the last response at once instead). AttemptTimeout
// (also in Config) abandons and retries an attempt whose headers do not come
// in time: a hung server.
//
// Errors: Classify(err) maps go-openai errors onto *Error, whose Kind is one of
// ErrRateLimited, ErrContextLength, ErrBadReply, ErrServer, ErrAuth (and a
// reply cut by finish_reason "length" matches ErrTruncated too); test with
// errors.Is(err, llm.ErrRateLimited). The *openai.APIError or
// *openai.RequestError underneath stays reachable with errors.As.
// BadReply(detail, err) builds an ErrBadReply error.
//
// Streaming: Collect(stream, onDelta) reads a stream to [DONE] and returns
// the content and finish reason; a cut stream is an ErrServer error.
//
// Tokens: EstimateTokens(s) is a conservative estimate (Arabic script 2 runes
// a token, Latin 4, CJK 1, ASCII punctuation runs 2 a token, other
// punctuation 1). Chunk(sizes, budget) groups
// consecutive items under a budget and returns []Range{Start, End}.
//
// Structured replies:
//
//	js := &llm.JSON{Client: client, Schema: llm.MustSchemaFor[Reply]("reply")}
//	var out Reply
//	resp, err := js.Complete(ctx, req, &out) // req: system prompt + user data
//
// Complete asks for response_format json_schema, falls back to json_object
// and then to no response format (with the schema in an extra system
// message) while the server answers 400 or 422 to the format, decodes the
// reply (a code fence or a sentence around the object is tolerated),
// validates it against the schema and with out's Validate() error method
// if it has one, and re-asks up to BadReplyRetries times on a reply that is
// not as requested (malformed body, not JSON, fails validation,
// finish_reason "content_filter"). Its errors are classified (see
// Classify). A reply cut by finish_reason "length" is not re-asked (ask
// for less instead). For batch files, Prepare(req) sets the response format
// and Decode(resp, out) checks and decodes a reply obtained another way.
//
// Article text goes only in user content (best as a JSON document the
// caller marshals); the system prompt is always a fixed string of the caller's.
package llm
