package translate_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
	"golang.org/x/text/language"
)

// TestBatchFailedDetail: a failed batch's error gives the provider's
// reason.
func TestBatchFailedDetail(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(model(t, nil))
	srv.EndBatches("failed")
	b := &translate.Batch{Client: srv.Client(), Sleep: noSleep}
	_, err := b.Run(context.Background(), batchJobs(t)[1:2])
	if err == nil || !strings.Contains(err.Error(), "openaitest: batch failed on request") {
		t.Errorf("error = %v, want the provider's reason", err)
	}
}

// TestBatchNothingToSend: jobs that are all invalid upload nothing.
func TestBatchNothingToSend(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(model(t, nil))
	bad := sampleRequest()
	bad.Target = language.Und
	b := &translate.Batch{Client: srv.Client(), Sleep: noSleep}
	got, err := b.Run(context.Background(), []translate.Job{{ID: "bad", Request: bad}})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(got[0].Err, translate.ErrInvalidRequest) {
		t.Errorf("result error %v, want ErrInvalidRequest", got[0].Err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests to the server, want none", n)
	}
}

// counting is a Fallback that counts its calls and the segments asked.
type counting struct {
	calls, segments atomic.Int32
	next            translate.Translator
}

func (c *counting) Translate(ctx context.Context, req translate.Request) (*translate.Response, error) {
	c.calls.Add(1)
	c.segments.Add(int32(len(req.Segments)))
	return c.next.Translate(ctx, req)
}

// TestBatchFallbackOnlyForMissing: the Fallback is asked for exactly the
// segments the batch left missing, and not at all when none is; a
// Fallback whose answer misses a segment fails the job.
func TestBatchFallbackOnlyForMissing(t *testing.T) {
	jobs := batchJobs(t)[1:2]
	for _, drop := range []int{0, 1} {
		srv := openaitest.NewServer(t)
		base := model(t, nil)
		dropping := model(t, func(w wire, out []translate.Segment) []translate.Segment {
			return append(out[:2:2], out[3:]...) // p2 left out
		})
		srv.Handle(func(r openaitest.Request) openaitest.Reply {
			if drop == 1 && r.BatchID != "" {
				return dropping(r)
			}
			return base(r)
		})
		fb := &counting{next: translate.NewLLM(srv.Client(), translate.LLMOptions{Model: "fake"})}
		b := &translate.Batch{Client: srv.Client(), Model: "fake", Sleep: noSleep, Fallback: fb}
		got, err := b.Run(context.Background(), jobs)
		if err != nil {
			t.Fatal(err)
		}
		checkResults(t, jobs, got)
		if c, s := fb.calls.Load(), fb.segments.Load(); c != int32(drop) || s != int32(drop) {
			t.Errorf("%d segments dropped: the Fallback was called %d times for %d segments", drop, c, s)
		}
	}

	srv := openaitest.NewServer(t)
	srv.Handle(model(t, func(w wire, out []translate.Segment) []translate.Segment { return out[:len(out)-1] }))
	empty := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		return &translate.Response{Segments: []translate.Segment{{ID: req.Segments[0].ID}}}, nil
	})
	b := &translate.Batch{Client: srv.Client(), Model: "fake", Sleep: noSleep, Fallback: empty}
	got, err := b.Run(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	var me *translate.MissingError
	if !errors.As(got[0].Err, &me) || !strings.Contains(got[0].Err.Error(), "fallback") {
		t.Errorf("job with a Fallback that left p4 empty: error %v, want the Fallback's *MissingError", got[0].Err)
	}
}

// TestBatchStateOfOtherJobs: a state file refuses jobs other than its own,
// even when they make as many provider batches.
func TestBatchStateOfOtherJobs(t *testing.T) {
	srv := openaitest.NewServer(t)
	srv.Handle(model(t, nil))
	state := filepath.Join(t.TempDir(), "batch.state")
	b := &translate.Batch{Client: srv.Client(), Model: "fake", StatePath: state, Sleep: noSleep}
	if _, err := b.Run(context.Background(), batchJobs(t)[1:2]); err != nil {
		t.Fatal(err)
	}
	other := batchJobs(t)[2:3]
	if _, err := b.Run(context.Background(), other); err == nil || !strings.Contains(err.Error(), "other jobs") {
		t.Errorf("run with other jobs: error = %v, want a state mismatch", err)
	}
}

