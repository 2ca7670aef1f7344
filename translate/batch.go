package translate

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/internal/chat"
	"github.com/khabar-go/khabar/internal/retry"
	"github.com/khabar-go/khabar/llm"
)

// BatchClient is the part of *openai.Client that Batch calls: the files
// and batches API.
type BatchClient interface {
	CreateFileBytes(ctx context.Context, req openai.FileBytesRequest) (openai.File, error)
	CreateBatch(ctx context.Context, req openai.CreateBatchRequest) (openai.BatchResponse, error)
	RetrieveBatch(ctx context.Context, batchID string) (openai.BatchResponse, error)
	GetFileContent(ctx context.Context, fileID string) (openai.RawResponse, error)
}

// Job is one request of a bulk translation.
type Job struct {
	// ID identifies the job in the results; IDs should be unique.
	ID string
	// Request is what to translate.
	Request Request
}

// Result is the outcome of one Job.
type Result struct {
	// ID is the ID of the Job.
	ID string
	// Response is the job's translation, or nil when Err is set.
	Response *Response
	// Err is nil, or the reason the job failed (a *MissingError when
	// segments did not come back).
	Err error
}

// DefaultPollInterval is how often Batch polls a running batch.
const DefaultPollInterval = time.Minute

// Batch translates many requests at once through a provider's batch engine
// (OpenAI's files and batches API): it writes every request as a JSONL line
// with a custom_id, uploads the file, creates a batch, polls it, and maps
// the output lines back to the jobs by custom_id, checking each reply as
// LLM does. Segments the batch did not return are translated with Fallback
// when it is set, and otherwise reported in the job's *MissingError.
//
// Requests beyond one provider batch's limits (MaxLines, MaxBytes) go in
// several batches that run side by side. Run holds the request lines of its
// jobs in memory (about the size of the articles, twice over): for very
// large sets, call Run on slices of jobs, each with its own state file.
//
// With StatePath set, Run records its progress (uploaded file, batch ID) in
// that file, so a Run with the same jobs after a crash resumes the batches
// instead of paying for new ones.
//
// Set Client; zero fields mean defaults. A Batch is not
// safe for concurrent Runs on the same StatePath.
type Batch struct {
	// Client sends the files and batches requests; an *llm.Client or an
	// *openai.Client.
	Client BatchClient
	// Model is the model name; "" means the client's model (an
	// *llm.Client has one), or DefaultModel.
	Model string
	// MaxInputTokens caps the estimated tokens of segment text per
	// request line; 0 means DefaultMaxInputTokens.
	MaxInputTokens int
	// MaxLines and MaxBytes bound one provider batch; more requests go in
	// several batches, run side by side. 0 means DefaultMaxBatchLines and
	// DefaultMaxBatchBytes.
	MaxLines, MaxBytes int
	// StatePath is the state file; "" means no resuming.
	StatePath string
	// PollInterval is the wait between polls; 0 means DefaultPollInterval.
	PollInterval time.Duration
	// Sleep waits between polls; nil means a timer. Tests inject a fake.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnPoll, if set, is called with the batch after each poll (for a
	// progress display).
	OnPoll func(openai.Batch)
	// Fallback, if set, translates the segments the batch did not return.
	Fallback Translator
}

// Limits of one provider batch (OpenAI's: 50,000 requests, 200 MB).
const (
	DefaultMaxBatchLines = 50000
	DefaultMaxBatchBytes = 190 << 20
)

// batchState is the content of the state file.
type batchState struct {
	Version     int         `json:"version"`
	Fingerprint string      `json:"fingerprint"`
	Parts       []partState `json:"parts"`
}

// partState is the progress of one provider batch.
type partState struct {
	InputFileID string `json:"input_file_id,omitempty"`
	BatchID     string `json:"batch_id,omitempty"`
}

