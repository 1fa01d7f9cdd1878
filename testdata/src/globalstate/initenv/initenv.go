// Package initenv reads its configuration from the environment: some of
// it only once, when the program starts.
package initenv

import (
	"os"
	"sync"
)

// EnvMode names the variable that selects the mode, read once at start.
const EnvMode = "APP_MODE"

var mode string

// level is read by a variable initializer, before any test runs.
var level = os.Getenv("APP_LEVEL")

var hook func() string

// once reads APP_ONCE on its first call, which a test may make.
var once = sync.OnceValue(func() string { return os.Getenv("APP_ONCE") })

func init() {
	mode = os.Getenv(EnvMode)
	_ = os.Getenv("APP_PORT")
	_ = os.Getenv("APP_HOOK")
	_ = os.Getenv("HOME")
	_ = os.Getenv("APP_ONCE")
	// The literal runs whenever hook is called, in a test too.
	hook = func() string { return os.Getenv("APP_HOOK") }
	_ = os.Getenv("APP_LATE")
	// No summary follows the literal into the slice: that it reads
	// APP_LATE whenever Handle runs is all that is known.
	handlers = append(handlers, func() string { return os.Getenv("APP_LATE") })
}

var handlers []func() string

// Handle runs the handlers init installed.
func Handle() {
	for _, h := range handlers {
		h()
	}
}

// Mode returns the mode and level the program started with.
func Mode() string { return mode + level }

// Port reads its variable on every call.
func Port() string { return os.Getenv("APP_PORT") }

// Hook calls the hook init installed.
func Hook() string { return hook() }

// Once returns what once read.
func Once() string { return once() }
