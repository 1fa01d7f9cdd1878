// Package child reads its mode at start and runs child processes.
package child

import (
	"os"

	"globalstate/initenv/spawn"
)

var mode = os.Getenv("APP_MODE")

// Start runs the program of the mode, whose environment is the process's.
func Start() error { return spawn.Run(mode) }
