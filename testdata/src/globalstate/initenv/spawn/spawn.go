// Package spawn runs a child process, which inherits the environment.
package spawn

import "os/exec"

// Run runs the command name.
func Run(name string) error { return exec.Command(name).Run() }
