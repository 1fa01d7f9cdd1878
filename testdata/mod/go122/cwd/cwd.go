// Package cwd reads files relative to the working directory.
package cwd

import "os"

// Exists reports whether name exists in the working directory.
func Exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
