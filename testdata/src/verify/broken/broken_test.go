package broken

import (
	"testing"
)

// TestBroken does not compile before any fix: a fix is judged by the
// errors it adds.
func TestBroken(t *testing.T) {
	t.Log(undefinedName)
	//rewrite: "t.Log(2)"
	t.Log(1) // want "rewrite"
	//rewrite: "t.Log(undefinedName)"
	t.Log(3)
}
