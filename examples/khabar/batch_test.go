package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

var defaultLines = lineOptions{maxBytes: article.DefaultMaxBytes}

// FuzzReadItems feeds arbitrary input to the JSON-lines reader: it must not
// panic, must give one item for every line, blank or not, in order, and
// must give each item either text or an error; the output line of any item
// is one valid JSON object with the id and the line number first.
func FuzzReadItems(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"نص"}` + "\n" + `{"id":1,"text":"x","ref":"2025-01-02"}`))
	f.Add([]byte("{not json\n\n   \n{\"text\":null}\r\n"))
	f.Add([]byte(`{"id":"a","text":"t","published":"2025-08-20T10:00:00Z","ref":"bad"}`))
	f.Add([]byte(`{"id":"\xff","text":"a\ud800b"}` + "\n" + `{"id":[1, 2],"text":"\ud83d\ude00"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		items := make(chan item, 16)
		done := make(chan error, 1)
		var stderr bytes.Buffer
		go func() {
			done <- readItems(context.Background(), env{stderr: &stderr}, bytes.NewReader(in), defaultLines, items)
		}()
		var got []item
		for it := range items {
			got = append(got, it)
		}
		if err := <-done; err != nil {
			t.Fatalf("readItems: %v", err)
		}
		if bytes.HasPrefix(in, []byte{0xFF, 0xFE}) || bytes.HasPrefix(in, []byte{0xFE, 0xFF}) || bytes.HasPrefix(in, []byte{0, 0, 0xFE, 0xFF}) {
			return // decoded from UTF-16 or UTF-32: other lines
		}
		lines := strings.Split(string(bytes.TrimPrefix(in, []byte("\uFEFF"))), "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1] // nothing after the last newline
		}
		if len(got) != len(lines) {
			t.Fatalf("%d items for %d lines", len(got), len(lines))
		}
		for i, it := range got {
			if it.n != i+1 {
				t.Errorf("item %d has line number %d", i, it.n)
			}
			if it.err == nil && !utf8.ValidString(it.in.text) {
				t.Errorf("line %d: text is not valid UTF-8", it.n)
			}
			out := failureLine(it.id, it.n, errors.New("x"))
			var obj map[string]any
			if err := json.Unmarshal(out, &obj); err != nil || !utf8.Valid(out) {
				t.Fatalf("line %d: output %q is not a JSON object: %v", it.n, out, err)
			}
			if obj["line"] != float64(it.n) {
				t.Errorf("line %d: output %s", it.n, out)
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

// jsonlInput is a batch with a line of every kind: good lines with ids of
// every JSON type, broken JSON, wrong member types, blank lines, invalid
// UTF-8, surrogates, bad dates, a text over -max-bytes, CRLF, and a last
// line without a newline.
func jsonlInput() string {
	ar := `عنوان أول\n\nزار الرئيس مدينة القاهرة أمس.\n`
	en := `Title\n\nThe minister said on Monday that talks would go on.\n`
	big := strings.Repeat("word ", 500)
	return strings.Join([]string{
		`{"id":"a","text":"` + ar + `","published":"2025-03-02"}`,
		`{not json`,
		`{"id":7,"text":"   "}`,
		``,
		" \t",
		`{"id":"b","text":"` + en + `","ref":"2025-03-04"}`,
		`{"id":"c"}`,
		`{"id":"x","text":123}`,
		`{"id":{"k":[1,2]},"text":"` + en + `"}`,
		`{"id":42}`,
		`{"id":1.50,"text":"` + en + `"}`,
		`[1,2]`,
		`null`,
		"{\"id\":\"u\",\"text\":\"Title\\n\\nBroken \xff byte here.\"}",
		`{"id":"s","text":"Title\n\nA lone \ud800 surrogate."}`,
		`{"id":"pair","text":"Title\n\nA smile \ud83d\ude00 in a pair."}`,
		`{"id":"p","text":"` + en + `","published":"not a date"}`,
		`{"id":"r","text":"` + en + `","ref":5}`,
		`{"id":"crlf","text":"` + en + `"}` + "\r",
		`{"id":"big","text":"` + big + `"}`,
		`{ "id" : [ 1 , 2 ] , "text" : "` + en + `" }`,
		`{"text":"` + en + `"}`,
		`{"id":"t","text":null}`,
		`{"id":true,"text":"` + en + `"}`,
		`{"id":"last","text":"` + ar + `"}`,
	}, "\n")
}

// summarizeLines reduces output lines to what the contract fixes: the
// first two members as written, then the error, or the other keys of a
// result.
func summarizeLines(t *testing.T, out string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !utf8.ValidString(line) {
			t.Errorf("output line is not valid UTF-8: %q", line)
		}
		dec := json.NewDecoder(strings.NewReader(line))
		var keys []string
		var errText string
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			t.Fatalf("output line %q is not a JSON object", line)
		}
		prefixEnd := 0
		for i := 0; dec.More(); i++ {
			k, err := dec.Token()
			if err != nil {
				t.Fatalf("output line %q: %v", line, err)
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				t.Fatalf("output line %q: %v", line, err)
			}
			switch {
			case i == 0 && k != "id", i == 1 && k != "line":
				t.Errorf("output line %q does not start with id and line", line)
			case i == 0:
			case i == 1:
				prefixEnd = int(dec.InputOffset())
			case k == "error":
				json.Unmarshal(raw, &errText)
			default:
				keys = append(keys, k.(string))
			}
		}
		if errText != "" {
			if len(keys) > 0 {
				t.Errorf("error line %q has other members %v", line, keys)
			}
			fmt.Fprintf(&b, "%s} error: %s\n", line[:prefixEnd], errText)
			continue
		}
		fmt.Fprintf(&b, "%s} ok: %s\n", line[:prefixEnd], strings.Join(keys, " "))
	}
	return b.String()
}

// TestExtractJSONLContract runs a batch with a line of every kind and checks
// the output against golden files: one line per input line in order (or
// none for a skipped blank line), ids as given, line numbers, errors.
func TestExtractJSONLContract(t *testing.T) {
	in := jsonlInput()
	inputLines := strings.Count(in, "\n") + 1
	tests := []struct {
		name   string
		flags  []string
		golden string
		lines  int
	}{
		{"default", nil, "extract.golden", inputLines},
		{"skip blank", []string{"-skip-blank"}, "extract-skip-blank.golden", inputLines - 2},
		{"replace invalid", []string{"-replace-invalid", "-workers", "1"}, "extract-replace-invalid.golden", inputLines},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"extract", "-jsonl", "-max-bytes", "2KiB"}, tt.flags...)
			code, out, errs := runCmd(t, in, args...)
			if code != exitFailed {
				t.Errorf("exit %d, want %d; stderr %s", code, exitFailed, errs)
			}
			if n := strings.Count(out, "\n"); n != tt.lines {
				t.Errorf("%d output lines for %d input lines", n, tt.lines)
			}
			checkGolden(t, filepath.Join("testdata", "jsonl", tt.golden), summarizeLines(t, out))
			// Every result is a full document whose spans slice its text.
			var req map[string]any
			for i, line := range strings.Split(out, "\n") {
				var obj map[string]any
				if line == "" || json.Unmarshal([]byte(line), &obj) != nil || obj["error"] != nil {
					continue
				}
				n := int(obj["line"].(float64))
				if json.Unmarshal([]byte(strings.Split(in, "\n")[n-1]), &req) != nil {
					t.Fatalf("output line %d: input line %d is not JSON", i+1, n)
				}
				checkDocument(t, req["text"].(string), obj)
			}
		})
	}
}

