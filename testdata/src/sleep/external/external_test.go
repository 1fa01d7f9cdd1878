package external

import (
	"testing"
	"time"

	store "example.com/sleepstore"
)

// Items is a getter of another package whose body only reads: the fact
// the analyzer exports for it says so.
func TestOtherPackageGetter(t *testing.T) {
	var s store.Store
	s.Add("a")
	time.Sleep(10 * time.Millisecond) // want `time.Sleep waits a fixed time for the goroutine s.Add starts on line 14 before the check on line 16`
	if len(s.Items()) != 1 {
		t.Fatal("not added")
	}
}

// Counted writes as it answers: a poll would count every try.
func TestOtherPackageWriter(t *testing.T) {
	var s store.Store
	s.Add("a")
	time.Sleep(10 * time.Millisecond)
	if len(s.Counted()) != 1 {
		t.Fatal("not added")
	}
}

// Bumped writes before it reads its own local: still a writer.
func TestOtherPackageBumped(t *testing.T) {
	var s store.Store
	s.Add("a")
	time.Sleep(10 * time.Millisecond)
	if len(s.Bumped()) != 1 {
		t.Fatal("not added")
	}
}
