package openaitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// DefaultKey is the API key Client and Config use.
const DefaultKey = "openaitest-key"

// Handler computes the reply to a chat completion request. It is called
// when the queue of scripted replies is empty, from the server's
// goroutines, possibly concurrently.
type Handler func(req Request) Reply

// Request is one request the server received.
type Request struct {
	// Method and Path are the HTTP method and URL path ("/v1/chat/completions").
	Method, Path string
	// Header holds the request headers.
	Header http.Header
	// Body is the raw request body (for a batch line: the line's body).
	Body []byte
	// Chat is the decoded chat completion request, for chat completions and
	// for each line of a batch.
	Chat openai.ChatCompletionRequest
	// BatchID and CustomID identify a chat request run inside a batch.
	BatchID, CustomID string
}

// IsChat reports whether r is a chat completion request (direct or in a
// batch).
func (r Request) IsChat() bool { return strings.HasSuffix(r.Path, "/chat/completions") }

// Content returns the contents of r's chat messages with the given role
// ("system", "user", ...), joined by newlines.
func (r Request) Content(role string) string {
	var parts []string
	for _, m := range r.Chat.Messages {
		if m.Role == role {
			parts = append(parts, m.Content)
		}
	}
	return strings.Join(parts, "\n")
}

// Server is a fake OpenAI-compatible API server on a local httptest server.
// It answers chat completions (plain, JSON mode, JSON schema, and streamed
// as server-sent events ending in "data: [DONE]") with scripted replies,
// records every request, and serves the files and batches endpoints.
//
// Replies come first from the queue filled by Enqueue, then from the
// Handler set by Handle; with neither, a chat request gets a 400 error
// saying no reply was scripted.
//
// A Server is safe for concurrent use.
type Server struct {
	srv    *httptest.Server
	closed chan struct{}
	once   sync.Once

	mu       sync.Mutex
	queue    []Reply
	handler  Handler
	requests []Request
	key      string
	noSchema bool
	files    map[string]*file
	batches  map[string]*batch
	nextID   int
	batchEnd string
}

// NewServer starts a Server. If tb is not nil the server is closed when the
// test ends; otherwise call Close.
func NewServer(tb testing.TB) *Server {
	s := &Server{
		closed:  make(chan struct{}),
		files:   map[string]*file{},
		batches: map[string]*batch{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	if tb != nil {
		tb.Cleanup(s.Close)
	}
	return s
}

// Close stops the server, releasing requests that hang.
func (s *Server) Close() {
	s.once.Do(func() {
		close(s.closed)
		s.srv.Close()
	})
}

// URL returns the API base URL, ending in "/v1".
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// HTTPClient returns an HTTP client for the server.
func (s *Server) HTTPClient() *http.Client { return s.srv.Client() }

// Config returns a go-openai configuration for the server with DefaultKey
// and HTTPClient; replace its HTTPClient to put a retrying or recording
// client in between.
func (s *Server) Config() openai.ClientConfig {
	cfg := openai.DefaultConfig(DefaultKey)
	cfg.BaseURL = s.URL()
	cfg.HTTPClient = s.HTTPClient()
	return cfg
}

// Client returns an *openai.Client for the server (see Config).
func (s *Server) Client() *openai.Client { return openai.NewClientWithConfig(s.Config()) }

// Enqueue appends replies to the queue; each chat request takes the next.
func (s *Server) Enqueue(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, replies...)
}

// Handle sets the handler used once the queue is empty.
func (s *Server) Handle(h Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handler = h
}

// RequireKey makes the server answer 401 to a request whose bearer key is
// not key. Like some real servers, the error message repeats the key it got,
// so tests can check that clients keep it out of their errors.
func (s *Server) RequireKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.key = key
}

// RejectJSONSchema makes the server answer 400 to chat requests with
// response_format json_schema, as servers without structured outputs do.
func (s *Server) RejectJSONSchema(reject bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noSchema = reject
}

// Requests returns a copy of the requests received so far, in order of
// arrival.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ChatRequests returns the chat completion requests received so far
// (direct ones and batch lines).
func (s *Server) ChatRequests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if r.IsChat() {
			out = append(out, r)
		}
	}
	return out
}

