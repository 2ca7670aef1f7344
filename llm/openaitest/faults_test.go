package openaitest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm/openaitest"
)

func TestItemEdits(t *testing.T) {
	tests := []struct {
		name string
		in   openaitest.Reply
		edit func(openaitest.Reply) openaitest.Reply
		want string
	}{
		{"drop at the top", openaitest.Text(`{"t":"a","p1":"b","p2":"c"}`),
			func(r openaitest.Reply) openaitest.Reply { return openaitest.DropItems(r, "p1") }, `{"t":"a","p2":"c"}`},
		{"drop one level down", openaitest.Text(`{"glossary":{"x":"X"},"texts":{"t":"a","p1":"b"}}`),
			func(r openaitest.Reply) openaitest.Reply { return openaitest.DropItems(r, "t") }, `{"glossary":{"x":"X"},"texts":{"p1":"b"}}`},
		{"merge", openaitest.Text(`{"t":"a","p1":"b","p2":"c"}`),
			func(r openaitest.Reply) openaitest.Reply { return openaitest.MergeItems(r, "p1", "p2") }, `{"t":"a","p1":"b c"}`},
		{"merge one level down", openaitest.Text(`{"texts":{"p1":"b","p2":"c"}}`),
			func(r openaitest.Reply) openaitest.Reply { return openaitest.MergeItems(r, "p1", "p2") }, `{"texts":{"p1":"b c"}}`},
		{"not JSON is left alone", openaitest.Text(`hello`),
			func(r openaitest.Reply) openaitest.Reply { return openaitest.DropItems(r, "t") }, `hello`},
	}
	for _, tt := range tests {
		if got := tt.edit(tt.in).Content; got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestEchoAndAlwaysLength(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(openaitest.AlwaysLength(openaitest.Echo()))
	resp, err := srv.Client().CreateChatCompletion(context.Background(), chatReq(`{"texts":{"t":"a"}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{resp.Choices[0].Message.Content, string(resp.Choices[0].FinishReason)}
	if diff := cmp.Diff([]string{`{"texts":{"t":"a"}}`, "length"}, got); diff != "" {
		t.Errorf("echo (-want +got):\n%s", diff)
	}
}

func TestStallAfterHeaders(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.StallAfterHeaders())
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL()+"/chat/completions", strings.NewReader(`{"model":"m","messages":[]}`))
	resp, err := srv.HTTPClient().Do(req)
	if err != nil {
		t.Fatalf("the headers should come at once: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	body, err := io.ReadAll(resp.Body)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.HasPrefix(string(body), `{"id":"chatcmpl-stall"`) {
		t.Errorf("body %q, error %v; want the start of a body, then the client's deadline", body, err)
	}
}

func TestHugeAndRetryAfter(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Huge(1<<20), openaitest.RetryAfter(429, 24*time.Hour))
	resp, err := srv.Client().CreateChatCompletion(context.Background(), chatReq("x"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(resp.Choices[0].Message.Content); n < 1<<20-200 || n > 1<<20 {
		t.Errorf("content of %d bytes, want about 1 MiB", n)
	}
	_, err = srv.Client().CreateChatCompletion(context.Background(), chatReq("x"))
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 429 {
		t.Fatalf("error %v, want a 429", err)
	}
	raw, _ := http.Post(srv.URL()+"/chat/completions", "application/json", strings.NewReader(`{}`))
	raw.Body.Close() // the queue is empty: a 400, no header
	srv.Enqueue(openaitest.RetryAfter(503, 90*time.Second))
	raw, err = http.Post(srv.URL()+"/chat/completions", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	raw.Body.Close()
	if got := []string{raw.Header.Get("Retry-After"), raw.Header.Get("retry-after-ms")}; !cmp.Equal(got, []string{"90", ""}) {
		t.Errorf("Retry-After, retry-after-ms = %q", got)
	}
}
