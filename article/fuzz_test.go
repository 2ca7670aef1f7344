package article

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse parses arbitrary input and checks the span invariants (see
// Article.Validate) on every article Parse returns, and that every error is
// one of the documented ones.
func FuzzParse(f *testing.F) {
	for _, art := range testArticles(f) {
		f.Add(art.text)
	}
	for _, s := range []string{
		"", " ", "\uFEFF", "a", "\r\n\r\n", "\x00", "\xff", "عنوان\n\nنص.", "ـ\n\nالسياسة ـ السعودية ٌ.", "بيروت: نذير رضا\nنص الخبر هنا.",
		"(د ب أ)", "WASHINGTON (Reuters) - The vote. It passed.", `"a. b" c.`, "«أ. ب». ج", "1.2.3...", "‌\u200c\u200d",
		"ﻻ\u0654\u0653", "a\n\n\nb\n \n c", "By Jane Doe\nx", "القاهرة -\n", "- - -", ":", "(", ")(", "(أ) -",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []Parser{{}, {ReplaceInvalid: true}} {
			a, err := p.Parse(s)
			if err != nil {
				var inv *InvalidUTF8Error
				if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) && !errors.As(err, &inv) {
					t.Fatalf("Parse(%q): unexpected error %v", s, err)
				}
				if inv != nil {
					if p.ReplaceInvalid || utf8.ValidString(s) || utf8.ValidString(s[:inv.Offset+1]) || !utf8.ValidString(s[:inv.Offset]) {
						t.Fatalf("Parse(%q): %v, but that is not the first invalid byte", s, err)
					}
				}
				if !strings.HasPrefix(err.Error(), "article: ") {
					t.Fatalf("error %q lacks the package prefix", err)
				}
				continue
			}
			if !p.ReplaceInvalid && a.Source != s {
				t.Fatalf("Source changed")
			}
			if !utf8.ValidString(a.Source) {
				t.Fatalf("Parse(%q) accepted invalid UTF-8", s)
			}
			if err := a.Validate(); err != nil {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			b, err := json.Marshal(a)
			if err != nil {
				t.Fatalf("Marshal(Parse(%q)): %v", s, err)
			}
			var back Article
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("Unmarshal(Marshal(Parse(%q))): %v", s, err)
			}
			if !reflect.DeepEqual(a, &back) {
				t.Fatalf("Parse(%q) does not survive a JSON round trip", s)
			}
		}
	})
}
