package globalstate_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/globalstate"
	"github.com/isolint/isolint/internal/fixtures"
)

// TestOldModule checks go vet's policy on Go versions: a module whose go
// line predates go1.21 required no toolchain, so its fixes may use what
// the standard library it is compiled against has (t.Setenv, t.Cleanup);
// from go1.21 on the go line is the minimum, so a go 1.22 module does not
// get t.Chdir (Go 1.24).
func TestOldModule(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Module(t, "go112"), globalstate.Analyzer, "example.com/go112/env")
	analysistest.RunWithSuggestedFixes(t, fixtures.Module(t, "go122"), globalstate.Analyzer, "example.com/go122/cwd")
}
