package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/khabar-go/khabar/article"
)

// The hand-written facts that CLDR, GeoNames and iso3166-2-db lack live in
// curated/places.json: the variants news writes, regions without an ISO
// code, Wikidata IDs we are sure of, nationality adjectives the rules
// cannot derive, and the common words that some place names collide with.
// loadHand reads them into the variables below before generation.

// handRegion is a place with no ISO code: a geopolitical region, a sea, a
// holy site or a disputed territory.
type handRegion struct {
	ID       string              `json:"id"`
	En       string              `json:"en"`
	Country  string              `json:"country"`
	Wikidata string              `json:"wikidata"`
	Names    map[string][]string `json:"names"`
}

// cityFact is a hand fact of the largest GeoNames city of a name in a
// country: its Wikidata item, names GeoNames lacks.
type cityFact struct {
	Country  string              `json:"country"`
	City     string              `json:"city"`
	Wikidata string              `json:"wikidata"`
	Names    map[string][]string `json:"names"`
}

// handFacts is curated/places.json.
type handFacts struct {
	// CountryVariants are extra names of countries, by ISO 3166-1 code
	// and language.
	CountryVariants map[string]map[string][]string `json:"country_variants"`
	// CountryWikidata are Wikidata items of countries we are sure of.
	CountryWikidata map[string]string `json:"country_wikidata"`
	// SkipRegions are two-letter codes that CLDR names but that are not
	// countries or territories news means by them.
	SkipRegions []string `json:"skip_regions"`
	// CLDRRegions are the CLDR macro-regions (UN M49 codes) kept as
	// places, with their Wikidata items where we are sure of them.
	CLDRRegions map[string]string `json:"cldr_regions"`
	// RegionVariants are extra names of CLDR macro-regions.
	RegionVariants map[string]map[string][]string `json:"region_variants"`
	// Regions are the hand regions.
	Regions []handRegion `json:"regions"`
	// Cities are facts of cities, by country code and GeoNames name;
	// generation fails if one is not found.
	Cities []cityFact `json:"cities"`
	// DivisionVariants are extra names of first-level divisions, by id.
	DivisionVariants map[string]map[string][]string `json:"division_variants"`
	// Descriptors stand before (Arabic, Russian) or after (English,
	// Russian) a division's name and are not part of it, by language.
	Descriptors map[string][]string `json:"descriptors"`
	// ArabWorld are the members of the Arab League, whose place names
	// are Arabic: no g variants for them.
	ArabWorld []string `json:"arab_world"`
	// AdjectiveOverrides are nationality adjectives (masculine singular)
	// the rules cannot derive or derive wrongly, by country and language.
	AdjectiveOverrides map[string]map[string][]string `json:"adjective_overrides"`
	// IrregularPlurals are Arabic broken plurals of nationality nouns.
	IrregularPlurals map[string][]string `json:"irregular_plurals"`
	// EnglishDemonyms are English nationality adjectives.
	EnglishDemonyms map[string][]string `json:"english_demonyms"`
	// GroupAdjectives are Arabic adjectives of peoples, faiths and
	// regions with no country of their own (masculine singular), written
	// to the Demonyms list without a country.
	GroupAdjectives []string `json:"group_adjectives"`
	// PlaceStopwords are common words that some place name collides
	// with; a place name equal to one of them is dropped.
	PlaceStopwords []string `json:"place_stopwords"`
	// CuratedStopwords are curated one-word names that are common words
	// in Arabic or Persian text (مجلس "council" for Iran's parliament);
	// they are left out of the index.
	CuratedStopwords []string `json:"curated_stopwords"`
}

// The hand facts, as loadHand sets them.
var (
	countryVariants    map[string]map[string][]string
	countryWikidata    map[string]string
	skipRegions        map[string]bool
	cldrRegions        map[string]string
	regionVariants     map[string]map[string][]string
	handRegions        []handRegion
	cityWikidata       map[[2]string]string
	cityVariants       map[[2]string]map[string][]string
	divisionVariants   map[string]map[string][]string
	arDescriptors      []string
	enDescriptors      []string
	ruDescriptors      []string
	arabWorld          map[string]bool
	adjectiveOverrides map[string]map[string][]string
	irregularPlurals   map[string][]string
	englishDemonyms    map[string][]string
	groupAdjectives    []string
	placeStopwords     []string
	curatedStopwords   map[string]bool // folded keys
)

// loadHand reads curated/places.json; an unknown field is an error.
func loadHand(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	var h handFacts
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return fmt.Errorf("gen: %s: %w", path, err)
	}
	countryVariants, countryWikidata, cldrRegions = h.CountryVariants, h.CountryWikidata, h.CLDRRegions
	regionVariants, handRegions, divisionVariants = h.RegionVariants, h.Regions, h.DivisionVariants
	arDescriptors, enDescriptors, ruDescriptors = h.Descriptors["ar"], h.Descriptors["en"], h.Descriptors["ru"]
	adjectiveOverrides, irregularPlurals, englishDemonyms = h.AdjectiveOverrides, h.IrregularPlurals, h.EnglishDemonyms
	groupAdjectives, placeStopwords = h.GroupAdjectives, h.PlaceStopwords
	skipRegions, arabWorld, curatedStopwords = set(h.SkipRegions, false), set(h.ArabWorld, false), set(h.CuratedStopwords, true)
	cityWikidata, cityVariants = map[[2]string]string{}, map[[2]string]map[string][]string{}
	for _, c := range h.Cities {
		k := [2]string{c.Country, c.City}
		if c.Wikidata != "" {
			cityWikidata[k] = c.Wikidata
		}
		if c.Names != nil {
			cityVariants[k] = c.Names
		}
	}
	return nil
}

// set returns the words as a set, folded with article.Key when fold.
func set(words []string, fold bool) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if fold {
			w = article.Key(w)
		}
		m[w] = true
	}
	return m
}
