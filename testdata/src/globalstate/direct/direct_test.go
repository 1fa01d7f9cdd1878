package direct

import (
	"os"
	"sync"
	"testing"
)

func TestSetenv(t *testing.T) {
	os.Setenv("MODE", "test") // want `TestSetenv changes the environment with os.Setenv and does not restore it, so the tests after it see the change; use t.Setenv`
}

func TestSetenvChecked(t *testing.T) {
	if err := os.Setenv("MODE", "test"); err != nil { // want `TestSetenvChecked changes the environment with os.Setenv`
		t.Fatal(err)
	}
}

func TestSetenvBlank(t *testing.T) {
	_ = os.Setenv("MODE", "test") // want `TestSetenvBlank changes the environment`
}

func TestSetenvResultUsed(t *testing.T) {
	err := os.Setenv("MODE", "test") // want `TestSetenvResultUsed changes the environment with os.Setenv and does not restore it, so the tests after it see the change; call t.Setenv\("MODE", ""\) first, so that it is restored`
	_ = err
}

func TestUnsetenv(t *testing.T) {
	os.Unsetenv("HOME") // want `TestUnsetenv changes the environment with os.Unsetenv and does not restore it, so the tests after it see the change; call t.Setenv\("HOME", ""\) first, so that it is restored`
}

func TestClearenv(t *testing.T) {
	os.Clearenv() // want `TestClearenv changes the environment with os.Clearenv and does not restore it, so the tests after it see the change; save os.Environ\(\) and restore it with t.Cleanup`
}

func TestSetenvRestored(t *testing.T) {
	old := os.Getenv("MODE")
	os.Setenv("MODE", "test")
	defer os.Setenv("MODE", old)
}

func TestAssign(t *testing.T) {
	debug = true // want `TestAssign writes package variable debug and does not restore it, so the tests after it see the change; save debug and restore it with t.Cleanup`
}

func TestIncrement(t *testing.T) {
	limit++ // want `TestIncrement writes package variable limit`
	limit++
}

func TestSwapFunc(t *testing.T) {
	timeNow = func() int64 { return 42 } // want `TestSwapFunc writes package variable timeNow`
}

func TestField(t *testing.T) {
	conf.level = 3 // want `TestField writes package variable conf and does not restore it, so the tests after it see the change; save conf.level and restore it with t.Cleanup`
}

func TestArrayElem(t *testing.T) {
	levels[1] = 2 // want `TestArrayElem writes package variable levels`
}

func TestMapWrite(t *testing.T) {
	names["a"] = "b" // want `TestMapWrite writes package variable names and does not restore it, so the tests after it see the change; save names\["a"\] and restore it with t.Cleanup`
}

func TestMapDelete(t *testing.T) {
	delete(names, "a") // want `TestMapDelete writes package variable names`
}

func TestMapDynamicKey(t *testing.T) {
	k := "a"
	names[k] = "b" // no safe fix: not reported
}

func TestNameTaken(t *testing.T) {
	origDebug := 1
	debug = true // want `TestNameTaken writes package variable debug`
	_ = origDebug
}

func TestInLoop(t *testing.T) {
	for i := range 3 {
		limit = i // want `TestInLoop writes package variable limit`
	}
}

func TestRestoredByDefer(t *testing.T) {
	old := debug
	defer func() { debug = old }()
	debug = true
}

func TestRestoredByCleanup(t *testing.T) {
	old := limit
	t.Cleanup(func() { limit = old })
	limit = 1
}

func TestInClosure(t *testing.T) {
	func() {
		debug = true // inside a literal: no place for the fix, not reported
	}()
}

func BenchmarkWrites(b *testing.B) {
	limit = b.N // want `BenchmarkWrites writes package variable limit`
}

func TestSubtest(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		debug = true // want `subtest TestSubtest/sub writes package variable debug`
	})
}

func TestParallelRestored(t *testing.T) {
	t.Parallel()
	old := debug
	t.Cleanup(func() { debug = old })
	debug = true // want `TestParallelRestored writes package variable debug while it runs in parallel: a data race with the other parallel tests; run it sequentially$`
}

func TestParallelSetenv(t *testing.T) {
	t.Parallel()
	os.Setenv("MODE", "x") // want `TestParallelSetenv changes the environment with os.Setenv while it runs in parallel: a data race with the other parallel tests; run it sequentially and use t.Setenv`
}

func TestParallelParent(t *testing.T) {
	t.Parallel()
	t.Run("sub", func(t *testing.T) {
		t.Parallel()
		limit = 5 // want `subtest TestParallelParent/sub writes package variable limit while it runs in parallel`
	})
}

// Each environment variable is a cause of its own; t.Setenv of one does not
// restore another.
func TestTwoVars(t *testing.T) {
	t.Setenv("A", "1")
	os.Setenv("B", "2") // want `TestTwoVars changes the environment with os.Setenv`
	os.Setenv("C", "3") // want `TestTwoVars changes the environment with os.Setenv`
}

// A reset to the initial value is no change.
func TestResetLimit(t *testing.T) {
	limit = 10
}

// The save goes to the top of the test, out of the loop.
func TestInBenchLoop(t *testing.T) {
	for range 3 {
		debug = true // want `TestInBenchLoop writes package variable debug`
	}
}

var mu sync.Mutex

// A lock cannot be saved by copying it.
func TestLock(t *testing.T) {
	mu = sync.Mutex{} // a reset anyway
	guard = struct {
		sync.Mutex
		n int
	}{n: 1}
}

var sink int

// A benchmark's sink is written and never read, directly or by a helper.
func BenchmarkSink(b *testing.B) {
	for range b.N {
		sink = limit * 2
	}
}

func BenchmarkSinkViaHelper(b *testing.B) {
	benchmarkSink(b, 3)
}

func benchmarkSink(b *testing.B, n int) {
	for range b.N {
		sink = n
	}
}
