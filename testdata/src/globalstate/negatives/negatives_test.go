package negatives

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

var state int

func read() int { return state }

// Reads, local writes and t-scoped setters are no change to the process.
func TestReads(t *testing.T) {
	n := read() + state
	m := map[string]int{}
	m["a"] = n
	_ = os.Getenv("HOME")
}

func TestScoped(t *testing.T) {
	t.Setenv("MODE", "test")
	t.Chdir(os.TempDir())
}

// Unsetenv after t.Setenv of the same variable is restored by t.Setenv.
func TestUnsetAfterSetenv(t *testing.T) {
	t.Setenv("HOME", "")
	os.Unsetenv("HOME")
}

func TestMain(m *testing.M) {
	state = 1
	os.Setenv("MODE", "main")
	os.Exit(m.Run())
}

func init() {
	state = 2
}

func FuzzState(f *testing.F) {
	f.Fuzz(func(t *testing.T, n int) {
		state = n
	})
}

// TestRunsTests runs tests of its own (as testify's suite tests do): the
// process-wide state the testing package sets for the tests it runs
// (GOMAXPROCS to the -test.cpu value) is no change this test makes.
func TestRunsTests(t *testing.T) {
	testing.RunTests(func(pat, str string) (bool, error) { return true, nil },
		[]testing.InternalTest{{Name: "TestInner", F: func(t *testing.T) {}}})
}

// A setter given a negative (or, for GOMAXPROCS, zero) value only reports
// the setting, as a server's stats do.
func TestSettingsRead(t *testing.T) {
	_ = stats()
	_ = runtime.GOMAXPROCS(0)
	_ = runtime.SetMutexProfileFraction(-1)
}

func stats() [2]int64 {
	return [2]int64{int64(runtime.GOMAXPROCS(-1)), debug.SetMemoryLimit(-1)}
}
