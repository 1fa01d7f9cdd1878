// Package gotest reads what `go test -json` prints: which tests passed and
// failed, which ran in parallel, what a failing test printed and how long
// each package's tests took.
package gotest

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
)

// Events are the outcomes of one go test -json run, by "package TestName"
// (a package that failed outside any test is "package (package)").
type Events struct {
	Passed, Failed map[string]bool
	// Parallel holds the tests that called t.Parallel (test2json reports
	// them paused).
	Parallel map[string]bool
	// Output holds what each failing test printed, line by line.
	Output map[string][]string
	// Elapsed is the wall time of each package's tests, in seconds, by
	// import path.
	Elapsed map[string]float64
	// PackageOutput holds what each failing package printed outside any
	// test (a build error, a panic, a timeout), its last lines, by import
	// path.
	PackageOutput map[string][]string
	// Seeds holds the seed with which -shuffle ordered each package's
	// tests, by import path: `go test -shuffle=SEED` runs them in that
	// order again.
	Seeds map[string]string
	// Ended holds, by import path, the test that was running when the
	// package's test binary stopped: it started and neither passed,
	// failed nor skipped before the package failed (it exited, or the
	// binary was killed in it).
	Ended map[string]string
}

// Ran returns the tests that passed or failed.
func (ev Events) Ran() int { return len(ev.Passed) + len(ev.Failed) }

// Read reads go test -json output. A test that both passed and failed
// (-count=2) failed. Lines that are not JSON (a build error) are skipped.
func Read(r io.Reader) Events {
	ev := Events{
		Passed: map[string]bool{}, Failed: map[string]bool{}, Parallel: map[string]bool{},
		Output: map[string][]string{}, Elapsed: map[string]float64{}, Seeds: map[string]string{},
		PackageOutput: map[string][]string{}, Ended: map[string]string{},
	}
	failedTests := make(map[string]bool) // packages with a failing test
	var pkgFailed []string
	out := make(map[string][]string)
	running := make(map[string]map[string]int) // by package, test → when it (re)started
	seq := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e struct {
			Action, Package, Test, Output, ImportPath string
			Elapsed                                   float64
		}
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			continue
		}
		if e.Action == "build-output" {
			// "p [p.test]": what building p's tests printed.
			p, _, _ := strings.Cut(e.ImportPath, " ")
			out[p+" (package)"] = append(out[p+" (package)"], strings.TrimRight(e.Output, "\n"))
			continue
		}
		name := e.Package + " " + e.Test
		if e.Test == "" {
			name = e.Package + " (package)"
		}
		if e.Test != "" {
			switch e.Action {
			case "run", "cont":
				if running[e.Package] == nil {
					running[e.Package] = make(map[string]int)
				}
				seq++
				running[e.Package][e.Test] = seq
			case "pause", "pass", "fail", "skip":
				delete(running[e.Package], e.Test)
			}
		} else if e.Action == "fail" {
			last := 0
			for test, n := range running[e.Package] {
				if n > last {
					last, ev.Ended[e.Package] = n, test
				}
			}
		}
		switch e.Action {
		case "output":
			if seed, ok := strings.CutPrefix(strings.TrimSpace(e.Output), "-test.shuffle "); ok && e.Test == "" {
				if _, seen := ev.Seeds[e.Package]; !seen {
					ev.Seeds[e.Package] = seed
				}
			}
			if !ev.Failed[name] { // the first failing run's output is the one kept
				out[name] = append(out[name], strings.TrimRight(e.Output, "\n"))
			}
		case "pause":
			ev.Parallel[name] = true
		case "pass":
			ev.Passed[name] = true
			if !ev.Failed[name] {
				// What a passing run printed (-count=2: the first of
				// two) is not the failure's output.
				delete(out, name)
			}
		case "fail":
			if e.Test == "" {
				pkgFailed = append(pkgFailed, e.Package)
			} else {
				ev.Failed[name] = true
				failedTests[e.Package] = true
			}
		}
		if (e.Action == "pass" || e.Action == "fail") && e.Test == "" {
			ev.Elapsed[e.Package] += e.Elapsed
		}
	}
	// A package that failed with no failing test failed as a whole (a
	// build failure, a race or a panic outside any test).
	for _, p := range pkgFailed {
		if !failedTests[p] {
			ev.Failed[p+" (package)"] = true
		}
	}
	for name := range ev.Failed {
		delete(ev.Passed, name)
		ev.Output[name] = out[name]
	}
	for _, p := range pkgFailed {
		lines := out[p+" (package)"]
		ev.PackageOutput[p] = lines[max(0, len(lines)-30):]
	}
	return ev
}

// Merge adds the outcomes of another run of the same tests: a test that
// failed in either failed.
func (ev Events) Merge(other Events) {
	for n := range other.Passed {
		if !ev.Failed[n] {
			ev.Passed[n] = true
		}
	}
	for n := range other.Failed {
		delete(ev.Passed, n)
		if !ev.Failed[n] {
			ev.Failed[n] = true
			ev.Output[n] = other.Output[n]
		}
	}
	for n := range other.Parallel {
		ev.Parallel[n] = true
	}
}

// Package returns the import path of a name of Events.
func Package(name string) string {
	p, _, _ := strings.Cut(name, " ")
	return p
}
