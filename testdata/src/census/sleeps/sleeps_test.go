package sleeps

import (
	"testing"
	"time"
)

const settle = 50 * time.Millisecond

func TestConstant(t *testing.T) {
	time.Sleep(settle)
	time.Sleep(2 * time.Second)
}

func TestLoop(t *testing.T) {
	for i := 0; i < 10; i++ {
		time.Sleep(time.Millisecond)
	}
}

func TestHelper(t *testing.T) {
	wait(t)
	wait(t)
}

func TestTable(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, time.Second} {
		t.Run(d.String(), func(t *testing.T) {
			time.Sleep(d)
		})
	}
}

func TestNone(t *testing.T) {}

func wait(t *testing.T) {
	t.Helper()
	time.Sleep(100 * time.Millisecond)
}

func BenchmarkSleep(b *testing.B) {
	time.Sleep(time.Hour) // benchmarks are not tests the census counts
}
