// Package stdlog hands the standard logger to a writer of the caller's,
// as structured loggers do.
package stdlog

import (
	"io"
	"log"
	"os"
)

// Redirect sends the standard logger to w without its timestamps and
// prefix. It saves the flags and the prefix only to put them back in the
// function it returns.
func Redirect(w io.Writer) func() {
	flags, prefix := log.Flags(), log.Prefix()
	log.SetFlags(0)
	log.SetPrefix("")
	log.SetOutput(w)
	return func() {
		log.SetFlags(flags)
		log.SetPrefix(prefix)
		log.SetOutput(os.Stderr)
	}
}
