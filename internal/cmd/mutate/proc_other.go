//go:build !unix

package main

import "os/exec"

// killGroup leaves cmd as it is: where there are no process groups, the
// context kills go test alone.
func killGroup(cmd *exec.Cmd) {}

// limitMemory does nothing where there is no ulimit.
func limitMemory(cmd *exec.Cmd, mb int) bool { return false }
