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
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// The JSON-lines contract (the README's "JSON lines" states it for users):
// every input line gives exactly one output line, in input order, unless
// -skip-blank drops a blank one; each output line is a JSON object whose
// first members are "id" (the line's id as given, of any JSON type, or
// null) and "line" (the input line number, from 1); a line that failed has
// "error" beside them and nothing else. Memory is bounded: at most
// 2×workers+3 lines and their results are held at once.

// item is one batch line ready for work.
type item struct {
	n    int             // line number, from 1
	id   json.RawMessage // the caller's id as given (compact), or null
	in   input           // the article
	ref  time.Time       // the reference date for its dates
	size int64           // bytes of input, for the progress bar
	err  error           // set when the line itself is bad
}

// lineOptions are the flags that shape how lines are read.
type lineOptions struct {
	defRef         time.Time // reference of lines that give neither ref nor published
	maxBytes       int       // the largest text
	replaceInvalid bool      // replace invalid UTF-8 instead of failing the line
	skipBlank      bool      // drop blank lines instead of failing them
}

// lineOptions returns the options of o for reading lines.
func (o *opts) lineOptions() lineOptions {
	return lineOptions{defRef: o.ref.t, maxBytes: o.maxBytes.n, replaceInvalid: o.replaceInvalid, skipBlank: o.skipBlank}
}

// maxLine is the longest line read for a text of lo.maxBytes: JSON escapes
// take up to 6 bytes for one byte of text.
func (lo lineOptions) maxLine() int { return 6*lo.maxBytes + 64<<10 }

// readItems reads JSON lines from r and sends them on out, in order, until
// the end of r or of ctx. A line that is not a valid request becomes an
// item with err set, so the batch goes on. Input that starts with a UTF-16
// or UTF-32 byte-order mark is decoded; a UTF-8 one is dropped.
func readItems(ctx context.Context, e env, r io.Reader, lo lineOptions, out chan<- item) error {
	defer close(out)
	br := bufio.NewReaderSize(r, 1<<20)
	if head, _ := br.Peek(4); len(head) > 0 {
		for _, bom := range boms {
			if bytes.HasPrefix(head, bom.mark) {
				fmt.Fprintf(e.stderr, "khabar: standard input is %s (byte-order mark): decoded to UTF-8\n", bom.name)
				br = bufio.NewReaderSize(transform.NewReader(br, bom.enc.NewDecoder()), 1<<20)
				break
			}
		}
		if bytes.HasPrefix(head, []byte("\uFEFF")) {
			br.Discard(3)
		}
	}
	limit := lo.maxLine()
	for n := 1; ; n++ {
		line, read, tooLong, err := readLine(br, limit)
		if errors.Is(err, io.EOF) && read == 0 {
			return nil // no line after the last newline
		}
		it := lineInput(n, line, lo)
		if tooLong {
			it.err = fmt.Errorf("line longer than %s (6 × -max-bytes, for JSON escapes)", formatSize(int64(limit)))
		}
		if it.err != errSkip {
			select {
			case out <- it:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading line %d: %w", n, err)
		}
	}
}

// readLine returns the next line without its end ("\n" or "\r\n") and the
// number of bytes it read. A line over limit is read to its end and reported
// with tooLong set, so the batch goes on.
func readLine(br *bufio.Reader, limit int) (line []byte, read int, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		read += len(chunk)
		if !tooLong && len(line)+len(chunk) > limit+2 {
			tooLong, line = true, nil
		}
		if !tooLong {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) > limit {
			tooLong, line = true, nil
		}
		return line, read, tooLong, err
	}
}

// errSkip marks a blank line that -skip-blank drops.
var errSkip = errors.New("skip")

// inputLine holds the members of a request line as given, so that a member
// of the wrong type is reported without losing the id.
type inputLine struct {
	ID        json.RawMessage `json:"id"`
	Text      json.RawMessage `json:"text"`
	HTML      json.RawMessage `json:"html"` // a page, instead of "text" (page.go)
	Published json.RawMessage `json:"published"`
	Ref       json.RawMessage `json:"ref"`
}

var null = json.RawMessage("null")

