// Package khabar turns a news article into typed, grounded data, and maps the
// packages that do each part.
//
// Arabic is the first language; Persian and English work too. Every position
// khabar reports is a half-open byte span into the article's Source, which is
// never modified: Source[s.Start:s.End] is the text found.
//
// # Packages
//
//   - article parses plain text into an Article: title, datelines,
//     paragraphs (repeats set aside as Duplicates), sentences and tokens with
//     normalisation keys.
//   - article/page parses an HTML page into the same Article, with the
//     page's metadata and a map from paragraphs back to the page's bytes.
//   - entities holds the results (people, places and organisations linked
//     to canonical records, quotes with their speakers, dates resolved to
//     the calendar) and the Extractor steps that find them: entities/ner,
//     entities/quotes, entities/dates, chained by entities/offline, and the
//     LLM-backed entities/llmextract.
//   - llm configures the client of every OpenAI-compatible back end and
//     defines its errors; llm/openaitest is a fake server for tests.
//   - summarize picks the sentences that summarise an article offline, or
//     asks an OpenAI-compatible model; decorators add caching, rate limits
//     and fallback.
//   - translate translates an article through an OpenAI-compatible model and
//     returns every part (title, datelines, paragraphs) aligned to its
//     source span, or an error.
//   - examples/khabar is the command-line tool.
//
// This package ties them together: Analyze runs the offline pipeline and
// returns a Document whose JSON form is the command-line tool's contract.
package khabar
