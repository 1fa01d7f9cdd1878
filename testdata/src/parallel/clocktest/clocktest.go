// Package clocktest is a test-support package: the sleeps of its
// functions are the waits of the tests that call them.
package clocktest

import (
	"sync"
	"time"
)

// Settle sleeps for d, for what the test started to happen.
func Settle(d time.Duration) {
	time.Sleep(d)
}

// WaitFor polls ready until it holds.
func WaitFor(ready func() bool) {
	for !ready() {
		time.Sleep(time.Millisecond)
	}
}

// Clock is a fake clock: Advance runs the functions waiting for the time
// it moves to.
type Clock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	until time.Time
	fn    func()
}

// AfterFunc runs fn when the clock has moved on by d.
func (c *Clock) AfterFunc(d time.Duration, fn func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waiters = append(c.waiters, waiter{until: c.now.Add(d), fn: fn})
}

// Advance moves the clock on by d, running what waits until then. It
// sleeps after each, to let what it started run: a wait by the clock,
// though the loop around it goes through a list, not a change.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now.Add(d)
	for len(c.waiters) > 0 {
		w := c.waiters[0]
		if w.until.After(now) {
			break
		}
		c.waiters = c.waiters[1:]
		c.mu.Unlock()
		w.fn()
		time.Sleep(time.Millisecond)
		c.mu.Lock()
	}
	c.now = now
}
