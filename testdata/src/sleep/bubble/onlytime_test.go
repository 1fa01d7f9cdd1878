//go:build go1.25

package bubble

import (
	"testing"
	"time"
)

// The sleep is the file's only use of package time: the fix drops the import.
func TestOnlyTime(t *testing.T) {
	var c counter
	go func() { c.n.Add(1) }()
	time.Sleep(time.Second) // want `run the test in a synctest bubble`
	if got := c.n.Load(); got != 1 {
		t.Fatalf("counted %d", got)
	}
}
