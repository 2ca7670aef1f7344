package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// checkGolden compares got with the golden file at path, or rewrites it
// with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestHelp: the usage and each command's help come from the command table,
// go to standard output and exit 0, however they are asked for.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"help"}} {
		code, out, errs := runCmd(t, "", args...)
		if code != exitOK || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		checkGolden(t, filepath.Join("testdata", "help", "usage.golden"), out)
	}
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}, {c.name, "sample.txt", "-h"}} {
			code, out, errs := runCmd(t, "", args...)
			if code != exitOK || errs != "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, errs)
			}
			checkGolden(t, filepath.Join("testdata", "help", c.name+".golden"), out)
		}
	}
}

// TestCommandTable keeps the table honest: every flag has a usage line and
// shows in a synopsis, every synopsis names only flags that exist, and the
// language-model commands name their environment.
func TestCommandTable(t *testing.T) {
	for _, c := range commands {
		fs := c.newFlagSet(&opts{})
		var synopses string
		for _, form := range c.forms {
			synopses += c.synopsis(fs, form) + "\n"
		}
		if strings.Contains(synopses, "?") {
			t.Errorf("%s: a synopsis names a flag that does not exist:\n%s", c.name, synopses)
		}
		fs.VisitAll(func(f *flag.Flag) {
			if f.Usage == "" {
				t.Errorf("%s -%s has no usage", c.name, f.Name)
			}
			if !regexp.MustCompile(`-` + regexp.QuoteMeta(f.Name) + `\b[^-]`).MatchString(synopses) {
				t.Errorf("%s -%s is in no synopsis:\n%s", c.name, f.Name, synopses)
			}
		})
		if fs.Lookup("timeout") != nil && len(c.env) == 0 {
			t.Errorf("%s takes -timeout but names no environment", c.name)
		}
		if c.summary == "" || c.doc == "" {
			t.Errorf("%s has no summary or doc", c.name)
		}
	}
}

// TestFlagsAnywhere: flags after the file mean what they mean before it;
// after "--" every argument is a file name.
func TestFlagsAnywhere(t *testing.T) {
	_, before, _ := runCmd(t, "", "summarize", "-sentences", "1", "-json", "sample.txt")
	for _, args := range [][]string{
		{"summarize", "sample.txt", "-sentences", "1", "-json"},
		{"summarize", "-json", "sample.txt", "-sentences=1"},
	} {
		code, out, errs := runCmd(t, "", args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errs)
		}
		if diff := cmp.Diff(before, out); diff != "" {
			t.Errorf("%v mismatch (-before +after):\n%s", args, diff)
		}
	}
	code, out, _ := runCmd(t, "", "extract", "sample.txt", "-ref", "2025-01-01")
	if code != exitOK || !strings.Contains(out, `"value": "2025-08-20"`) {
		t.Errorf("extract FILE -ref: exit %d", code)
	}

	dir := t.TempDir()
	odd := filepath.Join(dir, "-odd.txt")
	if err := os.WriteFile(odd, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if code, _, errs := runCmd(t, "", "summarize", "-sentences", "1", "--", "-odd.txt"); code != exitOK {
		t.Errorf("a file after --: exit %d, stderr %s", code, errs)
	}
	if code, _, errs := runCmd(t, "", "summarize", "--", "-odd.txt", "-json"); code != exitUsage || !strings.Contains(errs, "one input file") {
		t.Errorf("-json after --: exit %d, stderr %s", code, errs)
	}
}

// failWriter fails every write, as a full disk does.
type failWriter struct{}

var errDiskFull = errors.New("no space left on device")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// TestWriteErrors: every command reports a failed write and exits 1.
func TestWriteErrors(t *testing.T) {
	srv := newFakeServer(t)
	vars := srv.vars()
	state := filepath.Join(t.TempDir(), "state.json")
	line := `{"id":"x","text":"Title\n\nA paragraph.\n"}` + "\n"
	for _, tt := range []struct {
		args  []string
		stdin string
	}{
		{nil, ""},
		{[]string{"report", "sample.txt"}, ""},
		{[]string{"extract", "sample.txt"}, ""},
		{[]string{"extract", "-jsonl"}, line},
		{[]string{"summarize", "sample.txt"}, ""},
		{[]string{"summarize", "-json", "sample.txt"}, ""},
		{[]string{"summarize", "-llm", "sample.txt"}, ""},
		{[]string{"render", "sample.txt"}, ""},
		{[]string{"translate", "-to", "en", "sample.txt"}, ""},
		{[]string{"translate", "-to", "en", "-json", "sample.txt"}, ""},
		{[]string{"translate", "-to", "en", "-jsonl"}, line},
		{[]string{"translate", "-to", "en", "-batch", state, "-poll", "1ms"}, line},
		{[]string{"version"}, ""},
	} {
		var errb bytes.Buffer
		e := env{stdin: strings.NewReader(tt.stdin), stdout: failWriter{}, stderr: &errb, getenv: func(k string) string { return vars[k] }}
		code := run(context.Background(), e, tt.args)
		if code != exitFailed || !strings.Contains(errb.String(), "writing output") || !strings.Contains(errb.String(), errDiskFull.Error()) {
			t.Errorf("%v: exit %d, stderr %q; want %d and the write error", tt.args, code, errb.String(), exitFailed)
		}
	}
}

