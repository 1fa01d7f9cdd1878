package cwd

import (
	"os"
	"testing"
)

// TestExists changes the working directory. t.Chdir came with Go 1.24,
// and from go1.21 on the go line is the minimum toolchain: a go 1.22
// module gets save and restore instead.
func TestExists(t *testing.T) {
	os.Chdir(os.TempDir()) // want `TestExists changes the working directory with os.Chdir and does not restore it, so the tests after it see the change; restore the working directory with t.Cleanup`
	if Exists("no-such-file") {
		t.Fatal("exists")
	}
}
