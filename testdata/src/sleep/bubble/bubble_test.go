//go:build go1.25

package bubble

import (
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type counter struct{ n atomic.Int32 }

func (c *counter) inc() { c.n.Add(1) }

func TestWorker(t *testing.T) {
	var c counter
	go func() {
		c.n.Add(1)
	}()
	time.Sleep(100 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 19: slow when the wait is long, flaky when it is short; run the test in a synctest bubble and wait with synctest.Wait`
	got := c.n.Load()
	if got != 1 {
		t.Errorf("got %d", got)
	}
}

func TestParallelWorker(t *testing.T) {
	t.Parallel()
	done := make(chan bool)
	go func() { close(done) }()
	time.Sleep(10 * time.Millisecond) // want `run the test in a synctest bubble`
	select {
	case <-done:
	default:
		t.Fatal("not done")
	}
}

// Negatives.

func TestWorkerLoops(t *testing.T) {
	ch := make(chan int)
	go func() {
		for range ch {
		}
	}()
	time.Sleep(10 * time.Millisecond)
	close(ch)
}

func TestWorkerUsesClock(t *testing.T) {
	var c counter
	go func() {
		time.AfterFunc(time.Millisecond, c.inc)
	}()
	time.Sleep(10 * time.Millisecond)
	_ = c.n.Load()
}

func TestWorkerDoesIO(t *testing.T) {
	go func() {
		_, _ = os.ReadFile("testdata/x")
	}()
	time.Sleep(10 * time.Millisecond)
}

func TestWithSubtests(t *testing.T) {
	var c counter
	go func() { c.inc() }()
	time.Sleep(10 * time.Millisecond)
	t.Run("sub", func(t *testing.T) {})
}

func TestSetenvInBody(t *testing.T) {
	var c counter
	go func() { c.inc() }()
	time.Sleep(10 * time.Millisecond)
	t.Setenv("X", "1")
}

type queue struct{ jobs chan int }

func newQueue() *queue {
	q := &queue{jobs: make(chan int)}
	go func() {
		for range q.jobs {
		}
	}()
	return q
}

func TestCodeUnderTestStartsGoroutine(t *testing.T) {
	q := newQueue()
	var c counter
	go func() { c.n.Add(1) }()
	time.Sleep(10 * time.Millisecond)
	_ = q
}

// The goroutines block on a lock the test holds: synctest.Wait would
// never return.
func TestGoroutineBlocks(t *testing.T) {
	var c counter
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock()
		c.inc()
	}()
	time.Sleep(10 * time.Millisecond)
	got := c.n.Load()
	mu.Unlock()
	if got != 0 {
		t.Fatal("ran while locked")
	}
}

// A send nobody may receive would leave the bubble deadlocked.
func TestGoroutineSends(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	time.Sleep(10 * time.Millisecond)
	_ = len(ch)
}
