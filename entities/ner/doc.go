// Package ner is khabar's offline named-entity recognizer: it finds the
// people, places and organisations of an article, clusters their mentions
// into entities and links them to canonical records (Wikidata IDs where
// they are certain), following the conventions of news annotation that
// the repository's evaluation uses: spans without clitics, titles or
// descriptors, flat spans where the longest name wins, no nationality
// adjectives, no bare common nouns and no «government/forces +
// adjective».
//
// # How names are found
//
// A Recognizer reads each sentence of the title, datelines and body:
//
//   - gazetteer names (entities/internal/gazetteer): countries and
//     regions, every GeoNames city of 15,000 people and every first-level
//     division, curated persons and organisations, the caller's own
//     Records;
//   - names headed by a type word of internal/lang's OrgWords list
//     («وزارة الداخلية», «الرئاسة العامة لرعاية الشباب», «مطار الملك
//     خالد»); a newspaper's or a classifier's type word stays out of the
//     name («صحيفة الوطن» → الوطن, «حركة حماس» → حماس);
//   - title cues and the names after them («الرئيس الفنزويلي نيكولاس
//     مادورو»), nationality adjectives, the outlet a reporter speaks to
//     (لـ«عكاظ»), the reporter and outlet of a byline;
//   - in Arabic, the statistical tagger (entities/internal/tagger),
//     trained on ANERcorp, for the names no list holds.
//
// # Evidence
//
// A name that is also a common word, a weekday or a given name needs
// evidence before it stands: كيف is "how" before it is Kyiv, إطار
// "framework" before it is the Mauritanian town Atar. A place the tagger
// did not read stands when its name has two words, it is a capital or a
// city of a million, it is of the country of publication (the caller's
// Country, or the country the article's places point to), or its context
// reads as a place's (a preposition or place word before it, other places
// beside it) and its country is named in the article. «المملكة» alone is
// the kingdom of the country of publication. One word the tagger alone
// reads as an organisation's or a person's name stands only as the short
// form of a longer name, or when lists or training hold it as a name.
// Links are chosen by the countries the article names, and are left out
// rather than guessed.
//
// A settlement's descriptor without the article (محافظة، بلدة، حي)
// introduces a place no list holds, and the list of places it begins
// (مدينة أبها والحبلة والسودة). A country's or group's name that agrees
// as a relative adjective with the noun before it is the adjective
// (السياسة السعودية). A newspaper whose name is a common word (الوطن)
// stands in quotation marks only. A club's name (الهلال، برشلونة) is the
// club in the news of sport, where a word of sport or a nationality's
// adjective stands beside it, and after نادي; elsewhere the word or the
// city.
//
// # One sense per article
//
// A name found once on good evidence names the same thing where the
// article repeats it with less (محافظة القطيف, then القطيف alone; سيباستيان
// فيتيل, then فيتيل): the last word of a person's full name and every name
// of the article are looked for again over the words no mention took,
// unless the name is read as two kinds in the article, or is one common
// word, a time word or a given name.
//
// A Recognizer is an entities.Extractor: the first step of the offline
// pipeline. Its cost grows linearly with the article, and it stops when its
// context is done.
package ner
