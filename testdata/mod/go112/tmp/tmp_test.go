package tmp

import (
	"io/ioutil"
	"path/filepath"
	"testing"
)

// TestSave leaves a temporary directory behind: in a go 1.12 module the
// fix is still t.TempDir.
func TestSave(t *testing.T) {
	t.Parallel()
	dir, err := ioutil.TempDir("", "go112") // want `TestSave makes a temporary directory with ioutil.TempDir and does not remove it on every path: it is left behind; use t.TempDir\(\)`
	if err != nil {
		t.Fatal(err)
	}
	if err := ioutil.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0644); err != nil {
		t.Fatal(err)
	}
}
