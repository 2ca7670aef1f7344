package tagger

// Features of the English and Persian models that the Arabic one lacks:
// letter case as written, whether the word begins its sentence and how the
// sentence is written (a headline in capitals), the word's shape as
// written, the names of the language's word lists as sequences (flags in
// the high byte of Flags), and how the word is written elsewhere in the
// document. Persian words rarely have case, but the Latin words in
// Persian text do, and the same features cost the Persian model little.

// zwnjSalt marks the key of a Persian word whose stem was cut at a
// zero-width non-joiner, which the key itself drops: کتاب‌ها and کتابها
// then have different cached features.
const zwnjSalt = 0x2545f4914f6cdd1d

// listShift is where the word-list flags begin in Flags: FlagBegin(k) <<
// listShift where a name of kind k from the language's lists begins.
const listShift = 8

// Bits of a Context entry for the English and Persian models.
const (
	docCaseLower = 24 // written in lower case inside a sentence
	docCaseUpper = 25 // capitalised inside an ordinary sentence
	docCasePlain = 26 // seen in a sentence that is not a headline
)

// prepareCase sets the letter-case class and the shape of token i, the
// word w.
func (s *scratch) prepareCase(i int, w string, zwnj bool) {
	t := &s.toks[i]
	t.caps = capsOf(w)
	t.rshape = rawShape(w)
	if zwnj {
		t.key ^= zwnjSalt
	}
}

// prepareSentence sets what depends on the whole sentence: which words
// begin it, whether it is a headline, and the names of the word lists.
func (s *scratch) prepareSentence(lx *lexicon) {
	var lower, capd, upper int
	for i := range s.toks {
		switch s.toks[i].caps {
		case capLower:
			lower++
		case capTitle, capMixed:
			capd++
		case capUpper, capLetter:
			upper++
		}
	}
	var mode uint8
	switch {
	case upper >= 3 && upper > 2*(lower+capd):
		mode = capModeUpper
	case capd+upper >= 3 && lower*3 < capd+upper:
		mode = capModeTitle
	}
	first := true
	for i := range s.toks {
		t := &s.toks[i]
		t.caps |= mode
		if first {
			t.caps |= capFirst
		}
		first = t.caps&7 == capNone && (first || opensSentence(string(s.buf[t.keyS:t.keyE])))
	}
	if len(lx.seq) == 0 {
		return
	}
	for i := range s.toks {
		s.matchList(lx.seq, i)
	}
}

// matchList marks the names of the word lists that begin at token i.
func (s *scratch) matchList(seq map[uint64]uint8, i int) {
	h := uint64(0)
	for l := 1; l <= maxGazLen && i+l <= len(s.toks); l++ {
		h = seqHash(h, s.toks[i+l-1].stem)
		v, ok := seq[h]
		if !ok {
			return
		}
		for k := PER; k <= MISC; k++ {
			if v&(1<<(k-1)) != 0 {
				s.toks[i].flags |= FlagBegin(k) << listShift
				for j := i + 1; j < i+l; j++ {
					s.toks[j].flags |= FlagInside(k) << listShift
				}
			}
		}
		if v&gazPrefix == 0 {
			return
		}
	}
}

// caseBits returns the Context bits of a prepared token.
func caseBits(t *tokInfo) uint32 {
	var v uint32
	if t.caps&capModeMask == 0 {
		v |= 1 << docCasePlain
		if t.caps&capFirst == 0 {
			switch t.caps & 7 {
			case capLower:
				v |= 1 << docCaseLower
			case capTitle, capUpper, capLetter, capMixed:
				v |= 1 << docCaseUpper
			}
		}
	}
	return v
}

// caseRows appends the English and Persian rows of token i (t), whose
// neighbours are m1 and p1.
func (s *scratch) caseRows(i int, t, m1, p1 *tokInfo, stats map[uint64]uint32, shift uint8) {
	add := func(h uint64) { s.rows = append(s.rows, uint32(h>>shift)) }
	c0 := uint64(t.caps)
	add(feat(fCap, c0))
	add(feat2(fCapNb, uint64(m1.caps)<<8|c0, uint64(p1.caps)))
	add(feat2(fCapKey, t.stem, c0&(7|capFirst)))
	add(feat2(fCapCue, c0, uint64(m1.cue)<<8|uint64(p1.cue)))
	add(feat2(fCapNames, c0, uint64(t.names)))
	if lf := uint64(t.flags >> listShift); lf != 0 {
		for b := 0; b < 8; b++ {
			if lf&(1<<b) != 0 {
				add(feat(fList, uint64(b)))
			}
		}
		add(feat2(fCapList, c0, lf))
	}
	add(feat2(fListNb, uint64(m1.flags>>listShift), uint64(p1.flags>>listShift)))
	add(feat(fRawShape, t.rshape))
	if stats != nil {
		v := stats[t.stem2]
		add(feat2(fDocCase, uint64(v>>docCaseLower&7), c0))
	}
}
