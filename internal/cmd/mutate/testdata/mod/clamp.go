// Package clamp is the mutation tool's test subject: its tests kill some
// mutants and, on purpose, let others through.
package clamp

// limit is the largest value Small accepts.
const limit uint8 = 255

// Clamp returns n limited to [0, max].
func Clamp(n, max int) int {
	if n < 0 {
		return 0
	}
	if n > max {
		return max
	}
	return n
}

// Even reports whether n is even.
func Even(n int) bool {
	return n%2 == 0
}

// Halvings returns how many times n, halved and rounded up, takes to
// reach 1.
func Halvings(n int) int {
	steps := 0
	for n > 1 {
		n = (n + 1) / 2
		steps++
	}
	return steps
}

// Small reports whether n fits under limit; no test calls it.
func Small(n int) bool {
	return n <= int(limit)
}
