// Command nerdata writes the English and Persian training data of the
// tagger (data/ner-en.txt, data/ner-fa.txt) from the open corpora:
// wikigold, WNUT17 and the Broad Twitter Corpus for English (CC BY 4.0),
// ParsTwiNER for Persian (MIT). It maps each corpus's tags to PER, LOC,
// ORG and MISC in BIO notation, and re-tokenises every sentence as
// package article tokenises an article, so that training sees the tokens
// the tagger is given at run time (U.S. becomes U . S .); a piece of a
// name token keeps the name's kind. A line "#", with an optional comment
// after it, begins a new document. Nothing else is changed; the words
// are the corpora's.
//
//	go run ./cmd/nerdata -en ../shared/data/ner-en -fa ../shared/data/ner-fa
//
// (paths relative to the repository root; run it from the package
// directory with the paths adjusted).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/khabar-go/khabar/article"
)

func main() {
	en := flag.String("en", "", "the ner-en folder (wikigold/, WNUT17/, BTC/)")
	fa := flag.String("fa", "", "the ner-fa folder (parstwiner/)")
	outEn := flag.String("out-en", "data/ner-en.txt", "where to write the English data")
	outFa := flag.String("out-fa", "data/ner-fa.txt", "where to write the Persian data")
	demonyms := flag.String("demonyms", "../gazetteer/data/demonyms.tsv", "the gazetteer's nationality adjectives")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("nerdata: ")
	if *en == "" && *fa == "" {
		log.Fatal("give -en, -fa or both")
	}
	if *en != "" {
		dem, err := readDemonyms(*demonyms, "en")
		if err != nil {
			log.Fatal(err)
		}
		var docs []doc
		for _, src := range englishSources(*en) {
			d, err := readCorpus(src)
			if err != nil {
				log.Fatal(err)
			}
			if src.name != "wikigold" {
				markDemonyms(d, dem)
			}
			docs = append(docs, d...)
		}
		write(*outEn, enHeader, docs)
	}
	if *fa != "" {
		var docs []doc
		for _, f := range []string{"train.txt", "dev.txt", "test.txt"} {
			d, err := readCorpus(source{
				name: "parstwiner/" + f, path: filepath.Join(*fa, "parstwiner", f),
				sep: "\t", tags: parsTwiNER, perSentence: true,
			})
			if err != nil {
				log.Fatal(err)
			}
			docs = append(docs, d...)
		}
		write(*outFa, faHeader, docs)
	}
}

const enHeader = `# English named-entity training data of khabar's tagger, written by cmd/nerdata.
# wikigold (Balasuriya et al. 2009, CC BY 4.0), WNUT17 emerging entities
# (Derczynski et al. 2017, CC BY 4.0: train, dev and test) and the Broad
# Twitter Corpus (Derczynski, Bontcheva and Roberts 2016, CC BY 4.0).
# Changes: tags mapped to PER/LOC/ORG/MISC in BIO notation, tokens split as
# khabar's article package splits text, user handles and web addresses
# left out, nationality adjectives outside names tagged MISC in WNUT17 and
# BTC (as wikigold tags them). See README.md beside this file.
`

const faHeader = `# Persian named-entity training data of khabar's tagger, written by cmd/nerdata.
# ParsTwiNER (overfit.ir, persian-twitter-ner, MIT licence: train, dev and
# test). Changes: tags mapped to PER/LOC/ORG/MISC in BIO notation (POG and
# NAT to ORG, EVE to MISC), tokens split as khabar's article package splits
# text, user handles and web addresses left out. See README.md beside this file.
`

// source is one corpus file.
type source struct {
	name, path string
	sep        string            // column separator
	tags       map[string]string // corpus type -> PER/LOC/ORG/MISC ("" drops it)
	io         bool              // IO notation: I- tags only
	// perSentence: every sentence is a document of its own (tweets).
	perSentence bool
}

