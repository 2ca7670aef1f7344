package translate

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/internal/chat"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestRequestGolden pins the exact request LLM sends for a short article
// with a two-term glossary (one term absent from the text): system prompt,
// user data document and response format. Run with -update after a
// deliberate change.
func TestRequestGolden(t *testing.T) {
	req := Request{Source: language.Arabic, Target: language.English,
		Segments: []Segment{
			{ID: "t", Text: "إيران وبيلاروسيا يتفقان على تقوية العلاقات الدفاعية والاستراتيجية"},
			{ID: "p1", Text: "أعلن رئيسا بيلاروسيا وإيران خلال محادثات في مينسك عن عزمهما تعزيز العلاقات الثنائية."},
			{ID: "p2", Text: `ونقلت الوكالة عن لوكاشينكو قوله: "تتخذ مينسك وطهران خطوات مستمرة" <b>&</b>.`},
		},
		Glossary: []Term{{Source: "مينسك", Target: "Minsk"}, {Source: "موسكو", Target: "Moscow"}, {Source: "لوكاشينكو", Target: "Alexander Lukashenko"}},
	}
	_, chunks := plan(req, 0)
	if len(chunks) != 1 {
		t.Fatalf("%d requests, want 1", len(chunks))
	}
	creq, err := buildChat("model", 0, req, chunks[0])
	if err != nil {
		t.Fatal(err)
	}
	js := &chat.JSON{Schema: replySchema}
	creq = js.Prepare(creq)
	got := "## system\n" + creq.Messages[0].Content + "\n\n## user\n" + creq.Messages[1].Content + "\n\n## response_format\n" +
		string(creq.ResponseFormat.Type) + " " + string(mustJSON(t, creq.ResponseFormat.JSONSchema)) + "\n"
	path := filepath.Join("testdata", "request.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("request mismatch (-want +got):\n%s", diff)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
