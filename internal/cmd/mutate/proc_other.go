//go:build !unix

package main

import "os/exec"

// killGroup leaves cmd as it is: where there are no process groups, the
// context kills go test alone.
func killGroup(cmd *exec.Cmd) {}