var (
	// wikigold uses CoNLL's types.
	conllTypes = map[string]string{"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
	// WNUT17: groups (bands, teams) are organisations, products and
	// creative works other names, as CoNLL would tag them.
	wnut = map[string]string{
		"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
		"product": "MISC", "creative-work": "MISC",
	}
	// ParsTwiNER: political groups and dynasties (POG) are organisations;
	// nationalities (NAT) too, as Persian news corpora tag them; events
	// (EVE) are other names.
	parsTwiNER = map[string]string{
		"PER": "PER", "LOC": "LOC", "ORG": "ORG", "POG": "ORG", "NAT": "ORG", "EVE": "MISC",
	}
)

func englishSources(dir string) []source {
	out := []source{{
		name: "wikigold", path: filepath.Join(dir, "wikigold/CONLL-format/data/wikigold.conll.txt"),
		sep: " ", tags: conllTypes, io: true,
	}}
	for _, f := range []string{"train/wnut17train.conll", "dev/emerging.dev.conll", "test/emerging.test.annotated"} {
		out = append(out, source{
			name: "WNUT17/" + f, path: filepath.Join(dir, "WNUT17/CONLL-format/data", f),
			sep: "\t", tags: wnut, perSentence: true,
		})
	}
	for _, f := range []string{"a", "b", "e", "f", "g", "h"} {
		out = append(out, source{
			name: "BTC/" + f, path: filepath.Join(dir, "BTC/CONLL-format/data", f+".conll"),
			sep: "\t", tags: conllTypes, perSentence: true,
		})
	}
	return out
}

// token is a word with its mapped tag ("O", "B-PER", ...).
type token struct{ word, tag string }

// doc is one document: a comment and its sentences.
type doc struct {
	comment string
	sents   [][]token
}

// readCorpus reads one corpus file into documents.
func readCorpus(src source) ([]doc, error) {
	f, err := os.Open(src.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		docs []doc
		cur  []token
		line int
	)
	newDoc := func(c string) { docs = append(docs, doc{comment: c}) }
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if len(docs) == 0 || src.perSentence {
			newDoc(fmt.Sprintf("%s %d", src.name, len(docs)+1))
		}
		d := &docs[len(docs)-1]
		d.sents = append(d.sents, retokenize(toBIO(cur, src.io)))
		cur = nil
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		i := strings.LastIndex(s, src.sep)
		if i < 0 {
			return nil, fmt.Errorf("%s:%d: want word%stag", src.path, line, src.sep)
		}
		word, tag := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(src.sep):])
		if word == "-DOCSTART-" {
			flush()
			newDoc(fmt.Sprintf("%s %d", src.name, len(docs)+1))
			continue
		}
		mapped := "O"
		if tag != "O" {
			bio, typ, ok := strings.Cut(tag, "-")
			if !ok || (bio != "B" && bio != "I") {
				return nil, fmt.Errorf("%s:%d: tag %q", src.path, line, tag)
			}
			k, known := src.tags[typ]
			if !known {
				return nil, fmt.Errorf("%s:%d: unknown type %q", src.path, line, typ)
			}
			if k != "" {
				mapped = bio + "-" + k
			}
		}
		if word == "" || handle(word) {
			continue
		}
		cur = append(cur, token{word, mapped})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", src.path, err)
	}
	flush()
	return docs, nil
}

// readDemonyms returns the nationality adjectives of language code in the
// gazetteer's demonyms.tsv.
func readDemonyms(path, code string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && f[1] == code {
			for _, w := range strings.Split(f[2], "|") {
				out[w] = true
			}
		}
	}
	return out, nil
}

// markDemonyms tags the capitalised nationality adjectives outside names
// (Brazilian, Americans) as MISC, as wikigold and CoNLL-2003 do: the
// Broad Twitter Corpus has no MISC class and WNUT17 does not tag
// nationalities, so without this the three corpora would disagree.
func markDemonyms(docs []doc, dem map[string]bool) {
	for _, d := range docs {
		for _, s := range d.sents {
			for i := range s {
				if s[i].tag == "O" && dem[s[i].word] {
					s[i].tag = "B-MISC"
				}
			}
		}
	}
}

// handle reports whether a tweet's token is a user handle (@name) or a
// web address, which news text does not have and which the corpora tag
// differently (BTC tags handles as names, WNUT17 does not): they are left
// out.
func handle(w string) bool {
	return len(w) > 1 && w[0] == '@' || strings.HasPrefix(w, "http:") || strings.HasPrefix(w, "https:") || strings.HasPrefix(w, "www.")
}

// toBIO makes every name begin with B-: in IO notation a name begins
// where the kind changes; in BIO, a stray I- after O or another kind
// begins one too.
func toBIO(sent []token, io bool) []token {
	prev := "O"
	for i := range sent {
		t := sent[i].tag
		if t != "O" {
			kind := t[2:]
			if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != kind) {
				sent[i].tag = "B-" + kind
			}
			if io && strings.HasPrefix(t, "B-") {
				sent[i].tag = "B-" + kind
			}
		}
		prev = sent[i].tag
	}
	return sent
}

// retokenize splits the words of a sentence as article.Parse splits the
// words joined by spaces. A piece after the first of a word inside a name
// continues the name.
func retokenize(sent []token) []token {
	var b strings.Builder
	starts := make([]int, len(sent))
	for i, t := range sent {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t.word)
	}
	a, err := article.Parse(b.String())
	if err != nil {
		return sent // nothing article would tokenise: keep the corpus's
	}
	out := make([]token, 0, len(a.Tokens))
	for _, tok := range a.Tokens {
		w := sort.SearchInts(starts, tok.Start+1) - 1
		if w < 0 {
			continue
		}
		tag := sent[w].tag
		if tok.Start != starts[w] && tag != "O" {
			tag = "I-" + tag[2:]
		}
		if len(out) > 0 && tag != "O" && strings.HasPrefix(tag, "I-") {
			if p := out[len(out)-1].tag; p == "O" || p[2:] != tag[2:] {
				tag = "B-" + tag[2:]
			}
		}
		out = append(out, token{a.Text(tok.Span), tag})
	}
	return out
}

func write(path, header string, docs []doc) {
	var b strings.Builder
	b.WriteString(header)
	sents, toks := 0, 0
	for _, d := range docs {
		if len(d.sents) == 0 {
			continue
		}
		fmt.Fprintf(&b, "# %s\n", d.comment)
		for _, s := range d.sents {
			for _, t := range s {
				b.WriteString(t.word)
				b.WriteByte('\t')
				b.WriteString(t.tag)
				b.WriteByte('\n')
			}
			b.WriteByte('\n')
			sents++
			toks += len(s)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d documents, %d sentences, %d tokens\n", path, len(docs), sents, toks)
}
