package tagger

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ReadCoNLLDocs reads a CoNLL file whose documents are marked: a line that
// begins with "#" and holds no tab begins a new document, and the rest of
// the line is the document's comment (data/ner-en.txt and data/ner-fa.txt
// mark every tweet and every wikigold article so). It returns the
// sentences, each with the index of its document in Doc, and the
// comments by document index. Sentences before the first mark belong to
// document 0, whose comment is "". A malformed line yields a
// *SyntaxError with its line number in the whole file.
func ReadCoNLLDocs(r io.Reader) ([]Sentence, []string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		out      []Sentence
		comments = []string{""}
		chunk    strings.Builder
		start    = 0 // line number before the chunk
		line     = 0
	)
	flush := func() error {
		sents, err := ReadCoNLL(strings.NewReader(chunk.String()))
		var se *SyntaxError
		if errors.As(err, &se) {
			return &SyntaxError{Line: se.Line + start, Msg: se.Msg}
		}
		if err != nil {
			return err
		}
		for i := range sents {
			sents[i].Doc = len(comments) - 1
		}
		out = append(out, sents...)
		chunk.Reset()
		return nil
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "#") && !strings.Contains(s, "\t") {
			if err := flush(); err != nil {
				return nil, nil, err
			}
			start = line
			comments = append(comments, strings.TrimSpace(s[1:]))
			continue
		}
		chunk.WriteString(s)
		chunk.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("tagger: reading conll: %w", err)
	}
	if err := flush(); err != nil {
		return nil, nil, err
	}
	return out, comments, nil
}

// Interleave returns the sentences with their documents in a fixed
// pseudo-random order (each document's sentences stay together and in
// order), so that contiguous blocks of the result, as the jackknife and
// cross-validation folds cut them, mix the corpora of a file.
func Interleave(sents []Sentence) []Sentence {
	type doc struct {
		key    uint64
		lo, hi int
	}
	var docs []doc
	for lo := 0; lo < len(sents); {
		hi := lo + 1
		for hi < len(sents) && sents[hi].Doc == sents[lo].Doc {
			hi++
		}
		docs = append(docs, doc{mix(uint64(sents[lo].Doc) + 0x9e3779b97f4a7c15), lo, hi})
		lo = hi
	}
	slices.SortStableFunc(docs, func(a, b doc) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	out := make([]Sentence, 0, len(sents))
	for _, d := range docs {
		out = append(out, sents[d.lo:d.hi]...)
	}
	return out
}
