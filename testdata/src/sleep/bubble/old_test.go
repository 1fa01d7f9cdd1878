//go:build go1.24

package bubble

import (
	"testing"
	"time"
)

// No synctest before Go 1.25: not reported, for want of a safe fix.
func TestWorkerOld(t *testing.T) {
	var c counter
	go func() {
		c.inc()
	}()
	time.Sleep(100 * time.Millisecond)
	got := c.n.Load()
	if got != 1 {
		t.Errorf("got %d", got)
	}
}
