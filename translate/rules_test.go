package translate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/internal/chat"
	"golang.org/x/text/language"
)

// TestReadReplyShapes checks readReply on shapes at the edges of its
// rules: how deep the texts may sit, which of two readings wins, and
// values that are not texts.
func TestReadReplyShapes(t *testing.T) {
	ids := []string{"p1", "p2"}
	tests := []struct {
		name, reply string
		want        map[string]string // nil: nothing read
	}{
		{"texts three levels down", `{"a":{"b":{"c":{"p1":"x","p2":"y"}}}}`, map[string]string{"p1": "x", "p2": "y"}},
		{"texts four levels down", `{"a":{"b":{"c":{"d":{"p1":"x","p2":"y"}}}}}`, nil},
		{"two readings of one size that differ", `{"a":{"p1":"x"},"b":{"p1":"y"}}`, nil},
		{"two readings of one size that agree", `{"a":{"p1":"x"},"b":{"p1":"x"}}`, map[string]string{"p1": "x"}},
		{"the larger reading wins", `{"texts":{"p1":"x","p2":"y"},"echo":{"p1":"z"}}`, map[string]string{"p1": "x", "p2": "y"}},
		{"a text field that is not a string", `[{"id":"p1","text":42},{"id":"p2","text":"y"}]`, map[string]string{"p2": "y"}},
		{"a one-pair object whose value is not a string", `[{"p1":5},{"p2":"y"}]`, map[string]string{"p2": "y"}},
		{"an object of several pairs in an array", `[{"p1":"x","p2":"y"}]`, map[string]string{"p1": "x", "p2": "y"}},
	}
	for _, tt := range tests {
		r, ok := readReply(tt.reply, ids)
		var got map[string]string
		if ok {
			got = r.texts
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: texts (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestReadPlain checks what is taken from a plain-text reply.
func TestReadPlain(t *testing.T) {
	tests := []struct{ reply, want string }{
		{"Hello there.", "Hello there."},
		{`{"p1":"Hello"}`, "Hello"},
		{`["Hello"]`, "Hello"},
		{`["Hello","again"]`, ""},
		{"```\nHello\n```", "Hello"},
		{"```text\nHello\n```", "Hello"},
		{"```\nHello world\nsecond line\n```", "Hello world\nsecond line"},
		{"``````", ""},
		{"`````", "`````"},
		{`"Hello"`, "Hello"},
		{"«مرحبا»", "مرحبا"},
		{"“Hello”", "Hello"},
		{`""`, ""},
		{`He is 6'2"`, `He is 6'2"`},
		{`"Yes," he said, "no."`, `"Yes," he said, "no."`},
	}
	for _, tt := range tests {
		if got := readPlain(tt.reply, "p1"); got != tt.want {
			t.Errorf("readPlain(%q) = %q, want %q", tt.reply, got, tt.want)
		}
	}
}

func TestPrompts(t *testing.T) {
	if got, want := plainPrompt("Arabic", "English"), "Translate the user's text from Arabic into English."; !strings.HasPrefix(got, want) {
		t.Errorf("plainPrompt = %q, want it to start %q", got, want)
	}
	if got, want := plainPrompt("", "English"), "Translate the user's text into English."; !strings.HasPrefix(got, want) {
		t.Errorf("plainPrompt without a source = %q, want it to start %q", got, want)
	}
	if got := systemPrompt("", "English"); !strings.HasPrefix(got, `Translate each "texts" value into English,`) {
		t.Errorf("systemPrompt without a source = %q", got)
	}
}

// TestMarshalOneTerm: a glossary of one term is sent.
func TestMarshalOneTerm(t *testing.T) {
	got, err := wireRequest{Glossary: []Term{{Source: "مينسك", Target: "Minsk"}}, Segments: []Segment{{ID: "p1", Text: "في مينسك"}}}.marshal()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"glossary":{"مينسك":"Minsk"},"texts":{"p1":"في مينسك"}}`; got != want {
		t.Errorf("marshal = %s, want %s", got, want)
	}
}

// TestTermsFor: the terms sent with a request are the ones its segments
// hold, a glossary of one term included; a term with no words is never
// sent.
func TestTermsFor(t *testing.T) {
	req := Request{Segments: []Segment{{ID: "p1", Text: "وصل الوفد إلى مينسك"}, {ID: "p2", Text: "ثم إلى موسكو"}},
		Glossary: []Term{{Source: "مينسك", Target: "Minsk"}}}
	if got := termsFor(req, []int{0}); len(got) != 1 {
		t.Errorf("one-term glossary: terms %v", got)
	}
	if got := termsFor(req, []int{1}); len(got) != 0 {
		t.Errorf("terms %v for a segment without the term", got)
	}
	req.Glossary = []Term{{Source: "…", Target: "x"}, {Source: "موسكو", Target: "Moscow"}}
	if got := termsFor(req, []int{0, 1}); !cmp.Equal(got, req.Glossary[1:]) {
		t.Errorf("terms %v, want Moscow only", got)
	}
}

// TestSplitParts checks the provider batch limits: lines per batch, bytes
// per batch (a line and its newline), and the defaults for limits of zero
// or less.
func TestSplitParts(t *testing.T) {
	line := []byte("123456789") // ten bytes with its newline
	lines := func(n int) [][]byte { return slices.Repeat([][]byte{line}, n) }
	sizes := func(parts [][][]byte) []int {
		var out []int
		for _, p := range parts {
			out = append(out, len(p))
		}
		return out
	}
	tests := []struct {
		name            string
		n, lines, bytes int
		want            []int
	}{
		{"two lines a batch", 5, 2, 0, []int{2, 2, 1}},
		{"one line a batch", 3, 1, 0, []int{1, 1, 1}},
		{"bytes fit exactly", 5, 0, 20, []int{2, 2, 1}},
		{"one byte short", 5, 0, 19, []int{1, 1, 1, 1, 1}},
		{"a line larger than the limit goes alone", 2, 0, 5, []int{1, 1}},
		{"one byte is a limit", 2, 0, 1, []int{1, 1}},
		{"defaults", 7, 0, -1, []int{7}},
	}
	for _, tt := range tests {
		if got := sizes(splitParts(lines(tt.n), tt.lines, tt.bytes)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: batches of %v lines, want %v", tt.name, got, tt.want)
		}
	}
	if got := sizes(splitParts(lines(DefaultMaxBatchLines+1), 0, 0)); !slices.Equal(got, []int{DefaultMaxBatchLines, 1}) {
		t.Errorf("default line limit: batches of %v lines", got)
	}
}

// outputLineJSON returns a batch output line for custom_id id with a chat
// reply of content, status and finish reason.
func outputLineJSON(id string, status int, content, finish string) string {
	return fmt.Sprintf(`{"custom_id":%q,"response":{"status_code":%d,"body":{"choices":[{"index":0,"message":{"role":"assistant","content":%q},"finish_reason":%q}]}}}`,
		id, status, content, finish)
}

// TestReadOutput checks how batch output lines are read: long lines, lines
// without a response or with an error status, replies cut by the length
// limit whose texts are whole.
func TestReadOutput(t *testing.T) {
	long := strings.Repeat("ط", 60<<10) // a translation of 120 KB
	jobs := []Job{
		{Request: Request{Target: language.English, Segments: []Segment{{ID: "a", Text: "x"}, {ID: "b", Text: "y"}}}},
		{Request: Request{Target: language.English, Segments: []Segment{{ID: "c", Text: "z"}}}},
		{Request: Request{Target: language.English, Segments: []Segment{{ID: "d", Text: "w"}}}},
	}
	chunkOf := map[string][]int{"0.0": {0, 1}, "1.0": {0}, "2.0": {0}}
	out := strings.Join([]string{
		outputLineJSON("0.0", 200, `{"a":"`+long+`","b":"B"}`, "length"),
		`{"custom_id":"1.0","error":{"code":"server_error"}}`,
		outputLineJSON("2.0", 500, `{"d":"D"}`, "stop"),
		outputLineJSON("9.9", 200, `{"a":"no"}`, "stop"),
		"",
		"not JSON",
	}, "\n")
	outs := [][]Segment{make([]Segment, 2), make([]Segment, 1), make([]Segment, 1)}
	if err := readOutput(strings.NewReader(out), chunkOf, jobs, outs); err != nil {
		t.Fatal(err)
	}
	want := [][]Segment{{{Text: long}, {Text: "B"}}, {{}}, {{}}}
	if diff := cmp.Diff(want, outs); diff != "" {
		t.Errorf("read (-want +got):\n%.600s", diff)
	}
}

// TestWithClitics checks which source words hold a term word.
func TestWithClitics(t *testing.T) {
	tests := []struct {
		word, term string
		want       bool
	}{
		{"روسيا", "روسيا", true},
		{"وروسيا", "روسيا", true},
		{"لروسيا", "روسيا", true},
		{"بيلاروسيا", "روسيا", false},
		{"للكرملين", "الكرملين", true},
		{"بالكرملين", "الكرملين", true},
		{"والكرملين", "الكرملين", true},
		{"كرملين", "الكرملين", false},
		{"وكرملين", "الكرملين", false},
	}
	for _, tt := range tests {
		if got := withClitics(chatKey(tt.word), chatKey(tt.term)); got != tt.want {
			t.Errorf("withClitics(%s, %s) = %v", tt.word, tt.term, got)
		}
	}
}

// chatKey is the key a source word is compared by.
func chatKey(s string) string { return sourceWords(s)[0] }

// TestCheckGlossaryEdges: no glossary or no response gives no report;
// terms without words are left out; a response shorter than the request
// misses the term where it has no segment; numbers are words.
func TestCheckGlossaryEdges(t *testing.T) {
	req := Request{Segments: []Segment{{ID: "p1", Text: "قمة مجموعة 77 في مينسك"}, {ID: "p2", Text: "وفي مينسك أيضا"}}}
	resp := &Response{Segments: []Segment{{ID: "p1", Text: "The G77 summit in Minsk"}}}
	if got := CheckGlossary(req, resp); got != nil {
		t.Errorf("no glossary: %v, want nil", got)
	}
	req.Glossary = []Term{{Source: "مينسك", Target: "Minsk"}}
	if got := CheckGlossary(req, nil); got != nil {
		t.Errorf("no response: %v, want nil", got)
	}
	req.Glossary = []Term{
		{Source: "مينسك", Target: "Minsk"},
		{Source: "…", Target: "nothing"},
		{Source: "مجموعة", Target: "—"},
		{Source: "مجموعة 78", Target: "G78"},
	}
	want := []TermUse{{Term: req.Glossary[0], Segments: []string{"p1", "p2"}, Missed: []string{"p2"}}}
	if diff := cmp.Diff(want, CheckGlossary(req, resp)); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// TestPlanBudget: segments are grouped under the token budget, the
// default one when the budget is zero.
func TestPlanBudget(t *testing.T) {
	seg := func(id string) Segment { return Segment{ID: id, Text: strings.Repeat("كلمة ", 200)} }
	req := Request{Segments: []Segment{seg("a"), seg("b"), seg("c")}}
	each := chat.EstimateTokens(req.Segments[0].Text) + segmentOverhead
	for _, tt := range []struct {
		budget int
		want   int // chunks
	}{
		{2 * each, 2}, {2*each - 1, 3}, {3 * each, 1},
	} {
		if _, chunks := plan(req, tt.budget); len(chunks) != tt.want {
			t.Errorf("budget %d (segments of %d): %d chunks, want %d", tt.budget, each, len(chunks), tt.want)
		}
	}
	n := DefaultMaxInputTokens / each
	req.Segments = nil
	for i := range n + 1 {
		req.Segments = append(req.Segments, seg(fmt.Sprint(i)))
	}
	if _, chunks := plan(req, 0); len(chunks) != 2 || len(chunks[0]) != n {
		t.Errorf("default budget: chunks %v, want %d segments then 1", chunks, n)
	}
}
