// Package server serves the module's configuration.
package server

// Greeting is what the server says.
func Greeting(name string) string { return "hello, " + name }
