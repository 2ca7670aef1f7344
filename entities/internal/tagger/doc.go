// Package tagger is khabar's statistical named-entity tagger for Arabic:
// a linear-chain model over BIO labels (PER, LOC, ORG, MISC) trained as an
// averaged structured perceptron on ANERcorp (three of them, trained in
// different orders, with their weights summed) and embedded in the binary.
// The same model is trained for English (wikigold, WNUT17, the Broad
// Twitter Corpus) and Persian (ParsTwiNER), with features of their own:
// letter case, sentence-initial position and headlines, shapes as
// written, the zero-width non-joiner's word forms, and word lists of
// titles, given names and places (langs.go, latin.go); DefaultFor returns
// the model of a language, decoded on first use.
//
// # Input and output
//
// The tagger takes a sentence as a slice of tokens (whitespace tokens with
// clitics attached, as ANERcorp has them, or article tokens with
// punctuation apart) and returns one Label per token. Tokens are folded to
// matching keys internally (see article.Key), so raw words and keys both
// work. A caller with a gazetteer passes per-token Flags (MatchFlags makes
// them from a Lexicon); the model has learned what such marks are worth
// from its own training names, marked without leaking labels.
//
// # Features
//
// Hashed features of the normalised word, two clitic-stripped stems,
// prefixes and suffixes, character trigrams, shape, the words and stems
// two to each side, cue words (titles, speech verbs, place and
// organisation heads, prepositions, months; the Arabic lists of
// internal/lang), hand-written name lists of data/names-ar.txt and
// internal/lang (given names, nationality adjectives, countries, cities,
// organisations, currencies and events) and a longer list of Arabic given names, for the
// word and its neighbours, short quoted spans (titles of programmes and
// products) with the word before their opening mark, the training
// names and the label statistics of each stem (jackknifed: each tenth of
// the training data sees those of the other nine tenths), and document
// context: which cues surround the other occurrences of a word in the
// document.
//
// # Two passes
//
// The model is stacked: it tags a document twice with one set of weights.
// The second pass adds features of the first pass's labels (the word's,
// its neighbours', and those the word's other occurrences in the document
// got). The first-pass labels of the training data come from models
// trained on the other thirds of it. After each pass, a word that the
// document elsewhere tags as a one-word name of a single kind (or as the
// last word of a person's name) gets that kind, unless training saw it
// mostly outside names.
//
// # Reproducing the model
//
// cmd/train trains the embedded model from data/anercorp-train.txt alone;
// the same data and options give the same bytes (go run ./cmd/train -check).
package tagger
