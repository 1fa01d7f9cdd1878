package parallel_test

import (
	"flag"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/globalstate"
	"github.com/isolint/isolint/analyzers/parallel"
	"github.com/isolint/isolint/internal/fixtures"
)

func TestParallel(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), parallel.Analyzer,
		"parallel/basic", "parallel/crosspkg", "parallel/loopvar121", "parallel/ignored", "parallel/generated", "parallel/shared", "parallel/leak", "parallel/fixture", "parallel/values", "parallel/ports", "parallel/dispatch", "parallel/sharedobj", "parallel/cites", "parallel/sleepy", "parallel/tables")
}

// TestTypeErrors checks that a package that does not type-check is analyzed
// without a panic, and that only its well-typed tests are reported.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixtures.Root(t), parallel.Analyzer, "parallel/typeerr")
}

// TestSyntaxErrors checks that a file that does not parse is analyzed, as
// far as it goes, without a panic.
func TestSyntaxErrors(t *testing.T) {
	t.Parallel()
	for _, a := range []*analysis.Analyzer{parallel.Analyzer, globalstate.Analyzer} {
		analysistest.Run(t, fixtures.Root(t), a, "parallel/syntaxerr")
	}
}

// TestSkipFlag checks -parallel.skip, and that a directive on a skipped
// test is not reported as suppressing nothing.
func TestSkipFlag(t *testing.T) {
	t.Parallel()
	a := *parallel.Analyzer
	a.Flags = *flag.NewFlagSet("parallel", flag.ContinueOnError)
	parallel.Analyzer.Flags.VisitAll(func(f *flag.Flag) { a.Flags.String(f.Name, f.DefValue, f.Usage) })
	if err := a.Flags.Set("skip", "^TestSkipped"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("subtests", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, fixtures.Root(t), &a, "parallel/skipflag")
}
