// Package selfimport has internal and external tests, as gin does.
package selfimport

var mode = "debug"

// SetMode sets the mode.
func SetMode(m string) { mode = m }

// Mode returns the mode.
func Mode() string { return mode }
