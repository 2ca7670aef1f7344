package openaitest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Batch statuses in the order a batch goes through them: each retrieval
// moves it one step, and the batch's lines are answered (through the queue
// and the Handler, like direct requests) when it reaches "completed".
var batchSteps = []string{"validating", "in_progress", "finalizing", "completed"}

type file struct {
	meta openai.File
	data []byte
}

type batch struct {
	meta openai.Batch
	step int
}

// batchLine is one line of a batch input file.
type batchLine struct {
	CustomID string          `json:"custom_id"`
	Method   string          `json:"method"`
	URL      string          `json:"url"`
	Body     json.RawMessage `json:"body"`
}

// batchResult is one line of a batch output or error file.
type batchResult struct {
	ID       string         `json:"id"`
	CustomID string         `json:"custom_id"`
	Response *batchResponse `json:"response"`
	Error    any            `json:"error"`
}

type batchResponse struct {
	StatusCode int    `json:"status_code"`
	RequestID  string `json:"request_id"`
	Body       any    `json:"body"`
}

// EndBatches makes batches that reach their last step end with status
// ("failed", "expired" or "cancelled") without answering any line, instead
// of "completed". "" restores the default.
func (s *Server) EndBatches(status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batchEnd = status
}

// FileContent returns the content of an uploaded or generated file, and
// whether it exists.
func (s *Server) FileContent(id string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[id]
	if !ok {
		return nil, false
	}
	return bytes.Clone(f.data), true
}

func (s *Server) addFile(name, purpose string, data []byte) openai.File {
	id := s.newID("file")
	meta := openai.File{ID: id, Object: "file", Bytes: len(data), CreatedAt: 1700000000,
		FileName: name, Purpose: purpose, Status: "processed"}
	s.mu.Lock()
	s.files[id] = &file{meta: meta, data: data}
	s.mu.Unlock()
	return meta
}

func (s *Server) uploadFile(w http.ResponseWriter, hr *http.Request, body []byte) {
	ct := hr.Header.Get("Content-Type")
	_, params, _ := strings.Cut(ct, "boundary=")
	if !strings.HasPrefix(ct, "multipart/form-data") || params == "" {
		writeError(w, http.StatusBadRequest, "openaitest: file upload must be multipart/form-data", "invalid_request_error", "")
		return
	}
	mr := multipart.NewReader(bytes.NewReader(body), strings.Trim(params, `"`))
	var purpose, name string
	var data []byte
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			writeError(w, http.StatusBadRequest, "openaitest: reading multipart: "+err.Error(), "invalid_request_error", "")
			return
		}
		b, _ := io.ReadAll(p)
		switch p.FormName() {
		case "purpose":
			purpose = string(b)
		case "file":
			name, data = p.FileName(), b
		}
	}
	if data == nil {
		writeError(w, http.StatusBadRequest, "openaitest: no file in upload", "invalid_request_error", "")
		return
	}
	writeJSON(w, s.addFile(name, purpose, data))
}

func (s *Server) getFile(w http.ResponseWriter, id string) {
	s.mu.Lock()
	f, ok := s.files[id]
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "No such File object: "+id, "invalid_request_error", "")
		return
	}
	writeJSON(w, f.meta)
}

func (s *Server) fileContent(w http.ResponseWriter, id string) {
	data, ok := s.FileContent(id)
	if !ok {
		writeError(w, http.StatusNotFound, "No such File object: "+id, "invalid_request_error", "")
		return
	}
	w.Header().Set("Content-Type", "application/jsonl")
	w.Write(data)
}

func (s *Server) createBatch(w http.ResponseWriter, body []byte) {
	var req openai.CreateBatchRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "openaitest: decoding batch request: "+err.Error(), "invalid_request_error", "")
		return
	}
	if _, ok := s.FileContent(req.InputFileID); !ok {
		writeError(w, http.StatusBadRequest, "openaitest: no input file "+req.InputFileID, "invalid_request_error", "")
		return
	}
	b := &batch{meta: openai.Batch{
		ID: s.newID("batch"), Object: "batch", Endpoint: req.Endpoint, InputFileID: req.InputFileID,
		CompletionWindow: req.CompletionWindow, Status: batchSteps[0], CreatedAt: 1700000000, Metadata: req.Metadata,
	}}
	s.mu.Lock()
	s.batches[b.meta.ID] = b
	meta := b.meta
	s.mu.Unlock()
	writeJSON(w, meta)
}

func (s *Server) cancelBatch(w http.ResponseWriter, id string) {
	s.mu.Lock()
	b, ok := s.batches[id]
	if ok && b.meta.Status != "completed" {
		b.meta.Status = "cancelled"
	}
	var meta openai.Batch
	if ok {
		meta = b.meta
	}
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "No such Batch object: "+id, "invalid_request_error", "")
		return
	}
	writeJSON(w, meta)
}

