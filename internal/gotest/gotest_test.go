package gotest

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	t.Parallel()
	out := strings.Join([]string{
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestB"}`,
		`{"Action":"fail","Package":"p","Test":"TestB"}`, // -count=2: failed once
		`{"Action":"fail","Package":"p","Test":"TestC/sub"}`,
		`{"Action":"fail","Package":"p"}`,
		`not JSON, e.g. a build error`,
		`{"Action":"fail","Package":"q"}`, // failed outside any test
		`{"Action":"pass","Package":"r"}`,
		`{"Action":"output","Package":"r","Test":"TestD","Output":"fail"}`,
	}, "\n")
	ev := Read(strings.NewReader(out))
	var passed, failed []string
	for n := range ev.Passed {
		passed = append(passed, n)
	}
	for n := range ev.Failed {
		failed = append(failed, n)
	}
	slices.Sort(passed)
	slices.Sort(failed)
	if want := []string{"p TestA", "r (package)"}; !slices.Equal(passed, want) {
		t.Errorf("passed = %q, want %q", passed, want)
	}
	if want := []string{"p TestB", "p TestC/sub", "q (package)"}; !slices.Equal(failed, want) {
		t.Errorf("failed = %q, want %q", failed, want)
	}
}

// TestReadDetails checks what Read keeps besides the outcomes: the tests
// that paused for t.Parallel, what a failing test printed, and the wall
// time of each package, over the runs of -count.
func TestReadDetails(t *testing.T) {
	t.Parallel()
	out := strings.Join([]string{
		`{"Action":"output","Package":"p","Output":"-test.shuffle 1796683355099781023\n"}`,
		`{"ImportPath":"p [p.test]","Action":"build-output","Output":"# p\n"}`,
		`{"ImportPath":"p [p.test]","Action":"build-output","Output":"p.go:1: syntax error\n"}`,
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"pause","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"q","Test":"TestQ","Output":"-test.shuffle 7\n"}`, // a test's output
		`{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: got 1\n"}`,
		`{"Action":"fail","Package":"p","Test":"TestA","Elapsed":0.1}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"ok\n"}`,
		`{"Action":"pass","Package":"p","Test":"TestB"}`,
		`{"Action":"fail","Package":"p","Elapsed":1.5}`,
		`{"Action":"pass","Package":"q","Elapsed":0.25}`,
		`{"Action":"pass","Package":"q","Elapsed":0.5}`,
	}, "\n")
	ev := Read(strings.NewReader(out))
	if !ev.Parallel["p TestA"] || len(ev.Parallel) != 1 {
		t.Errorf("Parallel = %v, want p TestA alone", ev.Parallel)
	}
	if got := ev.Output["p TestA"]; !slices.Equal(got, []string{"    a_test.go:9: got 1"}) {
		t.Errorf("Output[p TestA] = %q", got)
	}
	if _, ok := ev.Output["p TestB"]; ok {
		t.Errorf("the output of a passing test is kept: %q", ev.Output["p TestB"])
	}
	if ev.Elapsed["p"] != 1.5 || ev.Elapsed["q"] != 0.75 {
		t.Errorf("Elapsed = %v, want p 1.5 and q 0.75", ev.Elapsed)
	}
	if ev.Ran() != 3 {
		t.Errorf("Ran() = %d, want 3 (p TestA, p TestB, q (package))", ev.Ran())
	}
	if got := ev.PackageOutput["p"]; !slices.Equal(got, []string{"-test.shuffle 1796683355099781023", "# p", "p.go:1: syntax error"}) {
		t.Errorf("PackageOutput[p] = %q, want the build's output", got)
	}
	if want := map[string]string{"p": "1796683355099781023"}; !maps.Equal(ev.Seeds, want) {
		t.Errorf("Seeds = %v, want %v", ev.Seeds, want)
	}
}

// TestReadOutputOfFailingRun checks that, with -count=2, the output kept
// for a test that passed once and failed once is the failing run's only.
func TestReadOutputOfFailingRun(t *testing.T) {
	t.Parallel()
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		runs := [][]string{
			{
				`{"Action":"run","Package":"p","Test":"TestA"}`,
				`{"Action":"output","Package":"p","Test":"TestA","Output":"--- PASS: TestA (0.00s)\n"}`,
				`{"Action":"pass","Package":"p","Test":"TestA"}`,
			},
			{
				`{"Action":"run","Package":"p","Test":"TestA"}`,
				`{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: got 1\n"}`,
				`{"Action":"output","Package":"p","Test":"TestA","Output":"--- FAIL: TestA (0.00s)\n"}`,
				`{"Action":"fail","Package":"p","Test":"TestA"}`,
			},
		}
		out := strings.Join(append(runs[order[0]], runs[order[1]]...), "\n")
		ev := Read(strings.NewReader(out))
		want := []string{"    a_test.go:9: got 1", "--- FAIL: TestA (0.00s)"}
		if got := ev.Output["p TestA"]; !slices.Equal(got, want) {
			t.Errorf("runs in order %v: Output[p TestA] = %q, want %q", order, got, want)
		}
	}
}

// TestReadEnded checks which test Read names as the one running when a
// package's binary stopped: the last to start of those that had not
// finished, not one paused for t.Parallel, not one that finished earlier
// under the same name (-count=2).
func TestReadEnded(t *testing.T) {
	t.Parallel()
	out := strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestSuite"}`,
		`{"Action":"pass","Package":"p","Test":"TestSuite"}`,
		`{"Action":"run","Package":"p","Test":"TestSuite"}`,
		`{"Action":"run","Package":"p","Test":"TestPar"}`,
		`{"Action":"pause","Package":"p","Test":"TestPar"}`,
		`{"Action":"run","Package":"p","Test":"TestSkip"}`,
		`{"Action":"skip","Package":"p","Test":"TestSkip"}`,
		`{"Action":"output","Package":"p","Test":"TestSuite","Output":"  Only -count=1\n"}`,
		`{"Action":"fail","Package":"p"}`,
		`{"Action":"run","Package":"q","Test":"TestA"}`,
		`{"Action":"fail","Package":"q","Test":"TestA"}`,
		`{"Action":"fail","Package":"q"}`,
		`{"Action":"run","Package":"r","Test":"TestB"}`,
		`{"Action":"run","Package":"r","Test":"TestB/sub"}`,
		`{"Action":"pass","Package":"r"}`,
	}, "\n")
	ev := Read(strings.NewReader(out))
	if want := map[string]string{"p": "TestSuite"}; !maps.Equal(ev.Ended, want) {
		t.Errorf("Ended = %v, want %v (q's test failed and finished; r passed)", ev.Ended, want)
	}
}
