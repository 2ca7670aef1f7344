// Package page parses news pages (HTML) into the same article.Article that
// package article builds from plain text, with the page's metadata in
// Article.Page. It is a package of its own so that programs that read
// plain text link no HTML code.
//
// # Text
//
// The main text is found by readeck's go-readability, after captions,
// hidden elements and small or link-heavy elements whose class names
// boilerplate (sharing, related links, tags, advertising) are pruned.
// Headings, list items, block quotes and paragraphs each become one block;
// figures, navigation, forms and link lists stay out. The headline (a <h1>
// that the metadata confirm, else the JSON-LD or OpenGraph headline, else
// the <title> without the site name) comes first, then the blocks, with
// blank lines between them; article.Parse parses that text, which becomes
// Article.Source, so every span indexes it.
//
// # Grounding in the page
//
// Page.Paragraphs holds, for each paragraph, its byte span in the page as
// given: the extracted text is located in the page's own text, character
// references resolved, and offsets are mapped back through the character
// set. A caller can highlight the page itself.
//
// # Metadata
//
// The canonical URL, site name, authors, publication and modification
// times come from JSON-LD (schema.org articles), OpenGraph and other meta
// tags, <time> elements and itemprop attributes; when the page gives no
// machine-readable time, from the visible dateline («نشر في 4 صفر 1447 هـ»,
// «تاریخ انتشار: ۲۹ مرداد ۱۴۰۴», «آخر تحديث: 12/03/2024», "August 20,
// 2025"), read by the date finder of package entities, Hijri and solar
// Hijri dates included. Page.Lang is the language the page declares;
// Article.Lang is the language of its text.
//
// # Character sets
//
// The encoding is the one a byte-order mark, the Content-Type header
// (Options.ContentType) or the page's <meta> declares, through x/text's
// encodings; a page that declares none is UTF-8 when it is valid UTF-8,
// windows-1256 when its bytes read as Arabic there, and windows-1252
// otherwise.
//
// # Errors and limits
//
// Parse fails with ErrNotHTML, ErrNoArticle, ErrTooLarge (over
// Options.MaxBytes, 32 MiB by default) or an error of package article.
// Parse is safe for concurrent use.
package page
