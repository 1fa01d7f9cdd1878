package waits

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPoll(t *testing.T) {
	var w Worker
	w.Do("a")
	for w.Count() == 0 {
		time.Sleep(5 * time.Millisecond) // want `time.Sleep polls w.Count\(\) != 0 with no deadline: the test hangs until go test times out if it never holds; wait with require.Eventually`
	}
}

func TestCheckAfter(t *testing.T) {
	var w Worker
	w.Do("a")
	w.Do("b")
	time.Sleep(50 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine w.Do starts on line 21 before the checks on lines 23-24: slow when the wait is long, flaky when it is short; wait until the checks pass with require.EventuallyWithT`
	require.Equal(t, 2, w.Count())
	require.Len(t, w.Done(), 2, "both jobs")
}

func TestIfAfter(t *testing.T) {
	var w Worker
	w.Do("a")
	time.Sleep(50 * time.Millisecond) // want `wait until the check passes with require.EventuallyWithT`
	if w.Count() != 1 {
		t.Fatalf("count = %d", w.Count())
	}
}

// Negatives.

func TestNothingMore(t *testing.T) {
	var w Worker
	time.Sleep(10 * time.Millisecond)
	require.Zero(t, w.Count())
	require.Empty(t, w.Done())
}

func TestNoErrorIsNoEvent(t *testing.T) {
	var err error
	time.Sleep(time.Millisecond)
	require.NoError(t, err)
}

func TestExpectedZero(t *testing.T) {
	var w Worker
	time.Sleep(time.Millisecond)
	require.Equal(t, 0, w.Count())
}
