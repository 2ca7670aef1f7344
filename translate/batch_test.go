package translate_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
	openai "github.com/sashabaranov/go-openai"
	"golang.org/x/text/language"
)

var _ translate.BatchClient = (*openai.Client)(nil)

func batchJobs(t *testing.T) []translate.Job {
	a := seedArticle(t)
	other := sampleRequest()
	other.Target = language.French
	return []translate.Job{
		{ID: "seed", Request: translate.ArticleRequest(a, language.English)},
		{ID: "sample", Request: sampleRequest()},
		{ID: "sample-fr", Request: other},
	}
}

func noSleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

func countPath(srv *openaitest.Server, method, path string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func checkResults(t *testing.T, jobs []translate.Job, got []translate.Result) {
	t.Helper()
	if len(got) != len(jobs) {
		t.Fatalf("%d results, want %d", len(got), len(jobs))
	}
	for j, r := range got {
		if r.ID != jobs[j].ID || r.Err != nil {
			t.Errorf("result %d: ID %q, error %v", j, r.ID, r.Err)
			continue
		}
		var want []translate.Segment
		for _, s := range jobs[j].Request.Segments {
			want = append(want, translate.Segment{ID: s.ID, Text: "EN<" + s.Text + ">"})
		}
		if diff := cmp.Diff(want, r.Response.Segments); diff != "" {
			t.Errorf("job %s (-want +got):\n%s", r.ID, diff)
		}
	}
}

func TestBatch(t *testing.T) {
	jobs := batchJobs(t)
	base := model(t, nil)
	var failedOne bool
	srv := openaitest.NewServer(t)
	srv.Handle(func(r openaitest.Request) openaitest.Reply {
		// The batch line of the second job fails once; its direct
		// re-request through the Fallback succeeds.
		if r.CustomID == "1.0" && !failedOne {
			failedOne = true
			return openaitest.ServerError()
		}
		return base(r)
	})
	var statuses []string
	fallback := translate.NewLLM(srv.Client(), translate.LLMOptions{Model: "fake"})
	b := &translate.Batch{Client: srv.Client(), Model: "fake", Sleep: noSleep, Fallback: fallback,
		OnPoll: func(b openai.Batch) { statuses = append(statuses, b.Status) }}
	got, err := b.Run(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	checkResults(t, jobs, got)
	if diff := cmp.Diff([]string{"in_progress", "finalizing", "completed"}, statuses); diff != "" {
		t.Errorf("polled statuses (-want +got):\n%s", diff)
	}
	var batchLines, direct int
	for _, r := range srv.ChatRequests() {
		if r.BatchID != "" {
			batchLines++
			if r.Chat.ResponseFormat == nil || r.Chat.ResponseFormat.Type != openai.ChatCompletionResponseFormatTypeJSONSchema {
				t.Errorf("batch line %s lacks the JSON schema", r.CustomID)
			}
		} else {
			direct++
		}
	}
	if batchLines != 3 || direct != 1 {
		t.Errorf("%d batch lines and %d direct requests, want 3 and 1", batchLines, direct)
	}
}

func TestBatchMissingWithoutFallback(t *testing.T) {
	jobs := batchJobs(t)[1:2]
	srv := openaitest.NewServer(t)
	srv.Handle(model(t, func(w wire, out []translate.Segment) []translate.Segment { return out[:2] }))
	b := &translate.Batch{Client: srv.Client(), Model: "fake", Sleep: noSleep}
	got, err := b.Run(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	var me *translate.MissingError
	if !errors.As(got[0].Err, &me) {
		t.Fatalf("error = %v, want *MissingError", got[0].Err)
	}
	if diff := cmp.Diff([]string{"p2", "x-3", "p4"}, me.IDs); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
}

// TestBatchResume crashes a run while it polls and resumes it from the
// state file: the three requests go in two provider batches (at most two
// lines each), each uploaded and created once in all.
func TestBatchResume(t *testing.T) {
	jobs := batchJobs(t)
	srv := openaitest.NewServer(t)
	srv.Handle(model(t, nil))
	state := filepath.Join(t.TempDir(), "batch.state")

	ctx, crash := context.WithCancel(context.Background())
	first := &translate.Batch{Client: srv.Client(), Model: "fake", StatePath: state, MaxLines: 2,
		Sleep: func(ctx context.Context, _ time.Duration) error { crash(); return ctx.Err() }}
	if _, err := first.Run(ctx, jobs); !errors.Is(err, context.Canceled) {
		t.Fatalf("crashed run: error = %v, want context.Canceled", err)
	}
	saved, err := os.ReadFile(state)
	if err != nil || !strings.Contains(string(saved), `"batch_id"`) {
		t.Fatalf("state after crash: %q, %v", saved, err)
	}

	second := &translate.Batch{Client: srv.Client(), Model: "fake", StatePath: state, Sleep: noSleep, MaxLines: 2}
	got, err := second.Run(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	checkResults(t, jobs, got)
	if n := countPath(srv, "POST", "/v1/files"); n != 2 {
		t.Errorf("%d uploads, want 2", n)
	}
	if n := countPath(srv, "POST", "/v1/batches"); n != 2 {
		t.Errorf("%d batches created, want 2", n)
	}

	// The state file refuses other jobs.
	if _, err := second.Run(context.Background(), jobs[:1]); err == nil || !strings.Contains(err.Error(), "other jobs") {
		t.Errorf("run with other jobs: error = %v, want a state mismatch", err)
	}
}

func TestBatchEnds(t *testing.T) {
	jobs := batchJobs(t)
	srv := openaitest.NewServer(t)
	srv.Handle(model(t, nil))
	srv.EndBatches("failed")
	b := &translate.Batch{Client: srv.Client(), Sleep: noSleep}
	if _, err := b.Run(context.Background(), jobs); err == nil || !strings.Contains(err.Error(), "failed") {
		t.Errorf("failed batch: error = %v", err)
	}
	// An expired batch leaves everything to the Fallback.
	srv.EndBatches("expired")
	b.Fallback = translate.NewLLM(srv.Client(), translate.LLMOptions{})
	got, err := b.Run(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	checkResults(t, jobs, got)
	var direct int
	for _, r := range srv.ChatRequests() {
		if r.BatchID == "" {
			direct++
			if r.Chat.Model != translate.DefaultModel {
				t.Errorf("model %q, want the default", r.Chat.Model)
			}
		}
	}
	if direct != len(jobs) {
		t.Errorf("%d direct requests, want one per job (%d)", direct, len(jobs))
	}
}
