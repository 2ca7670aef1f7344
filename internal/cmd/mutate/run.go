package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// config is what one run does.
type config struct {
	Package  string         // the package, as go list takes it (./article)
	Dir      string         // where to resolve Package; "" is the current directory
	Ops      []string       // operators to apply
	Match    *regexp.Regexp // if set, only mutants whose "file:line" matches
	Timeout  time.Duration  // per-mutant test time limit; 0 chooses one from the baseline
	Workers  int            // mutants at once, each in its own copy
	List     bool           // list mutants only
	Run      string         // go test -run
	Verbose  bool           // a progress line per mutant
	Progress io.Writer      // progress lines; nil for none
	Cache    string         // GOCACHE; "" is a fresh one, deleted at the end
	MaxMem   int            // address space of each go test process, in MB; 0 for no limit
	// Sample, when positive, tests only that many mutants drawn at random
	// (with Seed) from the package's, for an estimate of the score of a
	// package too large to test in full.
	Sample int
	Seed   uint64
	// Equivalent names a file of mutants known to be equivalent (see
	// readEquivalent), relative to the module root; "" for none, and a
	// missing file is none.
	Equivalent string
}

// status is what became of a mutant.
type status int

const (
	pending    status = iota
	killed            // a test failed
	timedOut          // killed: the tests ran past the timeout
	survived          // the tests passed
	notCovered        // no test reaches the code: counted as a survivor, not run
	notViable         // the mutant does not compile: left out of the score
	equivalent        // survived, and listed as equivalent: left out of the score
)

var statusNames = [...]string{"pending", "killed", "killed (timeout)", "survived", "not covered", "not viable", "equivalent (listed)"}

func (s status) String() string { return statusNames[s] }

// result is a run's outcome.
type result struct {
	ImportPath string
	Mutants    []mutant
	Timeout    time.Duration
	// Stale are the entries of the equivalence list, for this package's
	// files, that match no mutant any more: the code changed under them.
	Stale []string
	// Sampled is how many mutants the package has when Mutants is a
	// random sample of them (config.Sample), else 0.
	Sampled int
}

// count returns how many mutants have status s.
func (r *result) count(s status) int {
	n := 0
	for _, m := range r.Mutants {
		if m.Status == s {
			n++
		}
	}
	return n
}

// score returns the killed mutants (timeouts included) and the mutants
// that count: all but the ones that did not compile and the listed
// equivalent ones.
func (r *result) score() (killedN, viable int) {
	killedN = r.count(killed) + r.count(timedOut)
	return killedN, killedN + r.count(survived) + r.count(notCovered)
}

// wronglyListed returns the mutants listed as equivalent that a test
// killed: the list is wrong about them.
func (r *result) wronglyListed() []mutant {
	var out []mutant
	for _, m := range r.Mutants {
		if m.Equivalent != "" && (m.Status == killed || m.Status == timedOut) {
			out = append(out, m)
		}
	}
	return out
}

// report writes the summary, then the survivors and the uncovered
// mutants with their positions; with list, every mutant.
func (r *result) report(w io.Writer, list bool) {
	if list {
		for _, m := range r.Mutants {
			fmt.Fprintln(w, m)
		}
		fmt.Fprintf(w, "%s: %d mutants\n", r.ImportPath, len(r.Mutants))
		return
	}
	k, v := r.score()
	fmt.Fprintf(w, "%s: %d mutants, per-mutant timeout %s\n", r.ImportPath, len(r.Mutants), r.Timeout)
	if r.Sampled > 0 {
		fmt.Fprintf(w, "  a random sample of the package's %d mutants: the score is an estimate\n", r.Sampled)
	}
	for _, s := range []status{killed, timedOut, survived, notCovered, notViable, equivalent} {
		fmt.Fprintf(w, "  %-20s %4d\n", s.String()+":", r.count(s))
	}
	if v > 0 {
		fmt.Fprintf(w, "score: %.1f%% killed (%d of %d)", 100*float64(k)/float64(v), k, v)
		if r.Sampled > 0 {
			// The normal approximation of a sample proportion's 95% interval.
			p := float64(k) / float64(v)
			fmt.Fprintf(w, " ± %.1f%% (95%%)", 196*math.Sqrt(p*(1-p)/float64(v)))
		}
		if e := r.count(equivalent); e > 0 {
			fmt.Fprintf(w, "; %.1f%% (%d of %d) counting the %d listed equivalent mutants as survivors", 100*float64(k)/float64(v+e), k, v+e, e)
		}
		fmt.Fprintln(w)
	}
	for _, m := range r.wronglyListed() {
		fmt.Fprintf(w, "listed as equivalent but killed (take it off the list): %s\n", m)
	}
	for _, e := range r.Stale {
		fmt.Fprintf(w, "stale entry of the equivalence list (no such mutant): %s\n", e)
	}
	for _, s := range []status{survived, notCovered, notViable} {
		if r.count(s) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n", s)
		for _, m := range r.Mutants {
			if m.Status == s {
				fmt.Fprintf(w, "  %s\n", m)
			}
		}
	}
	if re := r.survivorsMatch(); re != "" {
		fmt.Fprintf(w, "to run the lines of the survivors again: -match '%s'\n", re)
	}
}

