// Package analyzers lists isolint's analyzers, in the order they report:
// the one list the command, the golangci-lint plugin and the tests use.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/analyzers/globalstate"
	"github.com/isolint/isolint/analyzers/parallel"
	"github.com/isolint/isolint/analyzers/registry"
	"github.com/isolint/isolint/analyzers/sleep"
	"github.com/isolint/isolint/analyzers/uniquekeys"
)

// All returns isolint's analyzers.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{parallel.Analyzer, globalstate.Analyzer, sleep.Analyzer, registry.Analyzer, uniquekeys.Analyzer}
}
