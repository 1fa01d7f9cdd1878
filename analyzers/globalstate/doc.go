// Package globalstate defines an Analyzer that reports tests that change
// process-wide state without restoring it.
//
// # Analyzer globalstate
//
// globalstate: report tests that change process-wide state and do not restore it
//
// Every test of a package runs in one process. A test that changes the
// environment, the working directory, a package variable (of its own
// package or any other) or a process-wide default such as the standard
// logger's output leaves that change to the tests that run after it, and
// races with the tests that run beside it. This analyzer reports, for each
// test, subtest and benchmark, each such change it makes directly or
// through the helpers it calls in any package, once per test and cause,
// at the line of the test where it happens or where the helper is called.
//
// A change the test undoes is not reported: saved and restored with defer
// or t.Cleanup, undone by a function a helper returned, made with
// t.Setenv and t.Chdir, put back by hand at the end of the test from a
// copy saved before, or reset to the package's baseline (the value its
// var initializer or init establishes, or that every init of the test
// package sets: gin.SetMode(gin.TestMode)) at the end of the test, in a
// defer or t.Cleanup, or by a helper. Writing the baseline is no change.
// A restore must put back the value that was there: defer os.Unsetenv(k)
// after os.Setenv(k, v), or os.Getenv read inside a deferred literal,
// restores nothing. In a test that runs in parallel (it or an ancestor
// calls t.Parallel) even a restored change is a data race with the other
// parallel tests, and is reported as one.
//
// The fix isolates the change:
//
//	os.Setenv(k, v)   → t.Setenv(k, v)
//	os.Unsetenv(k)    → t.Setenv(k, "") first, so the variable is restored
//	os.Clearenv()     → save os.Environ() and put it back with t.Cleanup
//	os.Chdir(dir)     → t.Chdir(dir) (Go 1.24), or save and restore the
//	                    working directory with t.Cleanup in older files
//	pkg.V = x         → save pkg.V and restore it with t.Cleanup, or, when
//	                    the test changes V's object in place, assign a
//	                    fresh value built as V's initializer builds it
//	log.SetOutput(w)  → save log.Writer() and restore it with t.Cleanup
//	                    (each setter in the catalog has its recipe)
//
// A change made by a helper is undone at the call in the test. In a
// parallel test the fix also removes the t.Parallel calls that make it
// parallel. Where no edit can undo a change safely (a write through a
// pointer a helper made with no initializer to rebuild, a setter with no
// way to read its current value), nothing is reported: the parallel
// analyzer still keeps such a test sequential.
//
// Before:
//
//	func TestDebug(t *testing.T) {
//		debugMode = true
//		...
//	}
//
// After:
//
//	func TestDebug(t *testing.T) {
//		origDebugMode := debugMode
//		t.Cleanup(func() { debugMode = origDebugMode })
//		debugMode = true
//		...
//	}
//
// Flags:
//
//	-globalstate.allow regexp   package variables (as path.Name) that tests may write
package globalstate
