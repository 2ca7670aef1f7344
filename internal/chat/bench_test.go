package chat_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/khabar-go/khabar/internal/cputime"
	"io"
	"net/http"
	"testing"

	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	openai "github.com/sashabaranov/go-openai"
)

// cannedDoer answers every request at once with the same body, so a
// benchmark over it measures the library (go-openai, the retrying client,
// the JSON helper) and no server or network time.
type cannedDoer struct{ body []byte }

func (d cannedDoer) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(d.body))}, nil
}

func benchReply(b *testing.B) []byte {
	content, _ := json.Marshal(reply{Items: []pair{{"t", "Iran and Belarus agree to strengthen defence ties"}, {"p1", "The presidents of Belarus and Iran announced during talks in Minsk their intention to strengthen bilateral relations in all fields, including defence."}}})
	body, err := json.Marshal(openai.ChatCompletionResponse{ID: "x", Object: "chat.completion", Model: "m",
		Choices: []openai.ChatCompletionChoice{{Message: openai.ChatCompletionMessage{Role: "assistant", Content: string(content)}, FinishReason: "stop"}}})
	if err != nil {
		b.Fatal(err)
	}
	return body
}

func benchRequest() openai.ChatCompletionRequest {
	req := baseRequest()
	req.Messages[1].Content = `{"segments":[{"id":"t","text":"إيران وبيلاروسيا يتفقان على تقوية العلاقات الدفاعية والاستراتيجية"},{"id":"p1","text":"أعلن رئيسا بيلاروسيا وإيران- وهما دولتان دعمتا روسيا في الحرب ضد أوكرانيا- خلال محادثات في مينسك عن عزمهما تعزيز العلاقات الثنائية في جميع المجالات، بما في ذلك الدفاع."}]}`
	return req
}

// BenchmarkAskOverhead measures the library's own cost of one structured
// request (building, marshalling, the retrying transport, finding and
// decoding the JSON), with an in-process HTTP doer and no server.
func BenchmarkAskOverhead(b *testing.B) {
	cfg := llm.Config{APIKey: "k", BaseURL: "http://fake.invalid/v1", HTTPClient: cannedDoer{benchReply(b)}}
	js := &chat.JSON{Client: cfg.NewClient(), Schema: replySchema(b)}
	req := benchRequest()
	ctx := context.Background()
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		if err := askAndDecode(ctx, js, req); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// BenchmarkAskFakeServer is the same request against the fake
// server over loopback HTTP: an upper bound that includes the server.
func BenchmarkAskFakeServer(b *testing.B) {
	srv := openaitest.NewServer(b)
	var content reply
	var resp openai.ChatCompletionResponse
	_ = json.Unmarshal(benchReply(b), &resp)
	_ = json.Unmarshal([]byte(resp.Choices[0].Message.Content), &content)
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.JSON(content) })
	cfg := llm.Config{APIKey: "k", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient()}
	js := &chat.JSON{Client: cfg.NewClient(), Schema: replySchema(b)}
	req := benchRequest()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := askAndDecode(ctx, js, req); err != nil {
			b.Fatal(err)
		}
		srv.Reset()
	}
}

func askAndDecode(ctx context.Context, js *chat.JSON, req openai.ChatCompletionRequest) error {
	content, err := js.Ask(ctx, req)
	if err != nil {
		return err
	}
	var out reply
	return json.Unmarshal(chat.FindJSON(content), &out)
}
