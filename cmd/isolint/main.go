// Command isolint finds test-isolation hazards in Go code and fixes them.
//
//	isolint ./...                         report
//	isolint -fix ./...                    apply the suggested fixes
//	isolint -diff ./...                   show them as a diff
//	isolint -json ./...                   machine-readable output
//	isolint -format=sarif ./...           SARIF 2.1.0, for code scanning
//	isolint -format=codeclimate ./...     GitLab's code quality report
//	isolint -baseline=FILE -baseline-write ./...  record the findings
//	isolint -baseline=FILE ./...          report only findings not in FILE
//	isolint -baseline=FILE -baseline-prune ./...  also drop stale entries
//	go vet -vettool=$(which isolint) ./...
//	go fix -fixtool=$(which isolint) ./...
//	isolint help [analyzer]               documentation
//	isolint lsp                           language server for editors
//
// -format is text (the default, on standard error), json (as -json),
// sarif or codeclimate (on standard output). In every format the exit code
// is 0 without findings, 3 with findings (with -baseline, findings that
// are not in the baseline) and 1 when a package could not be analyzed.
// These flags belong to the standalone command, which runs go vet; the
// other flags (analyzer flags such as -parallel.skip, build flags such as
// -tags) are passed on to it.
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
	os.Args = vettoolArgs(os.Args)
	multichecker.Main(analyzers.All()...)
}
