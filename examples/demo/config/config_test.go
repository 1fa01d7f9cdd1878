package config

import "testing"

// TestLangFromEnv is a bug isolint finds: the testing package panics when a
// parallel test calls t.Setenv, so this test fails until `isolint -fix`
// removes its t.Parallel call. It has a package of its own so that the
// panic, which ends the test binary, hides no other test.
func TestLangFromEnv(t *testing.T) {
	t.Parallel()
	t.Setenv("GREET_LANG", "fr")
	if got := Lang(); got != "fr" {
		t.Errorf("Lang() = %q, want %q", got, "fr")
	}
}
