package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoEntities: a program that only translates links neither the
// entities package nor the tagger and gazetteers under it.
func TestLinksNoEntities(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "khabar/entities") || pkg == "github.com/khabar-go/khabar" {
			t.Errorf("the translate-only program links %s", pkg)
		}
	}
}
