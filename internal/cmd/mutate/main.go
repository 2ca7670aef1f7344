// Command mutate is a mutation check for one package: it changes the
// package's code one small step at a time (a comparison, a condition, a
// constant, a call) and runs the package's tests against each change. A
// change the tests let through (a survivor) is behaviour no test pins down.
//
//	go run ./internal/cmd/mutate [-ops list] [-match regexp] [-timeout d] [-j n] [-sample n] [-list] ./article
//
// Operators (-ops, comma-separated; all by default):
//
//	boundary  < ↔ <=, > ↔ >=
//	negate    == ↔ !=
//	logical   && ↔ ||
//	not       a ! dropped
//	const     an integer literal n → n+1 and n → n-1 (not capacity hints or array lengths)
//	return    return x → return !(x) in a function that returns one bool
//	call      a statement that is only a call, deleted
//
// The worktree is never written: the module (without .git and nested
// modules) is copied to a temporary folder, each mutant is written into
// the copy, `go test -count=1 -failfast -vet=off` runs there with a
// per-mutant timeout, and the file is restored before the next mutant;
// the copy, and the build cache the run uses, are deleted at the end,
// also after an error or Ctrl-C. Each test run is limited in time
// (-timeout) and, on Unix, in memory (-mem). The package's tests run once first with
// coverage: a mutant on code they never reach is counted "not covered"
// without a run (no test could kill it).
//
// The score is killed / (killed + survived + not covered); a mutant that
// does not compile is "not viable" and left out, and so is a survivor that
// the equivalence list (-equivalent) names, with the reason it can never
// be killed: such mutants still run, the report counts them apart and
// gives the score with them as survivors too, and it flags a listed
// mutant that a test kills. A failing test and a
// test run past the timeout both kill a mutant. With -match, only the
// mutants whose "file:line" matches run, to check a survivor again after
// adding a test.
//
// The run is slow (a build and a test run per mutant): run it package by
// package, and keep -j at 1 on a shared machine.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"time"
)

func main() {
	var cfg config
	ops := flag.String("ops", strings.Join(allOps, ","), "mutation operators, comma-separated: "+strings.Join(allOps, ", "))
	match := flag.String("match", "", "run only the mutants whose file:line matches this regular expression")
	flag.DurationVar(&cfg.Timeout, "timeout", 0, "time limit of one mutant's test run (default: 10× the package's test time, at least 30s)")
	flag.IntVar(&cfg.Workers, "j", 1, "mutants run at once (each in its own copy of the module)")
	flag.BoolVar(&cfg.List, "list", false, "list the mutants and stop, without running anything")
	flag.StringVar(&cfg.Run, "run", "", "passed to go test -run: the tests that run against each mutant")
	flag.StringVar(&cfg.Cache, "gocache", "", "GOCACHE for the run (default: a fresh one, deleted at the end, so that mutants do not fill the shared cache)")
	flag.IntVar(&cfg.MaxMem, "mem", 3072, "address space of each go test run, in MB (ulimit -v), so that a mutant that allocates without end fails instead of taking the machine's memory; 0 for no limit")
	flag.StringVar(&cfg.Equivalent, "equivalent", "internal/cmd/mutate/equivalent.txt", "the list of mutants known to be equivalent, relative to the module root (they still run, and are reported apart)")
	flag.BoolVar(&cfg.Verbose, "v", false, "print every mutant's result as it comes")
	flag.IntVar(&cfg.Sample, "sample", 0, "test only this many mutants drawn at random, for an estimate of the score (0: all)")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "the seed of -sample")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./internal/cmd/mutate [flags] package")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	cfg.Package = flag.Arg(0)
	for _, op := range strings.Split(*ops, ",") {
		op = strings.TrimSpace(op)
		if !validOp(op) {
			fmt.Fprintf(os.Stderr, "mutate: unknown operator %q (want some of %s)\n", op, strings.Join(allOps, ", "))
			os.Exit(2)
		}
		cfg.Ops = append(cfg.Ops, op)
	}
	if *match != "" {
		re, err := regexp.Compile(*match)
		if err != nil {
			fmt.Fprintln(os.Stderr, "mutate: -match:", err)
			os.Exit(2)
		}
		cfg.Match = re
	}
	cfg.Progress = os.Stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	res, err := run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(1)
	}
	res.report(os.Stdout, cfg.List)
	if !cfg.List {
		fmt.Printf("time: %s\n", time.Since(start).Round(time.Second))
	}
}

func validOp(op string) bool {
	for _, o := range allOps {
		if o == op {
			return true
		}
	}
	return false
}