// survivorsMatch returns a -match expression for the lines that hold a
// survivor or an uncovered mutant, or "" when there are none.
func (r *result) survivorsMatch() string {
	var lines []string
	seen := map[string]bool{}
	for _, m := range r.Mutants {
		if m.Status != survived && m.Status != notCovered {
			continue
		}
		l := regexp.QuoteMeta(fmt.Sprintf("%s:%d", m.File, m.Line))
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "^(" + strings.Join(lines, "|") + ")$"
}

// pkgInfo is the part of go list's answer a run needs.
type pkgInfo struct {
	Dir        string
	ImportPath string
	GoFiles    []string
	Module     *struct {
		Path string
		Dir  string
	}
}

// run lists the package's mutants and, unless cfg.List, tests each one.
func run(ctx context.Context, cfg config) (*result, error) {
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	var pkg pkgInfo
	out, err := goCmd(ctx, cfg.Dir, nil, "list", "-json", cfg.Package).Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s: %w%s", cfg.Package, err, stderrOf(err))
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&pkg); err != nil {
		return nil, fmt.Errorf("go list %s: %w", cfg.Package, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s names more than one package: mutate takes one at a time", cfg.Package)
	}
	if pkg.Module == nil || pkg.Module.Dir == "" {
		return nil, fmt.Errorf("%s is not in a module", cfg.Package)
	}
	relDir, err := filepath.Rel(pkg.Module.Dir, pkg.Dir)
	if err != nil {
		return nil, err
	}
	res := &result{ImportPath: pkg.ImportPath}
	sources := map[string][]byte{} // module-relative path → original source
	for _, name := range pkg.GoFiles {
		src, err := os.ReadFile(filepath.Join(pkg.Dir, name))
		if err != nil {
			return nil, err
		}
		if generated(src) {
			continue
		}
		rel := filepath.ToSlash(filepath.Join(relDir, name))
		ms, err := mutants(rel, src, cfg.Ops)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if cfg.Match == nil || cfg.Match.MatchString(fmt.Sprintf("%s:%d", m.File, m.Line)) {
				res.Mutants = append(res.Mutants, m)
			}
		}
		sources[rel] = src
	}
	listed, err := readEquivalent(cfg.Equivalent, pkg.Module.Dir)
	if err != nil {
		return nil, err
	}
	matched := map[string]bool{}
	for i := range res.Mutants {
		m := &res.Mutants[i]
		if reason, ok := listed[m.String()]; ok {
			m.Equivalent = reason
			matched[m.String()] = true
		}
	}
	for key := range listed {
		file, pos, _ := strings.Cut(key, ":")
		line, _, _ := strings.Cut(pos, ":")
		if _, ours := sources[file]; ours && !matched[key] && (cfg.Match == nil || cfg.Match.MatchString(file+":"+line)) {
			res.Stale = append(res.Stale, key)
		}
	}
	slices.Sort(res.Stale)
	if cfg.Sample > 0 && cfg.Sample < len(res.Mutants) {
		res.Sampled = len(res.Mutants)
		r := rand.New(rand.NewPCG(cfg.Seed, 1))
		keep := r.Perm(len(res.Mutants))[:cfg.Sample]
		slices.Sort(keep)
		picked := make([]mutant, len(keep))
		for i, k := range keep {
			picked[i] = res.Mutants[k]
		}
		res.Mutants = picked
	}
	if cfg.List || len(res.Mutants) == 0 {
		return res, nil
	}

	tmp, err := os.MkdirTemp("", "mutate-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	env := []string{"GOCACHE=" + cfg.Cache}
	if cfg.Cache == "" {
		env = []string{"GOCACHE=" + filepath.Join(tmp, "cache")}
	}
	copies := make([]string, cfg.Workers)
	for i := range copies {
		copies[i] = filepath.Join(tmp, "mod"+strconv.Itoa(i))
		if err := copyModule(pkg.Module.Dir, copies[i]); err != nil {
			return nil, fmt.Errorf("copying the module: %w", err)
		}
	}
	target := "./" + filepath.ToSlash(relDir)

	// The baseline: the tests must pass on the unchanged code; their
	// coverage says which mutants no test can reach, their time sets the
	// timeout.
	cover := filepath.Join(tmp, "cover.out")
	args := []string{"test", "-count=1", "-vet=off", "-coverprofile=" + cover}
	if cfg.Run != "" {
		args = append(args, "-run", cfg.Run)
	}
	progress(cfg, "mutate: %s: %d mutants; running the tests once with coverage", pkg.ImportPath, len(res.Mutants))
	base, err := goCmd(ctx, copies[0], env, append(args, target)...).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("the tests fail without any mutant: %w\n%s", err, tail(base))
	}
	blocks, err := readCoverage(cover, pkg.Module.Path)
	if err != nil {
		return nil, err
	}
	res.Timeout = cfg.Timeout
	if res.Timeout == 0 {
		res.Timeout = max(30*time.Second, 10*testTime(base))
	}
	var todo []int
	for i := range res.Mutants {
		m := &res.Mutants[i]
		if !blocks.covered(m.File, m.Line, m.Col) {
			m.Status = notCovered
			continue
		}
		todo = append(todo, i)
	}
	progress(cfg, "mutate: %d mutants to test (%d not covered), timeout %s each", len(todo), len(res.Mutants)-len(todo), res.Timeout)

	work := make(chan int)
	var mu sync.Mutex // guards res.Mutants' statuses and done
	done := 0
	var wg sync.WaitGroup
	var firstErr error
	for w := range cfg.Workers {
		wg.Go(func() {
			for i := range work {
				m := res.Mutants[i]
				st, outTail, err := testMutant(ctx, cfg, copies[w], env, target, m, sources[m.File], res.Timeout)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				res.Mutants[i].Status = st
				res.Mutants[i].Output = outTail
				done++
				if cfg.Verbose || st == survived {
					progress(cfg, "[%d/%d] %s\t%s", done, len(todo), st, m)
				} else if done%25 == 0 {
					progress(cfg, "[%d/%d]", done, len(todo))
				}
				mu.Unlock()
			}
		})
	}
feed:
	for _, i := range todo {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range res.Mutants {
		if m := &res.Mutants[i]; m.Equivalent != "" && (m.Status == survived || m.Status == notCovered) {
			m.Status = equivalent
		}
	}
	return res, nil
}

// readEquivalent reads the list of mutants known to be equivalent: no
// test can kill them, since the changed code computes the same thing (a
// fast path that falls back to the slow one, a bound no input reaches).
// Each line is a mutant as the report prints it, position, operator and
// change separated by tabs, then a tab and the reason; # starts a
// comment line. The listed mutants still run: one that is killed is
// reported, so the list cannot hide a real survivor.
func readEquivalent(path, modDir string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(modDir, path)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for n, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || strings.TrimSpace(f[3]) == "" {
			return nil, fmt.Errorf("%s:%d: want position, operator, change and reason, separated by tabs", path, n+1)
		}
		out[strings.Join(f[:3], "\t")] = f[3]
	}
	return out, nil
}

