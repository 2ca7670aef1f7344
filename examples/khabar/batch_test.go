package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// FuzzReadItems feeds arbitrary input to the JSON-lines reader: it must not
// panic, must give one item for every line that is not blank, in order, and
// must mark each item either with text or with an error.
func FuzzReadItems(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"نص"}` + "\n" + `{"id":1,"text":"x","ref":"2025-01-02"}`))
	f.Add([]byte("{not json\n\n   \n{\"text\":null}\r\n"))
	f.Add([]byte(`{"id":"a","text":"t","published":"2025-08-20T10:00:00Z","ref":"bad"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		items := make(chan item, 16)
		done := make(chan error, 1)
		go func() { done <- readItems(context.Background(), bytes.NewReader(in), time.Time{}, items) }()
		var got []item
		for it := range items {
			got = append(got, it)
		}
		if err := <-done; err != nil {
			t.Fatalf("readItems: %v", err)
		}
		var want []int
		for i, line := range strings.Split(string(in), "\n") {
			if !isBlank([]byte(line)) {
				want = append(want, i+1)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%d items for %d non-blank lines", len(got), len(want))
		}
		for i, it := range got {
			if it.n != want[i] {
				t.Errorf("item %d has line number %d, want %d", i, it.n, want[i])
			}
			if it.err == nil && it.size <= 0 {
				t.Errorf("item %d has no size", i)
			}
		}
	})
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"", "0001-01-01", false},
		{"2025-08-20", "2025-08-20", false},
		{"2025-08-20T23:30:00Z", "2025-08-20", false},
		{"2025-08-20 10:00:00", "2025-08-20", false},
		{"20/08/2025", "", true},
		{"yesterday", "", true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseDate(%q) error = %v, want error %t", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && got.Format("2006-01-02") != tt.want {
			t.Errorf("parseDate(%q) = %s, want %s", tt.in, got.Format("2006-01-02"), tt.want)
		}
	}
}
