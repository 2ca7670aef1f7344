package dates

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestProbe prints matches for lines "ref|text" in $PROBE.
func TestProbe(t *testing.T) {
	f, err := os.Open(os.Getenv("PROBE"))
	if err != nil {
		t.Skip()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ref, text, _ := strings.Cut(sc.Text(), "|")
		got := Find(nil, text, parseRef(ref))
		fmt.Printf("%s\t%s\n", text, describe(text, got))
	}
}
