package effects_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/isolint/isolint/internal/effects"
)

// factBudget bounds the gob-encoded size of all effects facts of the
// standard library: facts are written for every package a user's build
// depends on, so they must stay small.
const factBudget = 64 << 10

func TestFactSizeStd(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads the whole standard library")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "std")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{effects.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var total, n, npkgs int
	for act := range graph.All() {
		if act.Analyzer != effects.Analyzer {
			continue
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() != act.Package.Types {
				continue // counted with its own package
			}
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(f.Fact); err != nil {
				t.Fatal(err)
			}
			total += buf.Len()
			n++
		}
		npkgs++
	}
	t.Logf("standard library: %d packages, %d function facts, %d bytes gob-encoded", npkgs, n, total)
	if total > factBudget {
		t.Errorf("facts take %d bytes, over the budget of %d", total, factBudget)
	}
}
