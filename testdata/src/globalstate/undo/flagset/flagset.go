// Package flagset stands in for a flag package whose default set is a
// package variable that its functions change in place.
package flagset

import "os"

// A FlagSet holds flags.
type FlagSet struct{ names map[string]bool }

// NewFlagSet returns an empty set.
func NewFlagSet(name string) *FlagSet { return &FlagSet{names: map[string]bool{}} }

// CommandLine is the default set.
var CommandLine = NewFlagSet(os.Args[0])

// Bool defines a flag on CommandLine, in place.
func Bool(name string) { CommandLine.names[name] = true }
