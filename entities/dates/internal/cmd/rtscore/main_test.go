package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// spec is a small spec in the Recognizers-Text shape, with sentences of
// our own: a right case, a case with two resolutions, a wrong value, a
// coarser value and a day that does not exist.
const spec = `[
 {"Input": "وصل الوفد في 3 مارس 2014", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
  "Results": [{"Text": "3 مارس 2014", "Value": {"Timex": "2014-03-03", "FutureResolution": {"date": "2014-03-03"}, "PastResolution": {"date": "2014-03-03"}}}]},
 {"Input": "سيصل الوفد في 3 مارس", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
  "Results": [{"Text": "3 مارس", "Value": {"Timex": "XXXX-03-03", "FutureResolution": {"date": "2017-03-03"}, "PastResolution": {"date": "2016-03-03"}}}]},
 {"Input": "وصل الوفد أمس", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
  "Results": [{"Text": "أمس", "Value": {"Timex": "2016-11-05", "FutureResolution": {"date": "2016-11-05"}, "PastResolution": {"date": "2016-11-05"}}}]},
 {"Input": "وصل الوفد قبل شهرين", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
  "Results": [{"Text": "قبل شهرين", "Value": {"Timex": "2016-09-07", "FutureResolution": {"date": "2016-09-07"}, "PastResolution": {"date": "2016-09-07"}}}]},
 {"Input": "وصل الوفد في 31 فبراير", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
  "Results": [{"Text": "31 فبراير", "Value": {"Timex": "XXXX-02-31", "FutureResolution": {"date": "0001-01-01"}, "PastResolution": {"date": "0001-01-01"}}}]}
]`

func TestScore(t *testing.T) {
	var cases []specCase
	if err := json.Unmarshal([]byte(spec), &cases); err != nil {
		t.Fatal(err)
	}
	var misses []string
	got := score(cases, func(c specCase, why string) { misses = append(misses, c.Input) })
	want := tally{cases: 5, right: 3, coarser: 1, found: 4}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(tally{})); diff != "" {
		t.Errorf("score mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"وصل الوفد أمس", "وصل الوفد قبل شهرين"}, misses); diff != "" {
		t.Errorf("misses (-want +got):\n%s", diff)
	}
}

func TestRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spec.json")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := run(path, false, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "5 cases, right 3 (60.0%), coarser 1, found 4") {
		t.Errorf("run printed %q", b.String())
	}
	if err := run("", false, &b); err == nil {
		t.Error("run without -spec: no error")
	}
	if err := os.WriteFile(path, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(path, false, &b); err == nil {
		t.Error("run on broken JSON: no error")
	}
}
