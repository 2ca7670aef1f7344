package tagger

import (
	"unicode"

	"github.com/khabar-go/khabar/article"
)

// Flags are per-token gazetteer marks: for each kind, whether a known name
// of that kind begins at the token or continues through it. The tagger sets
// them from the names of its training data; a caller with a larger
// gazetteer passes its own (ext), which are features of their own: a model
// learns what they are worth when it is trained with the same gazetteer
// (TrainOptions.Marker), and ignores them otherwise.
type Flags uint16

// FlagBegin returns the flag of a name of kind k that begins at a token.
func FlagBegin(k Kind) Flags { return 1 << (2 * (k - 1)) }

// FlagInside returns the flag of a name of kind k that continues through a token.
func FlagInside(k Kind) Flags { return 1 << (2*(k-1) + 1) }

// Gazetteer entry bits: one per kind (1<<(k-1)) and gazPrefix when the
// sequence begins a longer entry.
const gazPrefix = 1 << 4

// maxGazLen bounds the number of tokens of a gazetteer entry.
const maxGazLen = 6

// resources are the lexical tables the features consult: names and
// token-label statistics from training data.
type resources struct {
	gaz map[uint64]uint8 // token-sequence hash of stems -> kinds | gazPrefix
	lex map[uint64]uint8 // stem hash -> packed lexicon entry (see lexPack)
}

// tokInfo holds what the features need of one token.
type tokInfo struct {
	key, stem, stem2 uint64 // hashes
	keyS, keyE       int32  // the key in scratch.buf
	stemS, stem2S    int32  // where the stems begin in the key
	shape            uint64
	cue              uint8
	names            uint16 // name-list classes (names.go)
	lex, lex2        uint8
	gaz1, gaz2       uint8 // gazetteer values of stem and stem2 alone
	ent              int32 // index in scratch.entries, or -1
	flags            Flags
	xflags           Flags // the caller's gazetteer marks (ext)
	// The ends of the stems in scratch.buf (keyE for Arabic, whose
	// stems only lose prefixes), and what the English and Persian
	// features add: the letter case of the word as written (caps.go
	// classes and bits) and its shape.
	stemE, stem2E int32
	caps          uint8
	rshape        uint64
}

// scratch holds reusable buffers for one sentence.
type scratch struct {
	buf    []byte
	toks   []tokInfo
	rows   []uint32
	off    []int32
	lexEnd []int32
	// wordEnd[i] ends the rows that depend on token i's key alone, whose
	// weight sums TagContext caches by key.
	wordEnd []int32
	// cacheIdx maps key hashes to entries (in TagContext only).
	cacheIdx map[uint64]int32
	entries  []wordEntry
	stats    map[uint64]uint32
	em       []int32
	delta    []int32
	bp       []uint8
	// p1 holds the first pass's labels of the sentence and plab its label
	// counts by aggressive stem over the document, for the second pass of
	// a stacked model (stack.go).
	p1   []Label
	plab map[uint64][NumLabels]uint16
	// sEnd[i] ends the rows of token i that do not come from the first pass.
	sEnd []int32
	// p1buf and plabBuf back p1 and plab in TagContext.
	p1buf   []Label
	plabBuf map[uint64][NumLabels]uint16
	info    []wordInfo
	// dtoks and dbuf hold the prepared tokens of a whole document, and
	// dstart and bstart where each sentence's begin in them (newContext);
	// inDoc is set while they are being filled, so that the cache of
	// word entries they point into stays as it is.
	dtoks  []tokInfo
	dbuf   []byte
	dstart []int32
	bstart []int32
	inDoc  bool
	// docStats backs the statistics of TagDocument's context.
	docStats map[uint64]uint32
	docEm    []int32 // first-pass emission scores of a document's tokens
	quoted   []uint8 // quoted-span classes of the sentence's tokens (quoted.go)
	// lang selects the stems, word lists and features of a language
	// (langs.go); the zero value is Arabic.
	lang Lang
}

var (
	hBOS = hashString("<s>")
	hEOS = hashString("</s>")
)

var boundary = tokInfo{key: hBOS, stem: hBOS, stem2: hBOS, shape: hBOS, cue: numCues, ent: -1}
var boundaryEnd = tokInfo{key: hEOS, stem: hEOS, stem2: hEOS, shape: hEOS, cue: numCues + 1, ent: -1}

