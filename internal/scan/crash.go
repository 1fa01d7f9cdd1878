package main

import (
	"fmt"
	"strings"

	"github.com/isolint/isolint/internal/vetjson"
)

// crashCounts are the totals of a -crash run.
type crashCounts struct {
	tried, loaded, notLoadable, timedOut, packages, findings, failures int
}

// stdTimeouts is how many runs' time limits isolint std gets.
const stdTimeouts = 4

// runCrash runs isolint on std (with -full, or when withStd) and on the
// modules, prints each failure and the totals, and returns the number of
// failures.
func runCrash(c *config, mods []module, withStd bool) int {
	var n crashCounts
	if c.full && withStd {
		// std is some 360 packages, compiled from nothing in a full run's
		// own build cache: it gets the time of several modules.
		std := *c
		std.timeout = stdTimeouts * c.timeout
		n.add(&std, module{name: "std", dir: "."}, "std")
	}
	for _, m := range mods {
		if !c.more() {
			break
		}
		c.trimCache()
		n.add(c, m, "./...")
	}
	fmt.Printf("crash: %d modules tried, %d loaded (%d packages, %d findings), %d not loadable offline, %d timed out; %d failures\n",
		n.tried, n.loaded, n.packages, n.findings, n.notLoadable, n.timedOut, n.failures)
	return n.failures
}

// add runs isolint on the packages of one module and counts the outcome.
func (n *crashCounts) add(c *config, m module, pattern string) {
	n.tried++
	outcome, detail := crashCheck(c, m, pattern)
	switch outcome {
	case "loaded":
		n.loaded++
		pkgs := c.run(m.dir, "go", "list", "-e", "-f", "{{if not .Error}}{{.ImportPath}}{{end}}", pattern)
		n.packages += strings.Count(pkgs.stdout, "\n")
		n.findings += detail.findings
	case "not loadable":
		n.notLoadable++
	case "timed out":
		n.timedOut++
	default:
		n.failures++
		fmt.Printf("FAIL %s: %s\n%s\n", m.name, outcome, detail.text)
		return
	}
	if c.verbose {
		fmt.Printf("%s: %s (%d findings)\n", m.name, outcome, detail.findings)
	}
}

type crashDetail struct {
	findings int
	text     string
}

// crashCheck runs isolint -json on pattern in m and says what happened:
// "loaded", "not loadable", "timed out", or what failed.
func crashCheck(c *config, m module, pattern string) (string, crashDetail) {
	r := c.run(m.dir, c.bin, "-json", pattern)
	if s := r.crash(); s != "" {
		return "isolint crashed", crashDetail{text: s}
	}
	if r.timedOut {
		return "timed out", crashDetail{}
	}
	tree, err := vetjson.Read(strings.NewReader(r.stdout))
	if err != nil {
		return "isolint printed invalid JSON", crashDetail{text: err.Error() + "\n" + excerpt(r.stdout, 10)}
	}
	findings := 0
	for pkg, byAnalyzer := range tree {
		for a := range byAnalyzer {
			diags, failure := tree.Result(pkg, a)
			if failure != "" {
				return "analyzer failed", crashDetail{text: fmt.Sprintf("%s: %s: %s", pkg, a, failure)}
			}
			findings += len(diags)
		}
	}
	switch r.code {
	case 0, 3:
		return "loaded", crashDetail{findings: findings}
	case 1:
		// go vet fails the same way when it cannot load or type-check
		// the packages; with -json, its own findings do not fail it.
		vet := c.run(m.dir, "go", "vet", "-json", pattern)
		if vet.code != 0 {
			return "not loadable", crashDetail{findings: findings}
		}
		return "isolint failed where go vet did not", crashDetail{text: excerpt(r.stderr, 20)}
	}
	return fmt.Sprintf("exit code %d", r.code), crashDetail{text: excerpt(r.stderr, 20)}
}
