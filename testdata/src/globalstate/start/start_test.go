package start

import (
	"bytes"
	"io"
	"log"
	"testing"

	"globalstate/start/stdlog"
)

// Redirect sets the flags to 0, which the next test sees, and the output;
// the prefix it sets to "", which it starts with and which nothing in the
// test binary changes: that is no change.
func TestRedirect(t *testing.T) {
	stdlog.Redirect(io.Discard) // want `TestRedirect changes a process-wide default with log.SetFlags via helper Redirect` `TestRedirect changes a process-wide default with log.SetOutput via helper Redirect`
	log.Print("discarded")
}

// The test reads the defaults back, so that it sees what a test before it
// left there.
func TestDefaults(t *testing.T) {
	if log.Flags() != log.LstdFlags || log.Prefix() != "" {
		t.Fatal("the standard logger is not as the process starts")
	}
}

// The test's own buffer, never put back: the next test logs into it.
func TestOwnBuffer(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf) // want `TestOwnBuffer changes a process-wide default with log.SetOutput and does not restore it`
	log.Print("captured")
}

// No prefix is the prefix the process starts with.
func TestNoPrefix(t *testing.T) {
	log.SetPrefix("")
}

// The standard flags are the ones the process starts with, but Redirect
// sets others: after TestRedirect, this changes them.
func TestStdFlags(t *testing.T) {
	log.SetFlags(log.LstdFlags) // want `TestStdFlags changes a process-wide default with log.SetFlags and does not restore it`
}

// A prefix saved from the logger itself and put back changes nothing.
func TestPutBack(t *testing.T) {
	prefix := log.Prefix()
	log.SetPrefix(prefix)
}

// In a parallel test even setting the same value races with the others.
func TestNoPrefixParallel(t *testing.T) {
	t.Parallel()
	log.SetPrefix("") // want `TestNoPrefixParallel changes a process-wide default with log.SetPrefix while it runs in parallel`
}
