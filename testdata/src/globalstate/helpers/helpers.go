// Package helpers changes process state on behalf of tests.
package helpers

import (
	"io"
	"log"
	"os"
	"testing"

	"globalstate/deep"
	"globalstate/internal/hidden"
)

// SetDeep writes a variable of another package.
func SetDeep() { deep.Level = 3 }

// SetHidden writes a variable of an internal package.
func SetHidden() { hidden.Mode = "on" }

// Verbose is a knob of this package.
var Verbose bool

// Registry is filled by Register.
var Registry = map[string]int{}

// EnableVerbose writes Verbose.
func EnableVerbose() { Verbose = true }

// Register writes into the map Registry refers to.
func Register(name string) { Registry[name] = 1 }

// Quiet sends the standard logger's output nowhere.
func Quiet() { log.SetOutput(io.Discard) }

// Into changes the working directory.
func Into(dir string) { _ = os.Chdir(dir) }

// SetVerbose changes Verbose for one test and restores it.
func SetVerbose(t *testing.T, v bool) {
	old := Verbose
	Verbose = v
	t.Cleanup(func() { Verbose = old })
}

// Swap sets Verbose and returns the function that undoes it.
func Swap(v bool) func() {
	old := Verbose
	Verbose = v
	return func() { Verbose = old }
}

// Methods is a registry that RegisterMethod fills, with its bit mask.
var (
	Methods = map[string]int{}
	All     int
)

// RegisterMethod changes a map and a mask together: restoring the mask
// alone would leave the registry inconsistent.
func RegisterMethod(m string) {
	Methods[m] = len(Methods)
	All |= 1 << len(Methods)
}

// KeepHeader returns the function that puts Header back.
func KeepHeader() func() {
	orig := Header
	return func() { Header = orig }
}

// Header is changed by tests that restore it with KeepHeader.
var Header = "X-Request-Id"

// SetRegion sets an environment variable for the whole process.
func SetRegion() { os.Setenv("APP_REGION", "eu") }
