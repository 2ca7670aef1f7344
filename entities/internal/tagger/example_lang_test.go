package tagger_test

import (
	"fmt"
	"strings"

	"github.com/khabar-go/khabar/entities/internal/tagger"
)

func ExampleDefaultFor() {
	m, err := tagger.DefaultFor(tagger.English)
	if err != nil {
		panic(err)
	}
	words := strings.Fields("Chancellor Olaf Scholz flew to Warsaw on Friday .")
	for i, l := range m.Tag(words, nil) {
		if l != tagger.O {
			fmt.Println(words[i], l)
		}
	}
	// Output:
	// Olaf B-PER
	// Scholz I-PER
	// Warsaw B-LOC
}
