package names

import (
	"testing"
)

// TestTwice gets two fixes that each declare x: each compiles alone, not
// both together, so the second is withheld.
func TestTwice(t *testing.T) {
	//rewrite: "x := 1\nt.Log(x)"
	t.Log(1) // want "rewrite"
	//rewrite: "x := 2\nt.Log(x)"
	t.Log(2)
}

// TestOverlap gets two fixes of one statement: the first does not
// compile, so the second, held back as overlapping it, is offered.
func TestOverlap(t *testing.T) {
	//rewrite: "unused := 1"
	//rewrite: "t.Log(3)"
	t.Log(4) // want "rewrite"
}
