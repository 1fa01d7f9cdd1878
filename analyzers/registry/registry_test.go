package registry_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/registry"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRegistry(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata(t), registry.Analyzer,
		"registry/process", "registry/machine", "registry/negatives", "registry/go123", "registry/cards")
}

// TestPrometheus runs on a module whose tests use the Prometheus client
// as a real dependency, fetched through the module proxy.
func TestPrometheus(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "mod", "prom")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.RunWithSuggestedFixes(t, dir, registry.Analyzer, "example.com/prom/...")
}
