//go:build !unix

package tagger

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
