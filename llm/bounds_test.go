package llm_test

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
)

func hi() openai.ChatCompletionRequest {
	return openai.ChatCompletionRequest{Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "hi"}}}
}

// TestStallAfterHeaders: a server that sends its headers and then stalls
// is abandoned at the attempt timeout, retried, and reported as ErrTimeout
// when every attempt stalls.
func TestStallAfterHeaders(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.StallAfterHeaders(), openaitest.Text("after the stall"))
	cfg := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), AttemptTimeout: 200 * time.Millisecond, Model: "m"}
	resp, err := cfg.NewClient().CreateChatCompletion(context.Background(), hi())
	if err != nil {
		t.Fatalf("a stalled first attempt should be retried: %v", err)
	}
	if got := resp.Choices[0].Message.Content; got != "after the stall" {
		t.Errorf("content %q", got)
	}

	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.StallAfterHeaders() })
	cfg.MaxAttempts = 2
	_, err = cfg.NewClient().CreateChatCompletion(context.Background(), hi())
	if !errors.Is(err, llm.ErrTimeout) || !errors.Is(err, llm.ErrServer) {
		t.Fatalf("error = %v, want ErrTimeout (and ErrServer)", err)
	}
	if want := "llm: no reply in time: no complete reply within the attempt timeout of 200ms, on each of 2 attempts"; err.Error() != want {
		t.Errorf("error text\n%q, want\n%q", err, want)
	}
}

// TestHugeReply: a reply over MaxReplyBytes fails with ErrTooLarge after
// reading no more than the limit, and is not asked for again.
func TestHugeReply(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Huge(64 << 20))
	cfg := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m"}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := cfg.NewClient().CreateChatCompletion(context.Background(), hi())
	runtime.ReadMemStats(&after)
	if !errors.Is(err, llm.ErrTooLarge) || !errors.Is(err, llm.ErrBadReply) {
		t.Fatalf("error = %v, want ErrTooLarge (and ErrBadReply)", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 24<<20 {
		t.Errorf("%d MB allocated for a 64 MB reply under a 4 MB limit", alloc>>20)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}

	// A smaller limit, and a reply just under it, which passes.
	srv.Enqueue(openaitest.Huge(2000), openaitest.Huge(900))
	cfg.MaxReplyBytes = 1000
	if _, err := cfg.NewClient().CreateChatCompletion(context.Background(), hi()); !errors.Is(err, llm.ErrTooLarge) {
		t.Errorf("2000 bytes under a 1000-byte limit: %v, want ErrTooLarge", err)
	}
	resp, err := cfg.NewClient().CreateChatCompletion(context.Background(), hi())
	if err != nil || !strings.HasPrefix(resp.Choices[0].Message.Content, "xxx") {
		t.Errorf("900 bytes under a 1000-byte limit: %v", err)
	}
}

// TestHugeStream: a streamed reply is bounded too.
func TestHugeStream(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Text(strings.Repeat("word ", 2000)))
	cfg := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m", MaxReplyBytes: 4000}
	req := hi()
	req.Stream = true
	stream, err := cfg.NewClient().CreateChatCompletionStream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	for {
		_, err = stream.Recv()
		if err != nil {
			break
		}
	}
	if !errors.Is(err, llm.ErrTooLarge) {
		t.Errorf("stream error = %v, want ErrTooLarge", err)
	}
}

