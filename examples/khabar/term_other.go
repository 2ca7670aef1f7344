//go:build !linux && !darwin

package main

import "os"

// isTerminal reports false: on systems other than Linux and macOS the tool
// does not test for a terminal, and draws no progress bar.
func isTerminal(*os.File) bool { return false }
