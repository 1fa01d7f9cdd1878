// Package waits is a small worker whose tests wait for it.
package waits

import "sync"

// Worker counts the jobs it has done.
type Worker struct {
	mu   sync.Mutex
	done []string
}

// Do runs job in the background.
func (w *Worker) Do(job string) {
	go func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.done = append(w.done, job)
	}()
}

// Done returns the jobs done so far.
func (w *Worker) Done() []string { // want Done:"reads"
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.done...)
}

// Count returns how many jobs are done.
func (w *Worker) Count() int { return len(w.Done()) } // want Count:"reads"
