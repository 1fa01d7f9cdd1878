// Package registered keeps counters that its tests publish in a
// process-wide registry, and compares them.
package registered

import "strconv"

type counter struct{ n int }

func (c *counter) String() string { return strconv.Itoa(c.n) }

var hits = &counter{}

var misses = &counter{}
