package main

// Pages in: an HTML page given as a file, on standard input, in a JSON
// line's "html", or as an http(s) URL is parsed by package article/page
// instead of being read as text. Pages are told from text by their content.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/article/page"
)

// Limits on fetching a page.
const (
	fetchTimeout   = 30 * time.Second
	fetchMaxBytes  = 16 << 20
	fetchRedirects = 5
	userAgent      = "khabar/1 (+https://github.com/khabar-go/khabar; news analysis)"
)

// isPage reports whether text is an HTML page rather than plain text.
func isPage(text string) bool { return page.IsHTML([]byte(text)) }

// parseArticle parses text as a page when it is one, else as plain text.
// pageURL and contentType come with a fetched page ("" otherwise).
func parseArticle(p article.Parser, text, pageURL, contentType string) (*article.Article, error) {
	if !isPage(text) {
		return p.Parse(text)
	}
	return page.Parse([]byte(text), page.Options{URL: pageURL, ContentType: contentType, MaxBytes: max(p.MaxBytes, article.DefaultMaxBytes)})
}

// analyzeText parses text (a page or plain text) and analyses it. The
// reference date for dates is ref, else a page's publication time.
func analyzeText(ctx context.Context, an *khabar.Analyzer, text, pageURL, contentType string, ref time.Time) (*khabar.Document, error) {
	if !isPage(text) {
		return an.Analyze(ctx, text, ref)
	}
	a, err := parseArticle(an.Parser, text, pageURL, contentType)
	if err != nil {
		return nil, err
	}
	return an.AnalyzeArticle(ctx, a, pageReference(a, ref))
}

// pageReference returns ref, or when it is zero the publication time of
// the page a was read from (zero for plain text).
func pageReference(a *article.Article, ref time.Time) time.Time {
	if ref.IsZero() && a != nil && a.Page != nil {
		return a.Page.Published
	}
	return ref
}

// isURL reports whether a command-line argument is an http(s) URL.
func isURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// errFetch marks a page that could not be fetched.
var errFetch = errors.New("fetch")

// fetchInput fetches the page at rawURL: within fetchTimeout, at most
// fetchRedirects redirects and fetchMaxBytes bytes, and only an HTML page.
func fetchInput(ctx context.Context, client *http.Client, rawURL string) (input, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return input{}, fmt.Errorf("%w %s: %v", errFetch, rawURL, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9")
	c := *client
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > fetchRedirects {
			return fmt.Errorf("more than %d redirects", fetchRedirects)
		}
		return nil
	}
	resp, err := c.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return input{}, fmt.Errorf("%w %s: no answer within %v", errFetch, rawURL, fetchTimeout)
		}
		return input{}, fmt.Errorf("%w %s: %w", errFetch, rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return input{}, fmt.Errorf("%w %s: HTTP status %s", errFetch, rawURL, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "text/html" && mt != "application/xhtml+xml" {
		return input{}, fmt.Errorf("%w %s: content type %q is not an HTML page", errFetch, rawURL, ct)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, fetchMaxBytes+1))
	if err != nil {
		return input{}, fmt.Errorf("%w %s: reading the page: %w", errFetch, rawURL, err)
	}
	if len(b) > fetchMaxBytes {
		return input{}, fmt.Errorf("%w %s: the page is larger than %d bytes", errFetch, rawURL, fetchMaxBytes)
	}
	if !isPage(string(b)) {
		return input{}, fmt.Errorf("%w %s: the answer does not look like an HTML page", errFetch, rawURL)
	}
	final := resp.Request.URL.String()
	return input{text: string(b), id: rawURL, url: final, contentType: ct}, nil
}