// testMutant writes m into the copy of the module at dir, runs the
// package's tests and restores the file, whatever happens.
func testMutant(ctx context.Context, cfg config, dir string, env []string, target string, m mutant, src []byte, timeout time.Duration) (st status, outTail string, err error) {
	path := filepath.Join(dir, filepath.FromSlash(m.File))
	if err := os.WriteFile(path, m.apply(src), 0o644); err != nil {
		return pending, "", err
	}
	defer func() {
		if rerr := os.WriteFile(path, src, 0o644); rerr != nil && err == nil {
			err = fmt.Errorf("restoring %s: %w", m.File, rerr)
		}
	}()
	// The build gets its own time on top of the tests' timeout.
	cctx, cancel := context.WithTimeout(ctx, timeout+5*time.Minute)
	defer cancel()
	args := []string{"test", "-count=1", "-failfast", "-vet=off", "-timeout=" + timeout.String()}
	if cfg.Run != "" {
		args = append(args, "-run", cfg.Run)
	}
	cmd := goCmd(cctx, dir, env, append(args, target)...)
	if cfg.MaxMem > 0 {
		limitMemory(cmd, cfg.MaxMem)
	}
	out, runErr := cmd.CombinedOutput()
	switch {
	case ctx.Err() != nil:
		return pending, "", ctx.Err()
	case runErr == nil:
		return survived, "", nil
	case cctx.Err() != nil, bytes.Contains(out, []byte("panic: test timed out")):
		return timedOut, "", nil
	case bytes.Contains(out, []byte("[build failed]")), bytes.Contains(out, []byte("[setup failed]")):
		return notViable, tail(out), nil
	}
	var ee *exec.ExitError
	if !errors.As(runErr, &ee) {
		return pending, "", fmt.Errorf("go test: %w", runErr)
	}
	return killed, "", nil
}

