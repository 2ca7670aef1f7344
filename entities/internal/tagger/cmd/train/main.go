// Command train fits the Arabic named-entity tagger on ANERcorp and writes
// the model that package tagger embeds.
//
// Run from the package directory (go generate does):
//
//	go run ./cmd/train                 # train on all of data/, write model/tagger.bin
//	go run ./cmd/train -dev            # train on the first 90%, score the last 10%
//	go run ./cmd/train -dev -tail6     # the same, split as the held-out test split was cut
//	go run ./cmd/train -dev -seeds 3   # the mean over three training seeds
//	go run ./cmd/train -dev -frac 0.8  # train on the first 80% of the training part
//	go run ./cmd/train -check          # retrain and compare with model/tagger.bin
//	go run ./cmd/train -cv 5           # cross-validate over the training part
//	go run ./cmd/train -eval FILE      # score the embedded model on a CoNLL file
//
// With -lang en or -lang fa it trains the English or Persian tagger from
// data/ner-en.txt or data/ner-fa.txt into model/tagger-en.bin or
// model/tagger-fa.bin; their documents are put in a fixed mixed order
// first (tagger.Interleave), and -cv scores folds of whole documents,
// with a line per corpus.
package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/gazetteer"
	"github.com/khabar-go/khabar/entities/internal/tagger"
)