// TestBatchPollInterval: the wait between polls is PollInterval, or
// DefaultPollInterval when it is zero.
func TestBatchPollInterval(t *testing.T) {
	for _, tt := range []struct{ set, want time.Duration }{{0, translate.DefaultPollInterval}, {1, 1}} {
		srv := openaitest.NewServer(t)
		srv.Handle(model(t, nil))
		var waits []time.Duration
		b := &translate.Batch{Client: srv.Client(), Model: "fake", PollInterval: tt.set,
			Sleep: func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return ctx.Err() }}
		if _, err := b.Run(context.Background(), batchJobs(t)[1:2]); err != nil {
			t.Fatal(err)
		}
		if len(waits) == 0 || waits[0] != tt.want {
			t.Errorf("PollInterval %v: waits %v, want %v", tt.set, waits, tt.want)
		}
	}
}

// TestCacheKeyDistinct: requests that differ in a segment ID, a glossary
// source or target get different keys.
func TestCacheKeyDistinct(t *testing.T) {
	base := sampleRequest()
	base.Glossary = []translate.Term{{Source: "مينسك", Target: "Minsk"}}
	edits := map[string]func(r *translate.Request){
		"segment ID":      func(r *translate.Request) { r.Segments[1].ID = "p9" },
		"glossary source": func(r *translate.Request) { r.Glossary[0].Source = "موسكو" },
		"glossary target": func(r *translate.Request) { r.Glossary[0].Target = "Minsk City" },
	}
	k0, _ := translate.CacheKey(base)
	for name, edit := range edits {
		r := sampleRequest()
		r.Glossary = []translate.Term{{Source: "مينسك", Target: "Minsk"}}
		edit(&r)
		if k, _ := translate.CacheKey(r); k == k0 {
			t.Errorf("a request with another %s has the same key", name)
		}
	}
}

// TestCacheDefaultSize: Cache(nil) keeps the DefaultCacheSize requests
// used last.
func TestCacheDefaultSize(t *testing.T) {
	var calls atomic.Int32
	echo := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		calls.Add(1)
		return &translate.Response{Segments: append([]translate.Segment(nil), req.Segments...)}, nil
	})
	tr := translate.Cache(nil)(echo)
	req := func(i int) translate.Request {
		return translate.Request{Target: language.English, Segments: []translate.Segment{{ID: "p1", Text: fmt.Sprint("text ", i)}}}
	}
	ask := func(i int) {
		if _, err := tr.Translate(context.Background(), req(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range translate.DefaultCacheSize {
		ask(i)
	}
	ask(0) // still there: the first one used again
	if n := calls.Load(); n != translate.DefaultCacheSize {
		t.Fatalf("%d calls after %d requests and a repeat, want %d", n, translate.DefaultCacheSize, translate.DefaultCacheSize)
	}
	ask(translate.DefaultCacheSize) // one more: the least recently used (1) goes
	ask(1)
	if n := calls.Load(); n != translate.DefaultCacheSize+2 {
		t.Errorf("%d calls, want %d: request 1 should have left the cache", n, translate.DefaultCacheSize+2)
	}
}

// TestArticlePartsInSourceOrder: Parts and the request list the title,
// the paragraphs and a closing credit line in the order of the text, and
// the glossary report is made when the translator gives none.
func TestArticlePartsInSourceOrder(t *testing.T) {
	a, err := article.Parse("عنوان الخبر\n\nوصل الوفد إلى مينسك أمس.\n\nوبدأت المحادثات اليوم.\n\nرويترز")
	if err != nil {
		t.Fatal(err)
	}
	glossary := translate.Term{Source: "مينسك", Target: "Minsk"}
	req := translate.ArticleRequest(a, language.English, glossary)
	var ids []string
	for _, s := range req.Segments {
		ids = append(ids, s.ID)
	}
	if diff := cmp.Diff([]string{"t", "p1", "p2", "d1"}, ids); diff != "" {
		t.Errorf("request segments (-want +got):\n%s", diff)
	}
	echo := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		return &translate.Response{Segments: append([]translate.Segment(nil), req.Segments...)}, nil
	})
	got, err := translate.Article(context.Background(), echo, a, language.English, glossary)
	if err != nil {
		t.Fatal(err)
	}
	ids = nil
	for _, p := range got.Parts() {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{"t", "p1", "p2", "d1"}, ids); diff != "" {
		t.Errorf("Parts (-want +got):\n%s", diff)
	}
	if len(got.Glossary) != 1 || !cmp.Equal(got.Glossary[0].Missed, []string{"p1"}) {
		t.Errorf("glossary report %+v, want Minsk missed in p1 (the echo keeps مينسك)", got.Glossary)
	}
	got.Title.ID = ""
	if parts := got.Parts(); len(parts) != 3 || parts[0].ID != "p1" {
		t.Errorf("Parts without a title: %v", parts)
	}
}
