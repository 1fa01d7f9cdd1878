package waits

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestGetterThenCheck(t *testing.T) {
	var w Worker
	w.Do("a")
	time.Sleep(20 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine w.Do starts on line 14 before the check on line 17: slow when the wait is long, flaky when it is short; wait until the check passes with require.EventuallyWithT`
	got := w.Done()
	require.Len(t, got, 1)
}

func TestFileThenCheck(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out")
	go func() { _ = os.WriteFile(p, []byte("done"), 0o600) }()
	time.Sleep(20 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine started on line 22 before the checks on lines 25-26`
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	require.Equal(t, "done", string(data))
}

func settle() { time.Sleep(20 * time.Millisecond) }

func TestSettleThenCheck(t *testing.T) {
	var w Worker
	w.Do("a")
	settle() // want `time.Sleep in helper settle \(reads_test.go:29\) waits a fixed time for the goroutine w.Do starts on line 33 before the check on line 35`
	require.Equal(t, 1, w.Count())
}

// Negatives: a check that indexes what an earlier require made safe to
// index would panic in EventuallyWithT, where every check runs; a read
// whose result the test uses after its checks cannot move into it.
func TestIndexAfterLen(t *testing.T) {
	var w Worker
	w.Do("a")
	time.Sleep(20 * time.Millisecond)
	got := w.Done()
	require.Len(t, got, 1)
	require.Equal(t, "a", got[0])
}

func TestReadUsedAfter(t *testing.T) {
	var w Worker
	w.Do("a")
	time.Sleep(20 * time.Millisecond)
	got := w.Done()
	require.Len(t, got, 1)
	t.Log(got)
}

func TestCopiesThenElementsMatch(t *testing.T) {
	var w Worker
	w.Do("a")
	want := [][]byte{[]byte("a")}
	time.Sleep(20 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine w.Do starts on line 61 before the check on line 65`
	got := w.Jobs()
	require.ElementsMatch(t, want, got)
}

func TestBlankLinesAfterWait(t *testing.T) {
	var w Worker
	w.Do("a")
	time.Sleep(20 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine w.Do starts on line 70 before the check on line 75`

	got := w.Done()

	require.Len(t, got, 1)
}