// goCmd returns a go command run in dir with env added to the
// environment (and no go.work: the module alone), killed with its
// children when ctx ends.
func goCmd(ctx context.Context, dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), env...)
	killGroup(cmd)
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// stderrOf returns the standard error an *exec.ExitError kept, for a
// message.
func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return "\n" + tail(ee.Stderr)
	}
	return ""
}

// tail returns the last lines of a command's output.
func tail(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}

// testTime reads the test binary's run time from go test's "ok" line.
func testTime(out []byte) time.Duration {
	m := regexp.MustCompile(`(?m)^ok\s+\S+\s+([0-9.]+)s`).FindSubmatch(out)
	if m == nil {
		return 0
	}
	s, _ := strconv.ParseFloat(string(m[1]), 64)
	return time.Duration(s * float64(time.Second))
}

// generated reports whether a Go file says it is generated.
func generated(src []byte) bool {
	return regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`).Match(src)
}

// copyModule copies the module at src to dst, leaving out .git and the
// folders of nested modules.
func copyModule(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			if rel != "." {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return os.MkdirAll(to, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(link, to)
		case d.Type().IsRegular():
			return copyFile(path, to)
		}
		return nil // sockets, devices: not part of a module
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// coverage holds a cover profile's blocks by module-relative file.
type coverage map[string][]block

type block struct {
	startLine, startCol, endLine, endCol int
	count                                int
}

// covered reports whether a test reached the position: false only when
// it lies in blocks that all ran zero times. Code outside every block
// (package-level initialisers) counts as reached.
func (c coverage) covered(file string, line, col int) bool {
	in := false
	for _, b := range c[file] {
		after := line > b.startLine || line == b.startLine && col >= b.startCol
		before := line < b.endLine || line == b.endLine && col < b.endCol
		if after && before {
			if b.count > 0 {
				return true
			}
			in = true
		}
	}
	return !in
}

// readCoverage reads a cover profile, keeping the files of module
// modPath under their module-relative paths.
func readCoverage(path, modPath string) (coverage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := coverage{}
	line := regexp.MustCompile(`^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue // the mode line
		}
		file, ok := strings.CutPrefix(m[1], modPath+"/")
		if !ok {
			continue
		}
		n := make([]int, 6)
		for i := range n {
			n[i], _ = strconv.Atoi(m[i+2])
		}
		c[file] = append(c[file], block{n[0], n[1], n[2], n[3], n[5]})
	}
	return c, sc.Err()
}

// progress writes one line to cfg.Progress.
func progress(cfg config, format string, args ...any) {
	if cfg.Progress != nil {
		fmt.Fprintf(cfg.Progress, format+"\n", args...)
	}
}