// lineInput turns line n into an item: the entry point for a JSON line, as
// readInput is for a file.
func lineInput(n int, line []byte, lo lineOptions) item {
	it := item{n: n, id: null, size: int64(len(line)) + 1, ref: lo.defRef}
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 {
		it.err = errors.New("blank line (-skip-blank drops blank lines)")
		if lo.skipBlank {
			it.err = errSkip
		}
		return it
	}
	if trimmed[0] != '{' {
		it.err = errors.New("not a JSON object")
		return it
	}
	var in inputLine
	if err := json.Unmarshal(trimmed, &in); err != nil {
		it.err = fmt.Errorf("not a JSON object: %w", err)
		return it
	}
	if len(in.ID) > 0 {
		it.id = compactID(in.ID)
	}
	// encoding/json replaces invalid UTF-8 and lone surrogates silently;
	// file mode fails on them unless -replace-invalid, and so does a line.
	if !lo.replaceInvalid {
		if off, ok := invalidUTF8(line); !ok {
			it.err = fmt.Errorf("invalid UTF-8 at byte offset %d of the line (-replace-invalid replaces it with U+FFFD)", off)
			return it
		}
		if off, ok := loneSurrogate(line); !ok {
			it.err = fmt.Errorf("a lone UTF-16 surrogate escape at byte offset %d of the line (-replace-invalid replaces it with U+FFFD)", off)
			return it
		}
	}
	text, err := jsonString(in.Text, "text")
	if err == nil && in.Text == nil && in.HTML != nil {
		if text, err = jsonString(in.HTML, "html"); err == nil && !isPage(text) {
			err = errors.New(`"html" does not look like an HTML page`)
		}
	} else if err == nil && in.Text == nil {
		err = errors.New(`no "text" or "html"`)
	}
	if err != nil {
		it.err = err
		return it
	}
	if len(text) > lo.maxBytes {
		it.err = tooLarge(`"text"`, int64(len(text)), lo.maxBytes)
		return it
	}
	it.in = input{text: text}
	for _, m := range []struct {
		raw  json.RawMessage
		name string
	}{{in.Published, "published"}, {in.Ref, "ref"}} {
		s, err := jsonString(m.raw, m.name)
		if err != nil {
			it.err = err
			return it
		}
		t, err := parseDate(s)
		if err != nil {
			it.err = fmt.Errorf("%q: %w", m.name, err)
			return it
		}
		if !t.IsZero() {
			it.ref = t // ref, read last, wins over published
		}
	}
	return it
}

// jsonString decodes the member called name: a string, or "" when absent
// or null; any other type is an error that names it.
func jsonString(raw json.RawMessage, name string) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		if name == "text" && len(raw) > 0 {
			return "", errors.New(`"text" is null`)
		}
		return "", nil
	}
	if raw[0] != '"' {
		return "", fmt.Errorf("%q is %s, want a string", name, jsonKind(raw[0]))
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%q: %w", name, err)
	}
	return s, nil
}

func jsonKind(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

// compactID returns the id without insignificant space; an id with invalid
// UTF-8 is re-encoded, so every output line is valid UTF-8.
func compactID(id json.RawMessage) json.RawMessage {
	if !utf8.Valid(id) {
		var v any
		if json.Unmarshal(id, &v) == nil {
			if b, err := json.Marshal(v); err == nil {
				return b
			}
		}
	}
	var b bytes.Buffer
	if json.Compact(&b, id) != nil {
		return null
	}
	return b.Bytes()
}

// invalidUTF8 returns the offset of the first invalid UTF-8 byte in b, and
// ok when there is none.
func invalidUTF8(b []byte) (off int, ok bool) {
	if utf8.Valid(b) {
		return 0, true
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i, false
		}
		i += n
	}
	return len(b), true
}

// loneSurrogate returns the offset of the first \uXXXX escape in b that is
// a UTF-16 surrogate without its pair, and ok when there is none.
func loneSurrogate(b []byte) (off int, ok bool) {
	hex := func(i int) (rune, bool) {
		if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	for i := bytes.IndexByte(b, '\\'); i >= 0 && i < len(b); {
		r, isU := hex(i)
		switch {
		case !isU:
			i += 2 // another escape, such as \\ or \"
		case 0xD800 <= r && r < 0xDC00:
			if lo, ok := hex(i + 6); !ok || lo < 0xDC00 || lo > 0xDFFF {
				return i, false
			}
			i += 12
		case 0xDC00 <= r && r <= 0xDFFF:
			return i, false
		default:
			i += 6
		}
		if i >= len(b) {
			break
		}
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			break
		}
		i += j
	}
	return 0, true
}

