package chat

import (
	"unicode"
	"unicode/utf8"
)

// Runes per token of each script class in EstimateTokens. The numbers are
// deliberately on the low side of what BPE tokenizers of current models
// (cl100k, o200k, Llama 3) give, so that budgets built on the estimate
// hold: Arabic-script words take one token per 2 to 3 letters, Latin words
// about one per 4, Han and kana about one per character.
const (
	arabicRunesPerToken = 2
	latinRunesPerToken  = 4
	otherRunesPerToken  = 3
	asciiPunctPerToken  = 2
)

type scriptClass uint8

const (
	classSpace scriptClass = iota
	classArabic
	classLatin // Latin letters and ASCII digits
	classCJK
	classOther      // other letters and digits
	classPunct      // one token each
	classASCIIPunct // runs merge, two characters a token
)

// EstimateTokens returns a conservative estimate of the number of tokens s
// takes in a model's input. It splits s into runs of one script class and
// charges each run ceil(runes / runes-per-token): 2 for Arabic script
// (Arabic, Persian, Urdu), 4 for Latin letters and digits, 1 for Han, kana
// and Hangul, 3 for other letters, and 2 for ASCII punctuation (tokenizers
// merge runs such as `":"` and `"},{"`, which JSON is full of, into one or
// two tokens); every other punctuation mark or symbol costs one token and
// white space costs none. The estimate is cheap (one pass,
// no allocation) and meant for budgets, not billing.
func EstimateTokens(s string) int {
	tokens, run := 0, 0
	cur := classSpace
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		cl := classify(r)
		if cl == classPunct || cl != cur {
			tokens += runTokens(cur, run)
			cur, run = cl, 0
		}
		run++
	}
	return tokens + runTokens(cur, run)
}

// runTokens returns the tokens of a run of n runes of class cl.
func runTokens(cl scriptClass, n int) int {
	switch cl {
	case classArabic:
		return (n + arabicRunesPerToken - 1) / arabicRunesPerToken
	case classLatin:
		return (n + latinRunesPerToken - 1) / latinRunesPerToken
	case classOther:
		return (n + otherRunesPerToken - 1) / otherRunesPerToken
	case classASCIIPunct:
		return (n + asciiPunctPerToken - 1) / asciiPunctPerToken
	case classCJK, classPunct:
		return n
	}
	return 0
}

func classify(r rune) scriptClass {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r':
			return classSpace
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return classLatin
		}
		return classASCIIPunct
	case 0x0600 <= r && r <= 0x06FF, 0x0750 <= r && r <= 0x077F, 0x08A0 <= r && r <= 0x08FF,
		0xFB50 <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFF:
		switch r {
		case 0x060C, 0x060D, 0x061B, 0x061E, 0x061F, 0x066A, 0x066B, 0x066C, 0x066D, 0x06D4, 0xFD3E, 0xFD3F:
			return classPunct
		}
		return classArabic
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r),
		unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
		return classCJK
	case unicode.Is(unicode.Latin, r):
		return classLatin
	case unicode.IsSpace(r):
		return classSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return classOther
	}
	return classPunct
}

// Range is a half-open index range [Start, End) into a list.
type Range struct {
	Start, End int
}

// Chunk groups consecutive items, whose sizes are given, into ranges whose
// total size stays within budget. An item larger than budget gets a range
// of its own. Chunk returns nil for no items; a budget of 0 or less puts
// everything in one range.
func Chunk(sizes []int, budget int) []Range {
	if len(sizes) == 0 {
		return nil
	}
	if budget <= 0 {
		return []Range{{0, len(sizes)}}
	}
	var out []Range
	start, sum := 0, 0
	for i, n := range sizes {
		if i > start && sum+n > budget {
			out = append(out, Range{start, i})
			start, sum = i, 0
		}
		sum += n
	}
	return append(out, Range{start, len(sizes)})
}
