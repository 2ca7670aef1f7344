//go:build race

package tagger

const raceEnabled = true
