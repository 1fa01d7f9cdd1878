package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/isolint/isolint/internal/census"
)

// census runs the census analyzer alone through go vet and prints the
// report: what keeps the tests serial, ranked by how many tests each
// hazard holds back. It returns the exit code: 0, or 1 when a package
// could not be analyzed.
func (r vetRun) census(g goTool, self string) int {
	stdout, stderr, code, err := g.vet(self, vetReport, append([]string{"-report"}, r.rest...))
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: running go vet: %v\n", err)
		return 1
	}
	os.Stderr.Write(stderr.Bytes())
	t, err := readTree(stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: reading go vet's output: %v\n", err)
		return 1
	}
	dir, _ := os.Getwd()
	rep := newTestReport(t, dir)
	for _, f := range t.failures(nil) {
		fmt.Fprintf(os.Stderr, "%s: %s: %s\n", f.pkg, f.analyzer, f.err)
	}
	switch r.format {
	case "report-json":
		err = writeJSON(os.Stdout, rep)
	case "html":
		err = rep.html(os.Stdout)
	default:
		err = rep.text(os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "isolint: %v\n", err)
		return 1
	}
	if code != 0 || t.failed() {
		return 1
	}
	return 0
}

// A testReport is the census of a run, over all its packages.
type testReport struct {
	Totals   counts      `json:"totals"`
	Hazards  []hazardRow `json:"hazards"`
	Packages []pkgRow    `json:"packages"`
}

// counts are the tests of a package or of the run, by status.
type counts struct {
	Packages int `json:"packages,omitempty"`
	Tests    int `json:"tests"`
	Subtests int `json:"subtests"`
	Parallel int `json:"parallel"`
	Fixable  int `json:"fixable"`
	Blocked  int `json:"blocked"`
	Other    int `json:"other"`
	// Racing are the parallel tests that reach a hazard.
	Racing int        `json:"racing"`
	Sleep  sleepTotal `json:"sleep"`
}

// A sleepTotal sums the calls of time.Sleep that tests reach.
type sleepTotal struct {
	Calls    int           `json:"calls"`
	Duration time.Duration `json:"ns"`      // of the calls with a constant duration
	Loops    int           `json:"loops"`   // calls in a loop, counted once
	Unknown  int           `json:"unknown"` // calls without a constant duration
}

func (s *sleepTotal) add(o sleepTotal) {
	s.Calls += o.Calls
	s.Duration += o.Duration
	s.Loops += o.Loops
	s.Unknown += o.Unknown
}

// String says "1.5s in 4 calls (2 in loops, counted once; 1 of unknown
// duration)".
func (s sleepTotal) String() string {
	if s.Calls == 0 {
		return "none"
	}
	out := fmt.Sprintf("%v in %d %s", s.Duration, s.Calls, plural(s.Calls, "call", "calls"))
	var notes []string
	if s.Loops > 0 {
		notes = append(notes, fmt.Sprintf("%d in loops, counted once", s.Loops))
	}
	if s.Unknown > 0 {
		notes = append(notes, fmt.Sprintf("%d of unknown duration", s.Unknown))
	}
	if len(notes) > 0 {
		out += " (" + strings.Join(notes, "; ") + ")"
	}
	return out
}

// short is String for a table cell: "1.5s", "1.5s+?" with calls of
// unknown duration, "1.5s (loop)" with calls in loops.
func (s sleepTotal) short() string {
	if s.Calls == 0 {
		return "-"
	}
	out := s.Duration.String()
	if s.Unknown > 0 {
		out += "+?"
	}
	if s.Loops > 0 {
		out += " (loop)"
	}
	return out
}

// A hazardRow is one hazard of the ranking, over all packages.
type hazardRow struct {
	Rank int `json:"rank"`
	census.Hazard
	// Tests are the tests it holds back: Blocked serial ones and Racing
	// parallel ones. Alone are those of Blocked that no other hazard
	// blocks, which fixing it frees.
	Tests    int      `json:"tests"`
	Blocked  int      `json:"blocked"`
	Racing   int      `json:"racing"`
	Alone    int      `json:"alone"`
	Packages []string `json:"packages"`
}

// A pkgRow is the census of one package, its test files included.
type pkgRow struct {
	Path   string         `json:"path"`
	Counts counts         `json:"counts"`
	Tests  []testRow      `json:"tests"`
	Sleeps []census.Sleep `json:"sleeps,omitempty"`
}