// Run translates jobs through the batch engine and returns one Result per
// job, in order. It fails as a whole only when the batch cannot be run
// (upload, creation, polling, a failed batch, a state file of other jobs).
func (b *Batch) Run(ctx context.Context, jobs []Job) ([]Result, error) {
	if b.Client == nil {
		return nil, errors.New("translate: Batch has no Client")
	}
	results := make([]Result, len(jobs))
	outs := make([][]Segment, len(jobs))
	var lines [][]byte
	chunkOf := map[string][]int{} // custom_id -> segment indexes of its job
	js := &chat.JSON{Schema: replySchema}
	model := chat.ModelOf(b.Client, b.Model, DefaultModel)
	for j, job := range jobs {
		results[j].ID = job.ID
		if err := job.Request.Validate(); err != nil {
			results[j].Err = err
			continue
		}
		out, chunks := plan(job.Request, b.MaxInputTokens)
		outs[j] = out
		for c, idx := range chunks {
			creq, err := buildChat(model, 0, job.Request, idx)
			if err != nil {
				return nil, err
			}
			id := strconv.Itoa(j) + "." + strconv.Itoa(c)
			chunkOf[id] = idx
			line, err := json.Marshal(openai.BatchChatCompletionRequest{
				CustomID: id, Body: js.Prepare(creq), Method: http.MethodPost, URL: openai.BatchEndpointChatCompletions,
			})
			if err != nil {
				return nil, fmt.Errorf("translate: batch line: %w", err)
			}
			lines = append(lines, line)
		}
	}
	if len(lines) > 0 {
		if err := b.runBatch(ctx, lines, chunkOf, jobs, outs); err != nil {
			return nil, err
		}
	}
	for j, job := range jobs {
		if results[j].Err != nil {
			continue
		}
		results[j].Response, results[j].Err = b.finish(ctx, job.Request, outs[j])
	}
	return results, nil
}

// runBatch splits lines into provider batches, uploads and creates them
// all (or resumes them from the state file), waits for each and fills outs
// from their output files.
func (b *Batch) runBatch(ctx context.Context, lines [][]byte, chunkOf map[string][]int, jobs []Job, outs [][]Segment) error {
	parts := splitParts(lines, b.MaxLines, b.MaxBytes)
	h := sha256.New()
	for _, l := range lines {
		h.Write(l)
		h.Write([]byte{'\n'})
	}
	st := batchState{Version: 2, Fingerprint: hex.EncodeToString(h.Sum(nil)), Parts: make([]partState, len(parts))}
	if saved, ok, err := b.loadState(); err != nil {
		return err
	} else if ok {
		if saved.Fingerprint != st.Fingerprint || len(saved.Parts) != len(parts) {
			return fmt.Errorf("translate: state file %s belongs to other jobs", b.StatePath)
		}
		st = saved
	}
	// Start every part first, so the provider runs them side by side.
	for p, part := range parts {
		ps := &st.Parts[p]
		if ps.InputFileID == "" {
			data := jsonl(part)
			name := fmt.Sprintf("khabar-translate-%d.jsonl", p+1)
			f, err := b.Client.CreateFileBytes(ctx, openai.FileBytesRequest{Name: name, Bytes: data, Purpose: openai.PurposeBatch})
			if err != nil {
				return fmt.Errorf("translate: uploading batch file %d: %w", p+1, llm.Classify(err))
			}
			ps.InputFileID = f.ID
			if err := b.saveState(st); err != nil {
				return err
			}
		}
		if ps.BatchID == "" {
			br, err := b.Client.CreateBatch(ctx, openai.CreateBatchRequest{InputFileID: ps.InputFileID,
				Endpoint: openai.BatchEndpointChatCompletions, CompletionWindow: "24h"})
			if err != nil {
				return fmt.Errorf("translate: creating batch %d: %w", p+1, llm.Classify(err))
			}
			ps.BatchID = br.ID
			if err := b.saveState(st); err != nil {
				return err
			}
		}
	}
	for _, ps := range st.Parts {
		if err := b.collect(ctx, ps.BatchID, chunkOf, jobs, outs); err != nil {
			return err
		}
	}
	return nil
}

// collect waits for one provider batch and reads its output.
func (b *Batch) collect(ctx context.Context, id string, chunkOf map[string][]int, jobs []Job, outs [][]Segment) error {
	batch, err := b.poll(ctx, id)
	if err != nil {
		return err
	}
	if batch.Status == "failed" && batch.OutputFileID == nil {
		msg := "no detail"
		if batch.Errors != nil && len(batch.Errors.Data) > 0 {
			msg = batch.Errors.Data[0].Message
		}
		return fmt.Errorf("translate: batch %s failed: %s", batch.ID, msg)
	}
	if batch.OutputFileID == nil {
		return nil // expired or cancelled with nothing done: all missing
	}
	raw, err := b.Client.GetFileContent(ctx, *batch.OutputFileID)
	if err != nil {
		return fmt.Errorf("translate: downloading batch output: %w", llm.Classify(err))
	}
	defer raw.Close()
	return readOutput(raw, chunkOf, jobs, outs)
}

// splitParts cuts lines into groups within the line and byte limits.
func splitParts(lines [][]byte, maxLines, maxBytes int) [][][]byte {
	if maxLines <= 0 {
		maxLines = DefaultMaxBatchLines
	}
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBatchBytes
	}
	var parts [][][]byte
	start, size := 0, 0
	for i, l := range lines {
		if i > start && (i-start >= maxLines || size+len(l)+1 > maxBytes) {
			parts = append(parts, lines[start:i])
			start, size = i, 0
		}
		size += len(l) + 1
	}
	return append(parts, lines[start:])
}

