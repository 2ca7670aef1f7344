package translate_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
)

// TestNoReasks: with Reasks negative the first request is still sent, and
// a segment it leaves out is missing at once, with no request more.
func TestNoReasks(t *testing.T) {
	tr, srv := newLLM(t, model(t, nil), translate.LLMOptions{Reasks: -1})
	resp, err := tr.Translate(context.Background(), sampleRequest())
	if err != nil {
		t.Fatalf("Translate: %v", err)
	}
	if err := translate.CheckResponse(sampleRequest(), resp); err != nil {
		t.Error(err)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}

	tr, srv = newLLM(t, model(t, func(w wire, out []translate.Segment) []translate.Segment {
		return append(out[:2:2], out[3:]...) // p2 left out
	}), translate.LLMOptions{Reasks: -1})
	_, err = tr.Translate(context.Background(), sampleRequest())
	var me *translate.MissingError
	if !errors.As(err, &me) || !cmp.Equal(me.IDs, []string{"p2"}) {
		t.Errorf("error = %v, want p2 missing", err)
	}
	if n := len(srv.ChatRequests()); n != 1 {
		t.Errorf("%d requests, want 1 (no re-ask)", n)
	}
}

// TestDefaultReasks: the zero options re-ask twice, like Reasks: 2 (see
// TestMissingAfterReasks), before asking alone in plain text.
func TestDefaultReasks(t *testing.T) {
	tr, srv := newLLM(t, dropping(t, "p2", "x-3"))
	_, err := tr.Translate(context.Background(), sampleRequest())
	var me *translate.MissingError
	if !errors.As(err, &me) {
		t.Fatalf("error = %v, want a *MissingError", err)
	}
	if n := len(srv.ChatRequests()); n != 5 {
		t.Errorf("%d requests, want 5 (one, two re-asks, two plain-text requests)", n)
	}
}

// TestOneSegmentPerRequest: MaxInputTokens 1 puts every segment in a
// request of its own (a segment over the cap goes alone), and with two
// segments both requests are made.
func TestOneSegmentPerRequest(t *testing.T) {
	req := sampleRequest()
	req.Segments = req.Segments[:2]
	tr, srv := newLLM(t, model(t, nil), translate.LLMOptions{MaxInputTokens: 1})
	resp, err := tr.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if err := translate.CheckResponse(req, resp); err != nil {
		t.Error(err)
	}
	var sent [][]string
	for _, r := range srv.ChatRequests() {
		sent = append(sent, sentIDs(t, r))
	}
	if len(sent) != 2 || len(sent[0]) != 1 || len(sent[1]) != 1 {
		t.Errorf("requests carried %v, want one segment each", sent)
	}
}

// peakInFlight returns a handler that answers like model and records the
// most requests in flight at once. Requests wait (up to a second) until
// want of them have been in flight at once, so that the peak is reached
// whatever the scheduling.
func peakInFlight(t *testing.T, want int32, peak *atomic.Int32) openaitest.Handler {
	var inFlight atomic.Int32
	h := model(t, nil)
	return func(r openaitest.Request) openaitest.Reply {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		for deadline := time.Now().Add(time.Second); peak.Load() < want && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		if want == 1 {
			// Give a second request, if one may come, the time to arrive.
			for deadline := time.Now().Add(50 * time.Millisecond); peak.Load() < 2 && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
		}
		return h(r)
	}
}

// TestConcurrencyLimits: by default four requests are in flight at once;
// with Concurrency 1, one.
func TestConcurrencyLimits(t *testing.T) {
	req := sampleRequest()
	for _, s := range sampleRequest().Segments {
		s.ID += "b"
		req.Segments = append(req.Segments, s)
	}
	for _, tt := range []struct {
		opts translate.LLMOptions
		want int32
	}{
		{translate.LLMOptions{MaxInputTokens: 1}, translate.DefaultConcurrency},
		{translate.LLMOptions{MaxInputTokens: 1, Concurrency: 1}, 1},
	} {
		var peak atomic.Int32
		tr, _ := newLLM(t, peakInFlight(t, tt.want, &peak), tt.opts)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := tr.Translate(ctx, req)
		cancel()
		if err != nil {
			t.Fatalf("%+v: %v", tt.opts, err)
		}
		if p := peak.Load(); p != tt.want {
			t.Errorf("Concurrency %d: %d requests in flight at most, want %d", tt.opts.Concurrency, p, tt.want)
		}
	}
}

