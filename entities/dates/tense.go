package dates

import "strings"

// tense is the time a clause speaks of, as its verb marks it.
type tense uint8

// Tenses.
const (
	tenseNone    tense = iota // no verb form says
	tensePast                 // كان، لم + imperfect
	tensePresent              // an imperfect verb: يستكمل، نحذر، می‌شود
	tenseFuture               // سوف، س + imperfect (سيعقد)، لن، will، من المقرر
)

// clauseWords bounds how far the tense of a clause is looked for, each
// way: the cost stays linear.
const clauseWords = 24

// afterWords is how far after a date its clause's verb is looked for.
const afterWords = 5

// clauseMark reports whether token j ends a clause: a sentence boundary,
// a comma, semicolon or colon, a quotation mark or bracket.
func (p *parser) clauseMark(j int) bool {
	t := &p.ts.toks[j]
	if t.kind != tPunct {
		return false
	}
	switch p.key(j) {
	case ".", "!", "?", ";", ",", ":", "«", "»", "\"", "“", "”", "(", ")":
		return true
	}
	return false
}

// tense returns the tense of the clause around token i: that of the
// nearest verb form before i in the clause, else of one in the few words
// after it.
func (p *parser) tense(i int) tense {
	sent := p.ts.toks[i].sent
	lo := i
	for lo > 0 && i-lo < clauseWords && p.ts.toks[lo-1].sent == sent && !p.clauseMark(lo-1) {
		lo--
	}
	for j := i - 1; j >= lo; j-- {
		if t := p.verbTense(j, lo); t != tenseNone {
			return t
		}
	}
	if lo < i && p.ts.toks[lo].kind == tWord && p.opensWithPerfect(lo) {
		return tensePast // عثر رجال الإنقاذ الأحد على…
	}
	for j := i + 1; j < p.n && j-i <= afterWords && p.ts.toks[j].sent == sent && !p.clauseMark(j); j++ {
		if t := p.verbTense(j, lo); t != tenseNone {
			return t
		}
	}
	return tenseNone
}

// verbTense returns the tense that token j marks in the clause starting
// at token lo, or tenseNone.
func (p *parser) verbTense(j, lo int) tense {
	if p.ts.toks[j].kind != tWord || j > 0 && p.ts.toks[j-1].kind == tNum && p.standalone(j-1) {
		return tenseNone // a word after a number is the noun it counts (45 سنتا), not after a model's (آر44)
	}
	k := p.key(j)
	if futureWord(k) {
		return tenseFuture
	}
	if e := lex[k]; e != nil {
		if e.cue&cuePastAux != 0 {
			return tensePast
		}
		return tenseNone
	}
	if strings.HasPrefix(k, keyAnd) || strings.HasPrefix(k, "ف") {
		if cueKey(k[len(keyAnd):], cuePastAux) {
			return tensePast // وكان، ولم
		}
	}
	if p.ts.isPersian() {
		if strings.HasPrefix(k, persianPresent) && len(k) >= 8 {
			return tensePresent // می‌شود، می‌رود
		}
		return tenseNone
	}
	if perfect(k) {
		return tensePast
	}
	if !imperfect(k) {
		if j > lo && p.bare(j-1, cueRelative) && perfectShape(k) {
			return tensePast // الاتفاق الذي أبرم الجمعة
		}
		if j > lo+1 && p.bare(j-1, cueVerbIntro) && p.hasCue(j-2, cueAfter|cueSince) && perfectShape(k) {
			return tensePast // بعد أن وافق البرلمان، منذ أن تولى
		}
		return tenseNone
	}
	// An imperfect verb opens its clause or follows a word that a verb
	// follows (التي، نحن، أن، لا); after كان or لم it is past.
	if j == lo && p.perfectWithT(j) {
		return tensePast // تلقى الأمير، تراجع النفط: a perfect of the forms تفعّل، تفاعل
	}
	if j == lo || p.bare(j-1, cueVerbIntro) || j == lo+1 && definite(p.key(lo)) && lex[p.key(lo)] == nil {
		return tensePresent // …, or after the definite subject that opens the clause: الفريق يقيم
	}
	if p.bare(j-1, cuePastAux) {
		return tensePast
	}
	return tenseNone
}

