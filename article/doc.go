// Package article parses plain-text news articles — Arabic first, Persian,
// Urdu and English too — into a grounded model: the untouched source text
// and byte spans into it for the title, datelines, paragraphs, sentences and
// tokens, with normalisation keys for matching.
//
// # Parsing
//
// Parse (or a Parser, for a size limit and invalid-UTF-8 handling) takes the
// text of one article:
//
//	a, err := article.Parse(text)
//	for _, p := range a.Paragraphs {
//		for _, s := range p.Sentences {
//			fmt.Println(a.Text(s.Span))
//		}
//	}
//
// Articles arrive in several shapes and all parse: a title line, a blank
// line, then one paragraph a line; paragraphs between blank lines, indented
// or not; hard-wrapped paragraphs (joined into one span); no title at all;
// CRLF line ends; a byte-order mark (outside every span). Dateline, byline
// and date lines («بيروت: نذير رضا», «واشنطن - أ ف ب», «(د ب أ)»,
// "By Jane Doe", «الأربعاء 20 أغسطس 2025») and a dateline opening the first
// paragraph («القاهرة - …»,
// "WASHINGTON (Reuters) - …") are reported in Article.Datelines, apart from
// the body. A paragraph that repeats the title or an earlier paragraph after
// white space is folded goes to Article.Duplicates.
//
// # Grounding
//
// Article.Source is never modified. Everything else is a Span: a half-open
// byte range into Source, on UTF-8 boundaries, in source order. Nothing is
// lost: every non-blank rune of Source lies in the title, a dateline, a
// paragraph or a duplicate. Article.Validate checks these invariants.
//
// # Language
//
// Article.Lang is a language.Tag decided from letter evidence: Arabic,
// Persian (پ چ ژ گ ک ی against ي ك ة, by proportion, so one Persian name
// does not turn an Arabic article Persian), Urdu (ٹ ڈ ڑ ں ے), Central
// Kurdish, Pashto, Hebrew, and for Latin script English, French, German or
// Spanish by their function words. Article.Dir follows the script.
//
// # Sentences and tokens
//
// Sentences end at . ! ? ؟ ۔ … and runs of them (?! ...), and at paragraph
// ends; not at ، or ؛, not inside numbers (3.5, ١٫٥, 2.000), not after
// abbreviations (د. , أ. ف. ب, U.S., Mr.), and not inside a quotation that
// goes on. Tokens are words, numbers and punctuation, all in Article.Tokens;
// a Sentence holds the index range of its tokens.
//
// # Keys and clitics
//
// Key normalises any string for matching: NFKC, harakat and tatweel
// removed, أ إ آ ٱ folded to ا, ى ی to ي, ک to ك, ة to ه, Arabic-Indic and
// Persian digits to ASCII, letters to lower case. It is the output of the
// x/text chain that Normalizer returns, computed by a faster path. Each
// token's key is Article.Key(tok). Splits lists the readings of an Arabic
// key as clitics (و ف, ب ل ك, ال) and a stem, for matching against a
// gazetteer; Article.Stem is one default, conservative reading, and
// Article.KeySpan and Article.StemSpan map a stem back to its source bytes.
//
// # Errors
//
// Parse fails with ErrEmpty, *InvalidUTF8Error (naming the byte offset),
// ErrNotText (NUL bytes, or mostly control and replacement characters) or
// ErrTooLarge (over Parser.MaxBytes, 16 MiB by default); ParseReader wraps
// read errors. Test for them with errors.Is and errors.As.
//
// # Concurrency
//
// A Parser and an Article are safe for concurrent use. A Transformer from
// Normalizer is not; call Normalizer for each goroutine.
package article
