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
