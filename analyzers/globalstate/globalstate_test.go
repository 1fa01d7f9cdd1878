package globalstate_test

import (
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/globalstate"
	"github.com/isolint/isolint/internal/fixtures"
)

func TestGlobalState(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), globalstate.Analyzer,
		"globalstate/direct", "globalstate/viahelper", "globalstate/chdir123", "globalstate/chdir124",
		"globalstate/setters", "globalstate/undo", "github.com/gin-gonic/gin", "globalstate/negatives", "globalstate/onlyuse", "globalstate/inhelper", "globalstate/twoenv", "globalstate/oneline", "globalstate/values", "globalstate/fieldbase", "globalstate/cleanupafter", "outside",
		"globalstate/unobserved", "globalstate/unobserved/observed", "globalstate/unobserved/rerun", "globalstate/unobserved/manyreads",
		"globalstate/start", "globalstate/start/prefixed",
		"example.com/byname", "example.com/byname/observed",
		"globalstate/initenv", "globalstate/initenv/expand", "globalstate/initenv/child", "globalstate/initenv/many", "globalstate/registered")
}

// TestCgo runs on a package that calls C, whose reads of the environment
// isolint cannot see; it needs cgo.
func TestCgo(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled")
	}
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), globalstate.Analyzer, "globalstate/initenv/cgo")
}

// TestThirdParty runs on a module whose tests use zap, logrus and testify
// as real dependencies, fetched through the module proxy.
func TestThirdParty(t *testing.T) {
	t.Parallel()
	dir := fixtures.Module(t, "thirdparty")
	analysistest.RunWithSuggestedFixes(t, dir, globalstate.Analyzer, "example.com/thirdparty/...")
}
