package discovery

import "testing"

// A function shaped like a test outside a _test.go file is no test.
func TestNotInTestFile(t *testing.T) {}

func parallel(t *testing.T) { t.Parallel() }
