// Package dates finds date expressions in Arabic, Persian and English
// running text and resolves them to the proleptic Gregorian calendar. It
// is the engine behind entities.FindDates and entities.FindDatesIn.
//
// # How it works
//
// The text is cut into words, numbers and punctuation marks, each with its
// byte span. For every word the scanner computes FNV hashes of its
// normalisation key (harakat and tatweel dropped; أ إ آ ٱ→ا, ى ی→ي, ک→ك,
// ة→ه) from its first, second and third letter, so a word carrying one or
// two clitic letters (و، ف، ب، ل، ك) still hits the lexicon's hash set;
// other words are skipped without building a key. Numbers in ASCII,
// Arabic-Indic or Persian digits carry their value. Patterns are tried
// only at numbers and at words whose hash hits, and the longest one wins.
//
// # Calendars
//
// Hijri dates use the Umm al-Qura calendar for 1300-1500 AH (month
// lengths generated from the ICU/CLDR islamic-umalqura data by
// gen/ummalqura.js) and the tabular Islamic calendar outside it. Jalali
// dates use the Borkowski/jalaali arithmetic with its table of leap-cycle
// breaks, exact for 1-3177 AP.
//
// # Concurrency
//
// Find is safe for concurrent use: the lexicon is built once when the
// package loads and only read afterwards.
package dates
