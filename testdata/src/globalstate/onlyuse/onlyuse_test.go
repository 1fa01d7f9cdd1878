package onlyuse

import (
	"os"
	"testing"
)

// The fix removes the last use of package os, and with it the import.
func TestOnlyUse(t *testing.T) {
	os.Setenv("MODE", "test") // want `TestOnlyUse changes the environment with os.Setenv`
}