// lineObject encodes v, which must marshal to a JSON object, as an output
// line: "id" and "line" first, then v's other members.
func lineObject(id json.RawMessage, n int, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+len(id)+24)
	out = append(out, `{"id":`...)
	out = append(out, id...)
	out = append(out, `,"line":`...)
	out = strconv.AppendInt(out, int64(n), 10)
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("output of line %d is not a JSON object", n)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if key == "id" || key == "line" {
			continue
		}
		k, _ := json.Marshal(key)
		out = append(out, ',')
		out = append(out, k...)
		out = append(out, ':')
		out = append(out, raw...)
	}
	return append(out, '}'), nil
}

// failureLine encodes the output line of a line that failed.
func failureLine(id json.RawMessage, n int, err error) []byte {
	b, _ := lineObject(id, n, struct {
		Error string `json:"error"`
	}{err.Error()})
	return b
}

// errStopped reports a batch that stopped before the end of its input.
var errStopped = errors.New("batch stopped before the end of its input")

// runBatch reads JSON lines from e.stdin, runs work on each with at most
// workers at once, and writes one JSON line per input line to e.stdout in
// input order. A failing line is written as {"id", "line", "error"} and the
// batch goes on; errSomeFailed is returned at the end if any line failed.
// When ctx ends, the batch reads no more, lets the lines in progress end
// (work sees the context's end) and writes them, and returns an error that
// says how far the output goes.
func runBatch(ctx context.Context, e env, lo lineOptions, workers int, work func(context.Context, item) (any, error)) error {
	var total int64
	if f, ok := e.stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			total = fi.Size()
		}
	}
	bar := newProgress(e, total)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}

	// Lines held at once: workers in items, one being read, one being
	// dispatched, workers in slots (being worked on or done and waiting
	// for an earlier line), one being written.
	bctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan item, workers)
	readErr := make(chan error, 1)
	go func() { readErr <- readItems(bctx, e, e.stdin, lo, items) }()

	slots := make(chan chan outLine, workers)
	go func() {
		var wg sync.WaitGroup
		defer close(slots)
		defer wg.Wait()
		sem := make(chan struct{}, workers)
		for {
			var it item
			var ok bool
			select {
			case it, ok = <-items:
			case <-bctx.Done():
			}
			if !ok || bctx.Err() != nil {
				return
			}
			select {
			case sem <- struct{}{}:
			case <-bctx.Done():
				return
			}
			slot := make(chan outLine, 1)
			select {
			case slots <- slot:
			case <-bctx.Done():
				<-sem
				return
			}
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				slot <- encodeResult(bctx, it, work)
			}()
		}
	}()

	w := bufio.NewWriter(e.stdout)
	failed, last := 0, 0
	var writeErr error
	for slot := range slots {
		r := <-slot
		if writeErr != nil {
			continue
		}
		if !r.ok {
			failed++
		}
		last = r.n
		w.Write(r.line)
		w.WriteByte('\n')
		bar.add(r.size, !r.ok)
		if len(slots) == 0 { // nothing else ready: let the reader see what is done
			writeErr = w.Flush()
		}
		if writeErr != nil {
			cancel() // a full disk: stop reading and working
		}
	}
	if writeErr == nil {
		writeErr = w.Flush()
	}
	bar.finish()
	if writeErr != nil {
		return fmt.Errorf("writing output: %w", writeErr)
	}
	if ctx.Err() != nil {
		if failed > 0 {
			fmt.Fprintf(e.stderr, "khabar: %d of the batch's lines failed\n", failed)
		}
		return fmt.Errorf("%w: the output covers input lines 1 to %d", errStopped, last)
	}
	if err := <-readErr; err != nil {
		return err
	}
	return batchFailures(e, failed)
}

// batchFailures reports how many lines of a batch failed, if any did, and
// returns errSomeFailed then.
func batchFailures(e env, failed int) error {
	if failed == 0 {
		return nil
	}
	fmt.Fprintf(e.stderr, "khabar: %d of the batch's lines failed\n", failed)
	return errSomeFailed
}

// outLine is one encoded output line.
type outLine struct {
	line []byte
	n    int  // input line number
	ok   bool // false for a failure line
	size int64
}

// encodeResult runs work on it and encodes the output line.
func encodeResult(ctx context.Context, it item, work func(context.Context, item) (any, error)) outLine {
	r := outLine{n: it.n, size: it.size}
	err := it.err
	if err == nil {
		var v any
		if v, err = work(ctx, it); err == nil {
			r.line, err = lineObject(it.id, it.n, v)
		}
	}
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			err = fmt.Errorf("stopped: %w", context.Cause(ctx))
		}
		r.line = failureLine(it.id, it.n, err)
		return r
	}
	r.ok = true
	return r
}