func (s *Server) retrieveBatch(w http.ResponseWriter, id string) {
	s.mu.Lock()
	b, ok := s.batches[id]
	if !ok {
		s.mu.Unlock()
		writeError(w, http.StatusNotFound, "No such Batch object: "+id, "invalid_request_error", "")
		return
	}
	run := false
	if b.meta.Status != "cancelled" && b.step < len(batchSteps)-1 {
		b.step++
		b.meta.Status = batchSteps[b.step]
		run = b.step == len(batchSteps)-1
		if run && s.batchEnd != "" {
			// A scripted end: no line is answered.
			run = false
			b.meta.Status = s.batchEnd
			if s.batchEnd == "failed" {
				b.meta.Errors = &struct {
					Object string `json:"object,omitempty"`
					Data   []struct {
						Code    string  `json:"code,omitempty"`
						Message string  `json:"message,omitempty"`
						Param   *string `json:"param,omitempty"`
						Line    *int    `json:"line,omitempty"`
					} `json:"data"`
				}{Object: "list"}
				b.meta.Errors.Data = append(b.meta.Errors.Data, struct {
					Code    string  `json:"code,omitempty"`
					Message string  `json:"message,omitempty"`
					Param   *string `json:"param,omitempty"`
					Line    *int    `json:"line,omitempty"`
				}{Code: "invalid_request", Message: "openaitest: batch failed on request"})
			}
		}
	}
	input := b.meta.InputFileID
	s.mu.Unlock()

	if run {
		out, errs, counts := s.runBatch(id, input)
		s.mu.Lock()
		b.meta.RequestCounts = counts
		if len(out) > 0 {
			f := s.addFileLocked("batch_output.jsonl", openai.PurposeBatch, out)
			b.meta.OutputFileID = &f
		}
		if len(errs) > 0 {
			f := s.addFileLocked("batch_errors.jsonl", openai.PurposeBatch, errs)
			b.meta.ErrorFileID = &f
		}
		s.mu.Unlock()
	}
	s.mu.Lock()
	meta := b.meta
	s.mu.Unlock()
	writeJSON(w, meta)
}

// addFileLocked adds a generated file; s.mu is held.
func (s *Server) addFileLocked(name string, purpose openai.PurposeType, data []byte) string {
	s.nextID++
	id := "file-" + itoa(s.nextID)
	s.files[id] = &file{meta: openai.File{ID: id, Object: "file", Bytes: len(data), CreatedAt: 1700000000,
		FileName: name, Purpose: string(purpose), Status: "processed"}, data: data}
	return id
}

// runBatch answers every line of a batch's input file.
func (s *Server) runBatch(batchID, inputID string) (out, errs []byte, counts openai.BatchRequestCounts) {
	input, _ := s.FileContent(inputID)
	sc := bufio.NewScanner(bytes.NewReader(input))
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	var ob, eb bytes.Buffer
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		counts.Total++
		var bl batchLine
		res := batchResult{ID: s.newID("batch_req")}
		if err := json.Unmarshal(line, &bl); err != nil {
			counts.Failed++
			res.Error = map[string]string{"code": "invalid_json_line", "message": err.Error()}
			appendJSONLine(&eb, res)
			continue
		}
		res.CustomID = bl.CustomID
		req := Request{Method: http.MethodPost, Path: "/v1/chat/completions", Body: bl.Body,
			BatchID: batchID, CustomID: bl.CustomID}
		if err := json.Unmarshal(bl.Body, &req.Chat); err != nil {
			counts.Failed++
			res.Error = map[string]string{"code": "invalid_body", "message": err.Error()}
			appendJSONLine(&eb, res)
			continue
		}
		s.record(req)
		rep := s.next(req)
		switch {
		case rep.Hang:
			rep = Error(http.StatusInternalServerError, "openaitest: request timed out in batch")
		case rep.RawBody != "":
			rep = Error(http.StatusInternalServerError, "openaitest: malformed reply in batch")
		}
		if rep.Status != 0 && rep.Status != http.StatusOK {
			counts.Failed++
			res.Response = &batchResponse{StatusCode: rep.Status, RequestID: s.newID("req"),
				Body: map[string]any{"error": map[string]any{"message": rep.ErrMessage, "type": rep.ErrType, "code": rep.ErrCode}}}
			appendJSONLine(&eb, res)
			continue
		}
		counts.Completed++
		res.Response = &batchResponse{StatusCode: http.StatusOK, RequestID: s.newID("req"), Body: s.completion(req, rep)}
		appendJSONLine(&ob, res)
	}
	return ob.Bytes(), eb.Bytes(), counts
}

func appendJSONLine(b *bytes.Buffer, v any) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
