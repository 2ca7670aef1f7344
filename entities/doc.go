// Package entities finds what a news article is about: the people, places
// and organisations it names, linked to canonical records; the quotations
// in it and who said them; and the dates it mentions, resolved to the
// calendar. Everything it reports is a byte span into the article's Source.
//
// # Extractors
//
// An Extractor takes an *article.Article and returns a Result. Offline is
// the implementation that needs no network; an LLM-backed extractor can
// implement the same interface. The parts are also available alone:
// FindEntities, FindQuotes (FindSpeech adds reported speech without
// quotation marks) and FindDates (FindDatesIn for plain text).
//
// # Entities
//
// Mentions are found by an embedded gazetteer (countries and regions from
// Unicode CLDR, cities from GeoNames, hand-curated persons and
// organisations), by cues (titles and roles such as «الرئيس الروسي»), and,
// for Arabic, by a statistical tagger trained on ANERcorp. A mention's span
// leaves out attached clitics: the mention in وإيران is إيران. Mentions of
// one thing are clustered into an Entity, which is linked where the
// gazetteer knows it: English name, ISO 3166 country, Wikidata ID where the
// data are sure of it, coordinates for cities.
//
// # Quotes
//
// Quotations in "…", «…», “…”, „…“ and ‹…› are found with their speech cue
// (قال، أضاف، said, گفت…) and speaker, who may be carried over from an
// earlier quote or named by a role («الرئيس الإيراني»). Kinds are Direct,
// Partial and Term; FindSpeech adds Indirect.
//
// # Dates
//
// Gregorian dates with Modern Standard, Levantine and Maghrebi month names,
// Hijri (Umm al-Qura) and Persian solar Hijri dates, weekdays, relative
// expressions (أمس، الأسبوع الماضي، قبل يومين), years and numeric dates, in
// Arabic, Persian and English, with Arabic-Indic and Persian digits. Values
// are cut to their precision; a missing day or month is never filled in
// from the reference date.
//
// The data embedded in this package carry their own licences: see the
// NOTICE file at the root of the module.
package entities
