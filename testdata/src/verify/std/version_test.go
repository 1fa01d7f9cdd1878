package std

import (
	"testing"
)

// TestN imports one whose name is not its last element.
func TestN(t *testing.T) {
	//rewrite: "t.Log(rand.N(10))" import "math/rand/v2"
	t.Log(10) // want "rewrite"
}
