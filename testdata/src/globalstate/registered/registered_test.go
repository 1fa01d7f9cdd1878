package registered

import (
	"expvar"
	"testing"
)

// publishHits replaces the counter and publishes the new one: putting the
// old counter back afterwards would leave the registry holding the new
// one, so a restore at the call is no fix.
func publishHits() {
	hits = &counter{n: 1}
	expvar.Publish("hits", hits)
}

// resetMisses only replaces the counter.
func resetMisses() {
	misses = &counter{n: 1}
}

func TestPublished(t *testing.T) {
	publishHits()
}

func TestReset(t *testing.T) {
	resetMisses() // want `TestReset writes package variable misses via helper resetMisses \(registered_test.go:\d+\) and does not restore it, so the tests after it see the change; save misses and restore it with t.Cleanup`
}

func TestCounts(t *testing.T) {
	if hits.n != misses.n {
		t.Fatal("hits and misses differ")
	}
}

// TestPublishedHere replaces the counter and publishes the new one itself.
func TestPublishedHere(t *testing.T) {
	hits = &counter{n: 2}
	expvar.Publish("hits2", hits)
}
