package env

import (
	"os"
	"testing"
)

// TestHome changes the environment. The module says go 1.12, which
// required no toolchain; compiled against a standard library that has
// t.Setenv, the fix is t.Setenv, as go vet's stdversion policy allows.
func TestHome(t *testing.T) {
	os.Setenv("APP_HOME", "/srv/app") // want `TestHome changes the environment with os.Setenv and does not restore it, so the tests after it see the change; use t.Setenv`
	if got := Home(); got != "/srv/app" {
		t.Fatalf("Home() = %q", got)
	}
}

// TestVerbose writes a package variable: saved and restored with
// t.Cleanup.
func TestVerbose(t *testing.T) {
	Verbose = true // want `TestVerbose writes package variable Verbose and does not restore it, so the tests after it see the change; save Verbose and restore it with t.Cleanup`
	if !Verbose {
		t.Fatal("not verbose")
	}
}
