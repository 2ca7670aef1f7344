package summarizetest_test

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
	"golang.org/x/text/language"
)

// broken summarizers, each breaking one rule; the suite must catch each.
var broken = map[string]summarize.Summarizer{
	// Spans out of order.
	"Spans": summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		s, err := summarize.Extractive{}.Summarize(ctx, req)
		if err == nil && len(s.Sentences) > 1 {
			s.Sentences[0], s.Sentences[1] = s.Sentences[1], s.Sentences[0]
		}
		return s, err
	}),
	// Ignores the budget.
	"Budget": summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		if req.Budget.Validate() == nil {
			req.Budget = summarize.Budget{Sentences: 100}
		}
		return summarize.Extractive{}.Summarize(ctx, req)
	}),
	// Ignores the context.
	"Canceled": summarize.Func(func(_ context.Context, req summarize.Request) (*summarize.Summary, error) {
		return summarize.Extractive{}.Summarize(context.Background(), req)
	}),
	// Accepts invalid requests.
	"Invalid": summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		if req.Article == nil && strings.TrimSpace(req.Text) == "" {
			return &summarize.Summary{Text: "nothing"}, nil
		}
		return summarize.Extractive{}.Summarize(ctx, req)
	}),
	// Modifies the article.
	"NoMutation": summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		if req.Article != nil && len(req.Article.Paragraphs) > 1 {
			req.Article.Paragraphs = req.Article.Paragraphs[:1]
		}
		return summarize.Extractive{}.Summarize(ctx, req)
	}),
	// Parses Request.Text itself and forgets the budget and style on the
	// way.
	"Text": summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		if req.Article == nil && req.Budget.Validate() == nil {
			if a, err := article.Parse(req.Text); err == nil {
				return summarize.Extractive{}.Summarize(ctx, summarize.Request{Article: a})
			}
		}
		return summarize.Extractive{}.Summarize(ctx, req)
	}),
	// Claims the target language for sentences it did not translate.
	"Lang": summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		s, err := summarize.Extractive{}.Summarize(ctx, req)
		if err == nil && req.Target != language.Und {
			s.Lang = req.Target
		}
		return s, err
	}),
	// Shares state between calls: when two overlap, the second returns
	// a summary of one sentence (a scratch buffer that two calls fill at
	// once, made deterministic).
	"Concurrent": func() summarize.Summarizer {
		var inFlight atomic.Int32
		return summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			time.Sleep(5 * time.Millisecond) // long enough for the calls started together to overlap
			if n > 1 {
				req.Budget = summarize.Budget{Sentences: 1}
			}
			return summarize.Extractive{}.Summarize(ctx, req)
		})
	}(),
	// Not deterministic.
	"Deterministic": func() summarize.Summarizer {
		n := 0
		return summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
			n++
			req.Budget = summarize.Budget{Sentences: 1 + n%2}
			return summarize.Extractive{}.Summarize(ctx, req)
		})
	}(),
}

// TestBroken runs the suite on one broken summarizer when the parent test
// asks for it through the environment ("-" for Extractive, which keeps
// the contract).
func TestBroken(t *testing.T) {
	name := os.Getenv("SUMMARIZETEST_BROKEN")
	if name == "" {
		t.Skip("run by TestSuiteCatchesBrokenSummarizers")
	}
	s := broken[name]
	if name == "-" {
		s = summarize.Extractive{}
	}
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer { return s })
}

// TestSuiteCatchesBrokenSummarizers runs the suite on summarizers broken
// in one rule each, and checks that the check of that rule fails; and that
// every check the suite runs has such a summarizer.
func TestSuiteCatchesBrokenSummarizers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the test binary again")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestBroken$", "-test.v")
	cmd.Env = append(os.Environ(), "SUMMARIZETEST_BROKEN=-")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("suite failed Extractive:\n%s", out)
	}
	var checks []string
	for _, m := range regexp.MustCompile(`(?m)^=== RUN   TestBroken/(\w+)$`).FindAllStringSubmatch(string(out), -1) {
		checks = append(checks, m[1])
	}
	if len(checks) == 0 {
		t.Fatalf("no checks found in:\n%s", out)
	}
	for _, name := range checks {
		if broken[name] == nil {
			t.Errorf("check %s has no broken summarizer to show that it can fail", name)
		}
	}
	for name := range broken {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBroken$", "-test.v")
			cmd.Env = append(os.Environ(), "SUMMARIZETEST_BROKEN="+name)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("suite passed a summarizer broken in %s:\n%s", name, out)
			}
			if want := "--- FAIL: TestBroken/" + name + " "; !strings.Contains(string(out), want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		})
	}
}

func TestSuitePassesExtractive(t *testing.T) {
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer { return summarize.Extractive{} })
}
