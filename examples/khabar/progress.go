package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar on a terminal. With an unknown
// total it shows counts and rate. A nil *progress draws nothing.
type progress struct {
	w      io.Writer
	total  int64 // bytes expected, or 0 when unknown
	start  time.Time
	last   time.Time
	done   int
	failed int
	bytes  int64
}

func newProgress(e env, total int64) *progress {
	if !e.stderrIsTerminal {
		return nil
	}
	return &progress{w: e.stderr, total: total, start: time.Now()}
}

// add records one finished item of n input bytes.
func (p *progress) add(n int64, failed bool) {
	if p == nil {
		return
	}
	p.done++
	p.bytes += n
	if failed {
		p.failed++
	}
	if now := time.Now(); now.Sub(p.last) > 100*time.Millisecond {
		p.last = now
		p.draw()
	}
}

func (p *progress) draw() {
	rate := float64(p.done) / max(time.Since(p.start).Seconds(), 1e-3)
	status := fmt.Sprintf("%d done, %d failed, %.0f/s", p.done, p.failed, rate)
	if p.total > 0 {
		frac := min(float64(p.bytes)/float64(p.total), 1)
		const width = 30
		n := int(frac * width)
		fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %s ", strings.Repeat("#", n), strings.Repeat(".", width-n), frac*100, status)
		return
	}
	fmt.Fprintf(p.w, "\r%s ", status)
}

// finish draws the final state and ends the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.draw()
	fmt.Fprintln(p.w)
}
