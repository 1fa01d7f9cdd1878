package oneline

import "testing"

var limit, depth = 1, 1

// The fix of each write saves its variable first, which turns the one-line
// body into several lines: the two fixes overlap, so only the first write
// is reported; the second is once the first is fixed.
func TestDeep(t *testing.T) { limit = 9; depth = 5; deep(t) } // want `TestDeep writes package variable limit and does not restore it`

func deep(t *testing.T) {
	t.Helper()
	if limit < depth {
		t.Fatalf("limit %d is below depth %d", limit, depth)
	}
}
