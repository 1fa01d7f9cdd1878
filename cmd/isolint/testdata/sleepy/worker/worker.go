// Package worker does its jobs in the background.
package worker

import "sync"

// Worker records the jobs it has done.
type Worker struct {
	mu   sync.Mutex
	done []string
}

// Do runs job in the background.
func (w *Worker) Do(job string) {
	go w.Run(job)
}

// Run does job now.
func (w *Worker) Run(job string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done = append(w.done, job)
}

// Count returns how many jobs are done.
func (w *Worker) Count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.done)
}
