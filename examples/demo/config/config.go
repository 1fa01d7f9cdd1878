// Package config reads the demo's settings from the environment.
package config

import "os"

// Lang returns the language greetings are written in: $GREET_LANG, or
// "en" when it is unset.
func Lang() string {
	if l := os.Getenv("GREET_LANG"); l != "" {
		return l
	}
	return "en"
}
