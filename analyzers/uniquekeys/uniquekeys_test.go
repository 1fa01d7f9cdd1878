package uniquekeys_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/uniquekeys"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSQL(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata(t), uniquekeys.Analyzer, "uniquekeys/sqlkeys", "uniquekeys/mocked", "uniquekeys/freshrun", "uniquekeys/sqlite")
}

// TestModules runs on a module whose tests use gorm and go-redis as real
// dependencies, fetched through the module proxy.
func TestModules(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "mod", "keys")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.RunWithSuggestedFixes(t, dir, uniquekeys.Analyzer, "example.com/keys/...")
}
