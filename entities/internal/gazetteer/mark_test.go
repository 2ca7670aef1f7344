package gazetteer

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

func TestMark(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	B, I := MarkBegin, MarkInside
	for _, tc := range []struct {
		text string
		want []uint8
	}{
		{"زار الوزير موسكو أمس", []uint8{0, 0, B(LOC), 0}},
		{"وصل وفد إلى وبيلاروسيا", []uint8{0, 0, 0, B(LOC)}},
		{"قال فلاديمير بوتين إن", []uint8{0, B(PER), I(PER), 0}},
		{"اجتمع مجلس التعاون الخليجي", []uint8{0, B(ORG), I(ORG), I(ORG)}},
		{"كتب كتابا جديدا", []uint8{0, 0, 0}},
	} {
		var keys []string
		for _, w := range strings.Fields(tc.text) {
			keys = append(keys, article.Key(w))
		}
		got, _ := g.Mark(keys, nil, nil)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Mark(%q) mismatch (-want +got):\n%s", tc.text, diff)
		}
	}
}
