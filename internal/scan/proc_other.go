//go:build !unix

package main

import "os/exec"

// ownGroup does nothing where process groups are not available: a
// cancelled command's children may outlive it.
func ownGroup(cmd *exec.Cmd) {}

// freeSpace is unknown where Statfs is not available.
func freeSpace(dir string) (uint64, bool) { return 0, false }
