package selfimport

import (
	"testing"
)

// TestInternal is in the package: a fix that refers to the package by
// its import path imports the package into itself, a cycle, and is
// withheld.
func TestInternal(t *testing.T) {
	//rewrite: "t.Log(selfimport.Mode())" import "verify/selfimport"
	t.Log(Mode())
}

// TestUnqualified refers to the package's names unqualified.
func TestUnqualified(t *testing.T) {
	//rewrite: "t.Log(mode)"
	t.Log(Mode()) // want "rewrite"
}