// wordEntry caches what depends on a word's key alone, for the model the
// scratch belongs to.
type wordEntry struct {
	em             [NumLabels]int32 // summed weights of the word's own rows
	hasEm          bool
	cue, lex, lex2 uint8
	names          uint16
	gaz1, gaz2     uint8 // gazetteer values of the stems as one-token names
}

// prepare fills s.toks for words. With cache set, the key-dependent lookups
// are cached in s.entries (valid only for one resources value).
func (s *scratch) prepare(words []string, ext []Flags, res *resources, cache bool) {
	n := len(words)
	s.buf = s.buf[:0]
	if cap(s.toks) < n {
		s.toks = make([]tokInfo, n)
	}
	s.toks = s.toks[:n]
	if cache && !s.inDoc && (s.cacheIdx == nil || len(s.entries) >= maxCache) {
		s.resetCache()
	}
	cm := cues()
	nm := nameLists()
	lx := lexiconOf(s.lang)
	if lx != nil {
		cm, nm = lx.cues, lx.names
	}
	for i, w := range words {
		st := len(s.buf)
		var ws wordStems
		if s.lang == Arabic {
			s.buf = article.AppendKey(s.buf, w)
			key := s.buf[st:]
			ws = wordStems{c1: stemCut(key), e1: len(key), c2: stemCut2(key), e2: len(key)}
		} else {
			s.buf, ws = stemsOf(s.lang, s.buf, w)
		}
		key := s.buf[st:]
		c1, c2 := ws.c1, ws.c2
		t := &s.toks[i]
		*t = tokInfo{
			key:    hashBytes(key),
			stem:   hashBytes(key[c1:ws.e1]),
			stem2:  hashBytes(key[c2:ws.e2]),
			keyS:   int32(st),
			keyE:   int32(len(s.buf)),
			stemS:  int32(st + c1),
			stem2S: int32(st + c2),
			stemE:  int32(st + ws.e1),
			stem2E: int32(st + ws.e2),
			shape:  shapeOf(key),
			ent:    -1,
		}
		if s.lang != Arabic {
			s.prepareCase(i, w, ws.zwnj)
		}
		if i < len(ext) {
			t.xflags = ext[i]
		}
		if cache {
			if idx, ok := s.cacheIdx[t.key]; ok {
				e := &s.entries[idx]
				t.ent, t.cue, t.lex, t.lex2, t.gaz1, t.gaz2, t.names = idx, e.cue, e.lex, e.lex2, e.gaz1, e.gaz2, e.names
				continue
			}
		}
		t.cue = cm[t.stem]
		if t.cue == cueNone && c2 != c1 {
			t.cue = cm[t.stem2]
		}
		t.names = nm[t.stem]
		if t.names == 0 && c2 != c1 {
			t.names = nm[t.stem2]
		}
		if res != nil {
			t.lex = res.lex[t.stem]
			t.lex2 = res.lex[t.stem2^lex2Salt]
			t.gaz1 = res.gaz[seqHash(0, t.stem)]
			if t.stem2 != t.stem {
				t.gaz2 = res.gaz[seqHash(0, t.stem2)]
			}
		}
		if cache {
			t.ent = int32(len(s.entries))
			s.entries = append(s.entries, wordEntry{cue: t.cue, names: t.names, lex: t.lex, lex2: t.lex2, gaz1: t.gaz1, gaz2: t.gaz2})
			s.cacheIdx[t.key] = t.ent
		}
	}
	if lx != nil {
		s.prepareSentence(lx)
	}
	if res != nil && len(res.gaz) > 0 {
		for i := range s.toks {
			t := &s.toks[i]
			if t.gaz1 != 0 {
				s.matchGaz(res.gaz, i, t.stem, t.gaz1)
			}
			if t.gaz2 != 0 {
				s.matchGaz(res.gaz, i, t.stem2, t.gaz2)
			}
		}
	}
}

// resetCache empties the cache of word entries.
func (s *scratch) resetCache() {
	s.cacheIdx = make(map[uint64]int32, 1024)
	s.entries = s.entries[:0]
}

