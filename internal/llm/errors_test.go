package llm_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/khabar-go/khabar/internal/llm"
	"github.com/khabar-go/khabar/summarize/openaitest"
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
	e := llm.BadReply("x", nil)
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
