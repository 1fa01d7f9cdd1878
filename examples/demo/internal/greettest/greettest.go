// Package greettest holds helpers for the tests of package greet.
package greettest

import (
	"testing"

	"example.com/demo/greet"
)

// Shout makes greetings end in "!!!" until the test ends.
func Shout(t testing.TB) {
	old := greet.Punctuation
	greet.Punctuation = "!!!"
	t.Cleanup(func() { greet.Punctuation = old })
}
