// Package viahelper reads the knobs its tests set through helpers, so
// that a test that leaves one changed changes what a later test sees.
package viahelper

import (
	"globalstate/deep"
	"globalstate/internal/hidden"
)

// Settings reports the knobs.
func Settings() (int, string) { return deep.Level, hidden.Mode }
