package openaitest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/llm/openaitest"
	openai "github.com/sashabaranov/go-openai"
)

func chatReq(content string) openai.ChatCompletionRequest {
	return openai.ChatCompletionRequest{Model: "m", Messages: []openai.ChatCompletionMessage{
		{Role: openai.ChatMessageRoleSystem, Content: "sys"},
		{Role: openai.ChatMessageRoleUser, Content: content},
	}}
}

func TestFaults(t *testing.T) {
	tests := []struct {
		name       string
		reply      openaitest.Reply
		wantStatus int
		wantHeader map[string]string
		wantBody   string // substring
	}{
		{"text", openaitest.Text("hi"), 200, nil, `"content":"hi"`},
		{"length", openaitest.Length("cut"), 200, nil, `"finish_reason":"length"`},
		{"429", openaitest.RateLimited(1500 * time.Millisecond), 429, map[string]string{"Retry-After": "2", "Retry-After-Ms": "1500"}, `"code":"rate_limit_exceeded"`},
		{"500", openaitest.ServerError(), 500, nil, `"type":"server_error"`},
		{"503", openaitest.Unavailable(), 503, nil, `"error"`},
		{"context length", openaitest.ContextLength(), 400, nil, `"code":"context_length_exceeded"`},
		{"malformed", openaitest.Malformed(), 200, nil, `"role":"assis`},
		{"x-should-retry", openaitest.Reply{Status: 500, Header: http.Header{"X-Should-Retry": {"false"}}}, 500, map[string]string{"X-Should-Retry": "false"}, `"error"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.NewServer(t)
			srv.Enqueue(tt.reply)
			resp, err := http.Post(srv.URL()+"/chat/completions", "application/json", strings.NewReader(`{"model":"m","messages":[]}`))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			for k, v := range tt.wantHeader {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if !strings.Contains(string(body), tt.wantBody) {
				t.Errorf("body %s lacks %s", body, tt.wantBody)
			}
		})
	}
}

func TestRecordsRequests(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Text("one"), openaitest.JSON(map[string]int{"n": 2}))
	c := srv.Client()
	r1, err := c.CreateChatCompletion(context.Background(), chatReq("first"))
	if err != nil {
		t.Fatal(err)
	}
	req2 := chatReq("second")
	req2.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	r2, err := c.CreateChatCompletion(context.Background(), req2)
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{r1.Choices[0].Message.Content, r2.Choices[0].Message.Content}; !cmp.Equal(got, []string{"one", `{"n":2}`}) {
		t.Errorf("replies = %q", got)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("recorded %d requests, want 2", len(reqs))
	}
	if reqs[0].Content("user") != "first" || reqs[0].Content("system") != "sys" || reqs[0].Path != "/v1/chat/completions" {
		t.Errorf("first request recorded as %+v", reqs[0])
	}
	if reqs[1].Chat.ResponseFormat == nil || reqs[1].Chat.ResponseFormat.Type != "json_object" {
		t.Errorf("second request lost its response format")
	}
	if reqs[0].Header.Get("Authorization") != "Bearer "+openaitest.DefaultKey {
		t.Errorf("Authorization = %q", reqs[0].Header.Get("Authorization"))
	}
	srv.Reset()
	if len(srv.Requests()) != 0 {
		t.Error("Reset kept requests")
	}
}

func TestNoReplyScripted(t *testing.T) {
	srv := openaitest.NewServer(t)
	_, err := srv.Client().CreateChatCompletion(context.Background(), chatReq("x"))
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 400 {
		t.Fatalf("error = %v, want a 400 APIError", err)
	}
}

func TestRejectJSONSchema(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.RejectJSONSchema(true)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.Text("{}") })
	req := chatReq("x")
	req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
		JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: "s", Schema: rawSchema(`{"type":"object"}`)}}
	_, err := srv.Client().CreateChatCompletion(context.Background(), req)
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 400 {
		t.Fatalf("schema request: error = %v, want 400", err)
	}
	req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	if _, err := srv.Client().CreateChatCompletion(context.Background(), req); err != nil {
		t.Fatalf("JSON mode request: %v", err)
	}
}

type rawSchema string

func (s rawSchema) MarshalJSON() ([]byte, error) { return []byte(s), nil }

func TestStream(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Reply{Chunks: []string{"a", "b", "c"}}, openaitest.Reply{Chunks: []string{"a", "b", "c"}, CutAfter: 1})
	got, err := readStream(srv, chatReq("x"))
	if err != nil || got != "abc|stop" {
		t.Errorf("whole stream = %q, %v; want abc|stop", got, err)
	}
	got, err = readStream(srv, chatReq("x"))
	if err == nil || !strings.HasPrefix(got, "a") || strings.Contains(got, "b") {
		t.Errorf("cut stream = %q, %v; want a then an error", got, err)
	}
}

func readStream(srv *openaitest.Server, req openai.ChatCompletionRequest) (string, error) {
	s, err := srv.Client().CreateChatCompletionStream(context.Background(), req)
	if err != nil {
		return "", err
	}
	defer s.Close()
	var b strings.Builder
	for {
		chunk, err := s.Recv()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		b.WriteString(chunk.Choices[0].Delta.Content)
		if f := chunk.Choices[0].FinishReason; f != "" {
			b.WriteString("|" + string(f))
		}
	}
}

func TestStreamEndsWithDone(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Enqueue(openaitest.Text("hello"))
	resp, err := http.Post(srv.URL()+"/chat/completions", "application/json", strings.NewReader(`{"model":"m","messages":[],"stream":true}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if !strings.HasSuffix(string(body), "data: [DONE]\n\n") || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("stream body %q (Content-Type %q) does not end in data: [DONE]", body, resp.Header.Get("Content-Type"))
	}
}

func TestHangReleasedOnClose(t *testing.T) {
	srv := openaitest.NewServer(nil)
	started := make(chan struct{})
	srv.Handle(func(openaitest.Request) openaitest.Reply { close(started); return openaitest.Hang() })
	done := make(chan error)
	go func() {
		_, err := srv.Client().CreateChatCompletion(context.Background(), chatReq("x"))
		done <- err
	}()
	<-started
	srv.Close()
	if err := <-done; err == nil {
		t.Error("a hung request succeeded")
	}
}

func TestConcurrent(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(r openaitest.Request) openaitest.Reply { return openaitest.Text(r.Content("user")) })
	c := srv.Client()
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			want := strings.Repeat("x", i+1)
			resp, err := c.CreateChatCompletion(context.Background(), chatReq(want))
			if err != nil || resp.Choices[0].Message.Content != want {
				t.Errorf("concurrent request %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	if n := len(srv.ChatRequests()); n != 16 {
		t.Errorf("recorded %d, want 16", n)
	}
}

func TestBatch(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(func(r openaitest.Request) openaitest.Reply {
		if r.CustomID == "bad" {
			return openaitest.ServerError()
		}
		return openaitest.Text("re: " + r.Content("user"))
	})
	c := srv.Client()
	ctx := context.Background()
	up := openai.UploadBatchFileRequest{}
	up.AddChatCompletion("a", chatReq("alpha"))
	up.AddChatCompletion("bad", chatReq("beta"))
	up.AddChatCompletion("c", chatReq("gamma"))
	f, err := c.UploadBatchFile(ctx, up)
	if err != nil {
		t.Fatal(err)
	}
	if content, ok := srv.FileContent(f.ID); !ok || !strings.Contains(string(content), `"custom_id":"bad"`) {
		t.Fatalf("uploaded file %s: %q", f.ID, content)
	}
	b, err := c.CreateBatch(ctx, openai.CreateBatchRequest{InputFileID: f.ID, Endpoint: openai.BatchEndpointChatCompletions})
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	statuses = append(statuses, b.Status)
	for b.Status != "completed" {
		b, err = c.RetrieveBatch(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		statuses = append(statuses, b.Status)
	}
	if diff := cmp.Diff([]string{"validating", "in_progress", "finalizing", "completed"}, statuses); diff != "" {
		t.Errorf("status progression (-want +got):\n%s", diff)
	}
	if b.RequestCounts != (openai.BatchRequestCounts{Total: 3, Completed: 2, Failed: 1}) {
		t.Errorf("counts = %+v", b.RequestCounts)
	}
	out, err := c.GetFileContent(ctx, *b.OutputFileID)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(out)
	out.Close()
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"custom_id":"a"`) || !strings.Contains(lines[0], "re: alpha") ||
		!strings.Contains(lines[1], `"custom_id":"c"`) || !strings.Contains(lines[1], "re: gamma") {
		t.Errorf("output file:\n%s", data)
	}
	errFile, _ := srv.FileContent(*b.ErrorFileID)
	if !strings.Contains(string(errFile), `"custom_id":"bad"`) || !strings.Contains(string(errFile), `"status_code":500`) {
		t.Errorf("error file:\n%s", errFile)
	}
	var batchLines int
	for _, r := range srv.ChatRequests() {
		if r.BatchID == b.ID {
			batchLines++
		}
	}
	if batchLines != 3 {
		t.Errorf("recorded %d batch lines, want 3", batchLines)
	}
}

func TestBatchEnds(t *testing.T) {
	for _, status := range []string{"failed", "expired", "cancelled"} {
		srv := openaitest.NewServer(t)
		srv.EndBatches(status)
		c := srv.Client()
		ctx := context.Background()
		up := openai.UploadBatchFileRequest{}
		up.AddChatCompletion("a", chatReq("alpha"))
		f, err := c.UploadBatchFile(ctx, up)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := c.GetFile(ctx, f.ID); err != nil || got.Purpose != "batch" || got.Bytes == 0 {
			t.Errorf("GetFile = %+v, %v", got, err)
		}
		b, err := c.CreateBatch(ctx, openai.CreateBatchRequest{InputFileID: f.ID, Endpoint: openai.BatchEndpointChatCompletions})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			b, err = c.RetrieveBatch(ctx, b.ID)
			if err != nil {
				t.Fatal(err)
			}
		}
		if b.Status != status || b.OutputFileID != nil || len(srv.ChatRequests()) != 0 {
			t.Errorf("%s: status %q, output %v, %d lines answered", status, b.Status, b.OutputFileID, len(srv.ChatRequests()))
		}
		if status == "failed" && (b.Errors == nil || len(b.Errors.Data) == 0) {
			t.Errorf("failed batch has no errors")
		}
	}
}

func TestCancelBatchAndMissing(t *testing.T) {
	srv := openaitest.NewServer(t)
	c := srv.Client()
	ctx := context.Background()
	up := openai.UploadBatchFileRequest{}
	up.AddChatCompletion("a", chatReq("alpha"))
	f, _ := c.UploadBatchFile(ctx, up)
	b, _ := c.CreateBatch(ctx, openai.CreateBatchRequest{InputFileID: f.ID, Endpoint: openai.BatchEndpointChatCompletions})
	b, err := c.CancelBatch(ctx, b.ID)
	if err != nil || b.Status != "cancelled" {
		t.Fatalf("CancelBatch = %q, %v", b.Status, err)
	}
	if b, _ = c.RetrieveBatch(ctx, b.ID); b.Status != "cancelled" {
		t.Errorf("a cancelled batch moved on to %q", b.Status)
	}
	var apiErr *openai.APIError
	if _, err := c.RetrieveBatch(ctx, "batch-none"); !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 404 {
		t.Errorf("unknown batch: %v", err)
	}
	if _, err := c.GetFileContent(ctx, "file-none"); !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 404 {
		t.Errorf("unknown file: %v", err)
	}
}
