package globalstate_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/analyzers/globalstate"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGlobalState(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata(t), globalstate.Analyzer,
		"globalstate/direct", "globalstate/viahelper", "globalstate/chdir123", "globalstate/chdir124",
		"globalstate/setters", "globalstate/negatives", "globalstate/onlyuse", "globalstate/inhelper", "outside")
}

// TestThirdParty runs on a module whose tests use zap, logrus and testify
// as real dependencies, fetched through the module proxy.
func TestThirdParty(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "mod", "thirdparty")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	download.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.RunWithSuggestedFixes(t, dir, globalstate.Analyzer, "example.com/thirdparty/...")
}
