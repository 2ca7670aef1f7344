package ner

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities/internal/tagger"
)

var (
	anercorpDev   = flag.Bool("anercorp-dev", false, "score the Recognizer on the tagger's ANERcorp development split (prints CoNLL scores)")
	anercorpTrain = flag.Bool("anercorp-train", false, "with -anercorp-dev: first train a tagger on the rest of the training split, so that the development split is unseen (slow)")
	anercorpFile  = flag.String("anercorp-file", "", "with -anercorp-dev: score this CoNLL file (such as the held-out test split) with the embedded model instead of the development split")
)

// TestANERcorpDev scores the whole Recognizer (gazetteers, cues and
// tagger) on the development split that package tagger carves from
// ANERcorp's training data, with CoNLL span scoring over ANERcorp's
// tokens: a mention is mapped onto the tokens it overlaps, so a mention
// that leaves out a clitic (إيران in وإيران) still marks its whole token.
// It runs only with -anercorp-dev; with -anercorp-train it first trains a
// tagger on the other nine tenths, so that the split is unseen:
//
//	go test ./entities/ner -run TestANERcorpDev -anercorp-dev -anercorp-train -v
//
// With -anercorp-file it scores the embedded model on another file of
// ANERcorp's format instead, such as the held-out test split:
//
//	go test ./entities/ner -run TestANERcorpDev -anercorp-dev -anercorp-file /abs/path/test.txt -v
func TestANERcorpDev(t *testing.T) {
	if !*anercorpDev {
		t.Skip("run with -anercorp-dev")
	}
	f, err := os.Open("../internal/tagger/data/anercorp-train.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := tagger.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	train, dev := tagger.SplitDev(sents)
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case *anercorpFile != "":
		g, err := os.Open(*anercorpFile)
		if err != nil {
			t.Fatal(err)
		}
		dev, err = tagger.ReadCoNLL(g)
		g.Close()
		if err != nil {
			t.Fatal(err)
		}
	case *anercorpTrain:
		m = tagger.Train(train, tagger.TrainOptions{})
	}
	for _, mode := range []struct {
		name string
		opts RecognizerOptions
	}{
		{"gazetteer and cues", RecognizerOptions{NoTagger: true}},
		{"gazetteer, cues and tagger", RecognizerOptions{}},
		{"gazetteer, cues and tagger with MISC", RecognizerOptions{MISC: true}},
	} {
		r, err := NewRecognizer(mode.opts)
		if err != nil {
			t.Fatal(err)
		}
		if r.tagger != nil {
			r = r.withTagger(m)
		}
		gold, pred := recognizeCorpus(t, r, dev)
		t.Logf("%s, %d sentences:\n%s", mode.name, len(dev), tagger.Score(gold, pred))
	}
	t.Logf("tagger alone (tagger.Evaluate; trained on the development split too unless -anercorp-train):\n%s", tagger.Evaluate(m, dev))
	if *anercorpFile != "" {
		t.Logf("scored %s, %d sentences", *anercorpFile, len(dev))
	}
}

// recognizeCorpus runs r over sents cut into articles of up to 20
// sentences, one sentence a line (cut before a sentence that repeats one
// of the same article, which the parser would drop as a repeated
// paragraph), and returns the gold labels and the recognizer's, mapped
// onto the corpus's tokens.
func recognizeCorpus(t *testing.T, r *Recognizer, dev []tagger.Sentence) (gold, pred [][]tagger.Label) {
	t.Helper()
	for lo := 0; lo < len(dev); {
		hi := lo + 1
		seen := map[string]bool{strings.Join(dev[lo].Words, " "): true}
		for hi < len(dev) && hi-lo < 20 && !seen[strings.Join(dev[hi].Words, " ")] {
			seen[strings.Join(dev[hi].Words, " ")] = true
			hi++
		}
		var b strings.Builder
		var spans [][]article.Span
		for _, s := range dev[lo:hi] {
			var ws []article.Span
			for i, w := range s.Words {
				if i > 0 {
					b.WriteByte(' ')
				}
				ws = append(ws, article.Span{Start: b.Len(), End: b.Len() + len(w)})
				b.WriteString(w)
			}
			b.WriteString("\n\n")
			spans = append(spans, ws)
			gold = append(gold, s.Labels)
		}
		a, err := article.Parse(b.String())
		if err != nil {
			t.Fatal(err)
		}
		res := r.Recognize(a)
		for _, ws := range spans {
			labels := make([]tagger.Label, len(ws))
			for _, m := range res.Mentions {
				in := false
				for i, w := range ws {
					if w.Overlaps(m.Span) {
						if !in {
							labels[i] = tagger.Begin(tagger.Kind(m.Kind))
							in = true
						} else {
							labels[i] = tagger.Inside(tagger.Kind(m.Kind))
						}
					}
				}
			}
			pred = append(pred, labels)
		}
		lo = hi
	}
	return gold, pred
}

var anercorpCV = flag.Int("anercorp-cv", 0, "cross-validate the Recognizer over this many contiguous folds of the training part of ANERcorp's training split (a tagger trained on the other folds each time; slow)")

// TestANERcorpCV estimates how the Recognizer, as khabar extract runs it,
// scores on ANERcorp text it has not seen: over contiguous folds of the
// training part (the first nine tenths, as cmd/train -cv cuts them), each
// tagged by a tagger trained on the other folds, in articles of 20
// sentences. It runs only with -anercorp-cv N:
//
//	go test ./entities/ner -run TestANERcorpCV -anercorp-cv 5 -v -timeout 1h
func TestANERcorpCV(t *testing.T) {
	if *anercorpCV < 2 {
		t.Skip("run with -anercorp-cv N")
	}
	f, err := os.Open("../internal/tagger/data/anercorp-train.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := tagger.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := tagger.SplitDev(sents)
	modes := []struct {
		name string
		opts RecognizerOptions
	}{{"recognizer (as khabar extract runs it)", RecognizerOptions{}}, {"recognizer with MISC", RecognizerOptions{MISC: true}}}
	gold := make([][][]tagger.Label, len(modes)+1)
	pred := make([][][]tagger.Label, len(modes)+1)
	n := *anercorpCV
	for fold := 0; fold < n; fold++ {
		lo, hi := fold*len(tr)/n, (fold+1)*len(tr)/n
		rest := append(append([]tagger.Sentence{}, tr[:lo]...), tr[hi:]...)
		m := tagger.Train(rest, tagger.TrainOptions{})
		for i, mode := range modes {
			r, err := NewRecognizer(mode.opts)
			if err != nil {
				t.Fatal(err)
			}
			g, p := recognizeCorpus(t, r.withTagger(m), tr[lo:hi])
			gold[i], pred[i] = append(gold[i], g...), append(pred[i], p...)
		}
		g, p := tagger.TagCorpus(m, tr[lo:hi])
		gold[len(modes)], pred[len(modes)] = append(gold[len(modes)], g...), append(pred[len(modes)], p...)
	}
	for i, mode := range modes {
		t.Logf("%d-fold cross-validation, %s, %d sentences:\n%s", n, mode.name, len(tr), tagger.Score(gold[i], pred[i]))
	}
	t.Logf("%d-fold cross-validation, tagger alone:\n%s", n, tagger.Score(gold[len(modes)], pred[len(modes)]))
}
