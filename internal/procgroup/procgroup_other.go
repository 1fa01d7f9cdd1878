//go:build !unix

// Package procgroup runs a command with its children in a process group of
// their own, so that stopping it stops them all: go test and go vet leave
// their test binaries and tool runs behind when only they are killed.
package procgroup

import "os/exec"

// Own does nothing where process groups are not available: a cancelled
// command's children may outlive it.
func Own(cmd *exec.Cmd) {}
