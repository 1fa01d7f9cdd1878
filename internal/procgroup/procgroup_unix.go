//go:build unix

// Package procgroup runs a command with its children in a process group of
// their own, so that stopping it stops them all: go test and go vet leave
// their test binaries and tool runs behind when only they are killed.
package procgroup

import (
	"os/exec"
	"syscall"
)

// Own runs cmd in a process group of its own and, when its context ends,
// kills the whole group.
func Own(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
