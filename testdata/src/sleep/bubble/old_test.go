//go:build go1.24

package bubble

import (
	"testing"
	"time"
)

// No synctest before Go 1.25: the read and its check are polled instead.
func TestWorkerOld(t *testing.T) {
	var c counter
	go func() {
		c.inc()
	}()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 13 before the check on line 18: slow when the wait is long, flaky when it is short; poll until the check passes, with a deadline`
	got := c.n.Load()
	if got != 1 {
		t.Errorf("got %d", got)
	}
}
