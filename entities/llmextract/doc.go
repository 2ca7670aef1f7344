// Package llmextract finds the people, places and organisations of an
// article, its quotations with their speakers, and its dates, with any
// OpenAI-compatible chat model, and grounds every finding in the article:
// a byte span into its Source, found exactly, by normalisation key, or
// fuzzily within a sentence, with the Status that says which. What the
// model invents, or rewrites past recognition, is dropped and reported.
//
// An Extractor is an entities.Extractor, so it is one step of an
// entities.Chain: after the offline pipeline it adds what the recognizer
// missed (Add), or only what the offline result corroborates
// (Corroborated):
//
//	client := llm.Config{BaseURL: url, Model: "qwen2.5:7b"}.NewClient()
//	ex := entities.Chain(offlineExtractor, llmextract.New(client, llmextract.Options{}))
//	res, err := entities.Extract(ctx, ex, a, entities.Options{})
//
// Find returns the model's grounded findings on their own, with the items
// dropped and why. Long articles go in chunks of whole paragraphs; every
// request carries the text as data in the user message under a fixed
// system prompt; replies are read in the shapes models send (an object of
// lists, lists by kind, one list of classed items, fences, prose, cut
// replies); retries and re-asks stay within twice the chunks per article.
package llmextract
