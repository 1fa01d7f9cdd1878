// Package envtest holds a test helper that changes the environment.
package envtest

import "os"

// English makes greet speak English.
func English() {
	os.Setenv("GREET_LANG", "en")
}
