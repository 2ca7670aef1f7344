package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// cmdVersion prints the build information of the binary.
func cmdVersion(_ context.Context, e env, c *command, _ *opts, args []string) error {
	if len(args) > 0 {
		return usageError(e, c, "takes no arguments")
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		_, err := fmt.Fprintln(e.stdout, "khabar: no build information in this binary")
		return err
	}
	return writeVersion(e.stdout, bi)
}

// writeVersion writes the module version, the VCS revision, its time and
// state, and the Go version of bi.
func writeVersion(w io.Writer, bi *debug.BuildInfo) error {
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "khabar %s\n", version)
	fmt.Fprintf(&b, "module   %s\n", bi.Main.Path)
	if rev := settings["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "revision %s", rev)
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(&b, " (%s)", t)
		}
		if settings["vcs.modified"] == "true" {
			b.WriteString(" with uncommitted changes")
		}
		b.WriteByte('\n')
	} else {
		b.WriteString("revision unknown: this binary carries no VCS information (built with -buildvcs=false,\n         by go run, or outside a git checkout)\n")
	}
	fmt.Fprintf(&b, "go       %s\n", bi.GoVersion)
	_, err := io.WriteString(w, b.String())
	return err
}
