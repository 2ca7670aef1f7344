package main

import (
	"bytes"
	"context"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMutants(t *testing.T) {
	src := `package p

const max = 8

var table = []int{1, 2, 3}

func f(a, b int, ok bool) bool {
	buf := make([]int, 0, 16)
	var arr [4]int
	_, _ = buf, arr
	if a < b && !ok {
		g(a)
		return true
	}
	if a == 3 || b >= 0x1f {
		return ok
	}
	h := func() int { return a + 1 }
	return h() > max
}

func g(int) {}
`
	got, err := mutants("p/p.go", []byte(src), allOps)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, m := range got {
		lines = append(lines, m.String())
		mutated := m.apply([]byte(src))
		if _, err := parser.ParseFile(token.NewFileSet(), "", mutated, 0); err != nil {
			t.Errorf("%s: the mutated file does not parse: %v", m, err)
		}
		if m.Orig != src[m.Start:m.End] {
			t.Errorf("%s: Orig %q, source %q", m, m.Orig, src[m.Start:m.End])
		}
	}
	// No mutant of the table, the capacity 16 or the array length 4;
	// none inside func() int's return, which is not a bool.
	want := []string{
		"p/p.go:3:13\tconst\t8 → 9",
		"p/p.go:3:13\tconst\t8 → 7",
		"p/p.go:11:7\tboundary\t< → <=",
		"p/p.go:11:11\tlogical\t&& → ||",
		"p/p.go:11:14\tnot\t! → (deleted)",
		"p/p.go:12:3\tcall\tg(a) → (deleted)",
		"p/p.go:13:10\treturn\ttrue → !(true)",
		"p/p.go:15:7\tnegate\t== → !=",
		"p/p.go:15:10\tconst\t3 → 4",
		"p/p.go:15:10\tconst\t3 → 2",
		"p/p.go:15:12\tlogical\t|| → &&",
		"p/p.go:15:17\tboundary\t>= → >",
		"p/p.go:15:20\tconst\t0x1f → 0x1E",
		"p/p.go:16:10\treturn\tok → !(ok)",
		"p/p.go:19:9\treturn\th() > max → !(h() > max)",
		"p/p.go:19:13\tboundary\t> → >=",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("mutants (-want +got):\n%s", diff)
	}

	only, err := mutants("p/p.go", []byte(src), []string{opNegate})
	if err != nil {
		t.Fatal(err)
	}
	if len(only) != 1 || only[0].Op != opNegate {
		t.Errorf("-ops negate gave %v, want the one == mutant", only)
	}
}

func TestLiteralDeltas(t *testing.T) {
	// x < n: boundary gives x <= n (x < n+1), so const gives x < n-1.
	tests := []struct {
		op   token.Token
		left bool
		want []int64
	}{
		{token.LSS, false, []int64{-1}},
		{token.LEQ, false, []int64{+1}},
		{token.GTR, false, []int64{+1}},
		{token.GEQ, false, []int64{-1}},
		{token.LSS, true, []int64{+1}}, // n < x: n <= x is n-1 < x
		{token.EQL, false, []int64{+1, -1}},
		{token.NEQ, true, []int64{+1, -1}},
		{token.ADD, false, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, literalDeltas(tt.op, tt.left)); diff != "" {
			t.Errorf("literalDeltas(%s, %v) (-want +got):\n%s", tt.op, tt.left, diff)
		}
	}
}

func TestCovered(t *testing.T) {
	c := coverage{"a/b.go": {
		{startLine: 10, startCol: 5, endLine: 12, endCol: 2, count: 1},
		{startLine: 12, startCol: 2, endLine: 14, endCol: 3, count: 0},
	}}
	tests := []struct {
		line, col int
		want      bool
	}{
		{10, 5, true}, {11, 80, true}, {12, 1, true}, // the first block ran
		{12, 2, false}, {13, 1, false}, // the second did not
		{14, 3, true}, {30, 1, true}, // outside every block: counted as reached
	}
	for _, tt := range tests {
		if got := c.covered("a/b.go", tt.line, tt.col); got != tt.want {
			t.Errorf("covered(%d:%d) = %v, want %v", tt.line, tt.col, got, tt.want)
		}
	}
}

// TestRun mutates the small module in testdata/mod, whose tests kill some
// mutants and let others through on purpose, and checks what became of
// each, and that the module's files are as they were.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test once per mutant")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := filepath.Join("testdata", "mod")
	before := readDir(t, dir)
	cache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	res, err := run(context.Background(), config{
		Package: ".", Dir: dir, Ops: allOps, Timeout: 3 * time.Second,
		Cache: strings.TrimSpace(string(cache)), Progress: &progress, Equivalent: "equivalent.txt",
	})
	if err != nil {
		t.Fatalf("run: %v\n%s", err, progress.String())
	}
	got := map[string]string{}
	for _, m := range res.Mutants {
		got[m.String()] = m.Status.String()
	}
	want := map[string]string{
		"clamp.go:6:21\tconst\t255 → 256":                             "not viable",          // overflows uint8
		"clamp.go:6:21\tconst\t255 → 254":                             "survived",            // only Small reads it
		"clamp.go:10:7\tboundary\t< → <=":                             "equivalent (listed)", // Clamp(0, …) is 0 either way
		"clamp.go:10:9\tconst\t0 → -1":                                "survived",            // nor Clamp(-1, …)
		"clamp.go:13:7\tboundary\t> → >=":                             "survived",            // nor Clamp(max, max)
		"clamp.go:21:9\treturn\tn%2 == 0 → !(n%2 == 0)":               "killed",
		"clamp.go:21:13\tnegate\t== → !=":                             "killed",
		"clamp.go:21:16\tconst\t0 → 1":                                "killed",
		"clamp.go:21:16\tconst\t0 → -1":                               "killed",
		"clamp.go:28:8\tboundary\t> → >=":                             "killed (timeout)", // n = 1 forever
		"clamp.go:28:10\tconst\t1 → 2":                                "killed",
		"clamp.go:37:9\treturn\tn <= int(limit) → !(n <= int(limit))": "not covered",
		"clamp.go:37:11\tboundary\t<= → <":                            "not covered",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mutants (-want +got):\n%s", diff)
	}
	if k, v := res.score(); k != 6 || v != 11 {
		t.Errorf("score %d of %d, want 6 of 11", k, v)
	}
	var report bytes.Buffer
	res.report(&report, false)
	for _, line := range []string{
		"score: 54.5% killed (6 of 11); 50.0% (6 of 12) counting the 1 listed equivalent mutants as survivors",
		"survived:\n  clamp.go:6:21\tconst\t255 → 254\n",
		"listed as equivalent but killed (take it off the list): clamp.go:21:13\tnegate\t== → !=\n",
		"stale entry of the equivalence list (no such mutant): clamp.go:99:1\tnot\t! → (deleted)\n",
		`-match '^(clamp\.go:6|clamp\.go:10|clamp\.go:13|clamp\.go:37)$'`,
	} {
		if !strings.Contains(report.String(), line) {
			t.Errorf("report lacks %q:\n%s", line, report.String())
		}
	}
	if diff := cmp.Diff(before, readDir(t, dir)); diff != "" {
		t.Errorf("the module changed (-before +after):\n%s", diff)
	}
}

