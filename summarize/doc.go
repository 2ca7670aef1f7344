// Package summarize summarizes news articles: an offline extractive
// summarizer that needs no model, an LLM-backed one that writes new text,
// and decorators that add caching, rate limiting and fallback to either.
//
// # The interface
//
// A Summarizer has one method, Summarize(ctx, Request). A Request names
// the article (a parsed *article.Article, or text to parse), a Budget in
// sentences, words or a ratio of the article's words, a target language
// and a Style (prose or bullets). Func adapts a function, as
// http.HandlerFunc does. The package summarizetest checks any
// implementation against the contract.
//
// # Extractive summaries
//
// Extractive chooses sentences of the article and returns them as byte
// spans into Article.Source, in source order, so a summary is grounded:
// every word of it is in the article. It scores sentences by position (news
// puts the essentials first), centrality over light stems, title overlap
// and length, and picks them with maximal marginal relevance so that the
// summary does not repeat itself. It handles Arabic, Persian and English,
// is deterministic, and takes tens of microseconds for a news article.
//
// # LLM summaries
//
// NewLLM sends the article to an OpenAI-compatible chat completions server
// (OpenAI, Azure OpenAI, Ollama, vLLM, a llama.cpp server) through any
// llm.ChatCompleter (an *llm.Client from llm.Config, an *openai.Client, a
// fake); its model is the options' or else the client's. It can summarize
// into another language, stream its reply, and summarize an article longer
// than its token budget map-reduce over chunks of paragraphs. The article
// goes to the server only as data in the user message. Replies are read in
// every shape models send: {"sentences": […]}, the echoed task with the
// sentences beside it, a summary string or a list of objects, nesting one
// or two levels deeper, code fences or prose around the JSON, a reply cut
// by the token limit (whole sentences are kept). A reply that cannot be
// read is asked for again, and after two the summary is asked for in plain
// text; retries and re-asks stay within a budget of twice the paragraphs.
// Errors are the kinds of package llm (llm.ErrRateLimited, llm.ErrBudget,
// ...), tested with errors.Is. Package summarizetest holds a table of
// reply shapes with the summary each must give.
//
// # Decorators
//
// Cache, RateLimit and WithFallback return Decorators; Chain composes
// them; Fallback pairs an LLM summarizer with the offline one for when the
// server fails. translate has the same decorators with the same
// signatures.
//
//	s := summarize.Chain(
//		summarize.Cache(summarize.NewLRU(1024)),
//		summarize.RateLimit(rate.NewLimiter(5, 1)), // golang.org/x/time/rate
//		summarize.WithFallback(summarize.Extractive{}),
//	)(summarize.NewLLM(client, summarize.LLMOptions{}))
//
// Every summarizer and decorator in this package is safe for concurrent
// use and leaves the request untouched.
package summarize