// matchGaz marks the gazetteer entries that start at token i, whose first
// token has stem hash first, of gazetteer value v as a one-token entry.
func (s *scratch) matchGaz(gaz map[uint64]uint8, i int, first uint64, v uint8) {
	h := seqHash(0, first)
	for l := 1; l <= maxGazLen && i+l <= len(s.toks); l++ {
		if l > 1 {
			h = seqHash(h, s.toks[i+l-1].stem)
			var ok bool
			if v, ok = gaz[h]; !ok {
				return
			}
		}
		for k := PER; k <= MISC; k++ {
			if v&(1<<(k-1)) != 0 {
				s.toks[i].flags |= FlagBegin(k)
				for j := i + 1; j < i+l; j++ {
					s.toks[j].flags |= FlagInside(k)
				}
			}
		}
		if v&gazPrefix == 0 {
			return
		}
	}
}

// shapeOf returns a hash of the word's character classes, with runs
// collapsed, and a length bucket.
func shapeOf(key []byte) uint64 {
	var cls [8]byte
	n, runes := 0, 0
	var last byte
	for _, r := range string(key) {
		runes++
		var c byte
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			c = 'a'
		case r >= '0' && r <= '9':
			c = '9'
		case r < 0x80 && unicode.IsLetter(r):
			c = 'x'
		case unicode.IsLetter(r):
			c = 'l'
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			c = '.'
		default:
			c = '?'
		}
		if c != last && n < len(cls) {
			cls[n] = c
			n++
			last = c
		}
	}
	var lb byte
	switch {
	case runes <= 1:
		lb = 1
	case runes == 2:
		lb = 2
	case runes == 3:
		lb = 3
	case runes <= 5:
		lb = 4
	case runes <= 8:
		lb = 5
	default:
		lb = 6
	}
	h := uint64(lb)
	for _, c := range cls[:n] {
		h = h<<8 | uint64(c)
	}
	return h
}

// Feature templates.
const (
	fBias = iota
	fKey
	fStem
	fStem2
	fKeyM1
	fKeyP1
	fKeyM2
	fKeyP2
	fStemM1
	fStemP1
	fBigramM
	fBigramP
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fShape
	fShape3
	fCueM1
	fCueM2
	fCueP1
	fCue0
	fGaz
	fGazM1
	fGazP1
	fLex0
	fLexM1
	fLexP1
	fClitic
	fFirst
	fCueM1Lex0
	fStemM2
	fStemP2
	fGazFlagsLex
	fSufM1
	fStem2Suf
	fChar3
	fCueBefore
	fCueAfter
	fDoc
	fDocCount
	fLex2
	fName0
	fNameM1
	fNameP1
	fNameM2
	fNameP2
	fNamePair
	fNameCueM1
	fStackOwn
	fStackNb
	fStackDoc
	fStackMaj
	fQuote
	fQuoteHead
	fQuoteLex
	// English and Persian (latin.go).
	fCap
	fCapNb
	fCapKey
	fCapCue
	fCapNames
	fCapList
	fList
	fListNb
	fRawShape
	fDocCase
	fZWNJ
	// The caller's gazetteer marks (ext).
	fXGaz
	fXGazLex
	fXGazM1
	fXGazP1
)

// lex2Salt marks the lexicon entries keyed by the aggressive stem.
const lex2Salt = 0x5bd1e9955bd1e995

// Positions of a neighbouring word, for nbRows.
const (
	nbM1 = iota // the word before
	nbP1        // the word after
	nbM2        // two before
	nbP2        // two after
	numNbPos
)

var nbTemplates = [numNbPos][2]uint64{
	nbM1: {fKeyM1, fStemM1},
	nbP1: {fKeyP1, fStemP1},
	nbM2: {fKeyM2, fStemM2},
	nbP2: {fKeyP2, fStemP2},
}

// nbRows appends the rows of the features that describe token nb (a
// prepared token of s, or a sentence boundary) as the neighbour at
// position pos of another token. They depend on nb's key alone.
func (s *scratch) nbRows(dst []uint32, pos int, nb *tokInfo, shift uint8) []uint32 {
	t := nbTemplates[pos]
	dst = append(dst, uint32(feat(t[0], nb.key)>>shift), uint32(feat(t[1], nb.stem)>>shift))
	if pos == nbM1 && nb != &boundary {
		// The last two letters of the word before.
		mk := s.buf[nb.keyS:nb.keyE]
		n := lastRuneBytes(mk)
		n += lastRuneBytes(mk[:len(mk)-n])
		dst = append(dst, uint32(feat(fSufM1, hashBytes(mk[len(mk)-n:]))>>shift))
	}
	return dst
}

