// Package prefixed names its log lines: its init sets the standard
// logger's prefix for the whole test binary.
package prefixed

import "log"

func init() { log.SetPrefix("prefixed: ") }
