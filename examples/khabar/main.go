// Command khabar analyses news articles: structure, entities, quotes, dates,
// summaries and translations.
//
// Usage:
//
//	khabar                                  report on the bundled sample article
//	khabar report [FILE]                    readable report on FILE (or the sample)
//	khabar extract [-json] [-ref DATE] [FILE] one JSON object (FILE "-" is standard input)
//	khabar extract -jsonl [-ref DATE]       JSON lines in, JSON lines out
//	khabar summarize [-sentences N | -words N] [-json] [-llm] [-to LANG] FILE
//	khabar translate -to LANG [-json] FILE
//	khabar translate -to LANG -jsonl        JSON lines in, JSON lines out
//	khabar translate -to LANG -batch STATE  through the provider's batch API
//	khabar render FILE                      an annotated HTML page on standard output
//
// Without FILE, commands read the bundled sample article, whose publication
// date (2025-08-20) is the reference for its dates unless -ref says otherwise.
//
// Exit status: 0 when every input succeeded, 1 when some input failed, 2 for a
// usage error. LLM settings come from OPENAI_API_KEY, OPENAI_BASE_URL and
// KHABAR_MODEL.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

//go:embed sample.txt
var sample string

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// errUsage marks a usage error; its text has been printed already.
var errUsage = errors.New("usage")

// env is what a command sees of the world, so tests can run main's logic.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// stderrIsTerminal turns the progress bar on.
	stderrIsTerminal bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, stderrIsTerminal: isTerminal(os.Stderr)}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, e env, args []string) int {
	if len(args) == 0 {
		return exitCode(e, cmdReport(ctx, e, nil))
	}
	cmds := map[string]func(context.Context, env, []string) error{
		"report":    cmdReport,
		"extract":   cmdExtract,
		"summarize": cmdSummarize,
		"translate": cmdTranslate,
		"render":    cmdRender,
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(e.stdout, usage)
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "khabar: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return exitCode(e, cmd(ctx, e, args[1:]))
}

func exitCode(e env, err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errSomeFailed):
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "khabar: %v\n", err)
	return exitFailed
}

// errSomeFailed reports a batch in which some items failed; the failures
// were written already.
var errSomeFailed = errors.New("some inputs failed")

const usage = `khabar analyses news articles (Arabic, Persian, English).

Usage:
  khabar                                   report on the bundled sample article
  khabar report [FILE]                     readable report on FILE
  khabar extract [-json] [-ref DATE] [FILE] one JSON object (FILE "-" = standard input)
  khabar extract -jsonl [-ref DATE]        JSON lines {"id","text","published"?,"ref"?} in, one object per line out
  khabar summarize [-sentences N | -words N] [-json] [-llm] [-to LANG] FILE
  khabar translate -to LANG [-json] FILE
  khabar translate -to LANG -jsonl         JSON lines in, JSON lines out
  khabar translate -to LANG -batch STATE   bulk through the provider's batch API
  khabar render FILE                       annotated HTML page on standard output

Without FILE, commands read the bundled sample article, whose publication
date (2025-08-20) is the reference for its dates unless -ref says otherwise.

Exit status: 0 all good, 1 some inputs failed, 2 usage.
LLM settings: OPENAI_API_KEY, OPENAI_BASE_URL, KHABAR_MODEL.
`
