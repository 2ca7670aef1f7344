package article

import (
	"time"

	"golang.org/x/text/language"
)

// Page is what a web page says about the article it carries: its metadata
// and where each paragraph stands in the page's bytes. Package
// article/page fills it; an article parsed from plain text has none
// (Article.Page is nil). Page holds no HTML code, so programs that read
// plain text link none.
//
// A Page is immutable once its Article is returned and is safe for
// concurrent use by multiple goroutines. It marshals to JSON under
// lower-case keys, times in RFC 3339, and travels with its Article's JSON
// ("page").
type Page struct {
	// URL is the page's canonical URL (link rel=canonical, og:url, JSON-LD),
	// else the URL it was read from; empty when neither is known.
	URL string `json:"url,omitempty"`
	// Site is the name of the publication (og:site_name, JSON-LD publisher).
	Site string `json:"site,omitempty"`
	// Title is the page's headline as the page states it, without the site
	// name that a <title> often adds. Article.Title is its span in Source
	// when the parser took it as the title.
	Title string `json:"title,omitempty"`
	// Authors are the page's authors in the order it names them.
	Authors []string `json:"authors,omitempty"`
	// Published and Modified are the publication and last-modification
	// times (JSON-LD, OpenGraph and meta tags, <time>, or the visible
	// dateline); zero when the page states none. A time given as a date
	// alone is midnight UTC of that date.
	Published time.Time `json:"published,omitzero"`
	Modified  time.Time `json:"modified,omitzero"`
	// Lang is the language the page declares (<html lang>, meta tags,
	// JSON-LD); language.Und when it declares none. Article.Lang is the
	// language of the text.
	Lang language.Tag `json:"lang"`
	// Charset is the name of the character encoding the page was decoded
	// from ("utf-8", "windows-1256", "iso-8859-6").
	Charset string `json:"charset,omitempty"`
	// Paragraphs holds, for each of Article.Paragraphs at the same index,
	// the byte span of its text in the page as given (before decoding):
	// from the first byte of its first character to the last byte of its
	// last, inline markup between included. A span is empty when the
	// paragraph's text was not found in the page.
	Paragraphs []Span `json:"paragraphs"`
}
