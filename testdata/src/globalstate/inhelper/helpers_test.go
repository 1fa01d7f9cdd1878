package inhelper

import (
	"io"
	"log"
	"os"
	"testing"
)

var mode = "prod"

// setMode writes a package variable: the fix saves and restores it in the
// helper, once for every test that calls it.
func setMode(t *testing.T, m string) {
	mode = m
}

func currentMode() string { return mode }

// quietLogs changes the standard logger: the fix restores it in the helper.
func quietLogs(tb testing.TB) {
	log.SetOutput(io.Discard)
}

// setupEnv receives the test's t: the fix makes it use t.Setenv.
func setupEnv(t *testing.T) {
	t.Helper()
	os.Setenv("APP_MODE", "test")
}

// enterDir receives a testing.TB: the fix makes it use tb.Chdir.
func enterDir(tb testing.TB, dir string) {
	if err := os.Chdir(dir); err != nil {
		tb.Fatal(err)
	}
}

// setupNoT cannot use t.Setenv: it is not given a t.
func setupNoT() {
	os.Setenv("APP_MODE", "test")
}
