package main

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// sleepy is a module whose tests wait by the clock.
const sleepy = "testdata/sleepy"

// TestSleepFixes applies the sleep analyzer's fixes to a module whose tests
// sleep, then runs its tests three times: they pass, and in less time than
// before.
func TestSleepFixes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on a module, twice")
	}
	t.Parallel()
	bin := buildIsolint(t)
	// testify comes from the module proxy; the runs below are offline.
	mod := copyModule(t, sleepy)
	mod.download(t)
	dir := mod.dir

	before := testTime(t, dir)
	run(t, dir, bin, "-sleep", "./...").wantCode(t, 3)
	run(t, dir, bin, "-sleep", "-fix", "./...").wantCode(t, 0)
	run(t, dir, bin, "-sleep", "./...").wantCode(t, 0) // nothing left to fix
	run(t, dir, "go", "vet", "./...").wantCode(t, 0)
	if out := run(t, dir, "gofmt", "-l", ".").stdout; out != "" {
		t.Errorf("gofmt -l after the fixes:\n%s", out)
	}
	after := testTime(t, dir)
	t.Logf("go test -count=3: tests took %v before the fixes, %v after", before, after)
	if after >= before {
		t.Errorf("the fixed tests took %v, no less than the %v before", after, before)
	}
}

// testTime runs the module's tests three times, fails the test unless they
// pass, and returns the time the tests themselves took, as go test -json
// reports it (building them is not counted).
func testTime(t *testing.T, dir string) time.Duration {
	t.Helper()
	r := run(t, dir, "go", "test", "-count=3", "-json", "./...")
	if r.code != 0 {
		t.Fatalf("go test -count=3 failed:\n%s\n%s", r.stdout, r.stderr)
	}
	var total float64
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var ev struct {
			Action  string
			Test    string
			Elapsed float64
		}
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("go test -json printed %q: %v", sc.Text(), err)
		}
		if ev.Action == "pass" && ev.Test != "" && !strings.Contains(ev.Test, "/") {
			total += ev.Elapsed
		}
	}
	return time.Duration(total * float64(time.Second))
}
