package inhelper

import (
	"os"
	"testing"
)

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
