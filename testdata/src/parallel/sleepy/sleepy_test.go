package sleepy

import (
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"parallel/backoff"
	"parallel/clocktest"
)

// Tests that wait by the clock guess how long the background work takes:
// under the load of the other parallel tests, the guess is too short.

func TestSleepThenCheck(t *testing.T) {
	var c Counter
	c.Start(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	if c.Value() != 1 {
		t.Fatal("not counted")
	}
}

func TestSleepInHelper(t *testing.T) {
	var c Counter
	c.Start(time.Millisecond)
	settle()
	if c.Value() != 1 {
		t.Fatal("not counted")
	}
}

func settle() {
	time.Sleep(10 * time.Millisecond)
}

func TestSleepInSupport(t *testing.T) {
	var c Counter
	c.Start(time.Millisecond)
	clocktest.Settle(10 * time.Millisecond)
	if c.Value() != 1 {
		t.Fatal("not counted")
	}
}

func TestFakeClock(t *testing.T) {
	var clock clocktest.Clock
	var n atomic.Int64
	clock.AfterFunc(time.Second, func() { go n.Add(1) })
	clock.Advance(time.Second)
	if n.Load() != 1 {
		t.Fatal("not run")
	}
}

func TestCountedRounds(t *testing.T) {
	var c Counter
	for i := 0; i < 3; i++ {
		c.Start(0)
		time.Sleep(time.Millisecond)
	}
	if c.Value() != 3 {
		t.Fatal("not counted")
	}
}

func TestWatchesTheClock(t *testing.T) {
	var c Counter
	c.Start(time.Millisecond)
	start := time.Now()
	for time.Since(start) < 10*time.Millisecond {
		time.Sleep(time.Millisecond)
	}
	if c.Value() != 1 {
		t.Fatal("not counted")
	}
}

// A subtest that sleeps keeps itself and its parent sequential; its
// sibling is free.
func TestSubtests(t *testing.T) {
	t.Run("waits", func(t *testing.T) {
		var c Counter
		c.Start(time.Millisecond)
		time.Sleep(10 * time.Millisecond)
		if c.Value() != 1 {
			t.Fatal("not counted")
		}
	})
	t.Run("computes", func(t *testing.T) { // want `subtest TestSubtests/computes does not call t.Parallel and has no isolation hazard: it can run in parallel`
		if 1+1 != 2 {
			t.Fatal("arithmetic")
		}
	})
}

// A sleep in a goroutine simulates work; the test waits for the goroutine.

func TestSleepInGoroutine(t *testing.T) { // want `TestSleepInGoroutine does not call t.Parallel`
	done := make(chan int)
	go func() {
		time.Sleep(time.Millisecond)
		done <- 1
	}()
	if <-done != 1 {
		t.Fatal("not sent")
	}
}

func TestSleepingHelperInGoroutine(t *testing.T) { // want `TestSleepingHelperInGoroutine does not call t.Parallel`
	done := make(chan int)
	go sendLater(done)
	if <-done != 1 {
		t.Fatal("not sent")
	}
}

func sendLater(done chan<- int) {
	time.Sleep(time.Millisecond)
	done <- 1
}

// A sleep between the tries of a loop that polls for the change waits for
// the event, however long it takes: the sleep analyzer's fixes leave such
// loops.

func TestPollWithDeadline(t *testing.T) { // want `TestPollWithDeadline does not call t.Parallel`
	var c Counter
	c.Start(time.Millisecond)
	for deadline := time.Now().Add(10 * time.Second); c.Value() != 1 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if c.Value() != 1 {
		t.Fatal("not counted")
	}
}

func TestPollUntilBreak(t *testing.T) { // want `TestPollUntilBreak does not call t.Parallel`
	var c Counter
	c.Start(time.Millisecond)
	for {
		if c.Value() == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPollRead(t *testing.T) { // want `TestPollRead does not call t.Parallel`
	var c Counter
	c.Start(time.Millisecond)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		got := c.Value()
		if got == 1 {
			break
		}
	}
}

func TestPollSettle(t *testing.T) { // want `TestPollSettle does not call t.Parallel`
	var c Counter
	c.Start(time.Millisecond)
	for c.Value() != 1 {
		settle()
	}
}

func TestPollInSupport(t *testing.T) { // want `TestPollInSupport does not call t.Parallel`
	var c Counter
	c.Start(time.Millisecond)
	clocktest.WaitFor(func() bool { return c.Value() == 1 })
}

// The code under test may sleep: that is a delay, not a wait.

func TestLibraryBacksOff(t *testing.T) { // want `TestLibraryBacksOff does not call t.Parallel`
	var c Counter
	Flush(&c)
	if c.Value() != 1 {
		t.Fatal("not counted")
	}
}

func TestOtherLibraryPauses(t *testing.T) { // want `TestOtherLibraryPauses does not call t.Parallel`
	backoff.Pause()
}

// In a synctest bubble, time is virtual: a sleep waits for nothing real.

func TestBubble(t *testing.T) { // want `TestBubble does not call t.Parallel`
	synctest.Test(t, func(t *testing.T) {
		var c Counter
		c.Start(time.Millisecond)
		time.Sleep(10 * time.Millisecond)
		if c.Value() != 1 {
			t.Fatal("not counted")
		}
	})
}
