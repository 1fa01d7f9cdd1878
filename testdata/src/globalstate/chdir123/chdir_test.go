//go:build go1.23

package chdir

import (
	"os"
	"testing"
)

func TestChdir(t *testing.T) {
	os.Chdir("testdata") // want `TestChdir changes the working directory with os.Chdir and does not restore it, so the tests after it see the change; restore the working directory with t.Cleanup`
}

func TestChdirErrTaken(t *testing.T) {
	err := 1
	if os.Chdir("testdata") != nil { // want `TestChdirErrTaken changes the working directory`
		t.Fatal(err)
	}
}
