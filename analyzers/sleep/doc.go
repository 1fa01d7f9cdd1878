// Package sleep defines an Analyzer that reports tests that wait by the
// clock instead of for the event they expect.
//
// # Analyzer sleep
//
// sleep: report tests that wait with time.Sleep for something they could wait for
//
// A test that sleeps to let something happen guesses how long it takes:
// the guess is slow when it is long and flaky when it is short, on a loaded
// CI machine above all. This analyzer reports time.Sleep, and the bare
// waits <-time.After(d) and <-time.NewTimer(d).C, in a test or subtest and
// in the test helpers it calls (functions in _test.go files, functions
// that take a *testing.T, B, F or testing.TB, and functions of test-support
// packages such as testutil), at the line of the test, naming the helper
// when the sleep is in one. It says what the sleep seems to wait for:
//
//   - a condition polled in a loop that has no deadline, which hangs the
//     test until go test's timeout when the condition never holds;
//   - a condition checked right after it, by a testify assertion or an
//     if statement that fails the test, directly or through a read the
//     checks test (got := s.Items(), data, err := os.ReadFile(p));
//   - a server the test started in a goroutine, before a request to its
//     address;
//   - goroutines the test started earlier.
//
// A call to a test helper that does nothing but sleep (settle()) is a
// sleep where it is called, reported and fixed there.
//
// The fix waits for the event itself:
//
//	for !ready() { time.Sleep(d) }
//	    → require.Eventually(t, func() bool { return ready() }, 10*time.Second, d)
//	      with testify; without it, the same loop with a deadline that
//	      fails the test
//	time.Sleep(d); require.Equal(t, 3, n.Load())
//	    → require.EventuallyWithT(t, func(c *assert.CollectT) {
//	          assert.Equal(c, 3, n.Load())
//	      }, 10*time.Second, 10*time.Millisecond)
//	time.Sleep(d); if n.Load() != 3 { t.Fatalf(…) }
//	    → a loop that polls until the check would pass, for at most ten
//	      seconds, and then the check as it was
//	time.Sleep(d); data, err := os.ReadFile(p); require.NoError(t, err); …
//	    → the read and the checks inside require.EventuallyWithT; without
//	      testify, a loop that reads again until the checks would pass
//	go http.ListenAndServe(":8080", h); time.Sleep(d); http.Get("http://localhost:8080/")
//	    → a loop that dials ":8080" until it accepts a connection, for at
//	      most ten seconds
//	go work(); time.Sleep(d)
//	    → synctest.Test(t, func(t *testing.T) { go work(); synctest.Wait() })
//	      (Go 1.25), when the goroutines cannot block (no channel
//	      operation, lock or call that may wait), nothing the test calls
//	      starts goroutines of its own, and nothing in the test does
//	      network or file I/O, which a bubble cannot see
//
// A check counts only when it expects something to have happened (a
// value to be set, a count to be reached); one that expects something not
// to have happened within the sleep (require.False, require.Empty, an
// error that must stay nil), or that the value the test put in before
// the sleep is still there with a failure message that says so
// (fill(p, 3), sleep, if p.Len() != 3 { t.Fatal("no reaper") }), is what
// the sleep is for, and is not reported. Nor are: sleeps in the code
// under test (a backoff is behaviour), in goroutines and callbacks a test
// starts (they simulate work), in a synctest bubble (virtual time), in
// TestMain, in fuzz targets, in benchmarks unless -sleep.benchmarks is
// set, and sleeps for which none of the fixes above is safe, such as a
// sleep followed by an HTTP request to a server the test did not start in
// a goroutine.
package sleep
