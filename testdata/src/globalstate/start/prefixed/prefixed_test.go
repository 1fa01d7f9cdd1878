package prefixed

import (
	"io"
	"log"
	"testing"

	"globalstate/start/stdlog"
)

// Redirect's empty prefix replaces the one init set: a change the next
// test sees.
func TestRedirect(t *testing.T) {
	stdlog.Redirect(io.Discard) // want `TestRedirect changes a process-wide default with log.SetFlags via helper Redirect` `TestRedirect changes a process-wide default with log.SetPrefix via helper Redirect` `TestRedirect changes a process-wide default with log.SetOutput via helper Redirect`
	if log.Prefix() != "" || log.Flags() != 0 || log.Writer() != io.Discard {
		t.Fatal("not redirected")
	}
}
