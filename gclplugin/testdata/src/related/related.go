// Package related has a helper that changes the environment: the finding
// in its test names the helper and has it as a Related position.
package related

import "os"

// French makes the package speak French.
func French() {
	os.Setenv("RELATED_LANG", "fr")
}
