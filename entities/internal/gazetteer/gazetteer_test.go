package gazetteer

import (
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("Default() error: %v", err)
	}
	return g
}

func TestLookup(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name string
		want string // record ID of the best record, "" for none
	}{
		{"بيلاروسيا", "c:BY"},
		{"روسيا البيضاء", "c:BY"},
		{"بيلاروس", "c:BY"},
		{"أميركا", "c:US"},
		{"امريكا", "c:US"},
		{"الولايات المتحدة الأمريكية", "c:US"},
		{"الشرق الأوسط", "h:middle-east"},
		{"أوروبا", "r:150"},
		{"مينسك", "g:625144"},
		{"طهران", "g:112931"},
		{"تهران", "g:112931"},
		{"Moscow", "g:524901"},
		{"Белоруссия", "c:BY"},
		{"إِيرَان", "c:IR"}, // harakat
		{"ایران", "c:IR"},   // Persian yeh
		{"تونس", "c:TN"},    // the country before its capital
		{"الحرب", ""},
		{"وأن", ""},       // و+أن, not the Turkish city Van
		{"سورية", "c:SY"}, // feminine of سوري, and a spelling of Syria
	}
	for _, tt := range tests {
		got := ""
		if recs := g.Lookup(tt.name); len(recs) > 0 {
			got = g.Records[recs[0]].ID
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCuratedLoaded(t *testing.T) {
	g := mustDefault(t)
	persons, orgs := 0, 0
	for _, r := range g.Records {
		switch r.Kind {
		case PER:
			persons++
		case ORG:
			orgs++
		}
	}
	if persons < 250 || orgs < 100 {
		t.Errorf("curated data: %d persons, %d organisations; want at least 250 and 100", persons, orgs)
	}
	r, ok := g.Record("c:BY")
	if !ok || r.Name != "Belarus" || r.Country != "BY" || r.Wikidata != "Q184" {
		t.Errorf("Record(c:BY) = %+v, %v", r, ok)
	}
}

func parse(t *testing.T, s string) *article.Article {
	t.Helper()
	a, err := article.Parse(s)
	if err != nil {
		t.Fatalf("article.Parse(%q): %v", s, err)
	}
	return a
}

func TestMatcherAt(t *testing.T) {
	g := mustDefault(t)
	type hit struct {
		Sort, Text, What string
	}
	tests := []struct {
		text string
		want []hit
	}{
		{"وإيران", []hit{{"name", "إيران", "c:IR"}}},
		{"لموسكو", []hit{{"name", "موسكو", "g:524901"}}},
		{"بالعراق", []hit{{"name", "العراق", "c:IQ"}}},
		{"وللعراق", []hit{{"name", "لعراق", "c:IQ"}}},
		{"والولايات المتحدة", []hit{{"name", "الولايات المتحدة", "c:US"}}},
		{"الرئيس الروسي", []hit{{"title", "الرئيس", "president"}, {"demonym", "الروسي", "RU"}}},
		{"ورئيس الوزراء", []hit{{"title", "رئيس الوزراء", "prime_minister"}}},
		{"رئیس‌جمهور ایران", []hit{{"title", "رئیس‌جمهور", "president"}, {"name", "ایران", "c:IR"}}},
		{"والإيرانيون", []hit{{"demonym", "الإيرانيون", "IR"}}},
		{"Iranian President", []hit{{"demonym", "Iranian", "IR"}, {"title", "President", "president"}}},
		{"moscow", nil}, // lower-case Latin is not a name
		{"Iran's", []hit{{"name", "Iran", "c:IR"}}},
		{"Vladimir Putin’s", []hit{{"name", "Vladimir Putin", "p:putin"}}},
	}
	for _, tt := range tests {
		a := parse(t, tt.text)
		m := g.NewMatcher()
		var got []hit
		for i := 0; i < len(a.Tokens); {
			ms := m.At(a, i, len(a.Tokens))
			n := 1
			if ms.Title.Len() > 0 {
				got = append(got, hit{"title", a.Text(ms.Title.Span), ms.Title.Title.Role})
				n = ms.Title.Len()
			} else if ms.Name.Len() > 0 {
				got = append(got, hit{"name", a.Text(ms.Name.Span), g.Records[ms.Name.Records[0]].ID})
				n = ms.Name.Len()
			} else if ms.Demonym.Len() > 0 {
				got = append(got, hit{"demonym", a.Text(ms.Demonym.Span), ms.Demonym.Country})
				n = ms.Demonym.Len()
			}
			i += n
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("At over %q mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good := "c:BY\tLOC\tBelarus\tBY\tQ184\t\t\t0\t\tar=بيلاروسيا|en=Belarus\n"
	tests := []struct {
		name, places, demonyms, want string
	}{
		{"fields", "c:BY\tLOC\n", "", "places.tsv:1: 2 fields"},
		{"kind", strings.Replace(good, "LOC", "XYZ", 1), "", `places.tsv:1: bad kind "XYZ"`},
		{"id", strings.Replace(good, "c:BY", "q:BY", 1), "", `places.tsv:1: bad id "q:BY"`},
		{"coordinates", strings.Replace(good, "\t\t\t0", "\tx\ty\t0", 1), "", "places.tsv:1: bad coordinates"},
		{"name", strings.Replace(good, "ar=", "ar", 1), "", "places.tsv:1: bad name"},
		{"duplicate", good + good, "", `places.tsv:2: duplicate id "c:BY"`},
		{"demonyms", good, "BY\tar\n", "demonyms:1: 2 fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.places, "", tt.demonyms)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "gazetteer: ") {
				t.Errorf("Load() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	g, err := Load(good, "", "BY\tar\tبيلاروسي\n")
	if err != nil {
		t.Fatalf("Load(good) error: %v", err)
	}
	if recs := g.Lookup("بيلاروسيا"); len(recs) != 1 || g.Records[recs[0]].ID != "c:BY" {
		t.Errorf("Lookup after Load(good) = %v", recs)
	}
}

func TestRoleFits(t *testing.T) {
	tests := []struct {
		role  string
		roles []string
		want  bool
	}{
		{"president", []string{"president"}, true},
		{"president", []string{"former", "president"}, false},
		{"minister", []string{"foreign_minister"}, true},
		{"president", []string{"prime_minister"}, false},
		{"supreme_leader", []string{"supreme_leader"}, true},
	}
	for _, tt := range tests {
		if got := RoleFits(tt.role, tt.roles); got != tt.want {
			t.Errorf("RoleFits(%q, %q) = %v, want %v", tt.role, tt.roles, got, tt.want)
		}
	}
}

// BenchmarkLoad measures loading the embedded gazetteer and reports the
// memory the loaded gazetteer keeps (heap-MB) and its records.
func BenchmarkLoad(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = load(placesTSV, curatedTSV, langDemonyms()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	g = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g, err := load(placesTSV, curatedTSV, langDemonyms())
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(len(g.Records)), "records")
	runtime.KeepAlive(g)
}

func TestNameWins(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		text string
		lang Langs
		want bool
	}{
		{"روسية", Arabic, false}, // Arabic adjective, Persian name of Russia
		{"روسیه", Persian, true},
		{"سورية", Arabic, true}, // Arabic adjective and Arabic name of Syria
		{"الروسية", Arabic, false},
		{"روسيا", Arabic, true},
		{"وام", Persian, false}, // WAM is listed in Arabic only
		{"وام", Arabic, true},
	}
	for _, tt := range tests {
		a := parse(t, tt.text)
		if got := g.NewMatcher().At(a, 0, len(a.Tokens)).NameWins(tt.lang); got != tt.want {
			t.Errorf("At(%q).NameWins(%v) = %v, want %v", tt.text, tt.lang, got, tt.want)
		}
	}
}
