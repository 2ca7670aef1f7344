// Package dates finds date expressions in Arabic, Persian and English
// news and resolves them to the proleptic Gregorian calendar: FindDates
// over a parsed article, FindDatesIn over plain text, and Finder, the
// step of an entities.Chain.
//
// # How it works
//
// It reads the article's one token stream (package article): region by
// region (the title, each dateline, each paragraph) it views the tokens
// with their keys (digits ASCII, letters folded), splits a number token
// such as «25.10.2016» into its digit runs, and reads clitics (و ف ب ل ك،
// لل) through article.AppendSplits. A word whose key, or whose key after
// one or two clitic letters, cannot be a lexicon key (a bit set of key
// endings, then a hash set) is skipped without a lookup. Patterns are
// tried only at numbers and at lexicon words, and the longest one wins.
//
// Every word comes from internal/lang: months (generated from Unicode CLDR
// for the Gregorian, Islamic and Persian calendars by gen/cldr, with hand
// spellings), weekdays, numbers, relative words, units, time words and
// date cues, in ar, fa and en. Adding a spelling touches one file there.
//
// # Context
//
// The article's sentences give each date its context: the tense of its
// clause's verb (tense.go) decides which way a weekday or a date without
// a year goes; a year written in the same or the preceding sentence
// completes such a date before the reference does; «الشهر نفسه» and «الـ
// 23» name the month last named. See FindDatesIn for the rules.
//
// # Calendars
//
// Hijri dates use the Umm al-Qura calendar for 1300-1500 AH (month
// lengths generated from the ICU/CLDR islamic-umalqura data by
// gen/ummalqura.js) and the tabular Islamic calendar outside it. Jalali
// dates use the Borkowski/jalaali arithmetic with its table of leap-cycle
// breaks, exact for 1-3177 AP.
//
// # Cost and concurrency
//
// Time grows linearly with the article: every look around a date is
// bounded. Finder.Extract looks at its context every few dozen regions.
// Everything is safe for concurrent use: the lexicon is built once when
// the package loads and only read afterwards.
package dates
