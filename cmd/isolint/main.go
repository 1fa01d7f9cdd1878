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
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/isolint/isolint/analyzers"
)

func main() {
	if delegate(os.Args[1:]) {
		os.Exit(runVet(analyzers.All(), os.Args[1:]))
	}
	multichecker.Main(analyzers.All()...)
}
