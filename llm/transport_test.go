package llm

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// step is one scripted outcome of fakeDoer.
type step struct {
	status int
	header map[string]string
	err    error
}

// fakeDoer answers attempts from a script and records what it saw.
type fakeDoer struct {
	steps  []step
	bodies []string
	closed atomic.Int32
	opened int
}

type trackBody struct {
	io.Reader
	closed *atomic.Int32
}

func (b trackBody) Close() error { b.closed.Add(1); return nil }

func (d *fakeDoer) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		b, _ := io.ReadAll(req.Body)
		d.bodies = append(d.bodies, string(b))
	}
	s := d.steps[min(len(d.bodies), len(d.steps))-1]
	if req.Body == nil {
		s = d.steps[min(d.opened, len(d.steps)-1)]
	}
	d.opened++
	if s.err != nil {
		return nil, s.err
	}
	h := http.Header{}
	for k, v := range s.header {
		h.Set(k, v)
	}
	return &http.Response{StatusCode: s.status, Header: h,
		Body: trackBody{strings.NewReader(`{"error":{"message":"x"}}`), &d.closed}}, nil
}

// fakeClock records sleeps without sleeping.
type fakeClock struct {
	now    time.Time
	sleeps []time.Duration
}

func (c *fakeClock) Now() time.Time { return c.now }
func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return ctx.Err()
}

func newRetry(d *fakeDoer, clk *fakeClock) *Transport {
	return &Transport{Doer: d, MaxAttempts: 3, baseDelay: time.Second, maxDelay: 10 * time.Second,
		rand: func() float64 { return 0.5 }, sleep: clk.Sleep, now: clk.Now}
}

func post(t *testing.T, ctx context.Context) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://example.invalid/v1/chat/completions", strings.NewReader("payload"))
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestRetryPolicy(t *testing.T) {
	connErr := &testNetErr{}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name       string
		steps      []step
		wantStatus int
		wantErr    bool
		wantSleeps []time.Duration
	}{
		{"200 at once", []step{{status: 200}}, 200, false, nil},
		{"400 not retried", []step{{status: 400}}, 400, false, nil},
		{"401 not retried", []step{{status: 401}}, 401, false, nil},
		{"404 not retried", []step{{status: 404}}, 404, false, nil},
		{"408 retried", []step{{status: 408}, {status: 200}}, 200, false, []time.Duration{500 * time.Millisecond}},
		{"409 retried", []step{{status: 409}, {status: 200}}, 200, false, []time.Duration{500 * time.Millisecond}},
		{"429 retried", []step{{status: 429}, {status: 200}}, 200, false, []time.Duration{500 * time.Millisecond}},
		{"500 retried", []step{{status: 500}, {status: 200}}, 200, false, []time.Duration{500 * time.Millisecond}},
		{"503 retried", []step{{status: 503}, {status: 200}}, 200, false, []time.Duration{500 * time.Millisecond}},
		{"connection error retried", []step{{err: connErr}, {status: 200}}, 200, false, []time.Duration{500 * time.Millisecond}},
		{"attempt bound, backoff doubles", []step{{status: 500}, {status: 502}, {status: 503}, {status: 200}}, 503, false,
			[]time.Duration{500 * time.Millisecond, time.Second}},
		{"x-should-retry false", []step{{status: 500, header: map[string]string{"x-should-retry": "false"}}}, 500, false, nil},
		{"x-should-retry true", []step{{status: 400, header: map[string]string{"x-should-retry": "true"}}, {status: 200}}, 200, false,
			[]time.Duration{500 * time.Millisecond}},
		{"retry-after-ms", []step{{status: 429, header: map[string]string{"retry-after-ms": "1500"}}, {status: 200}}, 200, false,
			[]time.Duration{1500 * time.Millisecond}},
		{"retry-after-ms wins over Retry-After", []step{{status: 429, header: map[string]string{"retry-after-ms": "20", "Retry-After": "7"}}, {status: 200}}, 200, false,
			[]time.Duration{20 * time.Millisecond}},
		{"Retry-After seconds", []step{{status: 503, header: map[string]string{"Retry-After": "2"}}, {status: 200}}, 200, false,
			[]time.Duration{2 * time.Second}},
		{"Retry-After date", []step{{status: 429, header: map[string]string{"Retry-After": t0.Add(3 * time.Second).Format(http.TimeFormat)}}, {status: 200}}, 200, false,
			[]time.Duration{3 * time.Second}},
		{"Retry-After past date", []step{{status: 429, header: map[string]string{"Retry-After": t0.Add(-time.Hour).Format(http.TimeFormat)}}, {status: 200}}, 200, false,
			[]time.Duration{0}},
		{"Retry-After too long ends the request", []step{{status: 429, header: map[string]string{"Retry-After": "3600"}}, {status: 200}}, 0, true,
			nil},
		{"Retry-After garbage falls back to backoff", []step{{status: 429, header: map[string]string{"Retry-After": "soon"}}, {status: 200}}, 200, false,
			[]time.Duration{500 * time.Millisecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDoer{steps: tt.steps}
			clk := &fakeClock{now: t0}
			resp, err := newRetry(d, clk).Do(post(t, context.Background()))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Do() error = %v, want error %t", err, tt.wantErr)
			}
			if err == nil {
				if resp.StatusCode != tt.wantStatus {
					t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
				}
				resp.Body.Close()
			}
			if diff := cmp.Diff(tt.wantSleeps, clk.sleeps); diff != "" {
				t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
			}
			for i, b := range d.bodies {
				if b != "payload" {
					t.Errorf("attempt %d sent body %q, want the rewound %q", i+1, b, "payload")
				}
			}
			if want := len(tt.wantSleeps) + 1; len(d.bodies) != want {
				t.Errorf("attempts = %d, want %d", len(d.bodies), want)
			}
			// Every response body is closed: discarded ones by Do, the
			// last one above.
			if got, want := int(d.closed.Load()), countResponses(tt.steps, len(d.bodies)); got != want {
				t.Errorf("closed bodies = %d, want %d", got, want)
			}
		})
	}
}

