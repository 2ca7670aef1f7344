package entities

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

func zzThreadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkZZCPU(b *testing.B) {
	a, ms, es := seedArticle(b)
	ref := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"quotes", func() { FindQuotes(a, ms, es) }},
		{"dates", func() { FindDates(a, ref) }},
		{"both", func() { FindQuotes(a, ms, es); FindDates(a, ref) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			t0 := zzThreadCPU()
			for b.Loop() {
				c.f()
			}
			b.ReportMetric(float64(zzThreadCPU()-t0)/float64(b.N), "cpu-ns/op")
		})
	}
}
