// Package translate translates text and whole articles through pluggable
// back ends, an OpenAI-compatible chat model among them, and loses nothing
// on the way: every segment comes back, in order, or the call fails with an
// error that says which ones did not.
//
// # The interface
//
// A Translator has one method, Translate(ctx, Request). A Request carries
// Segments (ID and text), the Source and Target languages as language.Tag,
// and a Glossary of terms whose translation is fixed. Func adapts a
// function. Package translatetest checks an implementation against the
// contract, and an LLM-backed one against a table of the reply shapes
// models send.
//
// # Decorators
//
// Cache (with a Store, by default an in-memory LRU), RateLimit (over a
// Limiter such as *rate.Limiter) and WithFallback return Decorators; Chain
// composes them, the first outermost; Fallback tries a primary translator
// and then others in turn when it fails. summarize has the same decorators
// with the same signatures.
//
//	tr := translate.Chain(
//		translate.Cache(translate.NewLRU(1024)),
//		translate.RateLimit(rate.NewLimiter(5, 1)), // golang.org/x/time/rate
//		translate.WithFallback(other),
//	)(translate.NewLLM(client, translate.LLMOptions{}))
//
// Every decorator in this package is safe for concurrent use if the
// translators it wraps are, and leaves the request untouched.
//
// # The LLM translator
//
// NewLLM takes any llm.ChatCompleter (an *llm.Client from llm.Config, an
// *openai.Client, a fake); its model is the options' or else the
// client's. It sends the segments as one JSON document in the user
// message, under a token budget per request and with bounded concurrency;
// the system prompt is a fixed text (with the two language names) and
// never holds article text. It asks for a JSON object of ID to translation
// (JSON schema, or JSON mode or a plain request where the server refuses
// schemas) and reads every reply from which each ID and its text can be
// recovered without guessing: the object itself, the echoed request
// envelope with the glossary beside the texts, a code fence or prose
// around the JSON, IDs in another case or spacing, arrays of {"id",
// "text"} objects, one level deeper nesting, and a reply cut by the token
// limit (what came whole is kept). It asks again for missing or merged
// segments; a reply that cannot be read is asked for again, and after two
// such replies each segment is asked for alone in plain text (without the
// glossary). Retries and re-asks together stay within a budget of twice
// the segments per call. Only then does it fail, with a *MissingError.
// Errors are the kinds of package llm (llm.ErrRateLimited,
// llm.ErrBudget, ...), tested with errors.Is.
//
// # Articles
//
// Article translates an *article.Article's title, datelines (datelines,
// bylines, dates and credit lines) and paragraphs and returns them aligned
// to their source spans, with a glossary compliance report (CheckGlossary:
// whole words, Arabic clitics allowed, which segments missed which term).
// The glossary is the caller's: khabar.Glossary builds one from an
// article's linked entities, so this package does not depend on entities.
//
// # Bulk
//
// Batch runs many requests through a provider's batch engine (files and
// batches API), resumable from a state file.
package translate
