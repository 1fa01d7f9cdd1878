package registry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/registry"
	"github.com/isolint/isolint/internal/fixtures"
)

// TestOldModule checks that a go 1.12 module, compiled against a standard
// library that has t.TempDir, gets the t.TempDir fix (go vet's stdversion
// policy: before go1.21 the go line required no toolchain).
func TestOldModule(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Module(t, "go112"), registry.Analyzer, "example.com/go112/tmp")
}
