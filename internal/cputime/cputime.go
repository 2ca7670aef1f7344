// Package cputime reads the CPU time the process has used, so benchmarks on
// a shared machine can report work per CPU second beside wall time.
package cputime

import (
	"testing"
	"time"
)

// Meter measures the process CPU time across a benchmark loop. Start it
// after the setup, before the loop; call Report after the loop.
type Meter struct {
	start time.Duration
	ok    bool
}

// Start returns a Meter that counts from now.
func Start() Meter {
	d, ok := Process()
	return Meter{d, ok}
}

// Elapsed returns the CPU time used since Start, and false where the
// platform does not say.
func (m Meter) Elapsed() (time.Duration, bool) {
	end, ok := Process()
	if !ok || !m.ok {
		return 0, false
	}
	return end - m.start, true
}

// Report adds the metric "cpu-ns/op" to b: the CPU time since Start divided
// by b.N. It reports nothing where the platform does not say.
func (m Meter) Report(b *testing.B) {
	if d, ok := m.Elapsed(); ok && b.N > 0 {
		b.ReportMetric(float64(d)/float64(b.N), "cpu-ns/op")
	}
}
