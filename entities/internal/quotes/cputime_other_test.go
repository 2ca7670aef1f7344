//go:build !unix

package quotes

// cpuNanos is not measured on this platform.
func cpuNanos() int64 { return 0 }
