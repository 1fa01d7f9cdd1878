package greet

import (
	"os"
	"testing"
)

// TestHello has no hazard: it could run in parallel.
func TestHello(t *testing.T) {
	if got := Hello("Ada"); got != "Hello, Ada!" {
		t.Errorf("Hello = %q", got)
	}
}

// TestFrench changes the environment and leaves it changed.
func TestFrench(t *testing.T) {
	os.Setenv("GREET_LANG", "fr")
	if got := Hello("Ada"); got != "Bonjour, Ada!" {
		t.Errorf("Hello = %q", got)
	}
}
