//go:build !unix

package article

import "time"

// cpuTime is not available here; benchmarks then skip the CPU metric.
func cpuTime() time.Duration { return 0 }
