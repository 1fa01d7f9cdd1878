package limits

import "testing"

var limit, depth = 1, 1

// TestDeep sets two package variables in a one-line body: the fix of each
// saves its variable first and turns the body into several lines, so the
// two fixes overlap, and each pass of -fix makes one.
func TestDeep(t *testing.T) { limit = 9; depth = 5; deep(t) }

func deep(t *testing.T) {
	t.Helper()
	if limit < depth {
		t.Fatalf("limit %d is below depth %d", limit, depth)
	}
}

// TestShallow reads what TestDeep leaves behind.
func TestShallow(t *testing.T) { deep(t) }
