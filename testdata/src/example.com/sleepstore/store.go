// Package store keeps items for the sleep analyzer's tests of getters in
// another package.
package store

import "sync"

// Store keeps items; Add adds one in the background.
type Store struct {
	mu    sync.Mutex
	items []string
	reads int
}

// Add adds v in the background.
func (s *Store) Add(v string) {
	go func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.items = append(s.items, v)
	}()
}

// Items returns a copy of the items: it locks, but only reads.
func (s *Store) Items() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.items))
	copy(out, s.items)
	return out
}

// Counted returns the items and counts the call: it writes.
func (s *Store) Counted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	return s.items
}

// Bumped counts the call, then works on a local of its own: it writes,
// whatever it does after the write.
func (s *Store) Bumped() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	n := len(s.items)
	n++
	return s.items[:n-1]
}
