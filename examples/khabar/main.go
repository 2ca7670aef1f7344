// Command khabar analyses news articles: structure, entities, quotes, dates,
// summaries and translations.
//
// Run "khabar help" for the commands, and "khabar help COMMAND" or
// "khabar COMMAND -h" for a command's flags: the usage text is generated
// from the command table in commands.go, so it is written only there.
// Without arguments, khabar prints a report on the bundled sample article.
//
// Exit status: 0 when every input succeeded, 1 when an input failed, 2 for
// a usage error, 130 when interrupted (Ctrl-C or SIGTERM).
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

//go:embed sample.txt
var sample string

// Exit codes.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report a Ctrl-C
)

var (
	// errUsage marks a usage error; its text has been printed already.
	errUsage = errors.New("usage")
	// errHelp marks a request for help that has been answered: exit 0.
	errHelp = errors.New("help")
	// errSomeFailed reports a batch in which some items failed; the
	// failures were written already.
	errSomeFailed = errors.New("some inputs failed")
	// errInterrupted is the cause of the context's end on the first
	// Ctrl-C or SIGTERM.
	errInterrupted = errors.New("interrupted")
)

// env is what a command sees of the world, so tests can run main's logic.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// stderrIsTerminal turns the progress bar on.
	stderrIsTerminal bool
}

func main() {
	ctx, stop := interruptible(context.Background(), os.Stderr)
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, stderrIsTerminal: isTerminal(os.Stderr)}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// interruptible returns a context that ends, with errInterrupted as its
// cause, on the first SIGINT or SIGTERM. The first signal also restores the
// default handling, so a second Ctrl-C kills the program at once. stop
// releases the signals and ends the context.
func interruptible(parent context.Context, stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-sigs:
			signal.Stop(sigs) // the next signal kills
			fmt.Fprintf(stderr, "\nkhabar: %v: stopping; press Ctrl-C again to quit at once\n", sig)
			cancel(errInterrupted)
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, e env, args []string) int {
	out := &checkedWriter{w: e.stdout}
	e.stdout = out
	err := dispatch(ctx, e, args)
	if out.err != nil && (err == nil || errors.Is(err, out.err)) {
		err = fmt.Errorf("writing output: %w", out.err)
	}
	return exitCode(ctx, e, err)
}

func exitCode(ctx context.Context, e env, err error) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case ctx.Err() != nil && errors.Is(context.Cause(ctx), errInterrupted):
		// What was interrupted says why already, or the error is the
		// context's own.
		if !errors.Is(err, errSomeFailed) && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(e.stderr, "khabar: %v\n", err)
		}
		fmt.Fprintln(e.stderr, "khabar: interrupted")
		return exitInterrupted
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errSomeFailed):
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "khabar: %v\n", err)
	return exitFailed
}

// checkedWriter keeps the first write error, after which it writes no more,
// so that every command reports a full disk or a closed pipe.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}
