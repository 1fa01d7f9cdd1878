// Package harness starts the command in process for integration tests.
package harness

import (
	"os"

	"globalstate/unobserved/cli"
)

// Start runs the command with the arguments it needs: it sets os.Args
// right before the command reads them.
func Start(running bool) {
	if !running {
		os.Args = []string{"app", "run"}
		go func() {
			cli.Main()
		}()
	}
}

// Rerun runs the command with what os.Args holds, then sets them: it reads
// them first.
func Rerun() {
	cli.Main()
	os.Args = []string{"app", "run"}
}

// Entry is the command's entry point, replaceable by tests: what it holds
// reads os.Args where it is called.
var Entry = cli.Main
