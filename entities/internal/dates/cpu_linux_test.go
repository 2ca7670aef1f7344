//go:build linux

package dates

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time of the calling OS thread, so that
// benchmarks on a shared machine can report CPU time beside wall time.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // RUSAGE_THREAD
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