// features fills s.rows and s.off with the feature rows of every token.
// The rows of token i are s.rows[s.off[i]:s.off[i+1]]; the first of them,
// up to s.wordEnd[i], depend on the word's key alone (its identity, stems,
// affixes and letters); with the word bigrams that follow, up to
// s.lexEnd[i], they describe the word itself, and training drops them now
// and then so that the context features learn to recognise names never
// seen before.
func (s *scratch) features(bits uint8, stats map[uint64]uint32) {
	n := len(s.toks)
	shift := 64 - bits
	s.rows = s.rows[:0]
	if cap(s.off) < n+1 {
		s.off = make([]int32, n+1)
		s.lexEnd = make([]int32, n+1)
		s.wordEnd = make([]int32, n+1)
	}
	s.wordEnd = s.wordEnd[:n+1]
	s.off = s.off[:n+1]
	s.lexEnd = s.lexEnd[:n+1]
	if cap(s.sEnd) < n {
		s.sEnd = make([]int32, n)
	}
	s.sEnd = s.sEnd[:n]
	at := func(i int) *tokInfo {
		switch {
		case i < 0:
			return &boundary
		case i >= n:
			return &boundaryEnd
		}
		return &s.toks[i]
	}
	if cap(s.quoted) < n {
		s.quoted = make([]uint8, n)
	}
	s.quoted = s.quoted[:n]
	clear(s.quoted)
	s.quoteClasses(s.quoted)
	for i := 0; i < n; i++ {
		s.off[i] = int32(len(s.rows))
		t, m1, m2, p1, p2 := &s.toks[i], at(i-1), at(i-2), at(i+1), at(i+2)
		add := func(h uint64) { s.rows = append(s.rows, uint32(h>>shift)) }

		// The word itself, unless its weights are cached already.
		if t.ent < 0 || !s.entries[t.ent].hasEm {
			add(feat(fKey, t.key))
			add(feat(fStem, t.stem))
			if t.stem2 != t.stem {
				add(feat(fStem2, t.stem2))
			}
			stem := s.buf[t.stemS:t.stemE]
			key := s.buf[t.keyS:t.keyE]
			// Prefixes and suffixes of up to three runes.
			for k, nb := 0, 0; k < 3 && nb < len(stem); k++ {
				nb += runeBytes(stem[nb:])
				add(feat(fPre1+uint64(k), hashBytes(stem[:nb])))
			}
			for k, nb := 0, 0; k < 3 && nb < len(key); k++ {
				nb += lastRuneBytes(key[:len(key)-nb])
				add(feat(fSuf1+uint64(k), hashBytes(key[len(key)-nb:])))
			}
			// Character trigrams of the stem, with word boundaries.
			r0, r1, r2 := uint64(0), uint64(1), uint64(1)
			for _, c := range string(stem) {
				r0, r1, r2 = r1, r2, uint64(c)
				if r0 != 0 {
					add(feat(fChar3, r0<<42|r1<<21|r2))
				}
			}
			add(feat(fChar3, r1<<42|r2<<21|2))
		}
		s.wordEnd[i] = int32(len(s.rows))
		add(feat2(fBigramM, m1.key, t.key))
		add(feat2(fBigramP, t.key, p1.key))
		s.lexEnd[i] = int32(len(s.rows))

		// Its context and what the lexicons say.
		add(feat(fBias, 0))
		// The neighbouring words.
		for pos, nb := range [numNbPos]*tokInfo{m1, p1, m2, p2} {
			s.rows = s.nbRows(s.rows, pos, nb, shift)
		}
		add(feat(fShape, t.shape))
		add(feat2(fShape3, feat2(0, m1.shape, t.shape), p1.shape))
		add(feat(fCueM1, uint64(m1.cue)))
		add(feat(fCueM2, uint64(m2.cue)))
		add(feat(fCueP1, uint64(p1.cue)))
		add(feat(fCue0, uint64(t.cue)))
		for b := 0; b < 8; b++ {
			if t.flags&(1<<b) != 0 {
				add(feat(fGaz, uint64(b)))
			}
		}
		add(feat(fGazFlagsLex, uint64(t.flags)<<8|uint64(t.lex)))
		add(feat(fGazM1, uint64(m1.flags)))
		add(feat(fGazP1, uint64(p1.flags)))
		// The caller's gazetteer (gazetteer.Mark): rows only where it marks
		// something, so that a model trained without one is unchanged.
		if t.xflags != 0 {
			for b := 0; b < 8; b++ {
				if t.xflags&(1<<b) != 0 {
					add(feat(fXGaz, uint64(b)))
				}
			}
			add(feat(fXGazLex, uint64(t.xflags)<<8|uint64(t.lex)))
		}
		if m1.xflags != 0 {
			add(feat(fXGazM1, uint64(m1.xflags)))
		}
		if p1.xflags != 0 {
			add(feat(fXGazP1, uint64(p1.xflags)))
		}
		add(feat(fLex0, uint64(t.lex)))
		add(feat(fLex2, uint64(t.lex2)))
		add(feat(fLexM1, uint64(m1.lex)))
		add(feat(fLexP1, uint64(p1.lex)))
		add(feat2(fCueM1Lex0, uint64(m1.cue), uint64(t.lex&0x3f)))
		if s.lang == Arabic {
			add(feat(fClitic, hashBytes(s.buf[t.keyS:t.stem2S])))
		} else {
			// What the stems cut off: a prefix and a suffix.
			add(feat2(fClitic, hashBytes(s.buf[t.keyS:t.stem2S]), hashBytes(s.buf[t.stem2E:t.keyE])))
		}
		// The name lists, for the word and its neighbours.
		n0, nm1, np1 := t.names, m1.names, p1.names
		for b := 0; b < numNameLists; b++ {
			if n0&(1<<b) != 0 {
				add(feat(fName0, uint64(b)))
			}
			if nm1&(1<<b) != 0 {
				add(feat(fNameM1, uint64(b)))
			}
			if np1&(1<<b) != 0 {
				add(feat(fNameP1, uint64(b)))
			}
		}
		add(feat(fNameM2, uint64(m2.names)))
		add(feat(fNameP2, uint64(p2.names)))
		add(feat2(fNamePair, uint64(nm1)<<16|uint64(n0), uint64(np1)))
		add(feat2(fNameCueM1, uint64(m1.cue), uint64(n0)))
		if i == 0 {
			add(feat(fFirst, 1))
		}
		// A short quoted span, with what stands before its opening mark
		// (برنامج « … ») and what training knows of the word.
		if q := s.quoted[i]; q != 0 {
			add(feat(fQuote, uint64(q)))
			j := i - 1
			for j >= 0 && s.quoted[j]&qInside != 0 {
				j--
			}
			h := at(j - 1)
			add(feat2(fQuoteHead, uint64(q), uint64(h.cue)<<16|uint64(h.names)))
			add(feat2(fQuoteLex, uint64(q), uint64(t.lex)))
		}
		// What the rest of the document says about the word.
		if stats != nil {
			v := stats[t.stem2]
			add(feat(fDocCount, uint64(v>>docCount&3)))
			for b := 0; b < docBits; b++ {
				if v&(1<<b) != 0 && b != docCueBefore && b != docCueAfter && b != docCount && b != docCount+1 {
					add(feat(fDoc, uint64(b)))
				}
			}
		}
		// Cue classes anywhere among the three words before and after.
		var before, after uint32
		for d := 1; d <= 3; d++ {
			before |= 1 << at(i-d).cue
			after |= 1 << at(i+d).cue
		}
		for c := uint64(1); c < uint64(numCues); c++ {
			if before&(1<<c) != 0 {
				add(feat(fCueBefore, c))
			}
			if after&(1<<c) != 0 {
				add(feat(fCueAfter, c))
			}
		}
		if s.lang != Arabic {
			s.caseRows(i, t, m1, p1, stats, shift)
		}
		s.sEnd[i] = int32(len(s.rows))
		if s.p1 != nil {
			s.stackRows(i, t.stem2, shift)
		}
	}
	s.off[n] = int32(len(s.rows))
}

func runeBytes(b []byte) int {
	switch c := b[0]; {
	case c < 0x80:
		return 1
	case c < 0xE0:
		return min(2, len(b))
	case c < 0xF0:
		return min(3, len(b))
	default:
		return min(4, len(b))
	}
}

func lastRuneBytes(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	n := 1
	for n < len(b) && n < 4 && b[len(b)-n]&0xC0 == 0x80 {
		n++
	}
	return n
}
