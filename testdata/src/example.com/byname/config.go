// Package byname replaces a package-level loader in a test-support
// helper; every function that reads the loader is reached only by a call
// by name that comes after the helper.
package byname

import "testing"

// Load reads the configuration; tests replace it.
var Load = func() string { return "disk" }

type Config struct{ name string }

// Source reads Load before anything in it writes Load.
func (c *Config) Source() string { return c.name + Load() }

func (c *Config) Describe() string { return "config from " + c.Source() }

// NewTestConfig replaces Load and does not put it back.
func NewTestConfig(t *testing.T) *Config {
	Load = func() string { return "memory" }
	return &Config{name: t.Name()}
}
