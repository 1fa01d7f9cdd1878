package census_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/isolint/isolint/internal/census"
	"github.com/isolint/isolint/internal/fixtures"
)

// TestSleeps checks the time.Sleep calls the census reads from a
// package's tests: constant durations, once per call even in a loop (and
// marked), through a helper of the package at each call, unknown when
// the duration is no constant, and none from benchmarks. It also checks
// the statuses of the tests, which their waits keep sequential.
func TestSleeps(t *testing.T) {
	t.Parallel()
	pkg := record(t, "census/sleeps")
	want := []census.Sleep{
		{Test: "TestConstant", Where: "sleeps_test.go:11", Duration: 50e6},
		{Test: "TestConstant", Where: "sleeps_test.go:12", Duration: 2e9},
		{Test: "TestLoop", Where: "sleeps_test.go:17", Duration: 1e6, Loop: true},
		{Test: "TestHelper", Where: "sleeps_test.go:38", Duration: 100e6},
		{Test: "TestHelper", Where: "sleeps_test.go:38", Duration: 100e6},
		{Test: "TestTable", Where: "sleeps_test.go:29", Unknown: true, Loop: true},
	}
	if !reflect.DeepEqual(pkg.Sleeps, want) {
		t.Errorf("sleeps:\n got %+v\nwant %+v", pkg.Sleeps, want)
	}
	status := make(map[string]string)
	for _, tc := range pkg.Tests {
		status[tc.Name] = tc.Status
	}
	// A test that waits by the clock stays sequential: under the load of
	// parallel tests, its wait may be too short.
	wantStatus := map[string]string{
		"TestConstant": census.Blocked, "TestLoop": census.Blocked, "TestHelper": census.Blocked,
		"TestTable": census.Blocked, "TestTable/<d.String()>": census.Blocked, "TestNone": census.Other,
	}
	if !reflect.DeepEqual(status, wantStatus) {
		t.Errorf("statuses: got %v, want %v", status, wantStatus)
	}
	var does []string
	for _, h := range pkg.Hazards {
		does = append(does, h.Root+": "+h.Does+"; "+h.Fix)
	}
	wantDoes := []string{
		"time.Sleep: waits by the clock (time.Sleep); wait for the event itself (the sleep analyzer's fix)",
		"sleeps.wait: waits by the clock (time.Sleep); wait for the event itself (the sleep analyzer's fix)",
	}
	if !reflect.DeepEqual(does, wantDoes) {
		t.Errorf("hazards:\n got %q\nwant %q", does, wantDoes)
	}
}

// record runs the census on the package pkg of the testdata and returns
// the record it reports.
func record(t *testing.T, pkg string) census.Package {
	t.Helper()
	// The package is analyzed with and without its tests: one record.
	var msgs []string
	for _, r := range analysistest.Run(&quiet{T: t}, fixtures.Root(t), census.Analyzer, pkg) {
		for _, d := range r.Diagnostics {
			msgs = append(msgs, d.Message)
		}
	}
	if len(msgs) != 1 {
		t.Fatalf("the census of %s reported %q, want one record", pkg, msgs)
	}
	msg := msgs[0]
	var out census.Package
	if !strings.HasPrefix(msg, census.Prefix) || json.Unmarshal([]byte(strings.TrimPrefix(msg, census.Prefix)), &out) != nil {
		t.Fatalf("the census of %s reported %q", pkg, msg)
	}
	return out
}

// quiet is a testing.T on which analysistest's complaint about the
// record, a diagnostic no `// want` comment expects, is not an error.
type quiet struct {
	*testing.T
}

func (q *quiet) Errorf(format string, args ...any) {
	if strings.Contains(format, "unexpected diagnostic") || strings.Contains(strings.Join(strArgs(args), " "), census.Prefix) {
		return
	}
	q.T.Errorf(format, args...)
}

func strArgs(args []any) []string {
	var out []string
	for _, a := range args {
		if s, ok := a.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
