package page

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/khabar-go/khabar/article"
)

// DefaultMaxBytes is the size limit on a page that a zero Options applies:
// 32 MiB.
const DefaultMaxBytes = 32 << 20

// Errors returned by Parse. Errors of package article from parsing the
// text built from the page are returned as they are.
var (
	// ErrNotHTML means the input does not look like an HTML page.
	ErrNotHTML = errors.New("page: input is not an HTML page")
	// ErrNoArticle means the page holds no article text.
	ErrNoArticle = errors.New("page: no article text in the page")
	// ErrTooLarge means the page is over the size limit.
	ErrTooLarge = errors.New("page: page too large")
)

// Options configure Parse. The zero Options are the defaults.
type Options struct {
	// URL is the address the page was read from: relative links resolve
	// against it, and it is the page's URL when the page names no
	// canonical one.
	URL string
	// ContentType is the HTTP Content-Type header the page came with, if
	// any; its charset parameter wins over the page's own declaration.
	ContentType string
	// MaxBytes is the largest page accepted; 0 means DefaultMaxBytes.
	MaxBytes int
	// Parser parses the text built from the page; the zero Parser uses
	// the defaults of package article.
	Parser article.Parser
}

// Parse extracts the article that the HTML page src carries. It returns the
// same Article as article.Parse would for the article's plain text — its
// Source is that text, built from the headline and the page's main text,
// one block a paragraph — with Page filled in: the metadata and, for each
// paragraph, its byte span in src.
//
// It fails with ErrTooLarge, ErrNotHTML, ErrNoArticle, or an error of
// package article. Parse is safe for concurrent use.
func Parse(src []byte, opts Options) (*article.Article, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(src) > limit {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(src), limit)
	}
	if !IsHTML(src) {
		return nil, ErrNotHTML
	}
	dec := decode(src, opts.ContentType)
	doc, err := html.Parse(strings.NewReader(dec.text))
	if err != nil { // only on a read error, which a strings.Reader never gives
		return nil, fmt.Errorf("page: %w", err)
	}
	m := readMeta(doc)
	prune(doc)
	var base *url.URL
	if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
		base = u
	}
	r := readability.NewParser()
	ra, err := r.ParseAndMutate(doc, base)
	if err != nil || ra.Node == nil {
		return nil, ErrNoArticle
	}

	b := newBuilder(newStream(dec.text))
	headline := m.headline(ra.Title())
	if headline != "" {
		b.addLine(headline)
	}
	b.collect(ra.Node)
	b.flush()
	b.dropHeadlineRepeat(headline)
	if len(b.blocks) == 0 || len(b.blocks) == 1 && headline != "" {
		return nil, ErrNoArticle
	}
	a, err := opts.Parser.Parse(b.src.String())
	if err != nil {
		if errors.Is(err, article.ErrEmpty) {
			return nil, ErrNoArticle
		}
		return nil, err
	}

	p := &article.Page{
		URL:       resolve(opts.URL, m.url),
		Site:      m.site,
		Title:     headline,
		Authors:   m.authors,
		Published: m.published,
		Modified:  m.modified,
		Lang:      m.tag(),
		Charset:   dec.charset,
	}
	if p.Site == "" {
		p.Site = ra.SiteName()
	}
	if len(p.Authors) == 0 && ra.Byline() != "" {
		m.addAuthor(strings.TrimPrefix(strings.TrimPrefix(ra.Byline(), "By "), "by "))
		p.Authors = m.authors
	}
	if p.Published.IsZero() || p.Modified.IsZero() {
		visibleDates(a, m, p)
	}
	p.Paragraphs = make([]article.Span, len(a.Paragraphs))
	for i, para := range a.Paragraphs {
		if s, e, ok := b.pageSpan(para.Span); ok {
			p.Paragraphs[i] = article.Span{Start: dec.offset(s), End: dec.offset(e)}
		}
	}
	a.Page = p
	return a, nil
}

// ParseReader reads a page from r, at most MaxBytes of it, and parses it.
func ParseReader(r io.Reader, opts Options) (*article.Article, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("page: read: %w", err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return Parse(b, opts)
}

// IsHTML reports whether b looks like an HTML page: after a byte-order mark
// and white space it starts with a doctype, a comment or an <html>, <head>
// or <body> tag, or it holds one of those tags in its first 1024 bytes.
// Plain text that merely mentions a tag later on is not a page.
func IsHTML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeftFunc(b[:min(len(b), 4096)], unicode.IsSpace)
	head := bytes.ToLower(b[:min(len(b), 1024)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<!--", "<?xml"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<?xml" || bytes.Contains(head, []byte("<html"))
		}
	}
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	for _, t := range []string{"<html", "<head", "<body", "<meta ", "<title"} {
		if bytes.Contains(head, []byte(t)) {
			return true
		}
	}
	return false
}

// headline chooses the article's headline: a <h1> that the metadata
// confirm, else the metadata's headline, else the <title> without the site
// name.
func (m *meta) headline(readTitle string) string {
	titles := append(slices.Clone(m.headlines), readTitle, m.docTitle)
	for _, h := range m.h1 {
		for _, t := range titles {
			if t != "" && (sameText(h, t) || len(h) >= 12 && strings.Contains(squash(t), squash(h))) {
				return h
			}
		}
	}
	for _, t := range m.headlines {
		if t = m.stripSite(t); t != "" {
			return t
		}
	}
	if len(m.h1) == 1 {
		return m.h1[0]
	}
	if t := m.stripSite(readTitle); t != "" {
		return t
	}
	return m.stripSite(m.docTitle)
}

// stripSite removes a site name that a title carries after or before a
// separator ("Headline - Site", "Site | Headline"): it keeps the longest
// part.
func (m *meta) stripSite(t string) string {
	t = clean(t)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "} {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		best := ""
		for _, p := range parts {
			if m.site != "" && sameText(p, m.site) {
				continue
			}
			if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
				best = p
			}
		}
		if countWords(best) >= 3 {
			return best
		}
	}
	return t
}

func countWords(s string) int { return len(strings.Fields(s)) }

// sameText reports whether s and t are the same text, white space and case
// aside.
func sameText(s, t string) bool { return squash(s) == squash(t) }

// squash removes white space and folds case.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// visibleDates fills the page's missing publication or update time from a
// dateline of the article («نشر في …», «آخر تحديث …», "Updated …").
func visibleDates(a *article.Article, m *meta, p *article.Page) {
	lines := make([]string, 0, len(a.Datelines)+2)
	for _, d := range a.Datelines {
		lines = append(lines, a.Text(d))
	}
	lines = append(lines, m.datelines...)
	for _, l := range lines {
		for _, part := range splitUpdate(l) {
			t, ok := visibleDate(part)
			if !ok {
				continue
			}
			if isUpdateLine(part) {
				if p.Modified.IsZero() {
					p.Modified = t
				}
			} else if p.Published.IsZero() {
				p.Published = t
			}
		}
	}
}

// splitUpdate cuts a dateline before an update label, so that «الأربعاء
// 28 آب 2013، آخر تحديث 14:00» gives the publication date to its first
// part.
func splitUpdate(l string) []string {
	if c, i := label(l); c == "updated" && i > 0 {
		// Take a word before the label along («آخر تحديث», "Last updated").
		cut := strings.LastIndexFunc(strings.TrimRightFunc(l[:i], unicode.IsSpace), unicode.IsSpace) + 1
		if cut > 0 && !strings.ContainsFunc(l[cut:i], unicode.IsDigit) {
			i = cut
		}
		return []string{l[:i], l[i:]}
	}
	return []string{l}
}
