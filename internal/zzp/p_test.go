package zzp

import (
	"os"
	"testing"
	"time"

	"github.com/khabar-go/khabar/article"
)

func TestP(t *testing.T) {
	for _, f := range []string{"/tmp/big-500000.txt", "/tmp/big-2000000.txt", "/tmp/big-15000000.txt"} {
		b, _ := os.ReadFile(f)
		t0 := time.Now()
		if _, err := (article.Parser{MaxBytes: 1 << 30}).Parse(string(b)); err != nil {
			t.Fatal(err)
		}
		t.Log(f, time.Since(t0))
	}
}
