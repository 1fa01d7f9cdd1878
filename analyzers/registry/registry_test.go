package registry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/registry"
	"github.com/isolint/isolint/internal/fixtures"
)

func TestRegistry(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixtures.Root(t), registry.Analyzer,
		"registry/process", "registry/machine", "registry/negatives", "registry/go123", "registry/cards", "registry/held", "registry/ports", "registry/routes", "registry/tempdir", "registry/muxonly", "registry/muxserved", "registry/muxfact", "registry/resolved", "registry/pkgpath")
}

// TestPrometheus runs on a module whose tests use the Prometheus client
// as a real dependency, fetched through the module proxy.
func TestPrometheus(t *testing.T) {
	t.Parallel()
	dir := fixtures.Module(t, "prom")
	analysistest.RunWithSuggestedFixes(t, dir, registry.Analyzer, "example.com/prom/...")
}
