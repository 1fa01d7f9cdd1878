package asserts

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestAssertOnly(t *testing.T) {
	var n atomic.Int64
	go func() { n.Add(3) }()
	time.Sleep(20 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 13 before the check on line 15: slow when the wait is long, flaky when it is short; wait until the check passes with assert.EventuallyWithT`
	assert.Equal(t, int64(3), n.Load())
}

func TestAssertPoll(t *testing.T) {
	var n atomic.Int64
	go func() { n.Add(3) }()
	for n.Load() < 3 {
		time.Sleep(time.Millisecond) // want `time.Sleep polls n.Load\(\) >= 3 with no deadline: the test hangs until go test times out if it never holds; wait with assert.Eventually`
	}
}
