package unobserved

import (
	"testing"

	"globalstate/unobserved/harness"
	"globalstate/unobserved/logsetup"
)

// Every reader of os.Args in this test binary writes it first: the change
// carries nothing to the next test.
func TestStart(t *testing.T) {
	harness.Start(false)
}

// The code under test redirects the standard logger deep inside, and no
// test reads the logger's settings back: no test can see it.
func TestProvision(t *testing.T) {
	logsetup.Provision()
}
