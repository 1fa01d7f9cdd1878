package tmp

import (
	"io/ioutil"
	"testing"
)

// TestSave leaves a temporary directory behind: in a go 1.12 module the
// fix is still t.TempDir.
func TestSave(t *testing.T) {
	t.Parallel()
	dir, err := ioutil.TempDir("", "go112") // want `TestSave makes a temporary directory with ioutil.TempDir: the test must remove it itself, and leaves it behind when it does not; use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	if err := Save(dir, "x.txt", []byte("x")); err != nil {
		t.Fatal(err)
	}
}
