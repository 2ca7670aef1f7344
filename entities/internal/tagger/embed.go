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