// TestLineObject: the id and line come first, the value's own id and line
// are dropped, its other members follow in order.
func TestLineObject(t *testing.T) {
	tests := []struct {
		id   string
		v    any
		want string
	}{
		{`"a"`, map[string]any{"x": 1}, `{"id":"a","line":3,"x":1}`},
		{`7`, struct {
			ID   string `json:"id"`
			Line int    `json:"line"`
			Z    []int  `json:"z"`
			A    string `json:"a"`
		}{"dropped", 9, []int{1}, "<&>"}, `{"id":7,"line":3,"z":[1],"a":"\u003c\u0026\u003e"}`},
		{`null`, struct{}{}, `{"id":null,"line":3}`},
		{`{"k":[1,2]}`, map[string]string{"error": "bad"}, `{"id":{"k":[1,2]},"line":3,"error":"bad"}`},
	}
	for _, tt := range tests {
		got, err := lineObject(json.RawMessage(tt.id), 3, tt.v)
		if err != nil {
			t.Fatalf("lineObject(%s, %v): %v", tt.id, tt.v, err)
		}
		if diff := cmp.Diff(tt.want, string(got)); diff != "" {
			t.Errorf("lineObject(%s) mismatch (-want +got):\n%s", tt.id, diff)
		}
	}
	if _, err := lineObject(null, 1, []int{1}); err == nil {
		t.Error("lineObject of an array: no error")
	}
}

