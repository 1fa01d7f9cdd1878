package sleep_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/sleep"
	"github.com/isolint/isolint/internal/fixtures"
)

func TestSleep(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), sleep.Analyzer, "sleep/basic", "sleep/bubble", "sleep/shapes", "sleep/external")
}

// TestTestify runs on a module whose tests use testify as a real
// dependency, fetched through the module proxy.
func TestTestify(t *testing.T) {
	t.Parallel()
	dir := fixtures.Module(t, "sleepy")
	analysistest.RunWithSuggestedFixes(t, dir, sleep.Analyzer, "example.com/sleepy/...")
}

// TestTypeErrors checks that a package with type errors is analyzed
// without a panic, and that only its well-typed waits are reported.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixtures.Root(t), sleep.Analyzer, "sleep/typeerr", "parallel/syntaxerr")
}
