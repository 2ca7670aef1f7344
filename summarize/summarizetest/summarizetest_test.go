package summarizetest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/summarize"
	"github.com/khabar-go/khabar/summarize/summarizetest"
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
// asks for it through the environment.
func TestBroken(t *testing.T) {
	name := os.Getenv("SUMMARIZETEST_BROKEN")
	if name == "" {
		t.Skip("run by TestSuiteCatchesBrokenSummarizers")
	}
	summarizetest.Run(t, func(*testing.T) summarize.Summarizer { return broken[name] })
}

func TestSuiteCatchesBrokenSummarizers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the test binary again")
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
