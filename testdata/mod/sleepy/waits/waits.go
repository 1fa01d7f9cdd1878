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

// Jobs returns a copy of each job done so far, made element by element.
func (w *Worker) Jobs() [][]byte { // want Jobs:"reads"
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([][]byte, len(w.done))
	for i, job := range w.done {
		out[i] = make([]byte, len(job))
		copy(out[i], job)
	}
	return out
}

// First clears the first job's name in place and returns the jobs: it
// writes an element of a slice it did not make.
func (w *Worker) First() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.done
	if len(out) > 0 {
		out[0] = ""
	}
	return out
}
