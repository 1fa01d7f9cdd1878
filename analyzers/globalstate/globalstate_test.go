package globalstate_test

import (
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
