package uniquekeys_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/uniquekeys"
	"github.com/isolint/isolint/internal/fixtures"
)

func TestSQL(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), uniquekeys.Analyzer, "uniquekeys/sqlkeys", "uniquekeys/mocked", "uniquekeys/freshrun", "uniquekeys/sqlite", "uniquekeys/inline", "uniquekeys/schema")
}

// TestModules runs on a module whose tests use gorm and go-redis as real
// dependencies, fetched through the module proxy.
func TestModules(t *testing.T) {
	t.Parallel()
	dir := fixtures.Module(t, "keys")
	analysistest.RunWithSuggestedFixes(t, dir, uniquekeys.Analyzer, "example.com/keys/...")
}