// Reset forgets the recorded requests and the queued replies.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.queue = nil, nil
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// next returns the reply to a chat request.
func (s *Server) next(r Request) Reply {
	s.mu.Lock()
	if s.noSchema && r.Chat.ResponseFormat != nil &&
		r.Chat.ResponseFormat.Type == openai.ChatCompletionResponseFormatTypeJSONSchema {
		s.mu.Unlock()
		return Error(http.StatusBadRequest, "response_format json_schema is not supported by this server")
	}
	if len(s.queue) > 0 {
		rep := s.queue[0]
		s.queue = s.queue[1:]
		s.mu.Unlock()
		return rep
	}
	h := s.handler
	s.mu.Unlock()
	if h == nil {
		return Error(http.StatusBadRequest, "openaitest: no reply scripted")
	}
	return h(r)
}

func (s *Server) newID(prefix string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return fmt.Sprintf("%s-%d", prefix, s.nextID)
}

func (s *Server) serve(w http.ResponseWriter, hr *http.Request) {
	body, err := io.ReadAll(hr.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "openaitest: reading body: "+err.Error(), "invalid_request_error", "")
		return
	}
	req := Request{Method: hr.Method, Path: hr.URL.Path, Header: hr.Header.Clone(), Body: body}
	path := strings.TrimPrefix(hr.URL.Path, "/v1")
	isChat := hr.Method == http.MethodPost && strings.HasSuffix(path, "/chat/completions") // Azure: /openai/deployments/NAME/chat/completions
	var decodeErr error
	if isChat {
		decodeErr = json.Unmarshal(body, &req.Chat)
	}
	s.record(req)

	s.mu.Lock()
	key := s.key
	s.mu.Unlock()
	if key != "" {
		got := strings.TrimPrefix(hr.Header.Get("Authorization"), "Bearer ")
		if got != key {
			writeError(w, http.StatusUnauthorized, "Incorrect API key provided: "+got+".", "invalid_request_error", "invalid_api_key")
			return
		}
	}

	switch {
	case isChat:
		if decodeErr != nil {
			writeError(w, http.StatusBadRequest, "openaitest: decoding request: "+decodeErr.Error(), "invalid_request_error", "")
			return
		}
		s.chat(w, hr, req)
	case hr.Method == http.MethodPost && path == "/files":
		s.uploadFile(w, hr, body)
	case hr.Method == http.MethodGet && strings.HasPrefix(path, "/files/") && strings.HasSuffix(path, "/content"):
		s.fileContent(w, strings.TrimSuffix(strings.TrimPrefix(path, "/files/"), "/content"))
	case hr.Method == http.MethodGet && strings.HasPrefix(path, "/files/"):
		s.getFile(w, strings.TrimPrefix(path, "/files/"))
	case hr.Method == http.MethodPost && path == "/batches":
		s.createBatch(w, body)
	case hr.Method == http.MethodPost && strings.HasPrefix(path, "/batches/") && strings.HasSuffix(path, "/cancel"):
		s.cancelBatch(w, strings.TrimSuffix(strings.TrimPrefix(path, "/batches/"), "/cancel"))
	case hr.Method == http.MethodGet && strings.HasPrefix(path, "/batches/"):
		s.retrieveBatch(w, strings.TrimPrefix(path, "/batches/"))
	default:
		writeError(w, http.StatusNotFound, "openaitest: no route for "+hr.Method+" "+hr.URL.Path, "invalid_request_error", "")
	}
}

// chat answers one chat completion request.
func (s *Server) chat(w http.ResponseWriter, hr *http.Request, req Request) {
	rep := s.next(req)
	for k, vs := range rep.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	switch {
	case rep.Hang:
		select {
		case <-hr.Context().Done():
		case <-s.closed:
		}
		return
	case rep.StallBody:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, `{"id":"chatcmpl-stall","object":"chat.completion","choices":[`)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		select {
		case <-hr.Context().Done():
		case <-s.closed:
		}
		return
	case rep.BodySize > 0:
		writeHuge(w, rep.BodySize)
		return
	case rep.RawBody != "":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(statusOr200(rep.Status))
		io.WriteString(w, rep.RawBody)
		return
	case rep.Status != 0 && rep.Status != http.StatusOK:
		writeError(w, rep.Status, rep.ErrMessage, rep.ErrType, rep.ErrCode)
		return
	case req.Chat.Stream:
		s.stream(w, req, rep)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(s.completion(req, rep))
}