// A testRow is a test, with the ranks of the hazards that hold it back.
type testRow struct {
	Name    string `json:"name"`
	Posn    string `json:"posn"`
	Subtest bool   `json:"subtest,omitempty"`
	Status  string `json:"status"`
	Hazards []int  `json:"hazards,omitempty"` // their ranks
	Note    string `json:"note,omitempty"`
	keys    []string
}

// newTestReport reads the census records of the tree and ranks the
// hazards. File names are made relative to dir.
func newTestReport(t tree, dir string) *testReport {
	rep := &testReport{Hazards: []hazardRow{}, Packages: []pkgRow{}}
	byPath := make(map[string]*pkgRow)
	byKey := make(map[string]*hazardRow)
	for _, p := range t.problems(nil) {
		if p.analyzer != census.Analyzer.Name || !strings.HasPrefix(p.diag.Message, census.Prefix) {
			continue
		}
		var pkg census.Package
		if json.Unmarshal([]byte(strings.TrimPrefix(p.diag.Message, census.Prefix)), &pkg) != nil {
			continue
		}
		// A package's external tests (package x_test) count with it.
		path := strings.TrimSuffix(pkg.Path, "_test")
		row := byPath[path]
		if row == nil {
			row = &pkgRow{Path: path}
			byPath[path] = row
		}
		for _, h := range pkg.Hazards {
			hr := byKey[h.Key]
			if hr == nil {
				hr = &hazardRow{Hazard: h}
				byKey[h.Key] = hr
			} else {
				hr.Merge(h)
			}
			if !slices.Contains(hr.Packages, path) {
				hr.Packages = append(hr.Packages, path)
			}
		}
		for _, tc := range pkg.Tests {
			tr := testRow{Name: tc.Name, Posn: relPosn(dir, tc.Posn), Subtest: tc.Subtest, Status: tc.Status, Note: tc.Note}
			for _, i := range tc.Hazards {
				if i >= 0 && i < len(pkg.Hazards) {
					tr.keys = append(tr.keys, pkg.Hazards[i].Key)
				}
			}
			for _, k := range tr.keys {
				hr := byKey[k]
				hr.Tests++
				if tc.Status == census.Parallel {
					hr.Racing++
					continue
				}
				hr.Blocked++
				if len(tr.keys) == 1 {
					hr.Alone++
				}
			}
			row.Tests = append(row.Tests, tr)
			row.Counts.count(tc)
		}
		for _, s := range pkg.Sleeps {
			row.Sleeps = append(row.Sleeps, s)
			row.Counts.Sleep.add(sleepOf(s))
		}
	}
	for _, hr := range byKey {
		slices.Sort(hr.Packages)
		rep.Hazards = append(rep.Hazards, *hr)
	}
	slices.SortFunc(rep.Hazards, func(a, b hazardRow) int {
		return cmp.Or(
			cmp.Compare(b.Tests, a.Tests),
			cmp.Compare(len(b.Packages), len(a.Packages)),
			cmp.Compare(b.Alone, a.Alone),
			cmp.Compare(a.Key, b.Key),
		)
	})
	rank := make(map[string]int)
	for i := range rep.Hazards {
		rep.Hazards[i].Rank = i + 1
		rank[rep.Hazards[i].Key] = i + 1
	}
	for _, path := range sortedKeys(byPath) {
		row := byPath[path]
		for i := range row.Tests {
			for _, k := range row.Tests[i].keys {
				row.Tests[i].Hazards = append(row.Tests[i].Hazards, rank[k])
			}
			slices.Sort(row.Tests[i].Hazards)
		}
		rep.Packages = append(rep.Packages, *row)
		rep.Totals.Packages++
		rep.Totals.add(row.Counts)
	}
	return rep
}

// count counts the test tc.
func (c *counts) count(tc census.Test) {
	c.Tests++
	if tc.Subtest {
		c.Subtests++
	}
	switch tc.Status {
	case census.Parallel:
		c.Parallel++
		if len(tc.Hazards) > 0 {
			c.Racing++
		}
	case census.Fixable:
		c.Fixable++
	case census.Blocked:
		c.Blocked++
	default:
		c.Other++
	}
}

// add adds the counts of a package.
func (c *counts) add(o counts) {
	c.Tests += o.Tests
	c.Subtests += o.Subtests
	c.Parallel += o.Parallel
	c.Fixable += o.Fixable
	c.Blocked += o.Blocked
	c.Other += o.Other
	c.Racing += o.Racing
	c.Sleep.add(o.Sleep)
}

func sleepOf(s census.Sleep) sleepTotal {
	t := sleepTotal{Calls: 1, Duration: time.Duration(s.Duration)}
	if s.Loop {
		t.Loops = 1
	}
	if s.Unknown {
		t.Unknown = 1
	}
	return t
}