// TestHardErrorCancelsOtherRequests: a request that fails for good (401)
// cancels the requests of the other chunks in flight: Translate returns
// with the 401 while another request would hang, long before its context
// ends.
func TestHardErrorCancelsOtherRequests(t *testing.T) {
	req := sampleRequest()
	req.Segments = req.Segments[:2]
	tr, _ := newLLM(t, func(r openaitest.Request) openaitest.Reply {
		if sentIDs(t, r)[0] == "t" {
			return openaitest.Error(401, "bad key")
		}
		return openaitest.Hang()
	}, translate.LLMOptions{MaxInputTokens: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := tr.Translate(ctx, req)
	if !errors.Is(err, llm.ErrAuth) {
		t.Errorf("error = %v, want the 401", err)
	}
	if ctx.Err() != nil {
		t.Error("Translate waited for the hanging request until its context ended")
	}
}

// TestCutReplySplit: a reply cut by the length limit before one
// translation is whole, for two segments, is asked for again in halves.
func TestCutReplySplit(t *testing.T) {
	req := sampleRequest()
	req.Segments = req.Segments[:2]
	base := model(t, nil)
	tr, srv := newLLM(t, func(r openaitest.Request) openaitest.Reply {
		if len(sentIDs(t, r)) > 1 {
			return openaitest.Length(`{"t":"EN<`)
		}
		return base(r)
	})
	resp, err := tr.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if err := translate.CheckResponse(req, resp); err != nil {
		t.Error(err)
	}
	var sent [][]string
	for _, r := range srv.ChatRequests() {
		sent = append(sent, sentIDs(t, r))
	}
	if diff := cmp.Diff([][]string{{"t", "p1"}, {"t"}, {"p1"}}, sent); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

// TestPlainTextFaults: in plain text, a reply that cannot be read leaves
// its segment missing (with the reason) and the others are still asked
// for; an empty translation is missing too.
func TestPlainTextFaults(t *testing.T) {
	var plain atomic.Int32
	tr, srv := newLLM(t, func(r openaitest.Request) openaitest.Reply {
		if !isPlain(r) {
			return openaitest.Text("not JSON")
		}
		switch plain.Add(1) {
		case 2:
			return openaitest.Malformed()
		case 4:
			return openaitest.Text("  ")
		}
		return openaitest.Text("EN<" + r.Content("user") + ">")
	})
	_, err := tr.Translate(context.Background(), sampleRequest())
	var me *translate.MissingError
	if !errors.As(err, &me) {
		t.Fatalf("error = %v, want a *MissingError", err)
	}
	if diff := cmp.Diff([]string{"p1", "x-3"}, me.IDs); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	if !errors.Is(err, llm.ErrBadReply) {
		t.Errorf("error %v does not say the replies were bad", err)
	}
	if n := plain.Load(); n != 5 {
		t.Errorf("%d plain-text requests, want 5 (one per segment)", n)
	}
	for _, r := range srv.ChatRequests() {
		if isPlain(r) && !strings.Contains(r.Content("system"), "from Arabic into English") {
			t.Errorf("plain-text prompt %q lacks the languages", r.Content("system"))
		}
	}
}

// TestMergeNeedsThreeAnswers: a segment left out and merged into its
// neighbour is spotted by the neighbour's length against the median of at
// least three answered segments: the neighbour is asked for again with
// it. With two answered segments there is no median to go by.
func TestMergeNeedsThreeAnswers(t *testing.T) {
	mergeFirst := func(n int) openaitest.Handler {
		var merged atomic.Bool
		return model(t, func(w wire, out []translate.Segment) []translate.Segment {
			if len(out) == n && merged.CompareAndSwap(false, true) {
				out[0].Text += " " + out[1].Text // the first swallows the second
				return append(out[:1:1], out[2:]...)
			}
			return out
		})
	}
	mergeSecond := func(n int) openaitest.Handler {
		var merged atomic.Bool
		return model(t, func(w wire, out []translate.Segment) []translate.Segment {
			if len(out) == n && merged.CompareAndSwap(false, true) {
				out[1].Text = out[0].Text + " " + out[1].Text // the second swallows the first
				return out[1:]
			}
			return out
		})
	}
	for _, tt := range []struct {
		segments int
		h        func(int) openaitest.Handler
		reask    []string
	}{
		{4, mergeFirst, []string{"t", "p1"}},
		{4, mergeSecond, []string{"t", "p1"}},
		{3, mergeFirst, []string{"p1"}},
	} {
		req := sampleRequest()
		req.Segments = req.Segments[:tt.segments]
		tr, srv := newLLM(t, tt.h(tt.segments))
		if _, err := tr.Translate(context.Background(), req); err != nil {
			t.Fatal(err)
		}
		reqs := srv.ChatRequests()
		if len(reqs) != 2 {
			t.Fatalf("%d segments: %d requests, want 2", tt.segments, len(reqs))
		}
		if diff := cmp.Diff(tt.reask, sentIDs(t, reqs[1])); diff != "" {
			t.Errorf("%d segments: re-ask (-want +got):\n%s", tt.segments, diff)
		}
	}
}

// TestCutReplyOneSegment: a reply cut before its one translation is whole
// cannot be split; after two such replies the segment is asked for in
// plain text.
func TestCutReplyOneSegment(t *testing.T) {
	req := sampleRequest()
	req.Segments = req.Segments[:1]
	tr, srv := newLLM(t, func(r openaitest.Request) openaitest.Reply {
		if isPlain(r) {
			return openaitest.Text("EN<" + r.Content("user") + ">")
		}
		return openaitest.Length(`{"t":"EN<`)
	})
	resp, err := tr.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if err := translate.CheckResponse(req, resp); err != nil {
		t.Error(err)
	}
	if n := len(srv.ChatRequests()); n != 3 {
		t.Errorf("%d requests, want 3 (two cut, one in plain text)", n)
	}
}
