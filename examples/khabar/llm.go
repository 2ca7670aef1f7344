package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/khabar-go/khabar/llm"
)

// languageModel is what an LLM-backed command needs: a client configured
// from the environment, the model name, and the time each article may take.
type languageModel struct {
	client  *llm.Client
	model   string
	timeout time.Duration // for one article's work; 0 means no bound
}

// newLanguageModel is the one place where the tool configures its language
// model. The model comes from OPENAI_API_KEY, OPENAI_BASE_URL and
// KHABAR_MODEL; the timeout from -timeout, else KHABAR_TIMEOUT, else
// defaultTimeout. Each article's work gets the whole timeout as a context
// deadline (see articleContext), which bounds a server that stalls in the
// body too; each request attempt gets half of it, so that a server that
// hangs before its headers is tried once more within the deadline. (A
// timeout of 0 means no bound, for the attempts too.)
func newLanguageModel(e env, c *command, o *opts) (*languageModel, error) {
	timeout := o.timeout
	if s := e.getenv("KHABAR_TIMEOUT"); s != "" && !o.set["timeout"] {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return nil, usageError(e, c, "KHABAR_TIMEOUT=%q is not a duration such as 90s or 10m", s)
		}
		timeout = d
	}
	if timeout < 0 {
		return nil, usageError(e, c, "-timeout %v is negative", timeout)
	}
	cfg := llm.Config{
		APIKey:         e.getenv("OPENAI_API_KEY"),
		BaseURL:        e.getenv("OPENAI_BASE_URL"),
		Model:          e.getenv("KHABAR_MODEL"),
		AttemptTimeout: timeout / 2,
	}
	if timeout == 0 {
		cfg.AttemptTimeout = -1 // no bound, where 0 would mean the default
	}
	if cfg.APIKey == "" && cfg.BaseURL == "" {
		return nil, fmt.Errorf("no language model configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for a server other than OpenAI's; KHABAR_MODEL for the model)")
	}
	return &languageModel{client: cfg.NewClient(), model: cfg.Model, timeout: timeout}, nil
}

// timeoutError is the error of an article whose language-model work ran
// out of time.
type timeoutError struct{ d time.Duration }

func (t *timeoutError) Error() string {
	return fmt.Sprintf("no answer from the language model within %v (raise -timeout or KHABAR_TIMEOUT)", t.d)
}

// deadlineError is the cause of an article context's end at its deadline;
// HTTP errors quote it.
type deadlineError struct{ d time.Duration }

func (d *deadlineError) Error() string { return fmt.Sprintf("-timeout %v reached", d.d) }

// articleContext returns the context of one article's work: ctx with the
// timeout as its deadline.
func (m *languageModel) articleContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if m.timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, m.timeout, &deadlineError{m.timeout})
}

// do runs work in an article context and says so when it ran out of time:
// the article's deadline, or every attempt's timeout.
func (m *languageModel) do(ctx context.Context, work func(context.Context) error) error {
	actx, cancel := m.articleContext(ctx)
	defer cancel()
	err := work(actx)
	var de *deadlineError
	if err != nil && ctx.Err() == nil && m.timeout > 0 && (isTimeout(err) || errors.As(err, &de)) {
		return fmt.Errorf("%w: %w", &timeoutError{m.timeout}, err)
	}
	return err
}

// isTimeout reports whether err comes from a deadline: the context's, or
// the client's per-attempt timeout (llm.ErrTimeout, or a net.Error whose
// Timeout is true).
func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, llm.ErrTimeout) || errors.As(err, &t) && t.Timeout()
}
