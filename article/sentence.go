package article

import (
	"unicode"
	"unicode/utf8"

	"github.com/khabar-go/khabar/internal/lang"
)

// abbreviations are the keys of Latin-script words that a period follows
// without ending the sentence.
var abbreviations = keySet(lang.Words(lang.Abbreviations, ""))

// appendSentences segments the tokens a.Tokens[first:last] of one paragraph
// (or the title) into sentences and appends them to dst. A sentence ends
// after a run of terminals (. ! ? ؟ … ۔, possibly ?! or ...) and the closing
// quotes or brackets that follow it, unless
//   - the period follows an abbreviation: a single letter (د. أ. ف. ب, U.S.)
//     or a known Latin abbreviation (Mr., Dr.);
//   - a quotation opened before it is closed later in the paragraph;
//   - the next token follows without a space and is Latin or a number
//     (example.com), or is a lower-case Latin word.
//
// Periods inside numbers (3.5, 2.000) are part of the Number token and never
// reach here; ، and ؛ are not terminals.
func (a *Article) appendSentences(dst []Sentence, first, last int) []Sentence {
	toks := a.Tokens[:last]
	// Quotation state. The closers still to come are counted when the
	// first quotation mark shows up, so paragraphs without one pay nothing.
	counted := false
	closeLeft, dqLeft := 0, 0 // closers and straight quotes after the current token
	count := func(i int) {
		if counted {
			return
		}
		counted = true
		for _, t := range toks[i+1:] {
			if t.Kind != Punct {
				continue
			}
			switch a.Source[t.Start] {
			case '"':
				dqLeft++
			case 0xC2: // »
				if a.Source[t.Start+1] == 0xBB {
					closeLeft++
				}
			case 0xE2: // ”
				if r, _ := utf8.DecodeRuneInString(a.Source[t.Start:]); r == '”' {
					closeLeft++
				}
			}
		}
	}
	depth, inDQ := 0, false
	quote := func(r rune, i int) {
		switch r {
		case '«', '“':
			count(i)
			if closeLeft > 0 {
				depth++
			}
		case '»', '”':
			if counted {
				closeLeft--
			}
			if depth > 0 {
				depth--
			}
		case '"':
			if counted {
				dqLeft--
			} else {
				count(i)
			}
			if inDQ {
				inDQ = false
			} else if dqLeft > 0 {
				inDQ = true
			}
		}
	}
	start := first
	for i := first; i < last; i++ {
		t := toks[i]
		if t.Kind != Punct {
			continue
		}
		r, _ := utf8.DecodeRuneInString(a.Source[t.Start:])
		if classOf(r) != cTerm {
			quote(r, i)
			continue
		}
		j := i + 1
		for j < last && toks[j].Kind == Punct && toks[j].Start == toks[j-1].End {
			c, _ := utf8.DecodeRuneInString(a.Source[toks[j].Start:])
			if classOf(c) == cTerm {
				// «…!». : the period after the closer ends it all.
				j++
				continue
			}
			if !isClosing(c) || c == '\'' || c == '"' && !inDQ {
				break
			}
			quote(c, j)
			j++
		}
		ti := i
		i = j - 1
		if j == last || depth > 0 || inDQ {
			continue
		}
		if a.Source[t.Start:t.End] == "." {
			if a.abbreviation(toks, first, ti) {
				continue
			}
			if ti == start+1 && toks[start].Kind == Number && toks[start].End == t.Start {
				continue // a list number: "1. …"
			}
		}
		next := toks[j]
		nr, _ := utf8.DecodeRuneInString(a.Source[next.Start:])
		if next.Start == toks[j-1].End && (next.Kind == Number || isLatin(nr)) {
			continue
		}
		if next.Kind == Word && unicode.IsLower(nr) && isLatin(nr) && r != '!' && r != '?' {
			continue
		}
		dst = append(dst, Sentence{Span: Span{toks[start].Start, toks[j-1].End}, First: start, Last: j})
		start = j
	}
	if start < last {
		dst = append(dst, Sentence{Span: Span{toks[start].Start, toks[last-1].End}, First: start, Last: last})
	}
	return dst
}

// abbreviation reports whether the period token i follows, without a
// space, a word that is an abbreviation.
func (a *Article) abbreviation(toks []Token, first, i int) bool {
	if i == first {
		return false
	}
	w := toks[i-1]
	if w.Kind != Word || w.End != toks[i].Start {
		return false
	}
	key := a.Key(w)
	if len(key) <= 4 && utf8.RuneCountInString(key) <= 1 {
		return true
	}
	return len(key) <= 6 && key[0] < utf8.RuneSelf && abbreviations[key]
}