func (s *Server) completion(req Request, rep Reply) openai.ChatCompletionResponse {
	finish := rep.FinishReason
	if finish == "" {
		finish = openai.FinishReasonStop
	}
	prompt := 0
	for _, m := range req.Chat.Messages {
		prompt += len(m.Content)/4 + 4
	}
	return openai.ChatCompletionResponse{
		ID:      s.newID("chatcmpl"),
		Object:  "chat.completion",
		Created: 1700000000,
		Model:   req.Chat.Model,
		Choices: []openai.ChatCompletionChoice{{
			Message:      openai.ChatCompletionMessage{Role: openai.ChatMessageRoleAssistant, Content: rep.Content},
			FinishReason: finish,
		}},
		Usage: openai.Usage{PromptTokens: prompt, CompletionTokens: len(rep.Content)/4 + 1, TotalTokens: prompt + len(rep.Content)/4 + 1},
	}
}

// stream sends rep as server-sent events.
func (s *Server) stream(w http.ResponseWriter, req Request, rep Reply) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	flusher, _ := w.(http.Flusher)
	id := s.newID("chatcmpl")
	send := func(delta openai.ChatCompletionStreamChoiceDelta, finish openai.FinishReason) {
		b, _ := json.Marshal(openai.ChatCompletionStreamResponse{
			ID: id, Object: "chat.completion.chunk", Created: 1700000000, Model: req.Chat.Model,
			Choices: []openai.ChatCompletionStreamChoice{{Delta: delta, FinishReason: finish}},
		})
		fmt.Fprintf(w, "data: %s\n\n", b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	send(openai.ChatCompletionStreamChoiceDelta{Role: openai.ChatMessageRoleAssistant}, "")
	chunks := rep.Chunks
	if chunks == nil {
		chunks = splitChunks(rep.Content)
	}
	for i, c := range chunks {
		if rep.CutAfter > 0 && i == rep.CutAfter {
			// Abort the connection: the client sees the stream end
			// without a finish reason and without [DONE].
			panic(http.ErrAbortHandler)
		}
		send(openai.ChatCompletionStreamChoiceDelta{Content: c}, "")
	}
	if rep.CutAfter > 0 {
		panic(http.ErrAbortHandler)
	}
	finish := rep.FinishReason
	if finish == "" {
		finish = openai.FinishReasonStop
	}
	send(openai.ChatCompletionStreamChoiceDelta{}, finish)
	io.WriteString(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

// splitChunks cuts s into pieces of about 16 bytes, on rune boundaries.
func splitChunks(s string) []string {
	var out []string
	for len(s) > 0 {
		n := min(16, len(s))
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// writeHuge writes a chat completion of about n bytes whose content is a
// run of "x", a block at a time; it stops when the client goes away.
func writeHuge(w http.ResponseWriter, n int64) {
	const head = `{"id":"chatcmpl-huge","object":"chat.completion","created":1700000000,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"`
	const tail = `"},"finish_reason":"stop"}]}`
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.FormatInt(max(n, int64(len(head)+len(tail))), 10))
	w.WriteHeader(http.StatusOK)
	if _, err := io.WriteString(w, head); err != nil {
		return
	}
	block := bytes.Repeat([]byte("x"), 32<<10)
	for left := n - int64(len(head)+len(tail)); left > 0; {
		b := block[:min(int64(len(block)), left)]
		if _, err := w.Write(b); err != nil {
			return
		}
		left -= int64(len(b))
	}
	io.WriteString(w, tail)
}

func statusOr200(status int) int {
	if status == 0 {
		return http.StatusOK
	}
	return status
}

func writeError(w http.ResponseWriter, status int, msg, typ, code string) {
	e := map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}
	if code != "" {
		e["code"] = code
	}
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(map[string]any{"error": e})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}
