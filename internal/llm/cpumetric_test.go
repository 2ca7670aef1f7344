package llm_test

import (
	"testing"
	"time"
)

// cpuMeter reports process CPU time per operation as "cpu-ns/op" when the
// benchmark loop ends.
type cpuMeter struct {
	start time.Duration
	ok    bool
}

func startCPU() cpuMeter {
	d, ok := processCPU()
	return cpuMeter{d, ok}
}

func (m cpuMeter) report(b *testing.B) {
	if end, ok := processCPU(); ok && m.ok && b.N > 0 {
		b.ReportMetric(float64(end-m.start)/float64(b.N), "cpu-ns/op")
	}
}
