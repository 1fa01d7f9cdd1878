// Package testutil holds helpers for the tests of the module.
package testutil

import (
	"os"
	"testing"
)

// SetupEnv points $HOME at a fresh directory for the test.
func SetupEnv(t *testing.T) string {
	dir := t.TempDir()
	os.Setenv("HOME", dir)
	return dir
}