func countResponses(steps []step, attempts int) int {
	n := 0
	for i := 0; i < attempts; i++ {
		if steps[i].err == nil {
			n++
		}
	}
	return n
}

type testNetErr struct{}

func (*testNetErr) Error() string   { return "connection reset by peer" }
func (*testNetErr) Timeout() bool   { return false }
func (*testNetErr) Temporary() bool { return true }

func TestRetryJitterRange(t *testing.T) {
	for _, r := range []float64{0, 0.25, 0.999} {
		clk := &fakeClock{now: time.Unix(0, 0)}
		d := &fakeDoer{steps: []step{{status: 500}, {status: 500}, {status: 500}, {status: 500}, {status: 500}, {status: 500}}}
		c := newRetry(d, clk)
		c.MaxAttempts = 6
		c.rand = func() float64 { return r }
		resp, err := c.Do(post(t, context.Background()))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		// Ceilings 1s, 2s, 4s, 8s, then capped at MaxDelay 10s.
		want := []time.Duration{}
		for _, ceil := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second} {
			want = append(want, time.Duration(r*float64(ceil)))
		}
		if diff := cmp.Diff(want, clk.sleeps); diff != "" {
			t.Errorf("rand %v: sleeps mismatch (-want +got):\n%s", r, diff)
		}
	}
}

func TestRetryRespectsDeadline(t *testing.T) {
	now := time.Now()
	ctx, cancel := context.WithDeadline(context.Background(), now.Add(time.Hour))
	defer cancel()
	d := &fakeDoer{steps: []step{{status: 429, header: map[string]string{"Retry-After": "7200"}}, {status: 200}}}
	clk := &fakeClock{now: now}
	c := newRetry(d, clk)
	c.MaxRetryWait = 10 * time.Hour
	_, err := c.Do(post(t, ctx))
	var ra *RetryAfterError
	if !errors.As(err, &ra) {
		t.Fatalf("Do() error = %v, want a *RetryAfterError", err)
	}
	want := &RetryAfterError{Wait: 2 * time.Hour, Limit: time.Hour, StatusCode: 429, Message: "x"}
	if diff := cmp.Diff(want, ra); diff != "" {
		t.Errorf("RetryAfterError mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(err, ErrRateLimited) || len(clk.sleeps) != 0 || len(d.bodies) != 1 {
		t.Errorf("error %v after %d attempts and sleeps %v; want ErrRateLimited at once with no sleep", err, len(d.bodies), clk.sleeps)
	}
}

func TestRetryStopsWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	d := &fakeDoer{steps: []step{{status: 503}, {status: 200}}}
	c := newRetry(d, &fakeClock{})
	c.sleep = func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() }
	_, err := c.Do(post(t, ctx))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Do() error = %v, want context.Canceled", err)
	}
	if len(d.bodies) != 1 {
		t.Errorf("attempts = %d, want 1", len(d.bodies))
	}
}

func TestRetryDefaultSleepHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (&Transport{}).pause(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("pause() = %v, want context.Canceled", err)
	}
}

// onceBody is a request body that cannot be rewound.
type onceBody struct{ io.Reader }

func (onceBody) Close() error { return nil }

func TestRetryNeedsRewindableBody(t *testing.T) {
	req, _ := http.NewRequest(http.MethodPost, "http://example.invalid/", onceBody{strings.NewReader("payload")})
	d := &fakeDoer{steps: []step{{status: 503}, {status: 200}}}
	resp, err := newRetry(d, &fakeClock{}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 || len(d.bodies) != 1 {
		t.Errorf("status %d after %d attempts, want 503 after 1", resp.StatusCode, len(d.bodies))
	}
}

func TestPermanentTransportErrorNotRetried(t *testing.T) {
	d := &fakeDoer{steps: []step{{err: errors.New(`unsupported protocol scheme "ftp"`)}, {status: 200}}}
	clk := &fakeClock{}
	_, err := newRetry(d, clk).Do(post(t, context.Background()))
	if err == nil || len(d.bodies) != 1 || len(clk.sleeps) != 0 {
		t.Errorf("error %v after %d attempts, want the error after 1", err, len(d.bodies))
	}
}
