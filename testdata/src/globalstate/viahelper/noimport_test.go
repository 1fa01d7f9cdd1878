package viahelper

import (
	"testing"

	"globalstate/helpers"
)

// Undoing Quiet needs the log package, which this file does not import.
func TestHelperSetterNoImport(t *testing.T) {
	helpers.Quiet()
}
