package greet

import (
	"testing"

	"example.com/oldgo/envtest"
)

// TestShout changes the environment through a helper in another
// package. (A file of its own: in the file of TestFrench, whose fix drops
// the import of os, the fix of TestShout, which needs it, would not
// compile.)
func TestShout(t *testing.T) {
	envtest.English()
	if got := Hello("Ada"); got != "Hello, Ada!" {
		t.Errorf("Hello = %q", got)
	}
}
