package direct

import "sync"

var (
	debug   bool
	limit   = 10
	timeNow = func() int64 { return 0 }
	names   = map[string]string{}
	conf    struct{ level int }
	levels  [3]int
	guard   struct {
		sync.Mutex
		n int
	}
)

// Now reads the clock the tests swap.
func Now() int64 { return timeNow() }
