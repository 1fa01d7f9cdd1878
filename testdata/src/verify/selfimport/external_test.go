package selfimport_test

import (
	"testing"

	"verify/selfimport"
)

var _ = selfimport.SetMode

// TestExternal is in the external test package, which may refer to the
// package under test by its import path.
func TestExternal(t *testing.T) {
	//rewrite: "t.Log(selfimport.Mode())" import "verify/selfimport"
	t.Log("debug") // want "rewrite"
}