// TestRunFailingBaseline: a package whose tests fail without any mutant
// is an error, not a score.
func TestRunFailingBaseline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":      "module example.com/bad\n\ngo 1.25\n",
		"bad.go":      "package bad\n\nfunc One() int { return 1 }\n\nfunc Pos(n int) bool { return n > 0 }\n",
		"bad_test.go": "package bad\n\nimport \"testing\"\n\nfunc TestOne(t *testing.T) {\n\tif One() != 2 {\n\t\tt.Error(\"One() != 2\")\n\t}\n}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, err = run(context.Background(), config{Package: ".", Dir: dir, Ops: allOps, Cache: strings.TrimSpace(string(cache))})
	if err == nil || !strings.Contains(err.Error(), "the tests fail without any mutant") {
		t.Errorf("run = %v, want the baseline's failure", err)
	}
}

// readDir returns the files under dir by path.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		files[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestSample: -sample keeps that many of the package's mutants, the same
// ones for the same seed, and the report says the score is an estimate.
func TestSample(t *testing.T) {
	dir := filepath.Join("testdata", "mod")
	all, err := run(context.Background(), config{Package: ".", Dir: dir, Ops: allOps, List: true})
	if err != nil {
		t.Fatal(err)
	}
	pick := func(seed uint64) []string {
		res, err := run(context.Background(), config{Package: ".", Dir: dir, Ops: allOps, List: true, Sample: 5, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		if res.Sampled != len(all.Mutants) {
			t.Errorf("Sampled = %d, want %d", res.Sampled, len(all.Mutants))
		}
		var out []string
		for _, m := range res.Mutants {
			out = append(out, m.String())
		}
		return out
	}
	a, b := pick(1), pick(1)
	if len(a) != 5 || !slices.Equal(a, b) {
		t.Errorf("sample of 5 with seed 1 = %v, then %v", a, b)
	}
	res := &result{ImportPath: "x", Mutants: []mutant{{Status: killed}, {Status: survived}}, Sampled: 9}
	var w bytes.Buffer
	res.report(&w, false)
	if !strings.Contains(w.String(), "a random sample of the package's 9 mutants") || !strings.Contains(w.String(), "± ") {
		t.Errorf("report of a sample:\n%s", w.String())
	}
}
