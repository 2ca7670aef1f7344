package main

import (
	"bufio"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadNames(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"object keys, sorted and deduplicated", "module.exports = {\n    زينب: \"Zainab\",\n    احمد: \"Ahamd\",\n    احمد: \"Ahmad\",\n}\n", []string{"احمد", "زينب"}},
		{"quoted keys and diacritics", "  \"بهيّ\": \"Bhi\",\n  'علي': 'Ali',\n", []string{"بهيّ", "علي"}},
		{"keys that are not one Arabic word are skipped", "  Zainab: \"x\",\n  عبد الله: \"y\",\n  احمد2: \"z\",\n", []string{}},
		{"lines without a key", "module.exports = {\n}\n", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readNames(bufio.NewScanner(strings.NewReader(tt.in)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("readNames (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzReadNames(f *testing.F) {
	f.Add("    زينب: \"Zainab\",\n")
	f.Add("::\n\"\":\n")
	f.Fuzz(func(t *testing.T, in string) {
		names, err := readNames(bufio.NewScanner(strings.NewReader(in)))
		if err != nil {
			return
		}
		for i, n := range names {
			if !arabicWord(n) || (i > 0 && names[i-1] >= n) {
				t.Fatalf("names not distinct sorted Arabic words: %q", names)
			}
		}
	})
}
