package translatetest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khabar-go/khabar/translate"
)

// identity keeps the contract without translating anything.
func identity(ctx context.Context, req translate.Request) (*translate.Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &translate.Response{Segments: append([]translate.Segment{}, req.Segments...)}, nil
}

// brokenTranslators break the contract in one way each, named by the
// check that must catch it.
func brokenTranslators() map[string]translate.Translator {
	var mu sync.Mutex
	var last translate.Request
	return map[string]translate.Translator{
		// Fails a request with nothing to translate.
		"Empty": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			if len(req.Segments) == 0 {
				return nil, errors.New("broken: nothing to translate")
			}
			return identity(ctx, req)
		}),
		// Answers in the order of a map.
		"OrderAndIDs": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			resp, err := identity(ctx, req)
			if err == nil {
				s := resp.Segments
				s[0], s[len(s)-1] = s[len(s)-1], s[0]
			}
			return resp, err
		}),
		// Leaves blank segments out of the answer.
		"BlankSegment": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			resp, err := identity(ctx, req)
			if err == nil {
				var kept []translate.Segment
				for _, s := range resp.Segments {
					if strings.TrimSpace(s.Text) != "" {
						kept = append(kept, s)
					}
				}
				resp.Segments = kept
			}
			return resp, err
		}),
		// Applies the glossary to the caller's segments in place.
		"RequestUnchanged": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			for i := range req.Segments {
				for _, g := range req.Glossary {
					req.Segments[i].Text = strings.ReplaceAll(req.Segments[i].Text, g.Source, g.Target)
				}
			}
			return identity(ctx, req)
		}),
		// Takes repeated and empty IDs.
		"InvalidRequests": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			return &translate.Response{Segments: append([]translate.Segment{}, req.Segments...)}, nil
		}),
		// Keeps the request in shared state: calls that overlap answer
		// the last one's request.
		"Concurrent": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			mu.Lock()
			last = req
			mu.Unlock()
			time.Sleep(5 * time.Millisecond) // long enough for the calls started together to overlap
			mu.Lock()
			req = last
			mu.Unlock()
			return identity(ctx, req)
		}),
		// Hides the context's error behind its own.
		"DoneContext": translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
			if ctx.Err() != nil {
				return nil, errors.New("broken: something failed")
			}
			return identity(ctx, req)
		}),
	}
}

// TestEachCheckCatchesABrokenTranslator runs each check on the translator
// broken in what it checks, and on identity, which keeps the contract.
func TestEachCheckCatchesABrokenTranslator(t *testing.T) {
	broken := brokenTranslators()
	if len(broken) != len(checks) {
		t.Errorf("%d broken translators for %d checks", len(broken), len(checks))
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			tr, ok := broken[c.name]
			if !ok {
				t.Fatalf("check %s has no broken translator to show that it can fail", c.name)
			}
			if err := c.run(context.Background(), tr); err == nil {
				t.Errorf("check %s passed a translator broken in it", c.name)
			} else {
				t.Logf("caught: %v", err)
			}
			if err := c.run(context.Background(), translate.Func(identity)); err != nil {
				t.Errorf("check %s failed identity: %v", c.name, err)
			}
		})
	}
}
