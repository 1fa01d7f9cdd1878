//go:build unix

package lsp

import (
	"os/exec"
	"syscall"
)

// killGroup makes canceling cmd end the go command's children too, such
// as the isolint processes go vet runs, which would otherwise finish an
// analysis nobody waits for.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
