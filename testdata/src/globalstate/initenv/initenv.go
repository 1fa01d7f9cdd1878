// Package initenv reads its configuration from the environment: some of
// it only once, when the program starts.
package initenv

import "os"

// EnvMode names the variable that selects the mode, read once at start.
const EnvMode = "APP_MODE"

var mode string

// level is read by a variable initializer, before any test runs.
var level = os.Getenv("APP_LEVEL")

var hook func() string

func init() {
	mode = os.Getenv(EnvMode)
	_ = os.Getenv("APP_PORT")
	_ = os.Getenv("APP_HOOK")
	_ = os.Getenv("HOME")
	// The literal runs whenever hook is called, in a test too.
	hook = func() string { return os.Getenv("APP_HOOK") }
}

// Mode returns the mode and level the program started with.
func Mode() string { return mode + level }

// Port reads its variable on every call.
func Port() string { return os.Getenv("APP_PORT") }

// Hook calls the hook init installed.
func Hook() string { return hook() }
