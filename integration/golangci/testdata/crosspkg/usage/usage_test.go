// Package usage holds tests that call the helpers of package envtest.
package usage

import (
	"testing"

	"example.com/crosspkg/app"
	"example.com/crosspkg/envtest"
)

// TestFrench changes the environment through a helper of another package.
func TestFrench(t *testing.T) {
	envtest.UseFrench()
	if got := app.Lang(); got != "fr" {
		t.Errorf("Lang() = %q, want fr", got)
	}
}

// TestShout changes a package variable through a helper of another package.
func TestShout(t *testing.T) {
	envtest.Shout()
	if got := app.Greet(); got != "HELLO!" {
		t.Errorf("Greet() = %q", got)
	}
}
