package cputime

import "testing"

func TestElapsedGrowsWithWork(t *testing.T) {
	if _, ok := Process(); !ok {
		t.Skip("no process CPU time on this platform")
	}
	m := Start()
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i % 7
	}
	d, ok := m.Elapsed()
	if !ok || d <= 0 {
		t.Errorf("Elapsed() = %v, %v after a busy loop (sum %d); want a positive duration", d, ok, x)
	}
}
