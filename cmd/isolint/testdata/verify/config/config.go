// Package config holds a process-wide setting behind an interface.
package config

// current is the setting in effect.
var current string

// A Setter changes the setting.
type Setter interface{ Set(v string) }

// Global is the process-wide setting.
type Global struct{}

// Set makes v the setting.
func (Global) Set(v string) { current = v }

// Current returns the setting.
func Current() string { return current }

// Parse returns the length of s.
func Parse(s string) int { return len(s) }