// poll waits for the batch to end.
func (b *Batch) poll(ctx context.Context, id string) (openai.Batch, error) {
	interval := b.PollInterval
	if interval <= 0 {
		interval = DefaultPollInterval
	}
	for {
		br, err := b.Client.RetrieveBatch(ctx, id)
		if err != nil {
			return openai.Batch{}, fmt.Errorf("translate: polling batch %s: %w", id, llm.Classify(err))
		}
		if b.OnPoll != nil {
			b.OnPoll(br.Batch)
		}
		switch br.Status {
		case "completed", "failed", "expired", "cancelled":
			return br.Batch, nil
		}
		if err := b.sleep(ctx, interval); err != nil {
			return openai.Batch{}, fmt.Errorf("translate: polling batch %s: %w", id, err)
		}
	}
}

func (b *Batch) sleep(ctx context.Context, d time.Duration) error {
	if b.Sleep != nil {
		return b.Sleep(ctx, d)
	}
	return retry.Sleep(ctx, d)
}

// outputLine is one line of a batch output file.
type outputLine struct {
	CustomID string `json:"custom_id"`
	Response *struct {
		StatusCode int                           `json:"status_code"`
		Body       openai.ChatCompletionResponse `json:"body"`
	} `json:"response"`
}

// readOutput maps the output lines back to the jobs. Lines that fail or
// whose reply is not as requested leave their segments missing.
func readOutput(r io.Reader, chunkOf map[string][]int, jobs []Job, outs [][]Segment) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	for sc.Scan() {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var line outputLine
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			continue // a malformed line: its segments stay missing
		}
		idx, ok := chunkOf[line.CustomID]
		if !ok || line.Response == nil || line.Response.StatusCode != http.StatusOK {
			continue
		}
		jobStr, _, _ := strings.Cut(line.CustomID, ".")
		j, _ := strconv.Atoi(jobStr)
		content, err := chat.Content(line.Response.Body)
		if err != nil && !errors.Is(err, llm.ErrTruncated) {
			continue
		}
		if got, ok := readReply(content, ids(jobs[j].Request, idx)); ok {
			accept(jobs[j].Request, idx, got, outs[j])
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("translate: reading batch output: %w", err)
	}
	return nil
}

// finish completes one job: it translates missing segments with the
// Fallback, if any, and checks the result.
func (b *Batch) finish(ctx context.Context, req Request, out []Segment) (*Response, error) {
	var missing []int
	for i, s := range req.Segments {
		if strings.TrimSpace(out[i].Text) == "" && strings.TrimSpace(s.Text) != "" {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 && b.Fallback != nil {
		sub := Request{Source: req.Source, Target: req.Target, Glossary: req.Glossary}
		for _, i := range missing {
			sub.Segments = append(sub.Segments, req.Segments[i])
		}
		resp, err := b.Fallback.Translate(ctx, sub)
		if err == nil {
			err = CheckResponse(sub, resp)
		}
		if err != nil {
			return nil, fmt.Errorf("translate: fallback for %d segments: %w", len(missing), err)
		}
		for k, i := range missing {
			out[i].Text = resp.Segments[k].Text
		}
	}
	resp := &Response{Segments: out}
	if err := CheckResponse(req, resp); err != nil {
		return nil, err
	}
	resp.Glossary = CheckGlossary(req, resp)
	return resp, nil
}

func (b *Batch) loadState() (batchState, bool, error) {
	if b.StatePath == "" {
		return batchState{}, false, nil
	}
	data, err := os.ReadFile(b.StatePath)
	if errors.Is(err, fs.ErrNotExist) {
		return batchState{}, false, nil
	}
	if err != nil {
		return batchState{}, false, fmt.Errorf("translate: reading state: %w", err)
	}
	var st batchState
	if err := json.Unmarshal(data, &st); err != nil {
		return batchState{}, false, fmt.Errorf("translate: state file %s: %w", b.StatePath, err)
	}
	return st, true, nil
}

// saveState writes the state file atomically (temporary file, rename).
func (b *Batch) saveState(st batchState) error {
	if b.StatePath == "" {
		return nil
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("translate: state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(b.StatePath), ".khabar-state-*")
	if err != nil {
		return fmt.Errorf("translate: writing state: %w", err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("translate: writing state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("translate: writing state: %w", err)
	}
	if err := os.Rename(tmp.Name(), b.StatePath); err != nil {
		return fmt.Errorf("translate: writing state: %w", err)
	}
	return nil
}

// jsonl returns lines as a JSONL file, each line ended by a newline.
func jsonl(lines [][]byte) []byte {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	out := make([]byte, 0, n)
	for _, l := range lines {
		out = append(append(out, l...), '\n')
	}
	return out
}
