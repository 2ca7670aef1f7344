package ner_test

import (
	"testing"

	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/entitiestest"
	"github.com/khabar-go/khabar/entities/ner"
)

func TestConformance(t *testing.T) {
	for _, opts := range []ner.RecognizerOptions{{}, {NoTagger: true}} {
		entitiestest.Run(t, func(t *testing.T) entities.Extractor {
			r, err := ner.NewRecognizer(opts)
			if err != nil {
				t.Fatal(err)
			}
			return r
		})
	}
}
