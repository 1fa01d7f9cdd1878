// Package dep imports deep.
package dep

import "verify/graph/deep"

// Name is deep's name.
func Name() string { return deep.Name }
