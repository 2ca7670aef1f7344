// Package ner recognizes the people, places and organisations of an
// article and links them to canonical records.
//
// A Recognizer finds names by gazetteer (countries and regions from Unicode
// CLDR, cities from GeoNames, hand-curated persons and organisations), by
// cues (titles and roles such as «الرئيس الروسي»), and by a statistical
// tagger for names no list holds. A mention's span leaves out attached
// clitics: the mention in وإيران is إيران. Mentions of one thing are
// clustered into an entities.Entity, linked where the gazetteer knows it
// (English name, ISO 3166 country, Wikidata ID where the data are sure of
// it, coordinates for cities), and every role cue is resolved to the person
// it refers to.
//
// A Recognizer is an entities.Extractor: the first step of the offline
// pipeline. Its cost grows linearly with the article, and it stops when its
// context is done.
package ner
