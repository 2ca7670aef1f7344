//go:build unix

package main

import (
	"os/exec"
	"strconv"
	"syscall"
)

// killGroup makes cmd run in its own process group and, when its context
// ends, kills the group: go test and the test binary it started.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// limitMemory makes cmd run under a shell's `ulimit -v` of mb megabytes
// of address space, which each process it starts inherits: a mutant that
// allocates without end fails its tests (killed) instead of taking the
// machine's memory. It returns false where there is no /bin/sh.
func limitMemory(cmd *exec.Cmd, mb int) bool {
	sh, err := exec.LookPath("/bin/sh")
	if err != nil {
		return false
	}
	script := "ulimit -v " + strconv.Itoa(mb*1024) + ` && exec "$@"`
	cmd.Args = append([]string{sh, "-c", script, "sh", cmd.Path}, cmd.Args[1:]...)
	cmd.Path = sh
	return true
}
