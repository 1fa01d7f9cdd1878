// Package config reads the module's configuration.
package config

import (
	"os"
	"path/filepath"
	"time"
)

// Timeout bounds every request.
var Timeout = 5 * time.Second

// Path returns the configuration file in the home directory.
func Path() string {
	return filepath.Join(os.Getenv("HOME"), ".demo")
}
