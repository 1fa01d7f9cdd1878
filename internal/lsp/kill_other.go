//go:build !unix

package lsp

import "os/exec"

// killGroup leaves cmd as it is: canceling it ends the go command, and
// its children finish their work.
func killGroup(cmd *exec.Cmd) {}
