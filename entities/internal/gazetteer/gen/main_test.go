package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestArabicNisba(t *testing.T) {
	tests := map[string]string{
		"إيران": "إيراني", "روسيا": "روسي", "بيلاروسيا": "بيلاروسي", "العراق": "عراقي",
		"السعودية": "سعودي", "مصر": "مصري", "ماليزيا": "ماليزي", "مالي": "",
		"الولايات المتحدة": "", "تشيلي": "",
	}
	for in, want := range tests {
		if got := arabicNisba(in); got != want {
			t.Errorf("arabicNisba(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPersianNisba(t *testing.T) {
	tests := map[string]string{"ایران": "ایرانی", "کانادا": "کانادایی", "روسیه": "", "مالی": "", "ایالات متحده": ""}
	for in, want := range tests {
		if got := persianNisba(in); got != want {
			t.Errorf("persianNisba(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitCLDR(t *testing.T) {
	tests := map[string][]string{
		"ميانمار (بورما)":  {"ميانمار", "بورما"},
		"بيلاروس":          {"بيلاروس"},
		"":                 nil,
		"Myanmar (Burma)":  {"Myanmar", "Burma"},
		"X (a long aside)": {"X"},
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, splitCLDR(in)); diff != "" {
			t.Errorf("splitCLDR(%q) mismatch (-want +got):\n%s", in, diff)
		}
	}
}

func TestCuratedRecords(t *testing.T) {
	good := `{"id":"putin","kind":"PER","en":"Vladimir Putin","ar":["فلاديمير بوتين","بوتين"],"fa":["پوتین"],"ru":["Владимир Путин"],"en_aliases":["Putin"],"country":"RU","wikidata":"Q7747","roles":["president"],"valid_as_of":"2025-11-01"}`
	tests := []struct {
		name, data, want string
	}{
		{"good", good + "\n\n", ""},
		{"syntax", good + "\n{", "persons.jsonl:2: "},
		{"unknown field", strings.Replace(good, `"roles"`, `"rolez"`, 1), `persons.jsonl:1: json: unknown field "rolez"`},
		{"kind", strings.Replace(good, `"PER"`, `"ORG"`, 1), `persons.jsonl:1: kind "ORG", want "PER"`},
		{"country", strings.Replace(good, `"RU"`, `"Russia"`, 1), `persons.jsonl:1: bad country "Russia"`},
		{"wikidata", strings.Replace(good, `"Q7747"`, `"7747"`, 1), `persons.jsonl:1: bad wikidata "7747"`},
		{"date", strings.Replace(good, `2025-11-01`, `2025-13-01`, 1), `persons.jsonl:1: bad valid_as_of "2025-13-01"`},
		{"no arabic", strings.Replace(good, `"ar":["فلاديمير بوتين","بوتين"]`, `"ar":[]`, 1), "persons.jsonl:1: missing ar names"},
		{"bad name", strings.Replace(good, `"بوتين"]`, `"بو|تين"]`, 1), `persons.jsonl:1: bad name "بو|تين"`},
		{"duplicate", good + "\n" + good, `persons.jsonl:2: id "putin" already used on line 1`},
		{"trailing", good + " {}", "persons.jsonl:1: trailing data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "persons.jsonl")
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			recs, err := curatedRecords(path, "PER")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("curatedRecords() error: %v", err)
				}
				if len(recs) != 1 || recs[0].id != "p:putin" || recs[0].country != "RU" {
					t.Fatalf("curatedRecords() = %+v", recs)
				}
				want := "p:putin\tPER\tVladimir Putin\tRU\tQ7747\t\t\t0\tpresident\tar=فلاديمير بوتين|ar=بوتين|fa=پوتین|en=Vladimir Putin|en=Putin|ru=Владимир Путин"
				if got := recs[0].line(); got != want {
					t.Errorf("line() = %q, want %q", got, want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("curatedRecords() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestReadMO writes a two-message catalogue and reads it back.
func TestReadMO(t *testing.T) {
	msgs := [][2]string{{"", "header"}, {"625144", "مينسك"}}
	var b []byte
	le := binary.LittleEndian
	n := len(msgs)
	head := 28
	origTab := head
	transTab := origTab + 8*n
	data := transTab + 8*n
	b = make([]byte, data)
	le.PutUint32(b[0:], 0x950412de)
	le.PutUint32(b[8:], uint32(n))
	le.PutUint32(b[12:], uint32(origTab))
	le.PutUint32(b[16:], uint32(transTab))
	for i, m := range msgs {
		for j, s := range m {
			tab := origTab
			if j == 1 {
				tab = transTab
			}
			le.PutUint32(b[tab+8*i:], uint32(len(s)))
			le.PutUint32(b[tab+8*i+4:], uint32(len(b)))
			b = append(b, s...)
			b = append(b, 0)
		}
	}
	path := filepath.Join(t.TempDir(), "x.mo")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readMO(path)
	if err != nil {
		t.Fatalf("readMO() error: %v", err)
	}
	if diff := cmp.Diff(map[string]string{"625144": "مينسك"}, got); diff != "" {
		t.Errorf("readMO() mismatch (-want +got):\n%s", diff)
	}
	if err := os.WriteFile(path, b[:20], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readMO(path); err == nil {
		t.Error("readMO(truncated) returned no error")
	}
}

func TestIsArabicScript(t *testing.T) {
	tests := map[string]bool{"مينسك": true, "مینسک": true, "مىنىسكى": false, "Minsk": false, "منسک": true, "ٹورنٹو": false, "": false}
	for in, want := range tests {
		if got := isArabicScript(in); got != want {
			t.Errorf("isArabicScript(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestStripDescriptor(t *testing.T) {
	tests := []struct{ name, lang, want string }{
		{"منطقة تبوك", "ar", "تبوك"},
		{"محافظة الأنبار", "ar", "الأنبار"},
		{"المنطقة الشرقية", "ar", ""},
		{"تكساس", "ar", ""},
		{"Tabuk Region", "en", "Tabuk"},
		{"Al Anbar Governorate", "en", "Al Anbar"},
		{"Texas", "en", ""},
		{"Московская область", "ru", "Московская"},
	}
	for _, tc := range tests {
		if got := stripDescriptor(tc.name, tc.lang); got != tc.want {
			t.Errorf("stripDescriptor(%q, %s) = %q, want %q", tc.name, tc.lang, got, tc.want)
		}
	}
}

func TestGVariants(t *testing.T) {
	tests := map[string][]string{
		"كوبنهاغن": {"كوبنهاجن", "كوبنهاكن"},
		"جورجيا":   {"غورغيا", "كوركيا"},
		"باريس":    nil,
		"كييف":     nil,
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, gVariants(in)); diff != "" {
			t.Errorf("gVariants(%q) mismatch (-want +got):\n%s", in, diff)
		}
	}
}

func TestLoadHand(t *testing.T) {
	if err := loadHand(filepath.Join("..", "curated", "places.json")); err != nil {
		t.Fatal(err)
	}
	if countryWikidata["SA"] != "Q851" || !arabWorld["SA"] || len(placeStopwords) == 0 {
		t.Errorf("loadHand: facts missing (SA %q, arab %v, %d stopwords)", countryWikidata["SA"], arabWorld["SA"], len(placeStopwords))
	}
	bad := filepath.Join(t.TempDir(), "places.json")
	if err := os.WriteFile(bad, []byte(`{"country_variantz": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := loadHand(bad); err == nil || !strings.Contains(err.Error(), "country_variantz") {
		t.Errorf("loadHand(unknown field) error = %v", err)
	}
}

// TestMain loads the hand facts that the generator's functions read.
func TestMain(m *testing.M) {
	if err := loadHand(filepath.Join("..", "curated", "places.json")); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
