package worker

import (
	"sync/atomic"
	"testing"
	"time"
)

// Each test sleeps long enough for the job on an idle machine; the fixes
// wait exactly as long as the job takes.

func TestCheckAfter(t *testing.T) {
	var w Worker
	w.Do("a")
	time.Sleep(300 * time.Millisecond)
	if w.Count() != 1 {
		t.Fatalf("count = %d, want 1", w.Count())
	}
}

func TestGoroutine(t *testing.T) {
	var jobs atomic.Int32
	go func() {
		jobs.Add(1)
	}()
	time.Sleep(300 * time.Millisecond)
	got := jobs.Load()
	if got != 1 {
		t.Fatalf("jobs = %d, want 1", got)
	}
}

func TestPoll(t *testing.T) {
	var w Worker
	w.Do("a")
	for w.Count() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
}
