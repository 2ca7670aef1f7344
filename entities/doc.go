// Package entities holds what extraction finds in a news article — the
// people, places and organisations it names, linked to canonical records;
// the quotations in it and who said them; the dates it mentions, resolved to
// the calendar — and the interface of the steps that find them. Everything
// it reports is a byte span into the article's Source.
//
// # Steps
//
// An Extractor is one step over an *article.Article and the result of the
// steps before it; Chain runs steps in order. The offline pipeline
// (package entities/offline) is Chain(recognizer, quotes, dates):
//
//   - entities/ner recognizes and links names (gazetteers, cues and a
//     statistical tagger) and resolves role cues («الرئيس الإيراني») to
//     persons;
//   - entities/quotes finds quotations and their speakers, reading the
//     mentions and role cues found before it, whoever found them;
//   - entities/dates finds date mentions and resolves them.
//
// A caller swaps a step (its own recognizer), feeds its own mentions to
// quotes and dates, or appends a step (entities/llmextract, an LLM-backed
// extractor whose findings are grounded in the text). Merge joins two
// results; entitiestest checks any Extractor against the contract.
//
// # Types
//
// The types are defined once, here, and every step uses them: Mention and
// Entity (with Kind PER, LOC, ORG, MISC), RoleCue, Quote and Speaker (with
// QuoteKind and SpeakerKind), DateMention and Date (with Precision), and
// Result, which holds them all. Each encodes to JSON with lower-case keys
// and decodes back to an equal value.
//
// The data embedded in the step packages carry their own licences: see the
// NOTICE file at the root of the module.
package entities
