// Package openaitest provides a fake OpenAI-compatible API server for tests:
// an httptest server that answers chat completions (plain, JSON mode, JSON
// schema, and streamed as server-sent events ending in "data: [DONE]") with
// scripted replies, records every request, serves the files and batches
// endpoints, and injects faults on demand: 429 with Retry-After and
// retry-after-ms, 500 and 503, a hang until the client gives up, a malformed
// body, finish_reason "length", a stream cut mid-way, a 400 to JSON
// schema requests (RejectJSONSchema), a 401 that repeats the wrong key
// (RequireKey), and batches that fail or expire (EndBatches).
//
// Batches move one status per retrieval (validating, in_progress,
// finalizing, completed); their lines are answered through the same queue
// and Handler as direct requests, and recorded with BatchID and CustomID.
//
// Use it to test code that calls an *openai.Client, without a network:
//
//	srv := openaitest.NewServer(t)
//	srv.Enqueue(openaitest.RateLimited(0), openaitest.Text("hello"))
//	client := srv.Client()
//
// It lives under summarize because the module's top level is fixed; every
// LLM-backed package of the module tests against it.
package openaitest
