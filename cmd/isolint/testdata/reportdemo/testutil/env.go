// Package testutil holds helpers for the tests of the module.
package testutil

import (
	"os"
	"testing"
	"time"
)

// SetupEnv points $HOME at a fresh directory for the test.
func SetupEnv(t *testing.T) string {
	dir := t.TempDir()
	os.Setenv("HOME", dir)
	return dir
}

// Wait gives the server time to settle.
func Wait(t *testing.T, d time.Duration) {
	t.Helper()
	time.Sleep(d)
}
