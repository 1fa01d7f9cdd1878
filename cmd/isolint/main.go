// Command isolint finds test-isolation hazards in Go code and fixes them.
//
//	isolint ./...                         report
//	isolint -fix ./...                    apply the suggested fixes
//	isolint -diff ./...                   show them as a diff
//	isolint -json ./...                   machine-readable output
//	go vet -vettool=$(which isolint) ./...
//	go fix -fixtool=$(which isolint) ./...
//	isolint help [analyzer]               documentation
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/isolint/isolint/analyzers/globalstate"
	"github.com/isolint/isolint/analyzers/parallel"
)

func main() {
	multichecker.Main(parallel.Analyzer, globalstate.Analyzer)
}
