//go:build unix

package tagger

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so that benchmarks on
// a shared machine can report throughput per CPU second as well.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
