// Command isolint finds test-isolation hazards in Go code and fixes them.
//
//	isolint ./...                         report
//	isolint -fix ./...                    apply the suggested fixes
//	isolint -fix -verify ./...            apply those the tests accept
//	isolint -diff ./...                   show them as a diff
//	isolint -json ./...                   machine-readable output
//	isolint -format=sarif ./...           SARIF 2.1.0, for code scanning
//	isolint -format=codeclimate ./...     GitLab's code quality report
//	isolint -report ./...                 what keeps the tests serial, ranked
//	isolint -format=report-json ./...     the report as JSON
//	isolint -format=html ./... >r.html    the report as one web page
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
// The report (-report, on standard output, or -format=report-json or
// html) exits with 0, or 1 when a package could not be analyzed.
// -fix -verify (with -verify.args, -verify.runs and -verify.timeout) runs
// the tests before and after the fixes and withholds those under which a
// test fails that passed before; it exits with 0, withheld fixes
// included, or 1 when the tests could not be run.
// These flags belong to the standalone command, which runs go vet; the
// other flags (analyzer flags such as -parallel.skip, build flags such as
// -tags) are passed on to it.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/isolint/isolint/analyzers"
	"github.com/isolint/isolint/internal/census"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		os.Exit(serveLSP(os.Args[2:]))
	}
	if delegate(os.Args[1:]) {
		os.Exit(runVet(analyzers.All(), os.Args[1:]))
	}
	os.Args = vettoolArgs(os.Args)
	multichecker.Main(vettoolSuite(os.Args[1:])...)
}

// vettoolSuite returns the analyzers of a run of the tool by go vet. The
// census behind -report joins them when go vet asks which flags the tool
// has (so that go vet passes -report on) and when -report enables it;
// it then runs alone with the analyzers it requires. Other runs never
// load it.
func vettoolSuite(args []string) []*analysis.Analyzer {
	suite := analyzers.All()
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "flags", "report", "report=true", "report=1":
			return append(suite, census.Analyzer)
		}
	}
	return suite
}
