package basic

import (
	"os"
	"strings"
)

var verbose bool

// Upper is pure.
func Upper(s string) string { return strings.ToUpper(s) }

// SetVerbose writes a package variable.
func SetVerbose(v bool) { verbose = v }

// chain reaches os.Chdir through two helpers.
func chain() { middle() }

func middle() { os.Chdir("/") }

// recursive calls itself and sets the environment.
func recursive(n int) {
	if n == 0 {
		os.Setenv("DEPTH", "0")
		return
	}
	recursive(n - 1)
}

const debugBuild = false

// tracing is false in every build: a constant and nothing assigns it.
var tracing = debugBuild

var traced int

// Trace writes traced only under a condition no build makes true.
func Trace() {
	if tracing && os.Getenv("TRACE") != "" {
		traced++
	}
}

// logging starts false, but Enable assigns it.
var logging = false

func Enable() { logging = true }

// Log writes traced when logging is on.
func Log() {
	if logging {
		traced++
	}
}
