// Command isolint finds test-isolation hazards in Go code and fixes them.
//
//	isolint ./...                         report
//	isolint -fix ./...                    apply the suggested fixes
//	isolint -diff ./...                   show them as a diff
//	isolint -json ./...                   machine-readable output
//	go vet -vettool=$(which isolint) ./...
//	go fix -fixtool=$(which isolint) ./...
//	isolint help [analyzer]               documentation
//	isolint lsp                           language server for editors
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/isolint/isolint/analyzers"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		os.Exit(serveLSP(os.Args[2:]))
	}
	if delegate(os.Args[1:]) {
		os.Exit(runVet(analyzers.All(), os.Args[1:]))
	}
	multichecker.Main(analyzers.All()...)
}
