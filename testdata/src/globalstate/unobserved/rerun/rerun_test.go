package rerun

import (
	"testing"

	"globalstate/unobserved/harness"
)

// Rerun reads os.Args before it writes them: a second run sees what the
// first left there.
func TestRerun(t *testing.T) {
	harness.Rerun() // want `TestRerun writes package variable os.Args via helper Rerun`
}
