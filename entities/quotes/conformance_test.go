package quotes_test

import (
	"testing"

	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/entitiestest"
	"github.com/khabar-go/khabar/entities/quotes"
)

func TestConformance(t *testing.T) {
	for _, f := range []quotes.Finder{{}, {Speech: true}} {
		entitiestest.Run(t, func(*testing.T) entities.Extractor { return f })
	}
}
