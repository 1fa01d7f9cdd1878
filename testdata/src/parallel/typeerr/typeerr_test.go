package typeerr

import (
	"os"
	"testing"
)

func TestBroken(t *testing.T) {
	var x int = "not an int"
	_ = x
	os.Setenv("A", undefined)
}

func TestStillFine(t *testing.T) { // want `TestStillFine does not call`
	_ = len("ok")
}

func TestCallsUnknown(t *testing.T) {
	missing.Helper(t)
	t.Run("sub", nowhere)
}
