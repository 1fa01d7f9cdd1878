// Package parallel defines an Analyzer that reports tests that could run in
// parallel but do not, and parallel tests that cannot be.
//
// # Analyzer parallel
//
// parallel: report tests that could call t.Parallel, and parallel tests that must not
//
// A test that calls t.Parallel runs at the same time as the other parallel
// tests of its package, which makes `go test` faster on every machine with
// more than one core. It is safe only for a test that keeps to itself. This
// analyzer reports a test or subtest that does not call t.Parallel although
// nothing it does, directly or through the helpers it calls in any package,
// touches process-wide state: no environment or working-directory change, no
// write to a package variable, no process-wide setter, no whole-process
// measurement, no t.Setenv or t.Chdir. Its fix inserts t.Parallel() as the
// first statement; in a file older than Go 1.22 it also copies the loop
// variables a subtest captures.
//
// A test with such a hazard is not reported here: the hazard is reported by
// the analyzer that owns it (globalstate and the others), and adding
// t.Parallel would make the suite flaky.
//
// Nor is a test that waits by the clock, calling time.Sleep in its own
// body, a subtest's or a test helper's other than between the tries of a
// loop that polls for a change: under load the wait may be too short, and
// the sleep analyzer reports it.
//
// A subtest is reported only when running it in parallel cannot change what
// its parent observes: the parent defers nothing (deferred calls would run
// before the parallel subtests do), runs nothing but further subtests after
// it, and the subtest reads only its own loop variables and values the
// parent never changes.
//
// It also reports a test that calls t.Parallel and also, itself or in a
// subtest, t.Setenv, t.Chdir or cryptotest.SetGlobalRandom: the testing
// package panics. Its fix removes the t.Parallel() call.
//
// Before:
//
//	func TestParse(t *testing.T) {
//		got := Parse("a=1")
//		...
//	}
//
// After:
//
//	func TestParse(t *testing.T) {
//		t.Parallel()
//		got := Parse("a=1")
//		...
//	}
//
// Flags:
//
//	-parallel.skip regexp   test names (as go test -run matches them) never reported
//	-parallel.subtests      also report subtests (default true)
package parallel
