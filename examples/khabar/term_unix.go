//go:build linux || darwin

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// isTerminal reports whether f is a terminal: whether the terminal
// attributes can be read from it, as isatty(3) does. A character device that
// is not a terminal, such as /dev/null, is not one. (This is the check of
// golang.org/x/term, written here for the two systems the tool is built for
// rather than adding a module for one system call.)
func isTerminal(f *os.File) bool {
	var t syscall.Termios
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), ioctlGetTermios, uintptr(unsafe.Pointer(&t)))
	return errno == 0
}
