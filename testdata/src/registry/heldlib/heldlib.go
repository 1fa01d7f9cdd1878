// Package heldlib saves configuration files where it is told.
package heldlib

import "os"

// WriteConfig writes a configuration file at path.
func WriteConfig(path, body string) error {
	return os.WriteFile(path, []byte(body), 0o644)
}

// Prepare creates the directory dir and a file in it.
func Prepare(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(dir+"/state", os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	return f.Close()
}

// Remove removes the file at path.
func Remove(path string) error { return os.Remove(path) }

// Load reads the file at path.
func Load(path string) ([]byte, error) { return os.ReadFile(path) }