func TestLoneSurrogate(t *testing.T) {
	tests := []struct {
		in  string
		off int
		ok  bool
	}{
		{`"plain"`, 0, true},
		{`"\ud83d\ude00"`, 0, true},
		{`"\u0041\\ud800"`, 0, true}, // an escaped backslash, then text
		{`"a\ud800"`, 2, false},
		{`"a\ud800\u0041"`, 2, false},
		{`"\ude00"`, 1, false},
		{`"\\\ud800"`, 3, false},
		{`"\ud83d`, 1, false},
		{`"\`, 0, true},
	}
	for _, tt := range tests {
		off, ok := loneSurrogate([]byte(tt.in))
		if off != tt.off || ok != tt.ok {
			t.Errorf("loneSurrogate(%s) = %d, %v; want %d, %v", tt.in, off, ok, tt.off, tt.ok)
		}
	}
}

// TestJSONLByteOrderMark: JSON lines in UTF-16 (as PowerShell writes them)
// are decoded; a UTF-8 mark is dropped.
func TestJSONLByteOrderMark(t *testing.T) {
	line := `{"id":"a","text":"Title\n\nThe minister said on Monday that talks would go on.\n"}` + "\n"
	for _, tt := range []struct {
		name string
		in   []byte
		note string
	}{
		{"UTF-8", append([]byte("\uFEFF"), line...), ""},
		{"UTF-16LE", utf16LE("\uFEFF" + line), "UTF-16LE"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, string(tt.in), "extract", "-jsonl")
			if code != exitOK || !strings.HasPrefix(out, `{"id":"a","line":1,`) {
				t.Errorf("exit %d, output %.60q; stderr %s", code, out, errs)
			}
			if !strings.Contains(errs, tt.note) {
				t.Errorf("stderr %q does not name %s", errs, tt.note)
			}
		})
	}
}

// lineSource produces n JSON lines of size bytes each, made on demand, and
// counts how many it has given out.
type lineSource struct {
	n, size int
	made    atomic.Int64
	buf     []byte
}

func (s *lineSource) Read(p []byte) (int, error) {
	if len(s.buf) == 0 {
		i := int(s.made.Load())
		if i == s.n {
			return 0, io.EOF
		}
		text := strings.Repeat("Word ", (s.size-40)/5)
		s.buf = fmt.Appendf(nil, `{"id":%d,"text":"Title\n\n%s."}`+"\n", i+1, text)
		s.made.Add(1)
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// lineCounter counts the lines written through it.
type lineCounter struct{ lines atomic.Int64 }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines.Add(int64(bytes.Count(p, []byte("\n"))))
	return len(p), nil
}

// TestBatchReadAhead: the batch holds at most 2×workers+3 lines between
// reading and writing, plus what the 1 MiB read buffer holds, however far
// the first line falls behind. Lines just over 1 MiB make the read buffer
// hold at most one line.
func TestBatchReadAhead(t *testing.T) {
	for _, workers := range []int{1, 3} {
		const lines = 16
		src := &lineSource{n: lines, size: 1<<20 + 1<<12}
		var out lineCounter
		var maxAhead atomic.Int64
		measure := func() {
			ahead := src.made.Load() - out.lines.Load()
			for m := maxAhead.Load(); ahead > m && !maxAhead.CompareAndSwap(m, ahead); m = maxAhead.Load() {
			}
		}
		first := make(chan struct{})
		work := func(ctx context.Context, it item) (any, error) {
			if it.n == 1 {
				<-first // the first line waits while the reader runs ahead
			}
			measure()
			return map[string]int{"n": it.n}, nil
		}
		go func() {
			// Release the first line once the reader has stopped.
			last := int64(-1)
			for n := src.made.Load(); n != last; n = src.made.Load() {
				last = n
				time.Sleep(50 * time.Millisecond)
			}
			close(first)
		}()
		e := env{stdin: src, stdout: &out, stderr: io.Discard}
		if err := runBatch(context.Background(), e, defaultLines, workers, work); err != nil {
			t.Fatal(err)
		}
		if got := out.lines.Load(); got != lines {
			t.Fatalf("workers %d: %d lines written, want %d", workers, got, lines)
		}
		// The count runs ahead by the lines held, and by one line made but
		// still in the read buffer.
		if bound := int64(2*workers + 3 + 1); maxAhead.Load() > bound {
			t.Errorf("workers %d: the reader ran %d lines ahead of the output, more than %d", workers, maxAhead.Load(), bound)
		}
		t.Logf("workers %d: the reader ran at most %d lines ahead of the output", workers, maxAhead.Load())
	}
}

// BenchmarkBatchMemory streams 300 MiB of JSON lines (75 articles of 4 MiB)
// through the batch, each parsed by article.Parser as every command does
// first, and reports the peak heap. The batch holds at most 2×workers+3
// lines (7 with 2 workers, 28 MiB); the peak measured, 160–200 MiB, is
// mostly the two articles being parsed, and stays below the input.
//
//	go test -run '^$' -bench BatchMemory -benchtime 1x ./examples/khabar
func BenchmarkBatchMemory(b *testing.B) {
	const lines, size = 75, 4 << 20
	for b.Loop() {
		src := &lineSource{n: lines, size: size}
		var peak atomic.Uint64
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var ms runtimeMemStats
			for {
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
				}
				if h := ms.heap(); h > peak.Load() {
					peak.Store(h)
				}
			}
		}()
		w := bufio.NewWriter(io.Discard)
		e := env{stdin: src, stdout: w, stderr: io.Discard}
		err := runBatch(context.Background(), e, defaultLines, 2, func(ctx context.Context, it item) (any, error) {
			a, err := article.Parser{}.Parse(it.in.text)
			if err != nil {
				return nil, err
			}
			return map[string]int{"tokens": len(a.Tokens)}, nil
		})
		close(stop)
		<-sampled
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(lines*size)/(1<<20), "input-MiB")
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
	}
}

// TestMain lets the signal tests run this binary as the command
// (KHABAR_TEST_MAIN=1), or as a program that takes its first interrupt and
// then does not stop (KHABAR_TEST_MAIN=stuck).
func TestMain(m *testing.M) {
	switch os.Getenv("KHABAR_TEST_MAIN") {
	case "1":
		main()
	case "stuck":
		ctx, _ := interruptible(context.Background(), os.Stderr)
		fmt.Println("ready")
		<-ctx.Done()
		time.Sleep(time.Minute) // work that ignores its context
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// runtimeMemStats reads the bytes of live and unswept heap objects.
type runtimeMemStats struct{ s []metrics.Sample }

func (m *runtimeMemStats) heap() uint64 {
	if m.s == nil {
		m.s = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	}
	metrics.Read(m.s)
	return m.s[0].Value.Uint64()
}