// TestDevFull writes to /dev/full, where the system has it.
func TestDevFull(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full:", err)
	}
	defer f.Close()
	for _, args := range [][]string{{"report"}, {"extract", "-jsonl"}} {
		var errb bytes.Buffer
		e := env{stdin: strings.NewReader(`{"text":"a b c"}`), stdout: f, stderr: &errb, getenv: func(string) string { return "" }}
		if code := run(context.Background(), e, args); code != exitFailed || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%v > /dev/full: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func utf16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.BigEndian.AppendUint16(b, u)
	}
	return b
}

func utf32LE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	return b
}

func utf32BE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.BigEndian.AppendUint32(b, uint32(r))
	}
	return b
}

// TestInputEncodings: UTF-16 and UTF-32 files with a byte-order mark give
// the document of the UTF-8 text; UTF-16 without one is named with the fix;
// invalid UTF-8 fails with its offset unless -replace-invalid.
func TestInputEncodings(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, want, _ := runCmd(t, "", "extract", write("a.txt", []byte(sample)))
	for _, tt := range []struct {
		name string
		b    []byte
	}{
		{"UTF-16LE", utf16LE("\uFEFF" + sample)},
		{"UTF-16BE", utf16BE("\uFEFF" + sample)},
		{"UTF-32LE", utf32LE("\uFEFF" + sample)},
		{"UTF-32BE", utf32BE("\uFEFF" + sample)},
	} {
		code, out, errs := runCmd(t, "", "extract", write("a.txt", tt.b))
		if code != exitOK {
			t.Fatalf("%s: exit %d, stderr %s", tt.name, code, errs)
		}
		if diff := cmp.Diff(want, out); diff != "" {
			t.Errorf("%s: document differs from the UTF-8 file's (-want +got):\n%s", tt.name, diff)
		}
		if !strings.Contains(errs, tt.name+" (byte-order mark): decoded to UTF-8") {
			t.Errorf("%s: stderr %q does not say the file was decoded", tt.name, errs)
		}
	}

	for _, tt := range []struct {
		name  string
		b     []byte
		flags []string
		code  int
		err   string
	}{
		{"UTF-16LE without a mark", utf16LE(sample), nil, exitFailed, "looks like UTF-16LE without a byte-order mark; convert it first: iconv -f UTF-16LE -t UTF-8"},
		{"UTF-16BE without a mark", utf16BE(sample), nil, exitFailed, "looks like UTF-16BE"},
		{"NUL bytes", []byte("text\x00more text here"), nil, exitFailed, "NUL byte at offset 4"},
		{"invalid UTF-8", []byte("Title\n\nBroken \xff byte.\n"), nil, exitFailed, "invalid UTF-8 at byte offset 14"},
		{"invalid UTF-8 replaced", []byte("Title\n\nBroken \xff byte.\n"), []string{"-replace-invalid"}, exitOK, ""},
	} {
		args := append([]string{"summarize", write("b.txt", tt.b)}, tt.flags...)
		code, _, errs := runCmd(t, "", args...)
		if code != tt.code || !strings.Contains(errs, tt.err) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, errs, tt.code, tt.err)
		}
	}
}

// TestMaxBytes: the limit is said in human units, with the flag that
// raises it, and -max-bytes raises it.
func TestMaxBytes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args  []string
		stdin string
		code  int
		err   string
	}{
		{[]string{"summarize", p, "-max-bytes", "4KiB"}, "", exitFailed, "big.txt is 4.2 KiB, over the limit of 4 KiB; raise it with -max-bytes, up to 1 GiB"},
		{[]string{"summarize", "-", "-max-bytes", "1K"}, sample, exitFailed, "standard input is over the limit of 1 KiB"},
		{[]string{"summarize", p, "-max-bytes", "5KiB"}, "", exitOK, ""},
		{[]string{"summarize", p, "-max-bytes", "1GiB"}, "", exitOK, ""},
	} {
		code, _, errs := runCmd(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.err)
		}
	}
}

