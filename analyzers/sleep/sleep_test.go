package sleep_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/sleep"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSleep(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata(t), sleep.Analyzer, "sleep/basic", "sleep/bubble")
}

// TestTestify runs on a module whose tests use testify as a real
// dependency, fetched through the module proxy.
func TestTestify(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "mod", "sleepy")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.RunWithSuggestedFixes(t, dir, sleep.Analyzer, "example.com/sleepy/...")
}

// TestTypeErrors checks that a package with type errors is analyzed
// without a panic, and that only its well-typed waits are reported.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), sleep.Analyzer, "sleep/typeerr", "parallel/syntaxerr")
}
