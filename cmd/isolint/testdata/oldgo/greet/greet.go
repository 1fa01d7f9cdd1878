// Package greet is what the tests of the module test.
package greet

import "os"

// Hello greets name in the language of GREET_LANG.
func Hello(name string) string {
	if os.Getenv("GREET_LANG") == "fr" {
		return "Bonjour, " + name + "!"
	}
	return "Hello, " + name + "!"
}