// relPosn makes the file of a "file:line" position relative to dir when
// it is inside it.
func relPosn(dir, posn string) string {
	if dir == "" {
		return posn
	}
	if rel, ok := relPath(dir, posn); ok {
		return rel
	}
	return posn
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Label names the hazard h at its root: "testutil.SetupEnv (env.go:12)",
// "config.Timeout (config.go:7)", or "$HOME in test code
// (env_test.go:12)" for a change in tests' own code.
func (h hazardRow) Label() string {
	if h.Own {
		return h.Root + " in test code (" + h.Where + ")"
	}
	return h.Root + " (" + h.Where + ")"
}

// sentence is the hazard's line in the text report: "testutil.SetupEnv
// (env.go:12) changes $HOME (os.Setenv): blocks 3 tests in 2 packages;
// fix it once: use t.Setenv".
func (h hazardRow) sentence() string {
	var s string
	switch {
	case h.Var && h.Via != "":
		s = h.Root + " (" + h.Where + ", via " + h.Via + ") " + h.Does
	case h.Own:
		s = "test code (" + h.Where + ") " + h.Does
	default:
		s = h.Root + " (" + h.Where + ") " + h.Does
	}
	s += ": " + h.effect()
	if a := h.advice(); a != "" {
		s += "; " + a
	}
	return s
}

// effect says what the hazard does to the tests: "blocks 230 tests in 14
// packages (120 by it alone)".
func (h hazardRow) effect() string {
	out := fmt.Sprintf("blocks %d %s in %d %s", h.Tests, plural(h.Tests, "test", "tests"), len(h.Packages), plural(len(h.Packages), "package", "packages"))
	if h.Order {
		out = fmt.Sprintf("makes %d %s in %d %s order-dependent", h.Tests, plural(h.Tests, "test", "tests"), len(h.Packages), plural(len(h.Packages), "package", "packages"))
	}
	var notes []string
	if h.Alone > 0 && h.Alone < h.Tests {
		notes = append(notes, fmt.Sprintf("%d by it alone", h.Alone))
	}
	if h.Racing > 0 {
		notes = append(notes, fmt.Sprintf("%d of them parallel already, racing", h.Racing))
	}
	if len(notes) > 0 {
		out += " (" + strings.Join(notes, "; ") + ")"
	}
	return out
}

// advice says how to remove the hazard: once in the helper, or in each
// test.
func (h hazardRow) advice() string {
	if h.Fix != "" && !h.Own && !h.Var {
		return "fix it once: " + h.Fix
	}
	return h.Fix
}

// text writes the report for a terminal: the totals, the ranking, and a
// line per package.
func (rep *testReport) text(w io.Writer) error {
	c := rep.Totals
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s, %d %s (%d subtests)\n", c.Packages, plural(c.Packages, "package", "packages"), c.Tests, plural(c.Tests, "test", "tests"), c.Subtests)
	fmt.Fprintf(&b, "  parallel now                  %6d\n", c.Parallel)
	fmt.Fprintf(&b, "  isolint -fix makes parallel   %6d\n", c.Fixable)
	fmt.Fprintf(&b, "  blocked by a hazard           %6d\n", c.Blocked)
	fmt.Fprintf(&b, "  serial for another reason     %6d\n", c.Other)
	if c.Racing > 0 {
		fmt.Fprintf(&b, "  parallel, but reach a hazard  %6d\n", c.Racing)
	}
	fmt.Fprintf(&b, "  time.Sleep: %s\n", c.Sleep)
	if len(rep.Hazards) > 0 {
		fmt.Fprintf(&b, "\nHazards, by the tests they hold back:\n")
		width := len(fmt.Sprint(len(rep.Hazards)))
		for _, h := range rep.Hazards {
			fmt.Fprintf(&b, "%*d. %s\n", width+2, h.Rank, h.sentence())
		}
	}
	if len(rep.Packages) > 0 {
		width := len("package")
		for _, p := range rep.Packages {
			width = max(width, len(p.Path))
		}
		fmt.Fprintf(&b, "\n%-*s  %6s  %8s  %7s  %7s  %5s  %s\n", width, "package", "tests", "parallel", "fixable", "blocked", "other", "time.Sleep")
		for _, p := range rep.Packages {
			c := p.Counts
			fmt.Fprintf(&b, "%-*s  %6d  %8d  %7d  %7d  %5d  %s\n", width, p.Path, c.Tests, c.Parallel, c.Fixable, c.Blocked, c.Other, c.Sleep.short())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