// TestLongRetryAfter: a Retry-After of a day ends the request at once with
// a *RetryAfterError that carries the wait.
func TestLongRetryAfter(t *testing.T) {
	for _, status := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable} {
		srv := openaitest.NewServer(t)
		srv.Enqueue(openaitest.RetryAfter(status, 24*time.Hour), openaitest.Text("too soon"))
		cfg := llm.Config{APIKey: openaitest.DefaultKey, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m"}
		_, err := cfg.NewClient().CreateChatCompletion(context.Background(), hi())
		var ra *llm.RetryAfterError
		if !errors.As(err, &ra) {
			t.Fatalf("%d: error = %v, want a *RetryAfterError", status, err)
		}
		want := &llm.RetryAfterError{Wait: 24 * time.Hour, Limit: llm.DefaultMaxRetryWait, StatusCode: status,
			Message: "Please retry after 86400 seconds."}
		if diff := cmp.Diff(want, ra); diff != "" {
			t.Errorf("%d: RetryAfterError (-want +got):\n%s", status, diff)
		}
		kind := llm.ErrRateLimited
		if status != http.StatusTooManyRequests {
			kind = llm.ErrServer
		}
		if !errors.Is(err, kind) || llm.Classify(err) != err {
			t.Errorf("%d: %v does not match %v as it is", status, err, kind)
		}
		if n := len(srv.ChatRequests()); n != 1 {
			t.Errorf("%d: %d requests, want 1", status, n)
		}
	}

	// Within the maximum but past the caller's deadline.
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.RetryAfter(http.StatusTooManyRequests, 30*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := llm.Config{BaseURL: srv.URL(), HTTPClient: srv.HTTPClient()}.NewClient().CreateChatCompletion(ctx, hi())
	var ra *llm.RetryAfterError
	if !errors.As(err, &ra) || ra.Wait != 30*time.Second || ra.Limit > 5*time.Second {
		t.Errorf("error = %v, want a wait of 30s over a limit under 5s", err)
	}
}

// TestScrubWholeTokens: the key is scrubbed where it stands as a whole
// token, and a short placeholder key is not scrubbed at all.
func TestScrubWholeTokens(t *testing.T) {
	tests := []struct {
		key, message, want string
	}{
		{"sk-live-0123456789", "bad key sk-live-0123456789.", "bad key [REDACTED]."},
		{"sk-live-0123456789", `"key":"sk-live-0123456789"`, `"key":"[REDACTED]"`},
		{"sk-live-0123456789", "xsk-live-0123456789 and sk-live-01234567890", "xsk-live-0123456789 and sk-live-01234567890"},
		{"o", "Post http://localhost/v1/chat/completions: connection refused", "Post http://localhost/v1/chat/completions: connection refused"},
		{"ollama", "Incorrect API key provided: ollama.", "Incorrect API key provided: ollama."},
		{"password", "Incorrect password: password; passwords differ", "Incorrect [REDACTED]: [REDACTED]; passwords differ"},
	}
	for _, tt := range tests {
		srv := openaitest.NewServer(t)
		srv.Enqueue(openaitest.Error(http.StatusBadRequest, tt.message))
		cfg := llm.Config{APIKey: tt.key, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m"}
		_, err := cfg.NewClient().CreateChatCompletion(context.Background(), hi())
		var apiErr *openai.APIError
		if !errors.As(err, &apiErr) {
			t.Fatalf("key %q: error %v is not an *openai.APIError", tt.key, err)
		}
		if apiErr.Message != tt.want {
			t.Errorf("key %q: message %q, want %q", tt.key, apiErr.Message, tt.want)
		}
	}
}

// TestKeyFromHeaders: a Transport under a hand-built configuration scrubs
// the key it sees in each request's headers, with no key given to it.
func TestKeyFromHeaders(t *testing.T) {
	const key = "sk-handmade-0123456789"
	srv := openaitest.NewServer(t)
	srv.RequireKey("another-key") // the 401 message repeats the key it got
	oc := openai.DefaultConfig(key)
	oc.BaseURL = srv.URL()
	oc.HTTPClient = llm.Config{HTTPClient: srv.HTTPClient()}.Transport()
	_, err := openai.NewClientWithConfig(oc).CreateChatCompletion(context.Background(), hi())
	if err == nil || strings.Contains(err.Error(), key) || !strings.Contains(err.Error(), "[REDACTED]") {
		t.Errorf("error %v, want the key scrubbed", err)
	}
}

// TestConfigSettings: the model, the Azure API version, the organisation
// and a base configuration reach the server.
func TestConfigSettings(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.Text("ok") })

	cfg := llm.Config{APIKey: "k", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "the-model", Organization: "org-1"}
	client := cfg.NewClient()
	if _, err := client.CreateChatCompletion(context.Background(), hi()); err != nil {
		t.Fatal(err)
	}
	r := srv.ChatRequests()[0]
	if r.Chat.Model != "the-model" || r.Header.Get("OpenAI-Organization") != "org-1" || client.Model() != "the-model" {
		t.Errorf("model %q, organisation %q", r.Chat.Model, r.Header.Get("OpenAI-Organization"))
	}

	srv.Reset()
	azure := llm.Config{APIKey: "azure-key-0123", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Azure: true, APIVersion: "2024-10-21", Model: "gpt-4o"}
	if _, err := azure.NewClient().CreateChatCompletion(context.Background(), hi()); err != nil {
		t.Fatal(err)
	}
	r = srv.Requests()[0]
	if r.Header.Get("api-key") != "azure-key-0123" || !strings.Contains(r.Path, "/openai/deployments/gpt-4o/") {
		t.Errorf("Azure request to %s with api-key %q", r.Path, r.Header.Get("api-key"))
	}

	srv.Reset()
	base := openai.DefaultConfig("base-key-0123")
	base.OrgID = "org-base"
	withBase := llm.Config{Base: &base, BaseURL: srv.URL(), HTTPClient: srv.HTTPClient(), Model: "m"}
	if _, err := withBase.NewClient().CreateChatCompletion(context.Background(), hi()); err != nil {
		t.Fatal(err)
	}
	r = srv.ChatRequests()[0]
	if r.Header.Get("Authorization") != "Bearer base-key-0123" || r.Header.Get("OpenAI-Organization") != "org-base" {
		t.Errorf("base configuration lost: %v", r.Header)
	}
	if s := (llm.Config{APIKey: "secret-key-0123", Azure: true, APIVersion: "v"}).String(); strings.Contains(s, "secret") || !strings.Contains(s, `APIVersion: "v"`) {
		t.Errorf("String() = %s", s)
	}
}
