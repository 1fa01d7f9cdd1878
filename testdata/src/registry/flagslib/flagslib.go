// Package flagslib is code under test that reads the command line's
// flags, as a CLI library that accepts the flags other packages define.
package flagslib

import "flag"

// External returns the names of the flags defined on flag.CommandLine.
func External() []string {
	var names []string
	flag.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

// Merge copies the command line's flags into fs.
func Merge(fs *flag.FlagSet) {
	merge(fs, flag.CommandLine)
}

func merge(dst, src *flag.FlagSet) {
	src.VisitAll(func(f *flag.Flag) { dst.Var(f.Value, f.Name, f.Usage) })
}
