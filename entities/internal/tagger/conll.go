package tagger

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is a tokenised sentence with one label per word.
type Sentence struct {
	Words  []string
	Labels []Label
	// Doc numbers the sentence's document: neighbouring sentences with
	// the same Doc are its context in training and in Evaluate
	// (ReadCoNLL leaves it 0, so all sentences are one stream).
	Doc int
}

// SyntaxError reports a malformed line of a CoNLL file.
type SyntaxError struct {
	Line int    // 1-based line number
	Msg  string // what is wrong
}

// Error reports the line and what is wrong with it.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("tagger: conll line %d: %s", e.Line, e.Msg)
}

// ReadCoNLL reads sentences in the two-column CoNLL format of ANERcorp: one
// "word<TAB>label" (or "word label") per line, a blank line between
// sentences. A malformed line yields a *SyntaxError.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
			cur = Sentence{}
		}
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		i := strings.LastIndexAny(s, "\t ")
		if i <= 0 || i == len(s)-1 {
			return nil, &SyntaxError{Line: line, Msg: "want word and label separated by a tab"}
		}
		word, tag := strings.TrimRight(s[:i], "\t "), s[i+1:]
		if word == "" {
			return nil, &SyntaxError{Line: line, Msg: "empty word"}
		}
		l, ok := ParseLabel(tag)
		if !ok {
			return nil, &SyntaxError{Line: line, Msg: fmt.Sprintf("unknown label %q", tag)}
		}
		cur.Words = append(cur.Words, word)
		cur.Labels = append(cur.Labels, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tagger: reading conll: %w", err)
	}
	flush()
	return out, nil
}

// WriteCoNLL writes sentences in the format ReadCoNLL reads.
func WriteCoNLL(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for i, word := range s.Words {
			l := O
			if i < len(s.Labels) {
				l = s.Labels[i]
			}
			bw.WriteString(word)
			bw.WriteByte('\t')
			bw.WriteString(l.String())
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tagger: writing conll: %w", err)
	}
	return nil
}
