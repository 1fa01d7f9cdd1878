package tests_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/internal/tests"
)

// probe reports every test that discovery finds, with its kind, testing
// variable and parallel status, so that analysistest can check them.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report discovered tests",
	Requires: []*analysis.Analyzer{tests.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		kinds := map[tests.Kind]string{tests.TopLevel: "test", tests.Benchmark: "benchmark", tests.Fuzz: "fuzz", tests.Subtest: "subtest"}
		for _, t := range pass.ResultOf[tests.Analyzer].(*tests.Result).All() {
			tv := "-"
			if t.T != nil {
				tv = t.T.Name()
			}
			pos := t.Func.Pos()
			if t.Run != nil {
				pos = t.Run.Pos()
			}
			pass.Reportf(pos, "%s %s t=%s parallel=%v", kinds[t.Kind], t.Name, tv, t.Parallel != nil)
		}
		return nil, nil
	},
}

func TestDiscovery(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, probe, "tests/discovery")
}