func TestSizes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		err  bool
	}{
		{"1048576", 1 << 20, false},
		{"512K", 512 << 10, false},
		{"64MiB", 64 << 20, false},
		{"64 mib", 64 << 20, false},
		{"1.5G", 3 << 29, false},
		{"100MB", 100e6, false},
		{"2kB", 2000, false},
		{"12B", 12, false},
		{"lots", 0, true},
		{"5 parsecs", 0, true},
		{"-5M", 0, true},
		{"", 0, true},
	} {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, error %t", tt.in, got, err, tt.want, tt.err)
		}
	}
	for n, want := range map[int64]string{
		1: "1 byte", 100: "100 bytes", 1 << 10: "1 KiB", 4300: "4.2 KiB", 16 << 20: "16 MiB",
		52 << 20: "52 MiB", 54_525_952 + 300_000: "52.3 MiB", 1 << 30: "1 GiB",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSummarizeWords: a word budget gives whole sentences of the article
// that fit in it, or, when none fits, the start of one with "…".
func TestSummarizeWords(t *testing.T) {
	sentences := map[[2]int]bool{}
	_, out, _ := runCmd(t, "", "extract")
	var doc struct {
		Paragraphs []struct{ Sentences [][2]int }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			sentences[s] = true
		}
	}
	for _, tt := range []struct {
		words int
		cut   bool // whether the sample must be cut: no sentence fits
	}{{5, true}, {20, false}, {30, false}, {60, false}, {120, false}} {
		code, out, errs := runCmd(t, "", "summarize", "-json", "-words", itoa(tt.words))
		if code != exitOK {
			t.Fatalf("-words %d: exit %d, stderr %s", tt.words, code, errs)
		}
		var got struct {
			Sentences [][2]int
			Text      string
			Truncated bool
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Truncated != tt.cut || strings.HasSuffix(got.Text, "…") != tt.cut {
			t.Errorf("-words %d: truncated %v, text %q; want cut %v, marked with …", tt.words, got.Truncated, got.Text, tt.cut)
		}
		if tt.cut && len(got.Sentences) != 1 {
			t.Errorf("-words %d: %d spans in a cut summary, want the one sentence cut", tt.words, len(got.Sentences))
		}
		words := 0
		for _, s := range got.Sentences {
			if !tt.cut && !sentences[s] {
				t.Errorf("-words %d: span %v is not a whole sentence", tt.words, s)
			}
			words += len(strings.FieldsFunc(sample[s[0]:s[1]], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }))
		}
		if words > tt.words || words == 0 {
			t.Errorf("-words %d: %d words in %q", tt.words, words, got.Text)
		}
		_, plain, _ := runCmd(t, "", "summarize", "-words", itoa(tt.words))
		if plain != got.Text+"\n" {
			t.Errorf("-words %d: text %q differs from -json's %q", tt.words, plain, got.Text)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestVersion prints the module version, and the revision when the build
// has one, or says why it has none.
func TestVersion(t *testing.T) {
	code, out, errs := runCmd(t, "", "version")
	if code != exitOK || !strings.Contains(out, "module   github.com/khabar-go/khabar") || !strings.Contains(out, "go       go1.") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	main := debug.Module{Path: "github.com/khabar-go/khabar", Version: "v0.3.0"}
	for _, tt := range []struct {
		name     string
		settings []debug.BuildSetting
		golden   string
	}{
		{"no vcs", nil, "version-novcs.golden"},
		{"vcs", []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "8d4f2637550fec3d8c2888051f3d08da29f27e25"},
			{Key: "vcs.time", Value: "2026-11-28T22:13:07Z"},
			{Key: "vcs.modified", Value: "true"},
		}, "version-vcs.golden"},
	} {
		var b strings.Builder
		if err := writeVersion(&b, &debug.BuildInfo{GoVersion: "go1.26.8", Main: main, Settings: tt.settings}); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, filepath.Join("testdata", "help", tt.golden), b.String())
	}
}

// TestInterruptedBatch: when the context ends (as on Ctrl-C), the batch
// stops reading, writes the lines it has, says how far the output goes and
// exits 130.
func TestInterruptedBatch(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancelCause(context.Background())
	outR, outW := io.Pipe()
	var errb bytes.Buffer
	e := env{stdin: pr, stdout: outW, stderr: &errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, e, []string{"extract", "-jsonl", "-workers", "1"})
		outW.Close()
	}()
	io.WriteString(pw, `{"id":1,"text":"Title\n\nOne sentence here.\n"}`+"\n"+`{"id":2,"text":"Title\n\nAnother one.\n"}`+"\n")
	// Wait for both output lines; standard input stays open.
	var got []byte
	buf := make([]byte, 64<<10)
	for bytes.Count(got, []byte("\n")) < 2 {
		n, err := outR.Read(buf)
		if err != nil {
			t.Fatalf("output ended early: %v; stderr %s", err, errb.String())
		}
		got = append(got, buf[:n]...)
	}
	cancel(errInterrupted)
	go io.Copy(io.Discard, outR)
	if code := <-done; code != exitInterrupted {
		t.Errorf("exit %d, want %d", code, exitInterrupted)
	}
	for _, want := range []string{"the output covers input lines 1 to 2", "khabar: interrupted"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr %q lacks %q", errb.String(), want)
		}
	}
	if !bytes.HasPrefix(got, []byte(`{"id":1,"line":1,`)) {
		t.Errorf("output %.40q", got)
	}
}

// TestProgressOnlyOnTerminal: a batch draws its progress bar on standard
// error only when that is a terminal.
func TestProgressOnlyOnTerminal(t *testing.T) {
	in := `{"id":1,"text":"Title\n\nOne sentence.\n"}` + "\n"
	for _, tty := range []bool{false, true} {
		var out, errb strings.Builder
		e := env{stdin: strings.NewReader(in), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }, stderrIsTerminal: tty}
		if code := run(t.Context(), e, []string{"extract", "-jsonl"}); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if drawn := errb.Len() > 0; drawn != tty {
			t.Errorf("terminal %v: stderr %q", tty, errb.String())
		}
	}
}
