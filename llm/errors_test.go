package llm_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	openai "github.com/sashabaranov/go-openai"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name     string
		reply    openaitest.Reply
		wantKind error // nil: not classified
	}{
		{"429", openaitest.RateLimited(0), llm.ErrRateLimited},
		{"500", openaitest.ServerError(), llm.ErrServer},
		{"503", openaitest.Unavailable(), llm.ErrServer},
		{"context length", openaitest.ContextLength(), llm.ErrContextLength},
		{"401", openaitest.Error(http.StatusUnauthorized, "bad key"), llm.ErrAuth},
		{"plain 400", openaitest.Error(http.StatusBadRequest, "bad"), nil},
		{"non-JSON 502", openaitest.Reply{Status: 502, RawBody: "<html>bad gateway</html>"}, llm.ErrServer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.NewServer(t)
			srv.Enqueue(tt.reply)
			_, err := srv.Client().CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: "m"})
			if err == nil {
				t.Fatal("CreateChatCompletion() succeeded, want an error")
			}
			got := llm.Classify(err)
			for _, kind := range []error{llm.ErrRateLimited, llm.ErrServer, llm.ErrContextLength, llm.ErrAuth, llm.ErrBadReply} {
				if want := kind == tt.wantKind; errors.Is(got, kind) != want {
					t.Errorf("errors.Is(Classify(err), %v) = %t, want %t (err: %v)", kind, !want, want, got)
				}
			}
			var apiErr *openai.APIError
			var reqErr *openai.RequestError
			if !errors.As(got, &apiErr) && !errors.As(got, &reqErr) {
				t.Errorf("Classify(err) = %v: the go-openai error is not reachable with errors.As", got)
			}
		})
	}
}

func TestClassifyPassesThrough(t *testing.T) {
	if llm.Classify(nil) != nil {
		t.Error("Classify(nil) != nil")
	}
	for _, err := range []error{context.Canceled, context.DeadlineExceeded, errors.New("other")} {
		if got := llm.Classify(err); got != err {
			t.Errorf("Classify(%v) = %v, want it unchanged", err, got)
		}
	}
	e := &llm.Error{Kind: llm.ErrBadReply, Detail: "x"}
	if got := llm.Classify(e); got != e {
		t.Errorf("Classify(classified) = %v, want it unchanged", got)
	}
}

func TestHangUntilClientGivesUp(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Hang())
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := srv.Client().CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "m"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error = %v, want context.DeadlineExceeded", err)
	}
	if !errors.Is(llm.Classify(err), context.DeadlineExceeded) {
		t.Errorf("Classify lost the context error")
	}
}

// TestAttemptTimeoutRetriesAHang: the first attempt hangs, is abandoned
// after the attempt timeout, and the retry gets the answer.
func TestAttemptTimeoutRetriesAHang(t *testing.T) {
	srv := openaitest.NewServer(t)
	var calls atomic.Int32
	srv.Handle(func(openaitest.Request) openaitest.Reply {
		if calls.Add(1) == 1 {
			return openaitest.Hang()
		}
		return openaitest.Text("late but here")
	})
	// A hand-built go-openai configuration over the Transport.
	oc := openai.DefaultConfig("k")
	oc.BaseURL = srv.URL()
	oc.HTTPClient = llm.Config{HTTPClient: srv.HTTPClient(), AttemptTimeout: 250 * time.Millisecond}.Transport()
	resp, err := openai.NewClientWithConfig(oc).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: "m"})
	if err != nil {
		t.Fatalf("%v after %d requests", err, len(srv.ChatRequests()))
	}
	if got := resp.Choices[0].Message.Content; got != "late but here" {
		t.Errorf("content = %q", got)
	}
	// On a slow machine a later attempt may time out too; the first one
	// certainly did.
	if n := len(srv.ChatRequests()); n < 2 {
		t.Errorf("%d requests, want at least 2", n)
	}
}
