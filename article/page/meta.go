package page

import (
	"encoding/json"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/dates"
	"github.com/khabar-go/khabar/internal/lang"
)

// meta is what the page's markup says about the article.
type meta struct {
	url, site, lang         string
	headlines               []string // JSON-LD headline, og:title, twitter:title, in that order
	docTitle                string   // <title>
	h1                      []string // the page's <h1> texts
	authors                 []string
	published, modified     time.Time
	publishedAt, modifiedAt string // the raw values, for the visible dateline fallback
	timeNodes               []*html.Node
	// datelines are short texts with digits that follow the first <h1>:
	// the visible dateline, when the page has one.
	datelines []string
}

// readMeta walks the document for metadata.
func readMeta(doc *html.Node) *meta {
	m := &meta{}
	seenH1, budget, prev := false, 600, ""
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && seenH1 && budget > 0 {
			t := clean(n.Data)
			budget -= len(t)
			if t != "" {
				if strings.ContainsFunc(t, unicode.IsDigit) && countWords(t) <= 25 {
					if prev != "" && !strings.ContainsFunc(prev, unicode.IsDigit) && countWords(prev) <= 4 {
						t = prev + " " + t
					}
					m.datelines = append(m.datelines, t)
				}
				prev = t
			}
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					m.jsonLD(textOf(n))
				}
				return
			case atom.Style, atom.Noscript, atom.Template, atom.Title:
				if n.DataAtom == atom.Title && m.docTitle == "" {
					m.docTitle = clean(textOf(n))
				}
				return
			}
			switch n.DataAtom {
			case atom.Html:
				if l := attr(n, "lang"); l != "" {
					m.lang = l
				}
			case atom.H1:
				if t := clean(textOf(n)); t != "" {
					m.h1 = append(m.h1, t)
					if !seenH1 {
						seenH1 = true
						return
					}
				}
			case atom.Meta:
				m.metaTag(n)
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = attr(n, "href")
				}
			case atom.Time:
				m.timeNodes = append(m.timeNodes, n)
			}
			switch attr(n, "itemprop") {
			case "datePublished":
				setTime(&m.published, first(attr(n, "content"), attr(n, "datetime"), textOf(n)))
			case "dateModified":
				setTime(&m.modified, first(attr(n, "content"), attr(n, "datetime"), textOf(n)))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range m.timeNodes {
		dt := first(attr(n, "datetime"), clean(textOf(n)))
		cls := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
		switch {
		case strings.Contains(cls, "modif") || strings.Contains(cls, "updat"):
			setTime(&m.modified, dt)
		default:
			setTime(&m.published, dt)
		}
	}
	return m
}

func (m *meta) metaTag(n *html.Node) {
	key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	switch key {
	case "og:url":
		if m.url == "" {
			m.url = val
		}
	case "og:site_name", "application-name":
		if m.site == "" {
			m.site = val
		}
	case "og:title", "twitter:title":
		m.headlines = append(m.headlines, val)
	case "og:locale", "content-language", "language", "dc.language":
		if m.lang == "" {
			m.lang = val
		}
	case "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author":
		if !strings.Contains(val, "://") {
			m.addAuthor(strings.TrimPrefix(strings.TrimPrefix(val, "By "), "by "))
		}
	case "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
		"pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
		"dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published":
		setTime(&m.published, val)
	case "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
		"dcterms.modified", "last-modified", "article.updated":
		setTime(&m.modified, val)
	}
}

func (m *meta) addAuthor(name string) {
	name = clean(name)
	if name == "" || len(name) > 120 {
		return
	}
	for _, a := range m.authors {
		if strings.EqualFold(a, name) {
			return
		}
	}
	m.authors = append(m.authors, name)
}

// jsonLD reads the schema.org objects of one script: the article's
// headline, dates, authors, publisher, URL and language.
func (m *meta) jsonLD(text string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(text)), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if !isArticleType(x["@type"]) {
				return
			}
			if h, ok := x["headline"].(string); ok && strings.TrimSpace(h) != "" {
				m.headlines = append([]string{clean(h)}, m.headlines...)
			}
			if s, ok := x["datePublished"].(string); ok {
				setTime(&m.published, s)
			}
			if s, ok := x["dateModified"].(string); ok {
				setTime(&m.modified, s)
			}
			for _, name := range names(x["author"]) {
				m.addAuthor(name)
			}
			if p := names(x["publisher"]); len(p) > 0 && m.site == "" {
				m.site = p[0]
			}
			if m.url == "" {
				if s, ok := x["url"].(string); ok {
					m.url = s
				} else if me, ok := x["mainEntityOfPage"].(map[string]any); ok {
					if s, ok := me["@id"].(string); ok {
						m.url = s
					}
				}
			}
			if s, ok := x["inLanguage"].(string); ok && m.lang == "" {
				m.lang = s
			}
		}
	}
	visit(v, 0)
}

// isArticleType reports whether a schema.org @type is a kind of article.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names returns the names in a schema.org author or publisher value: a
// string, an object with a name, or a list of them.
func names(v any) []string {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return nil
		}
		return []string{x}
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

// timeLayouts are the machine-readable forms of a time in page metadata.
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05",
	"2006-01-02 15:04", "2006-01-02", "2006/01/02", "20060102", time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
}

// parseTime reads a machine-readable time; ok is false for anything else.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() > 1900 {
			return t, true
		}
	}
	// A date with a time of day after it in another form: keep the date.
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// setTime sets *t from s unless it is set already or s is not a time.
func setTime(t *time.Time, s string) {
	if !t.IsZero() {
		return
	}
	if v, ok := parseTime(s); ok {
		*t = v
	}
}

// visibleDate reads a date written for people («نشر في الأربعاء 20 أغسطس
// 2025», "Published August 20, 2025") with the date finder of package
// entities. It returns the first date given to the day.
func visibleDate(s string) (time.Time, bool) {
	if len(s) > 400 {
		return time.Time{}, false
	}
	for _, d := range dates.FindDatesIn(s, time.Time{}) {
		v := d.Value
		if v.Precision == entities.Day && v.Year > 0 {
			return time.Date(v.Year, time.Month(v.Month), v.Day, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// labelKeys maps the keys of the dateline labels of every language home
// (نشر، تحديث، published, updated) to their class, "published" or
// "updated".
var labelKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, class := range []string{"published", "updated"} {
		for _, w := range lang.Words(lang.TimeWords, class) {
			m[article.Key(w)] = class
		}
	}
	return m
})

// label returns the class of the first dateline label in s and its byte
// offset, or "" and -1.
func label(s string) (string, int) {
	keys := labelKeys()
	i := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\u200c' && !unicode.IsMark(r) }) {
		i += strings.Index(s[i:], f)
		if c, ok := keys[article.Key(f)]; ok {
			return c, i
		}
		i += len(f)
	}
	return "", -1
}

func isUpdateLine(s string) bool {
	c, _ := label(s)
	return c == "updated"
}

// tag returns the page's declared language as a tag (language.Und when it
// declares none or an invalid one).
func (m *meta) tag() language.Tag {
	l := strings.ReplaceAll(strings.TrimSpace(m.lang), "_", "-")
	if l == "" {
		return language.Und
	}
	t, err := language.Parse(l)
	if err != nil {
		return language.Und
	}
	return t
}

// resolve makes ref absolute against base when it can.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return base
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		return b.ResolveReference(r).String()
	}
	return r.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

func first(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// textOf returns the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else if c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// clean folds runs of white space into single spaces and trims.
func clean(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }
