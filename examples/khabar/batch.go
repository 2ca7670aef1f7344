package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"
)

// inputLine is one line of a JSON-lines batch.
type inputLine struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"` // a page, instead of "text" (page.go)
	Published string          `json:"published"`
	Ref       string          `json:"ref"`
}

// item is one batch line ready for work.
type item struct {
	n    int             // line number, from 1
	id   json.RawMessage // the caller's id as given (any JSON value), or null
	text string
	ref  time.Time
	size int64
	err  error // set when the line itself is bad
}

// failure is the output line of an item that failed.
type failure struct {
	ID    json.RawMessage `json:"id"`
	Line  int             `json:"line"`
	Error string          `json:"error"`
}

// maxLine bounds one input line: the largest article plus JSON overhead.
const maxLine = 64 << 20

// readItems reads JSON lines from r and sends them on out, in order. A line
// that is not a valid request becomes an item with err set, so the batch
// goes on. defRef is the reference date of lines that give neither ref nor
// published.
func readItems(ctx context.Context, r io.Reader, defRef time.Time, out chan<- item) error {
	defer close(out)
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if tooLong || !isBlank(line) {
			it := parseItem(n, line, defRef)
			if tooLong {
				it.err = fmt.Errorf("line %d is longer than %d bytes", n, maxLine)
			}
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

// readLine returns the next line without its end. A line over maxLine is
// read to its end and reported with tooLong set, so the batch goes on.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(line)+len(chunk) > maxLine {
			tooLong, line = true, nil
		}
		if !tooLong {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		return line, tooLong, err
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

func parseItem(n int, line []byte, defRef time.Time) item {
	it := item{n: n, id: json.RawMessage("null"), size: int64(len(line)) + 1, ref: defRef}
	var in inputLine
	if err := json.Unmarshal(line, &in); err != nil {
		it.err = fmt.Errorf("line %d is not a JSON object: %w", n, err)
		return it
	}
	if len(in.ID) > 0 {
		it.id = in.ID
	}
	if in.Text == nil && in.HTML != nil {
		if in.Text = in.HTML; !isPage(*in.HTML) {
			it.err = fmt.Errorf("line %d: \"html\" does not look like an HTML page", n)
			return it
		}
	}
	if in.Text == nil {
		it.err = fmt.Errorf("line %d has no \"text\" or \"html\"", n)
		return it
	}
	it.text = *in.Text
	for _, s := range []string{in.Published, in.Ref} {
		if s == "" {
			continue
		}
		t, err := parseDate(s)
		if err != nil {
			it.err = fmt.Errorf("line %d: %w", n, err)
			return it
		}
		it.ref = t // ref, read last, wins over published
	}
	return it
}

// runBatch reads JSON lines from e.stdin, runs work on each with bounded
// parallelism, and writes one JSON line per input line to e.stdout in input
// order. A failing line is written as {"id", "line", "error"} and the batch
// goes on; errSomeFailed is returned at the end if any line failed.
func runBatch(ctx context.Context, e env, defRef time.Time, work func(context.Context, item) (any, error)) error {
	var total int64
	if f, ok := e.stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			total = fi.Size()
		}
	}
	bar := newProgress(e, total)

	items := make(chan item, 64)
	readErr := make(chan error, 1)
	go func() { readErr <- readItems(ctx, e.stdin, defRef, items) }()

	workers := runtime.GOMAXPROCS(0)
	// Each item gets a slot; results are written in input order.
	slots := make(chan chan outLine, workers*4)
	var wg sync.WaitGroup
	sem := make(chan struct{}, workers)
	go func() {
		defer close(slots)
		for it := range items {
			slot := make(chan outLine, 1)
			slots <- slot
			sem <- struct{}{}
			wg.Add(1)
			go func(it item) {
				defer func() { <-sem; wg.Done() }()
				slot <- encodeResult(ctx, it, work)
			}(it)
		}
		wg.Wait()
	}()

	w := bufio.NewWriter(e.stdout)
	failed := 0
	for slot := range slots {
		r := <-slot
		if !r.ok {
			failed++
		}
		w.Write(r.line)
		w.WriteByte('\n')
		bar.add(r.size, !r.ok)
		if len(slots) == 0 { // nothing else ready: let the reader see what is done
			w.Flush()
		}
	}
	bar.finish()
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
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
	ok   bool // false for a failure line
	size int64
}

// encodeResult runs work on it and encodes the output line.
func encodeResult(ctx context.Context, it item, work func(context.Context, item) (any, error)) (r outLine) {
	r.size = it.size
	fail := func(err error) {
		r.line, _ = json.Marshal(failure{ID: it.id, Line: it.n, Error: err.Error()})
	}
	if it.err != nil {
		fail(it.err)
		return r
	}
	v, err := work(ctx, it)
	if err != nil {
		fail(err)
		return r
	}
	b, err := json.Marshal(v)
	if err != nil {
		fail(err)
		return r
	}
	r.line, r.ok = b, true
	return r
}
