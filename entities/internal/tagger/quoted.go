package tagger

// Quoted-span classes of a token. News puts the titles of programmes,
// books, films and products, and now and then a company's name, between
// quotation marks: برنامج « حوار من القلب »، سيارة « أوبل ».
const (
	qInside = 1 << iota // inside a short quoted span
	qFirst              // the span's first token
	qLast               // the span's last token
	qLong               // the span has more than three tokens
)

// maxQuoted bounds the tokens of a quoted span that may be a title.
const maxQuoted = 6

// isQuoteMark reports whether the key k is a quotation mark token.
func isQuoteMark(k string) bool {
	switch k {
	case "«", "»", "“", "”", "\"", "''", "``", "„":
		return true
	}
	return false
}

// closes reports whether mark k closes a span that mark open opened.
// Guillemets and curly quotes pair with their own kind; the others with
// any mark.
func closes(open, k string) bool {
	switch open {
	case "«":
		return k == "»"
	case "“":
		return k == "”"
	case "»", "”":
		return false
	}
	return isQuoteMark(k)
}

// quoteClasses sets q[i] (zeroed by the caller) for the prepared tokens of
// s that lie inside a quoted span of 1 to maxQuoted tokens with no other
// mark in it.
func (s *scratch) quoteClasses(q []uint8) {
	n := len(s.toks)
	key := func(i int) string { return string(s.buf[s.toks[i].keyS:s.toks[i].keyE]) }
	for i := 0; i < n; i++ {
		open := key(i)
		if !isQuoteMark(open) {
			continue
		}
		for j := i + 1; j < n && j-i-1 <= maxQuoted; j++ {
			k := key(j)
			if !isQuoteMark(k) {
				continue
			}
			if closes(open, k) && j > i+1 {
				for t := i + 1; t < j; t++ {
					q[t] |= qInside
					if j-i-1 > 3 {
						q[t] |= qLong
					}
				}
				q[i+1] |= qFirst
				q[j-1] |= qLast
				i = j
			}
			break
		}
	}
}
