package outside

import (
	"testing"

	"globalstate/helpers"
)

// Outside the tree of globalstate, its internal package cannot be
// imported: no fix, so no finding.
func TestHiddenFromOutside(t *testing.T) {
	helpers.SetHidden()
}