// perfectWithT reports whether the word at token j, which has the shape of
// an imperfect with ت, is rather a perfect of the forms تفعّل or تفاعل by
// its subject: with ت an imperfect of the third person is feminine (تبدأ
// الدراسة), so a title of a man after it (تلقى الأمير، تسلم وزير الخارجية)
// makes it a perfect. The word has four letters (not تقام، a passive), or
// five with ا third (تراجع). Lexicon words between them (أمس، اليوم) are
// passed over.
func (p *parser) perfectWithT(j int) bool {
	k := p.key(j)
	if strings.HasPrefix(k, keyAnd) || strings.HasPrefix(k, "ف") {
		k = k[len(keyAnd):]
	}
	const letter = len("ت")
	if !strings.HasPrefix(k, "ت") {
		return false
	}
	switch len(k) / letter {
	case 4:
		if k[2*letter:3*letter] == "ا" {
			return false
		}
	case 5:
		if k[2*letter:3*letter] != "ا" {
			return false
		}
	default:
		return false
	}
	s := j + 1
	for s < p.n && s <= j+3 && p.ts.toks[s].kind == tWord && lex[p.key(s)] != nil {
		s++
	}
	if s >= p.n || p.ts.toks[s].kind != tWord {
		return false
	}
	ks := p.key(s)
	return titleHeads[ks] && !feminine(ks)
}

// opensWithPerfect reports whether the clause opens at token lo with a
// word that is read as a perfect verb: Arabic news clauses open with their
// verb (وأعلنت الوزارة، عثر رجال الإنقاذ), and a first word that is no
// imperfect, no lexicon word, not definite and not a name in Latin letters
// is taken for one.
func (p *parser) opensWithPerfect(lo int) bool {
	k := p.key(lo)
	if isLatin(k) || p.ts.isPersian() || imperfect(k) {
		return false
	}
	if strings.HasPrefix(k, keyAnd) || strings.HasPrefix(k, "ف") {
		k = k[len(keyAnd):]
	}
	if strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "م") {
		return false // a short imperfect (يصل، يعود), a participle (مشيرا)
	}
	return len(k) >= 6 && len(k) <= 12 && lex[k] == nil && !definite(k) && !strings.HasSuffix(k, "ه")
}

// perfectShape reports whether the key k may be a perfect verb of the
// third person after a relative pronoun (الذي أبرم، التي وقعت): three to
// five letters, no article, no lexicon word, no ending of a feminine noun
// or of an adjective in ي.
func perfectShape(k string) bool {
	n := len(k) / len("ا")
	if n < 3 || n > 5 || lex[k] != nil || definite(k) || isLatin(k) {
		return false
	}
	return !strings.HasSuffix(k, "ه") && !strings.HasSuffix(k, "ي")
}

// perfect reports whether the key k has the ending of a perfect verb in
// the plural or the dual (قالوا، اصطدمتا).
func perfect(k string) bool {
	if len(k) < 8 || lex[k] != nil || definite(k) {
		return false
	}
	return strings.HasSuffix(k, "وا") || strings.HasSuffix(k, "تا")
}

// persianPresent is the key of the Persian present prefix می.
var persianPresent = "مي"

// imperfect reports whether the key k (with an optional و or ف) has the
// shape of an imperfect verb: a prefix ي ت ن and at least three more
// letters, not definite, not a lexicon word, not ending in ة or ت (a
// feminine noun, a plural in ات, a perfect such as نشرت or تلقت).
func imperfect(k string) bool {
	if strings.HasPrefix(k, keyAnd) || strings.HasPrefix(k, "ف") {
		k = k[len(keyAnd):]
	}
	if len(k) < 8 || len(k) > 18 || lex[k] != nil || definite(k) {
		return false
	}
	if strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ت") {
		// A feminine noun, a plural in ات, or a perfect in ت (نشرت، تلقت).
		return false
	}
	switch k[:2] {
	case "ي", "ن", "ت":
		return true
	}
	return false
}

// futureWord reports whether the word with key k puts its clause in the
// future: a future cue (سوف، لن، will، المقبل) or a verb with the future
// prefix س.
func futureWord(k string) bool {
	if cueKey(k, cueFuture) {
		return true
	}
	// و/ف + a future cue (ولن، فسوف), or + س + imperfect prefix + at
	// least two more letters.
	if strings.HasPrefix(k, keyAnd) || strings.HasPrefix(k, "ف") {
		k = k[len(keyAnd):]
		if cueKey(k, cueFuture) {
			return true
		}
	}
	if !strings.HasPrefix(k, "س") || len(k) < 8 || cueKey(k, cueNotFuture) {
		return false
	}
	switch k[2:4] {
	case "ي", "ت", "ن":
		return true // سيصل، ستبدأ، سنعمل
	case "ا":
		return len(k) >= 10 // سأعود; not سائق
	}
	return false
}
