//go:build unix

package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startSelf starts this test binary as the command (see TestMain) with
// args, a pipe to its standard input and one from its standard error.
func startSelf(t *testing.T, mode string, args ...string) (cmd *exec.Cmd, stdin io.WriteCloser, stdout, stderr *bufio.Reader) {
	t.Helper()
	cmd = exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "KHABAR_TEST_MAIN="+mode)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errp, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, stdin, bufio.NewReader(out), bufio.NewReader(errp)
}

// readUntil reads lines from r until one contains want, and returns what it
// read; it fails the test after a minute.
func readUntil(t *testing.T, r *bufio.Reader, want string) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var b strings.Builder
		for {
			line, err := r.ReadString('\n')
			b.WriteString(line)
			if strings.Contains(line, want) || err != nil {
				got <- b.String()
				return
			}
		}
	}()
	select {
	case s := <-got:
		if !strings.Contains(s, want) {
			t.Fatalf("output ended without %q:\n%s", want, s)
		}
		return s
	case <-time.After(time.Minute):
		t.Fatalf("no %q within a minute", want)
		return ""
	}
}

// TestCtrlC: the first SIGINT stops a batch that waits for input: it says
// so, writes what it has, and exits 130.
func TestCtrlC(t *testing.T) {
	cmd, stdin, stdout, stderr := startSelf(t, "1", "extract", "-jsonl")
	io.WriteString(stdin, `{"id":"a","text":"Title\n\nOne sentence here.\n"}`+"\n")
	readUntil(t, stdout, `{"id":"a","line":1,`)
	cmd.Process.Signal(os.Interrupt)
	errs := readUntil(t, stderr, "khabar: interrupted")
	for _, want := range []string{"press Ctrl-C again to quit at once", "the output covers input lines 1 to 1"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	var exit *exec.ExitError
	if err := cmd.Wait(); !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
		t.Errorf("exit %v, want %d", err, exitInterrupted)
	}
}

// TestSecondCtrlC: when the work does not stop, a second SIGINT kills the
// program at once.
func TestSecondCtrlC(t *testing.T) {
	cmd, _, stdout, stderr := startSelf(t, "stuck")
	readUntil(t, stdout, "ready")
	cmd.Process.Signal(os.Interrupt)
	readUntil(t, stderr, "press Ctrl-C again")
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("wait: %v", err)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("exit %v, want death by SIGINT", err)
	}
}
