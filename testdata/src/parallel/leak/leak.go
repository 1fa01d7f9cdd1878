package leak

import (
	"fmt"
	"io"
	"os"
)

// ErrWriter is where Report writes; tests swap it.
var ErrWriter io.Writer = os.Stderr

// Prefix is set by a test that puts it back.
var Prefix = "error"

// Report writes err to ErrWriter.
func Report(err error) { fmt.Fprintln(ErrWriter, Prefix, err) }

// Name reads nothing a test changes.
func Name() string { return "leak" }
