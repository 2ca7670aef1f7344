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
// contract.
//
// # Decorators
//
// Cache (with a Store, by default an in-memory LRU), RateLimit (over a
// Limiter such as *rate.Limiter) and WithFallback return Decorators; Chain
// composes them, the first outermost; Fallback tries a primary translator
// and then others in turn when it fails:
//
//	tr := translate.Chain(
//		translate.Cache(translate.NewLRU(1024)),
//		translate.RateLimit(rate.NewLimiter(5, 1)), // golang.org/x/time/rate
//		translate.WithFallback(other),
//	)(&translate.LLM{Client: client, Model: "gpt-4o-mini"})
//
// Every decorator in this package is safe for concurrent use if the
// translators it wraps are, and leaves the request untouched.
//
// # The LLM translator
//
// LLM sends the segments as one JSON document in the user message, under a
// token budget per request and with bounded concurrency; the system prompt
// is a fixed text (with the two language names) and never holds article
// text. It asks for a JSON reply (JSON schema, or JSON mode or a plain
// request where the server refuses schemas), checks that every ID came
// back once and non-empty, asks again for missing or merged segments, and
// only then fails with a *MissingError.
//
// # Articles
//
// Article translates an *article.Article's title and paragraphs and returns
// them aligned to their source spans, with a glossary built from the
// article's linked entities (GlossaryFromEntities) and a compliance report
// (CheckGlossary).
//
// # Bulk
//
// Batch runs many requests through a provider's batch engine (files and
// batches API), resumable from a state file.
package translate
