package article

import (
	"hash/maphash"
	"slices"
	"strings"
	"testing"
)

// TestLineKinds checks the line rules of the layout at their limits: what
// a dateline line, a date line, a line that may come before the title and
// a credit line are.
func TestLineKinds(t *testing.T) {
	tests := []struct {
		line                                   string
		dateline, date, creditOrByline, credit bool
	}{
		// A place, an agency in brackets, a dash, then at most five fields:
		// eight fields in all, not nine.
		{"نيويورك (أ ف ب) - مصادر مطلعة جدا", true, false, false, false},
		{"نيويورك (أ ف ب) - مصادر مطلعة جدا اليوم", false, false, false, false},
		{"بيروت: نذير رضا", true, false, false, false},
		{"واشنطن - أ ف ب", true, false, false, false},
		// In Latin script the place is in capitals.
		{"WASHINGTON (Reuters) -", true, false, false, false},
		{"Washington (Reuters) -", false, false, false, false},
		// An agency in brackets, or any five fields in brackets; not six.
		{"(أ ف ب)", true, false, true, true},
		{"(one two three four five)", true, false, true, false},
		{"(one two three four five six)", false, false, false, false},
		{"(one two three", false, false, false, false},
		{"one two three)", false, false, false, false},
		{"(أ ف ب", true, false, true, true}, // an agency's name is enough
		// A date line: at most eight fields, numbers, month and weekday
		// names and time words, and one number at least.
		{"Updated Aug 20, 2025 10:30 GMT", false, true, false, false},
		{"Friday 3 May 2024 10:30 am GMT updated", false, true, false, false},
		{"Friday 3 May 2024 10:30 am GMT updated published", false, false, false, false},
		{"Friday 3pm", false, true, false, false},
		{"Friday A4", false, false, false, false},
		{"Friday", false, false, false, false},
		{"3", false, true, false, false},
		// A byline: a byline word and at most five more fields, a capital
		// after "By", no sentence end unless the last field is initials.
		{"By Jane Doe", true, false, true, false},
		{"By Jane Anne Mary Doe Smith", true, false, true, false},
		{"By Jane Anne Mary Doe Smith Jones", false, false, false, false},
		{"by jane doe", false, false, false, false},
		{"بقلم سامي", true, false, true, false},
		{"By Jane Doe.", false, false, false, false},
		{"By Jane Doe !", false, false, false, false},
		{"By J.D.", true, false, false, false},
		{"By", false, false, false, false},
		// At most five fields after a dash, three after a colon.
		{"بيروت - أ ب ج د هـ", true, false, false, false},
		{"بيروت - أ ب ج د هـ و", false, false, false, false},
		{"بيروت: نذير رضا أحمد", true, false, false, false},
		{"بيروت: نذير رضا أحمد علي", false, false, false, false},
		{"بيروت : نذير رضا", true, false, false, false},
		{"بيروت الشرقية: نذير رضا", true, false, false, false},
		{"مدينة بيروت الشرقية: نذير رضا", false, false, false, false},
		{"NEW YORK CITY: Jane Doe", false, false, false, false},
		{"قال : نعم", false, false, false, false},
		{"وقال: نعم", false, false, false, false},
		{"WASHINGTON (Reuters", false, false, false, false},
		// At most 80 runes.
		{"نيويورك (أ ف ب) - " + strings.Repeat("س", 20) + " " + strings.Repeat("ش", 20) + " " + strings.Repeat("ص", 20), true, false, false, false},
		{"نيويورك (أ ف ب) - " + strings.Repeat("س", 21) + " " + strings.Repeat("ش", 20) + " " + strings.Repeat("ص", 20), false, false, false, false},
		// A date line of at most 160 bytes.
		{"Friday " + strings.Repeat("1", 153), false, true, false, false},
		{"Friday " + strings.Repeat("1", 154), false, false, false, false},
		// A byline of at most 320 bytes, with initials at its end.
		{"By J" + strings.Repeat("o", 316), false, false, true, false}, // past 80 runes for a dateline
		{"By J" + strings.Repeat("o", 317), false, false, false, false},
		{"By Jane Do.", false, false, false, false},
		// An agency's name spelt out in seven fields is a credit, but not
		// one that may come before the title (six fields at most).
		{"r e u t e r s", true, false, false, true},
		{"«رويترز»", true, false, true, true},
		{"- رويترز -", true, false, true, true},
		// A credit line is an agency's name in at most 60 bytes.
		{"Reuters" + strings.Repeat(" ", 52) + ".", true, false, true, true},
		{"Reuters" + strings.Repeat(" ", 53) + ".", false, false, false, false},
	}
	for _, tt := range tests {
		if got := isDatelineLine(tt.line); got != tt.dateline {
			t.Errorf("isDatelineLine(%q) = %v", tt.line, got)
		}
		if got := isDateLine(tt.line); got != tt.date {
			t.Errorf("isDateLine(%q) = %v", tt.line, got)
		}
		if got := isCreditOrByline(tt.line); got != tt.creditOrByline {
			t.Errorf("isCreditOrByline(%q) = %v", tt.line, got)
		}
		if got := isCreditLine(tt.line); got != tt.credit {
			t.Errorf("isCreditLine(%q) = %v", tt.line, got)
		}
	}
}

