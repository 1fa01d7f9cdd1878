//go:build go1.24

package chdir

import (
	"os"
	"testing"
)

func TestChdir(t *testing.T) {
	os.Chdir("testdata") // want `TestChdir changes the working directory with os.Chdir and does not restore it, so the tests after it see the change; use t.Chdir`
}

func TestChdirChecked(t *testing.T) {
	if err := os.Chdir("testdata"); err != nil { // want `TestChdirChecked changes the working directory`
		t.Fatal(err)
	}
}

func TestChdirRestored(t *testing.T) {
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir("testdata")
}
