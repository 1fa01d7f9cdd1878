// Package app is the code under test.
package app

import "os"

// Loud makes Greet shout.
var Loud = false

// Lang is the language the app speaks.
func Lang() string {
	if l := os.Getenv("APP_LANG"); l != "" {
		return l
	}
	return "en"
}

// Greet greets.
func Greet() string {
	if Loud {
		return "HELLO!"
	}
	return "hello"
}
