package graph

import (
	"testing"

	"verify/graph/dep"
)

var _ = dep.Name

// TestDeep may import a package that the package depends on through
// another.
func TestDeep(t *testing.T) {
	//rewrite: "t.Log(deep.Name)" import "verify/graph/deep"
	t.Log(dep.Name()) // want "rewrite"
}

// TestNowhere may not import a package that it does not depend on.
func TestNowhere(t *testing.T) {
	//rewrite: "t.Log(nowhere.Name)" import "example.com/nowhere"
	t.Log(dep.Name())
}
