package llmextract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadItems(t *testing.T) {
	tests := []struct {
		name, reply string
		want        []string // type, kind and text of each item
	}{
		{"object of lists", `{"entities":[{"text":"مينسك","kind":"LOC","name":"Minsk"}],"quotes":[{"text":"نحن","speaker":"هو"}],"dates":[{"text":"أمس","value":"2025-08-20"}]}`,
			[]string{"entity LOC مينسك", "quote  نحن", "date  أمس"}},
		{"lists by kind", `{"people":[{"text":"بوتين"}],"places":[{"text":"موسكو"}],"organizations":[{"name":"NATO","text":"الناتو"}]}`,
			[]string{"entity PER بوتين", "entity LOC موسكو", "entity ORG الناتو"}},
		{"classed items, langextract style", `{"extractions":[{"extraction_class":"person","extraction_text":"بوتين"},{"extraction_class":"date","extraction_text":"أمس"},{"extraction_class":"quote","extraction_text":"نحن"}]}`,
			[]string{"entity PER بوتين", "date  أمس", "quote  نحن"}},
		{"nested and fenced", "```json\n{\"result\":{\"entities\":[{\"text\":\"بوتين\",\"type\":\"PER\"}]}}\n```", []string{"entity PER بوتين"}},
		{"cut short", `{"entities":[{"text":"بوتين","kind":"PER"},{"text":"موس`, []string{"entity PER بوتين"}},
		{"unknown class and no text skipped", `[{"class":"feeling","text":"x"},{"kind":"PER"}]`, nil},
		{"nothing", `{}`, nil},
	}
	for _, tt := range tests {
		items, ok := readItems(tt.reply)
		if !ok {
			t.Errorf("%s: not read", tt.name)
			continue
		}
		var got []string
		for _, it := range items {
			got = append(got, it.typ.String()+" "+it.kind+" "+it.text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if _, ok := readItems("I found Putin and Moscow."); ok {
		t.Error("prose without JSON was read")
	}
	if items, _ := readItems(`{"entities":[{"text":"x","start":12}]}`); len(items) != 1 || items[0].hint != 12 {
		t.Errorf("the offset hint was not read: %+v", items)
	}
}

// FuzzReadItems: the reply reader never panics and reads only items with
// a text and a known type.
func FuzzReadItems(f *testing.F) {
	for _, s := range []string{`{"entities":[{"text":"a","kind":"PER"}]}`, `[{"class":"date","text":"x","start":3}]`, `{"quotes":[{"text":"q","speaker":"s"`, `{{[[`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, _ := readItems(s)
		for _, it := range items {
			if it.text == "" || it.typ < EntityItem || it.typ > DateItem {
				t.Fatalf("readItems(%q) read %+v", s, it)
			}
			if it.typ == EntityItem && entityKind(it.kind) == "" {
				t.Fatalf("readItems(%q): entity kind %q", s, it.kind)
			}
		}
	})
}
