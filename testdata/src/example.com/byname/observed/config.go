// Package observed is byname with, for each loader, a reader that a test
// may reach without setting the loader first; each reader is also called
// by name after the loader is set.
package observed

import "testing"

// Load is read by Source, which Describe calls through an interface.
var Load = func() string { return "disk" }

// Fetch is read by Current, which the package also uses as a value.
var Fetch = func() string { return "disk" }

// Open is read by Opened, which a test calls without setting Open.
var Open = func() string { return "disk" }

type Config struct{}

type source interface{ Source() string }

var current source = &Config{}

func (c *Config) Source() string { return Load() }

func Describe() string { return "from " + current.Source() }

func Current() string { return Fetch() }

var readers = []func() string{Current}

func Opened() string { return Open() }

func NewTestConfig(t *testing.T) *Config {
	Load = func() string { return "memory" }
	Fetch = func() string { return "memory" }
	Open = func() string { return "memory" }
	return &Config{}
}