func main() {
	var (
		lang   = flag.String("lang", "ar", "the language: ar, en or fa")
		data   = flag.String("data", "", "training data in CoNLL format (default: the language's file in data/)")
		out    = flag.String("out", "", "where to write the model (default: the language's file in model/)")
		dev    = flag.Bool("dev", false, "train on the first 90% and print development scores; write nothing")
		alone  = flag.Bool("alone", false, "with -dev or -eval: tag each sentence alone, without the sentences around it")
		cv     = flag.Int("cv", 0, "cross-validate over this many contiguous folds of the training split; write nothing")
		eval   = flag.String("eval", "", "score the embedded model on this CoNLL file (sentences in corpus order); train nothing")
		check  = flag.Bool("check", false, "retrain and verify that -out holds the same bytes")
		epochs = flag.Int("epochs", 0, "training passes (0: default)")
		bits   = flag.Int("bits", 0, "log2 of the hashed feature rows (0: default)")
		folds  = flag.Int("folds", 0, "jackknife folds (0: default)")
		window = flag.Int("window", 0, "sentences of document context on each side (0: default, <0: none)")
		margin = flag.Int("margin", 0, "training margin")
		rcost  = flag.Int("rcost", 0, "extra margin on name tokens")
		ens    = flag.Int("ensemble", 0, "perceptrons to average (0: default)")
		drop   = flag.Float64("dropout", 0, "word-feature dropout (0: default, <0: none)")
		stack  = flag.Int("stack", 0, "first-pass folds of a stacked model (0: default, 1: not stacked)")
		tail6  = flag.Bool("tail6", false, "with -dev: score the sentences after the first 5/6 of the words instead of the last 10% of the sentences")
		seeds  = flag.Int("seeds", 1, "with -dev: train this many times with different seeds and print the mean")
		frac   = flag.Float64("frac", 1, "with -dev: train on this first fraction of the training part only")
		gaz    = flag.Bool("gazetteer", false, "mark the names of khabar's gazetteer as features (gazetteer.Mark)")
	)
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("train: ")
	lg, ok := tagger.ParseLang(*lang)
	if !ok {
		log.Fatalf("-lang %q: want ar, en or fa", *lang)
	}
	if *data == "" {
		*data = [...]string{"data/anercorp-train.txt", "data/ner-en.txt", "data/ner-fa.txt"}[lg]
	}
	if *out == "" {
		*out = [...]string{"model/tagger.bin", "model/tagger-en.bin", "model/tagger-fa.bin"}[lg]
	}

	if *eval != "" {
		sents := readCoNLL(*eval)
		m, err := tagger.DefaultFor(lg)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d sentences\n%s", *eval, len(sents), evaluate(m, sents, *alone))
		return
	}
	opts := tagger.TrainOptions{Epochs: *epochs, Bits: uint8(*bits), Folds: *folds, Dropout: *drop, Window: *window, Margin: *margin, RecallCost: *rcost, Ensemble: *ens, Stack: *stack, Lang: lg}
	if *gaz {
		mk, err := gazetteerMarker()
		if err != nil {
			log.Fatal(err)
		}
		opts.Marker = mk
	}
	t0 := time.Now()
	var sents []tagger.Sentence
	if lg != tagger.Arabic {
		var comments []string
		sents, comments = readDocs(*data)
		if *cv > 1 {
			crossValidate(sents, comments, *cv, opts, *frac)
			return
		}
	} else {
		sents = readCoNLL(*data)
	}
	if *cv > 1 {
		tr, _ := tagger.SplitDev(sents)
		var gold, pred [][]tagger.Label
		for f := 0; f < *cv; f++ {
			lo, hi := f*len(tr) / *cv, (f+1)*len(tr) / *cv
			rest := append(append([]tagger.Sentence{}, tr[:lo]...), tr[hi:]...)
			m := tagger.Train(rest, opts)
			g, p := tagger.TagCorpus(m, tr[lo:hi])
			gold, pred = append(gold, g...), append(pred, p...)
		}
		fmt.Printf("%d-fold cross-validation over %d sentences in %v\n%s", *cv, len(tr), time.Since(t0).Round(time.Millisecond), tagger.Score(gold, pred))
		return
	}
	if *dev {
		tr, dv := tagger.SplitDev(sents)
		if *tail6 {
			tr, dv = splitTail6(sents)
		}
		if *frac <= 0 || *frac > 1 {
			log.Fatalf("-frac %v: want a fraction in (0, 1]", *frac)
		}
		tr = tr[:int(*frac*float64(len(tr)))]
		var sum float64
		for i := range max(*seeds, 1) {
			o, t0 := opts, time.Now()
			if i > 0 {
				// Seeds that no perceptron of an earlier ensemble used.
				o.Seed = uint64(1 + i*max(opts.Ensemble, 3))
			}
			m := tagger.Train(tr, o)
			b, err := m.MarshalBinary()
			if err != nil {
				log.Fatal(err)
			}
			var q tagger.Model
			if err := q.UnmarshalBinary(b); err != nil {
				log.Fatal(err)
			}
			qm := &q
			if opts.Marker != nil {
				qm = q.WithMarker(opts.Marker)
			}
			s := evaluate(qm, dv, *alone)
			sum += s.All.F1()
			fmt.Printf("trained on %d sentences in %v (seed %d); model %d bytes\n", len(tr), time.Since(t0).Round(time.Millisecond), max(o.Seed, 1), len(b))
			fmt.Printf("development split: %d sentences\n%s", len(dv), s)
		}
		if *seeds > 1 {
			fmt.Printf("mean F1 over %d seeds: %.2f\n", *seeds, 100*sum/float64(*seeds))
		}
		return
	}
	m := tagger.Train(sents, opts)
	b, err := m.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	sum := sha256.Sum256(b)
	fmt.Printf("trained on %d sentences in %v; model %d bytes, sha256 %x\n", len(sents), time.Since(t0).Round(time.Millisecond), len(b), sum)
	if *check {
		old, err := os.ReadFile(*out)
		if err != nil {
			log.Fatal(err)
		}
		if !bytes.Equal(old, b) {
			log.Fatalf("%s differs from the retrained model (sha256 %x)", *out, sha256.Sum256(old))
		}
		fmt.Printf("%s is reproduced exactly\n", *out)
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// evaluate scores m on sents, in context (tagger.Evaluate) or each
// sentence alone.
func evaluate(m *tagger.Model, sents []tagger.Sentence, alone bool) tagger.Scores {
	if !alone {
		return tagger.Evaluate(m, sents)
	}
	gold := make([][]tagger.Label, len(sents))
	pred := make([][]tagger.Label, len(sents))
	for i, s := range sents {
		gold[i] = s.Labels
		pred[i] = m.Tag(s.Words, nil)
	}
	return tagger.Score(gold, pred)
}

// readDocs reads a CoNLL file with document marks and puts its documents
// in tagger.Interleave's order, or ends the program.
func readDocs(path string) ([]tagger.Sentence, []string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sents, comments, err := tagger.ReadCoNLLDocs(f)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return tagger.Interleave(sents), comments
}

// crossValidate scores k folds of whole documents (contiguous blocks of
// the interleaved documents), each tagged by a model trained on the other
// folds, and prints the scores over all of them and per corpus (the first
// word of a document's comment). With frac < 1 each model is trained on
// that first fraction of its training part.
func crossValidate(sents []tagger.Sentence, comments []string, k int, opts tagger.TrainOptions, frac float64) {
	t0 := time.Now()
	var gold, pred [][]tagger.Label
	corpus := map[string][2][][]tagger.Label{}
	var names []string
	for f := 0; f < k; f++ {
		lo, hi := f*len(sents)/k, (f+1)*len(sents)/k
		// Move the cuts to document starts.
		for lo > 0 && lo < len(sents) && sents[lo].Doc == sents[lo-1].Doc {
			lo++
		}
		for hi < len(sents) && sents[hi].Doc == sents[hi-1].Doc {
			hi++
		}
		rest := append(append([]tagger.Sentence{}, sents[:lo]...), sents[hi:]...)
		rest = rest[:int(frac*float64(len(rest)))]
		m := tagger.Train(rest, opts)
		g, p := tagger.TagCorpus(m, sents[lo:hi])
		gold, pred = append(gold, g...), append(pred, p...)
		for i := range g {
			name, _, _ := strings.Cut(comments[sents[lo+i].Doc], " ")
			name, _, _ = strings.Cut(name, "/")
			c, ok := corpus[name]
			if !ok {
				names = append(names, name)
			}
			c[0], c[1] = append(c[0], g[i]), append(c[1], p[i])
			corpus[name] = c
		}
		fmt.Fprintf(os.Stderr, "fold %d/%d done (%v)\n", f+1, k, time.Since(t0).Round(time.Second))
	}
	fmt.Printf("%d-fold cross-validation over %d sentences (%d-%s) in %v\n%s", k, len(sents), len(sents), opts.Lang, time.Since(t0).Round(time.Millisecond), tagger.Score(gold, pred))
	slices.Sort(names)
	for _, n := range names {
		c := corpus[n]
		fmt.Printf("%s (%d sentences):\n%s", n, len(c[0]), tagger.Score(c[0], c[1]))
	}
}

// readCoNLL reads the sentences of a CoNLL file, or ends the program.
func readCoNLL(path string) []tagger.Sentence {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sents, err := tagger.ReadCoNLL(f)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return sents
}

// splitTail6 cuts the training file as the CAMeL Lab split cut ANERcorp:
// the sentences that hold the first 5/6 of the words, and the rest.
func splitTail6(sents []tagger.Sentence) (train, dev []tagger.Sentence) {
	total := 0
	for _, s := range sents {
		total += len(s.Words)
	}
	n := 0
	for i, s := range sents {
		if 6*n >= 5*total {
			return sents[:i], sents[i:]
		}
		n += len(s.Words)
	}
	return sents, nil
}

// gazetteerMarker marks the names of khabar's embedded gazetteer in a
// sentence's words, as the recognizer marks them in an article.
func gazetteerMarker() (tagger.Marker, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return func(words []string) []tagger.Flags {
		keys := make([]string, len(words))
		for i, w := range words {
			keys[i] = article.Key(w)
		}
		marks, _ := g.Mark(keys, nil, nil)
		out := make([]tagger.Flags, len(marks))
		for i, m := range marks {
			out[i] = tagger.Flags(m)
		}
		return out
	}, nil
}
