package std

import (
	"testing"
)

// TestText imports a package of the standard library that the package
// may not depend on yet.
func TestText(t *testing.T) {
	//rewrite: "t.Log(rand.Text())" import "crypto/rand"
	t.Log("x") // want "rewrite"
}
