// Package openaitest provides a fake OpenAI-compatible API server for tests:
// an httptest server that answers chat completions (plain, JSON mode, JSON
// schema, and streamed as server-sent events ending in "data: [DONE]") with
// scripted replies, records every request, serves the files and batches
// endpoints, and injects the faults real servers show:
//
//   - errors: 429 with Retry-After and retry-after-ms (RateLimited), a long
//     Retry-After alone (RetryAfter), 500 and 503, 400 context length, a 401
//     that repeats the wrong key (RequireKey), a 400 to JSON schema requests
//     (RejectJSONSchema);
//   - time: a hang until the client gives up (Hang), headers then a stalled
//     body (StallAfterHeaders);
//   - bodies: a malformed body (Malformed), a body of any size written as
//     it goes (Huge), a stream cut mid-way (CutStream);
//   - models: finish_reason "length" (Length, AlwaysLength), a model that
//     echoes the request's JSON document (Echo), items dropped from or
//     merged into their neighbours in a JSON reply (DropItems, MergeItems);
//   - batches that fail or expire (EndBatches).
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
// Every LLM-backed package of the module (summarize, translate,
// entities/llmextract) tests against it, and so can their users.
package openaitest
