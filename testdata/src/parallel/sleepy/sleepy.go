// Package sleepy has code under test that works in the background, and
// tests that wait for it: by the clock, which keeps them sequential, or by
// polling for the change, which does not.
package sleepy

import (
	"sync/atomic"
	"time"
)

// Counter counts in the background.
type Counter struct {
	n atomic.Int64
}

// Start adds one to the counter after d, in a goroutine.
func (c *Counter) Start(d time.Duration) {
	go func() {
		time.Sleep(d)
		c.n.Add(1)
	}()
}

// Value returns the count so far.
func (c *Counter) Value() int64 {
	return c.n.Load()
}

// Flush backs off, then counts: a sleep of the code under test is its
// behaviour, a delay the test does not wait for.
func Flush(c *Counter) {
	time.Sleep(time.Millisecond)
	c.n.Add(1)
}
