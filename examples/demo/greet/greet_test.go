package greet_test

import (
	"os"
	"testing"
	"time"

	"example.com/demo/greet"
	"example.com/demo/internal/greettest"
)

// TestHello touches nothing but its own values: it can run in parallel.
func TestHello(t *testing.T) {
	if got, want := greet.Hello("en", "Gopher"), "Hello, Gopher!"; got != want {
		t.Errorf("Hello = %q, want %q", got, want)
	}
}

// TestHelloLanguages and each of its subtests can run in parallel.
func TestHelloLanguages(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en", "Hello, Ada!"},
		{"fr", "Bonjour, Ada!"},
		{"xx", "Hello, Ada!"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := greet.Hello(tt.lang, "Ada"); got != tt.want {
				t.Errorf("Hello(%q) = %q, want %q", tt.lang, got, tt.want)
			}
		})
	}
}

// TestFromEnv changes the environment of the whole process and leaves it
// changed for the tests after it: isolint's fix is t.Setenv, which restores
// it. Either way the test must not run in parallel, and isolint does not
// suggest it.
func TestFromEnv(t *testing.T) {
	os.Setenv("GREET_LANG", "de")
	if got, want := greet.FromEnv("Gopher"), "Hallo, Gopher!"; got != want {
		t.Errorf("FromEnv = %q, want %q", got, want)
	}
}

// TestShout changes a package variable through a helper in another
// package: isolint follows the helper and does not suggest t.Parallel.
func TestShout(t *testing.T) {
	greettest.Shout(t)
	if got, want := greet.Hello("en", "Gopher"), "Hello, Gopher!!!"; got != want {
		t.Errorf("Hello = %q, want %q", got, want)
	}
}

//isolint:ignore parallel measures wall-clock time, which other tests running at once would skew
func TestHelloIsFast(t *testing.T) {
	start := time.Now()
	for range 1000 {
		greet.Hello("en", "Gopher")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("1000 greetings took %v", d)
	}
}
