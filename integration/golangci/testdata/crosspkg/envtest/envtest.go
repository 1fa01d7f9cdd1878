// Package envtest holds test helpers that change process-wide state:
// their effects must reach the tests of other packages that call them.
package envtest

import (
	"os"

	"example.com/crosspkg/app"
)

// UseFrench makes the code under test speak French, for the rest of the
// process.
func UseFrench() {
	os.Setenv("APP_LANG", "fr")
}

// Shout makes the app shout, for the rest of the process.
func Shout() {
	app.Loud = true
}
