package viahelper

import (
	"testing"

	"globalstate/helpers"
)

// Undoing Quiet needs the log package, which the fix imports.
func TestHelperSetterNoImport(t *testing.T) {
	helpers.Quiet() // want `TestHelperSetterNoImport changes a process-wide default with log.SetOutput via helper Quiet`
}

// Restoring deep.Level needs package deep, which the fix imports.
func TestDeepVar(t *testing.T) {
	helpers.SetDeep() // want `TestDeepVar writes package variable deep.Level via helper SetDeep`
}

// Package hidden is internal to globalstate/..., and viahelper is below
// it, so the fix may import it.
func TestHiddenVar(t *testing.T) {
	helpers.SetHidden() // want `TestHiddenVar writes package variable hidden.Mode via helper SetHidden`
}

// The helper sets an environment variable and is not given t: the test
// saves and restores it.
func TestRegion(t *testing.T) {
	helpers.SetRegion() // want `TestRegion changes the environment with os.Setenv via helper SetRegion .* save \$APP_REGION and restore it with t.Cleanup`
}
