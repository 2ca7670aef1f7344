// Package chat is the engine shared by khabar's language-model back ends
// (summarize, translate, entities/llmextract): chat requests that ask for
// JSON with a response-format fallback, finding the JSON in a model's
// reply, reading streams, and token estimates and chunking for budgets.
// The public side — client configuration, the retrying transport, the
// error kinds and the ChatCompleter interface — is package llm.
//
// Structured replies:
//
//	js := &chat.JSON{Client: client, Schema: schema}
//	content, err := js.Ask(ctx, req) // req: fixed system prompt + user data
//	value := chat.FindJSON(content)  // the object or array, fences and prose removed
//
// Ask asks for response_format json_schema, falls back to json_object and
// then to no response format (with the schema in an extra system message)
// while the server answers 400 or 422 to the format, and checks the choice
// (finish reason, refusal). The back ends read the value themselves,
// leniently, and decide what to ask again. For batch files, Prepare(req)
// sets the response format and Content(resp) checks a reply obtained
// another way.
//
// Streaming: Collect(stream, onDelta) reads a stream to [DONE] and returns
// the content and finish reason; a cut stream is an llm.ErrServer error.
//
// Tokens: EstimateTokens(s) is a conservative estimate (Arabic script 2 runes
// a token, Latin 4, CJK 1, ASCII punctuation runs 2 a token, other
// punctuation 1). Chunk(sizes, budget) groups consecutive items under a
// budget and returns []Range{Start, End}.
//
// Article text goes only in user content (best as a JSON document the
// caller marshals); the system prompt is always a fixed string of the caller's.
package chat