// linesOf returns a builder over src and its non-blank lines.
func linesOf(src string) (*builder, []line) {
	b := &builder{a: &Article{Source: src}}
	b.splitLines()
	return b, b.lines
}

// words returns n words of "x" padded so that the line is exactly width
// runes of ASCII (width >= 2n-1).
func words(n, width int) string {
	return strings.Repeat("x ", n-1) + strings.Repeat("x", width-2*(n-1))
}

// TestWrapped checks when the lines of a block are taken as one
// hard-wrapped paragraph.
func TestWrapped(t *testing.T) {
	tests := []struct {
		name           string
		lines          []string
		blankSeparated bool
		want           bool
	}{
		{"one line", []string{"short"}, false, false},
		{"even lines without periods", []string{words(10, 80), words(10, 80), words(3, 20)}, false, true},
		{"half the lines open", []string{words(10, 80), words(10, 79) + ".", words(3, 20)}, false, true},
		{"most lines closed", []string{words(10, 79) + ".", words(10, 79) + ".", words(3, 20)}, false, false},
		// The last line may run an eighth and 16 bytes past the longest.
		{"last line at its limit", []string{words(10, 80), words(10, 80), words(12, 106)}, false, true},
		{"last line past its limit", []string{words(10, 80), words(10, 80), words(12, 107)}, false, false},
		// The shortest line at least half the longest.
		{"lines half as long", []string{words(10, 80), words(5, 40), words(3, 20)}, false, true},
		{"lines less than half as long", []string{words(10, 80), words(5, 39), words(3, 20)}, false, false},
		// In a blank-separated article, even lines wrap whatever they end
		// with, when one is open and the longest is at most 110 runes.
		{"blank-separated, one line open", []string{words(10, 80), words(10, 79) + ".", words(10, 79) + ".", words(3, 20)}, true, true},
		{"not blank-separated, one line open", []string{words(10, 80), words(10, 79) + ".", words(10, 79) + ".", words(3, 20)}, false, false},
		{"blank-separated, none open", []string{words(10, 79) + ".", words(10, 79) + ".", words(3, 20)}, true, false},
		{"blank-separated, half as long", []string{words(10, 80), words(5, 39) + ".", words(5, 39) + ".", words(3, 20)}, true, true},
		{"blank-separated, less than half", []string{words(10, 80), words(5, 38) + ".", words(5, 38) + ".", words(3, 20)}, true, false},
		{"blank-separated, longest 110 runes", []string{words(12, 110), words(12, 109) + ".", words(12, 109) + ".", words(3, 20)}, true, true},
		{"blank-separated, longest 111 runes", []string{words(12, 111), words(12, 110) + ".", words(12, 110) + ".", words(3, 20)}, true, false},
	}
	for _, tt := range tests {
		b, ls := linesOf(strings.Join(tt.lines, "\n"))
		if len(ls) != len(tt.lines) {
			t.Fatalf("%s: %d lines", tt.name, len(ls))
		}
		if got := b.wrapped(ls, tt.blankSeparated); got != tt.want {
			t.Errorf("%s: wrapped = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestIndentBlocks: a block of three lines or more is cut before each
// line indented deeper than the others, when fewer than half are.
func TestIndentBlocks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []int // the number of lines of each part
	}{
		{"two lines", "one\n  two", []int{2}},
		{"three lines, one indented", "one\n  two\nthree", []int{1, 2}},
		{"four lines, one indented", "one\ntwo\n  three\nfour", []int{2, 2}},
		{"four lines, two indented", "one\n  two\n  three\nfour", []int{4}},
		{"none deeper", "  one\n  two\n  three", []int{3}},
		{"five lines, two indented", "  one\ntwo\nthree\n  four\nfive", []int{3, 2}},
	}
	for _, tt := range tests {
		_, ls := linesOf(tt.src)
		var got []int
		indentBlocks(ls, func(part []line) { got = append(got, len(part)) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: parts %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestShortLineBlocks: a block is cut after a line that ends a sentence
// and is shorter than four fifths of the longest.
func TestShortLineBlocks(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []int
	}{
		{"short line ends a sentence", []string{words(10, 100), words(7, 78) + ".", words(10, 100)}, []int{2, 1}},
		{"four fifths is not short", []string{words(10, 100), words(7, 79) + ".", words(10, 100)}, []int{3}},
		{"short line without a period", []string{words(10, 100), words(7, 78), words(10, 100)}, []int{3}},
		{"long line with a period", []string{words(10, 100), words(10, 99) + ".", words(10, 100)}, []int{3}},
	}
	for _, tt := range tests {
		b, ls := linesOf(strings.Join(tt.lines, "\n"))
		var got []int
		b.shortLineBlocks(ls, func(part []line) { got = append(got, len(part)) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: parts %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFits(t *testing.T) {
	_, ls := linesOf("12345\n1234567\n123")
	for width, want := range map[int]bool{6: false, 7: true, 8: true} {
		if got := fits(ls, width); got != want {
			t.Errorf("fits(width %d) = %v", width, got)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"Done.": true, "Done?": true, "تم؟": true, `He left."`: true, "(Done.)»": true,
		"Done": false, "Done,": false, "": false, `"`: false, "…": true, ".": true, "?": true, "x": false,
	} {
		if got := endsSentence(s); got != want {
			t.Errorf("endsSentence(%q) = %v", s, got)
		}
	}
}

// TestIsTitle checks when the first line is a title, at the limits of
// the rules.
func TestIsTitle(t *testing.T) {
	long := words(30, 200) // a body line well longer than the short ones
	tests := []struct {
		name           string
		line, next     string
		blankSeparated bool
		blockLen       int
		want           bool
	}{
		{"short line alone", "Rail strike ends", long, false, 1, true},
		{"ends with a colon", "Rail strike ends:", long, false, 1, false},
		{"ends with an Arabic comma", "انتهى الإضراب،", long, false, 1, false},
		// Alone above a blank line, a line with a period is a title only
		// in twelve words or fewer, and not in a blank-separated article.
		{"twelve words and a period", words(12, 40) + ".", long, false, 1, true},
		{"thirteen words and a period", words(13, 40) + ".", long, false, 1, false},
		{"period, blank-separated", words(5, 30) + ".", long, true, 1, false},
		{"ellipsis is not a period", words(5, 30) + "...", long, true, 1, true},
		{"forty words", words(40, 120), long, false, 1, true},
		{"forty-one words", words(41, 120), long, false, 1, false},
		{"300 runes", words(10, 300), long, false, 1, true},
		{"301 runes", words(10, 301), long, false, 1, false},
		// Over another line: a short line without a period over a clearly
		// longer one (more than four thirds as long).
		{"over a longer line", words(5, 30), words(8, 41), false, 3, true},
		{"over a line four thirds as long", words(5, 30), words(8, 40), false, 3, false},
		{"over a dateline", words(5, 30), "LONDON (Reuters) -", false, 3, true},
		{"over a date", words(5, 30), "Friday 3 May 2024", false, 3, true},
		{"25 words over a longer line", words(25, 60), words(30, 200), false, 3, true},
		{"26 words over a longer line", words(26, 60), words(30, 200), false, 3, false},
		{"200 runes over a longer line", words(20, 200), words(30, 280), false, 3, true},
		{"201 runes over a longer line", words(20, 201), words(30, 280), false, 3, false},
		// A headline and a subtitle: two lines, unless they read as a
		// wrapped paragraph (a line of 50 runes or more, then one at most
		// ten runes longer that ends a sentence).
		{"headline and subtitle", words(8, 50), words(8, 59) + ".", false, 2, false},
		{"headline of 49 runes and subtitle", words(8, 49), words(8, 58) + ".", false, 2, true},
		{"subtitle eleven runes longer", words(8, 50), words(8, 61) + ".", false, 2, true},
		{"subtitle without a period", words(8, 50), words(8, 60), false, 2, true},
		{"three lines", words(8, 50), words(8, 60), false, 3, false},
	}
	for _, tt := range tests {
		if got := isTitle(tt.line, tt.next, tt.blankSeparated, tt.blockLen); got != tt.want {
			t.Errorf("%s: isTitle = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestDatelinePrefix checks the dateline that may open the first
// paragraph: one or two place words (Latin ones in capitals, up to six),
// an optional date and bracketed agency or source credit, a separator,
// and at least three fields of text after it.
func TestDatelinePrefix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"القاهرة - أعلن الوزير اليوم", "القاهرة -"},
		{"القاهرة - أعلن الوزير", ""}, // two fields after it
		{"القاهرة: أعلن الوزير اليوم", ""},
		{"بيروت : أعلن الوزير اليوم", ""},
		{"- أعلن الوزير اليوم", ""},
		{"القاهرة الجديدة - أعلن الوزير اليوم", "القاهرة الجديدة -"},
		{"القاهرة الجديدة الكبرى - أعلن الوزير اليوم", ""},
		{"طهران ـ أعلن الوزير اليوم", "طهران ـ"},
		{"طهران- أعلن الوزير اليوم", "طهران-"},
		{"طهرانـ أعلن الوزير اليوم", "طهرانـ"},
		{"بيروت 2025 - أعلن الوزير اليوم", "بيروت 2025 -"},
		{"2025 - أعلن الوزير اليوم", ""},
		{"بيروت، - أعلن الوزير اليوم", "بيروت، -"},
		{"بيروت! - أعلن الوزير اليوم", ""},
		{"بيروت أ.ف.ب - أعلن الوزير اليوم", "بيروت أ.ف.ب -"},
		{"وقال: أعلن الوزير اليوم", ""},
		// A source credit after the place, quoted or bracketed, closed by
		// a colon or a dash, when three fields still follow.
		{"بيروت - «الشرق الأوسط»: أعلن الوزير اليوم الخبر", "بيروت - «الشرق الأوسط»:"},
		{"بيروت - «الشرق الأوسط»: أعلن الوزير", "بيروت -"},
		{"بيروت - “الشرق الأوسط”: أعلن الوزير اليوم", "بيروت - “الشرق الأوسط”:"},
		{`بيروت - "الشرق الأوسط": أعلن الوزير اليوم`, `بيروت - "الشرق الأوسط":`},
		{"بيروت - «الشرق الأوسط» - أعلن الوزير اليوم", "بيروت - «الشرق الأوسط» -"},
		{"بيروت - «الشرق الأوسط» أعلن الوزير اليوم", "بيروت -"},
		{"بيروت - (رويترز) - أعلن الوزير اليوم الخبر", "بيروت - (رويترز) -"},
		// Latin datelines.
		{"WASHINGTON (Reuters) - The president said today", "WASHINGTON (Reuters) -"},
		{"WASHINGTON (Reuters) - The president", ""},
		{"Washington (Reuters) - The president said today", ""},
		{"NEW YORK (Reuters) - The president said today", "NEW YORK (Reuters) -"},
		{"SAN JOSE DEL MONTE CITY NORTH (Reuters) - The president said today", "SAN JOSE DEL MONTE CITY NORTH (Reuters) -"},
		{"A B C D E F G - The president said today", ""},
		{"WASHINGTON, May 3 (Reuters) - The president said today", "WASHINGTON, May 3 (Reuters) -"},
		{"WASHINGTON 2025 - The president said today", "WASHINGTON 2025 -"},
		{"WASHINGTON Reuters - The president said today", "WASHINGTON Reuters -"},
		{"WASHINGTON reuters - The president said today", ""},
		{"WASHINGTON بيروت - The president said today", ""},
		{"WASHINGTON D.C. - The president said today", "WASHINGTON D.C. -"},
		{"WA - The president said today", "WA -"},
		{"Wa - The president said today", ""},
		{"W - The president said today", ""},
		{"WASHINGTON (Reuters): The president said today", ""},
		{"WASHINGTON (Reuters)- The president said today", "WASHINGTON (Reuters)-"},
		{"WASHINGTON (one two three four) - The president said today", "WASHINGTON (one two three four) -"},
		{"WASHINGTON (one two three four five) - The president said today", ""},
		{"WASHINGTON (Reuters - The president said today", ""},
		{"(Reuters) - The president said today", ""},
		{"(Reuters)- The president said today", ""},
		{"WASHINGTON – The president said today", "WASHINGTON –"},
		{"WASHINGTON — The president said today", "WASHINGTON —"},
		{"WASHINGTON -- The president said today", "WASHINGTON --"},
		{"one two three four five six seven eight nine ten eleven - x y z", ""},
		{"القاهرة الجديدة- أعلن الوزير اليوم", "القاهرة الجديدة-"},
		{"NEW YORK CITY- The president said today", ""},
		{"بيروت - «الشرق»: أعلن الوزير اليوم", "بيروت - «الشرق»:"},
		{"بيروت - «وكالة الأنباء السورية الرسمية»: أعلن الوزير اليوم", "بيروت - «وكالة الأنباء السورية الرسمية»:"},
		{"بيروت - «وكالة الأنباء العربية السورية الرسمية»: أعلن الوزير اليوم", "بيروت -"},
		{"بيروت - «الشرق الأوسط أعلن", "بيروت -"},
		{"بيروت - «أ ب ج»", "بيروت -"},
	}
	for _, tt := range tests {
		if got := tt.in[:datelinePrefix(tt.in)]; got != tt.want {
			t.Errorf("datelinePrefix(%q) takes %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRepeats checks which paragraphs are set aside as repeats: the
// title or an earlier paragraph again, with blank runs of any kind and
// length compared as one space, and the first paragraph with its
// dateline.
func TestRepeats(t *testing.T) {
	tests := []struct {
		name string
		in   string
		dups []string
	}{
		{"the title again", "Rail strike ends\n\nRail strike ends\n\nTrain drivers ended their strike on Friday.", []string{"Rail strike ends"}},
		{"other blanks", "Rail strike ends\n\nTrain drivers ended their strike on Friday.\n\nTrain\u00a0drivers  ended their\u200b strike on\tFriday.",
			[]string{"Train\u00a0drivers  ended their\u200b strike on\tFriday."}},
		{"Arabic letter mark", "عنوان\n\nوصل\u061C الوفد أمس.\n\nوصل الوفد\u061C أمس.", []string{"وصل الوفد\u061C أمس."}},
		{"a letter apart", "عنوان\n\nوصل الوفد أمس.\n\nوصل الوفد أمس!", nil},
		{"the lead with its dateline", "عنوان الخبر\n\nالقاهرة - أعلن الوزير اليوم أن الخطة جاهزة.\n\nالقاهرة - أعلن الوزير اليوم أن الخطة جاهزة.",
			[]string{"القاهرة - أعلن الوزير اليوم أن الخطة جاهزة."}},
	}
	for _, tt := range tests {
		a := mustParse(t, tt.in)
		var dups []string
		for _, d := range a.Duplicates {
			dups = append(dups, a.Text(d))
		}
		if !slices.Equal(dups, tt.dups) {
			t.Errorf("%s: repeats %q, want %q", tt.name, dups, tt.dups)
		}
	}
}

// foldBlanks replaces each run of blank runes with one space: the text
// sameText compares.
func foldBlanks(s string) string {
	var b strings.Builder
	blank := false
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		if isBlank(r) {
			if !blank {
				b.WriteByte(' ')
			}
			blank = true
		} else {
			b.WriteString(s[i : i+n])
			blank = false
		}
		i += n
	}
	return b.String()
}

// TestSameTextAndHash checks sameText against foldBlanks, and that texts
// equal once folded hash alike, on texts with blank runs of every kind at
// their ends and inside, and texts a letter apart.
func TestSameTextAndHash(t *testing.T) {
	blanks := []string{" ", "  ", "\t", "\u00a0", "\u200b", "\u061c", "\u200f ", "\ufeff", " \u3000 "}
	words := []string{"وصل", "الوفد", "أمس", "ab", "x", "ؠ", "؛", "é", "©"}
	rng := uint32(1)
	next := func(n int) int { rng = rng*1664525 + 1013904223; return int(rng>>8) % n }
	text := func() string {
		var b strings.Builder
		for range 1 + next(6) {
			if next(3) == 0 {
				b.WriteString(blanks[next(len(blanks))])
			}
			b.WriteString(words[next(len(words))])
			b.WriteString(blanks[next(len(blanks))])
		}
		return b.String()
	}
	seed := maphash.MakeSeed()
	for range 3000 {
		s, u := text(), text()
		if got, want := sameText(s, u), foldBlanks(s) == foldBlanks(u); got != want {
			t.Fatalf("sameText(%q, %q) = %v, want %v", s, u, got, want)
		}
		// The same words with other blanks.
		var v strings.Builder
		for i, w := range strings.FieldsFunc(s, isBlank) {
			if i > 0 || next(2) == 0 {
				v.WriteString(blanks[next(len(blanks))])
			}
			v.WriteString(w)
		}
		if next(2) == 0 {
			v.WriteString(blanks[next(len(blanks))])
		}
		w := v.String()
		if foldBlanks(strings.TrimFunc(s, isBlank)) != foldBlanks(strings.TrimFunc(w, isBlank)) {
			continue
		}
		if sameText(s, w) != (foldBlanks(s) == foldBlanks(w)) {
			t.Fatalf("sameText(%q, %q) = %v", s, w, sameText(s, w))
		}
		if foldBlanks(s) == foldBlanks(w) && normHash(seed, s) != normHash(seed, w) {
			t.Fatalf("%q and %q are the same text but hash apart", s, w)
		}
	}
}

// uline returns a line of exactly width bytes of words of the letter c,
// ending with end: lines of known length that are not alike.
func uline(c string, width int, end string) string {
	w := width - len(end)
	var b strings.Builder
	for b.Len() < w {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Repeat(c, min(5, w-b.Len())))
	}
	s := b.String()[:w]
	if s[w-1] == ' ' {
		s = s[:w-1] + c
	}
	return s + end
}

// TestHardWrapped checks how the blocks of lines of a whole article
// become paragraphs: blank-separated articles, articles whose blocks are
// mostly hard-wrapped (then a block that fits their width, within eight
// bytes, is one paragraph too), and a title with a period.
func TestHardWrapped(t *testing.T) {
	a, b, c, d, e, f, g, h := "a", "b", "c", "d", "e", "f", "g", "h"
	tests := []struct {
		name  string
		lines []string
		title string
		paras []int // lines in each paragraph
	}{
		// One block of mostly closed lines: a paragraph per line; the
		// same block in a blank-separated article: one paragraph.
		{"one block", []string{"Rail strike ends", "", uline(a, 60, ""), uline(b, 60, "."), uline(c, 60, "."), uline(d, 40, ".")},
			"Rail strike ends", []int{1, 1, 1, 1}},
		{"one block under the title", []string{"Rail strike ends", uline(a, 60, ""), uline(b, 60, "."), uline(c, 60, "."), uline(d, 40, ".")},
			"Rail strike ends", []int{1, 1, 1, 1}},
		{"two blocks under the title", []string{"Rail strike ends", uline(a, 60, ""), uline(b, 60, "."), uline(c, 60, "."), uline(d, 40, "."), "", uline(e, 50, ".")},
			"Rail strike ends", []int{4, 1}},
		{"two blocks", []string{"Rail strike ends", "", uline(a, 60, ""), uline(b, 60, "."), uline(c, 60, "."), uline(d, 40, "."), "", uline(e, 50, ".")},
			"Rail strike ends", []int{4, 1}},
		// Two blocks of two wrapped lines, one of two lines that end with
		// periods, one line: the third block fits their width and is one
		// paragraph too.
		{"wrapped article", []string{"Rail strike ends", "", uline(a, 60, ""), uline(b, 40, "."), "", uline(c, 60, ""), uline(d, 40, "."), "", uline(e, 60, "."), uline(f, 58, "."), "", uline(g, 30, ".")},
			"Rail strike ends", []int{2, 2, 2, 1}},
		{"line at the width and eight bytes", []string{"Rail strike ends", "", uline(a, 60, ""), uline(b, 40, "."), "", uline(c, 60, ""), uline(d, 40, "."), "", uline(e, 68, "."), uline(f, 58, "."), "", uline(g, 30, ".")},
			"Rail strike ends", []int{2, 2, 2, 1}},
		{"line past it", []string{"Rail strike ends", "", uline(a, 60, ""), uline(b, 40, "."), "", uline(c, 60, ""), uline(d, 40, "."), "", uline(e, 69, "."), uline(f, 58, "."), "", uline(g, 30, ".")},
			"Rail strike ends", []int{2, 2, 1, 1, 1}},
		{"half the blocks wrapped", []string{"Rail strike ends", "", uline(a, 60, ""), uline(b, 40, "."), "", uline(c, 60, ""), uline(d, 40, "."), "", uline(e, 60, "."), uline(f, 58, "."), "", uline(g, 60, "."), uline(h, 58, ".")},
			"Rail strike ends", []int{2, 2, 1, 1, 1, 1}},
		// A first line with a period is a title over one block, not in a
		// blank-separated article.
		{"title with a period", []string{"Strike ends.", "", uline(a, 60, "."), uline(b, 60, ".")},
			"Strike ends.", []int{1, 1}},
		{"first line with a period", []string{"Strike ends.", "", uline(a, 60, "."), "", uline(b, 60, ".")},
			"", []int{1, 1, 1}},
	}
	for _, tt := range tests {
		art := mustParse(t, strings.Join(tt.lines, "\n"))
		var paras []int
		for _, p := range art.Paragraphs {
			paras = append(paras, strings.Count(art.Text(p.Span), "\n")+1)
		}
		if got := art.Text(art.Title); got != tt.title || !slices.Equal(paras, tt.paras) {
			t.Errorf("%s: title %q, paragraphs of %v lines; want %q, %v", tt.name, got, paras, tt.title, tt.paras)
		}
	}
}
