// Package backoff is code under test, of another package than its
// callers' tests, that sleeps: its delay is its behaviour, not a wait of
// the test's.
package backoff

import "time"

// Pause waits before the next try.
func Pause() {
	time.Sleep(time.Millisecond)
}
