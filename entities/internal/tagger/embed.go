package tagger

import (
	_ "embed"
	"fmt"
	"sync"
)

//go:generate go run ./cmd/train -out model/tagger.bin

// modelBytes is the model trained by cmd/train on data/anercorp-train.txt.
//
//go:embed model/tagger.bin
var modelBytes []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoding it on first use. Every call
// returns the same *Model, or the same error if the embedded bytes are
// damaged.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		m := new(Model)
		if err := m.UnmarshalBinary(modelBytes); err != nil {
			defaultErr = fmt.Errorf("tagger: loading embedded model: %w", err)
			return
		}
		defaultModel = m
	})
	return defaultModel, defaultErr
}

// The English and Persian models, trained by cmd/train -lang en and -lang
// fa on data/ner-en.txt and data/ner-fa.txt.
//
//go:generate go run ./cmd/lexicon
//go:generate go run ./cmd/train -lang en
//go:generate go run ./cmd/train -lang fa

//go:embed model/tagger-en.bin
var modelEnBytes []byte

//go:embed model/tagger-fa.bin
var modelFaBytes []byte

var langModels [numLangs]struct {
	once sync.Once
	m    *Model
	err  error
}

// DefaultFor returns the embedded model of language l, decoding it on
// first use: a program that tags one language holds only that model in
// memory. Every call returns the same *Model for a language. The Arabic
// model is Default's.
func DefaultFor(l Lang) (*Model, error) {
	switch l {
	case Arabic:
		return Default()
	case English, Persian:
	default:
		return nil, fmt.Errorf("tagger: no model for %v", l)
	}
	e := &langModels[l]
	e.once.Do(func() {
		b := modelEnBytes
		if l == Persian {
			b = modelFaBytes
		}
		m := new(Model)
		if err := m.UnmarshalBinary(b); err != nil {
			e.err = fmt.Errorf("tagger: loading embedded %v model: %w", l, err)
			return
		}
		if m.lang != l {
			e.err = fmt.Errorf("tagger: the embedded %v model is a %v model", l, m.lang)
			return
		}
		e.m = m
	})
	return e.m, e.err
}
