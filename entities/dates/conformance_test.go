package dates_test

import (
	"testing"

	"github.com/khabar-go/khabar/entities"
	"github.com/khabar-go/khabar/entities/dates"
	"github.com/khabar-go/khabar/entities/entitiestest"
)

func TestConformance(t *testing.T) {
	entitiestest.Run(t, func(*testing.T) entities.Extractor { return dates.Finder{} })
}
