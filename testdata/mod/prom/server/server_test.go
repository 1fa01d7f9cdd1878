package server_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"example.com/prom/server"
)

func TestNew(t *testing.T) {
	s := server.New() // want `TestNew registers collectors with the default Prometheus registerer \(prometheus.MustRegister\) via helper New \(server.go:\d+\): a second run of the test \(-count=2\) registers them again and panics; give the test a registry of its own in prometheus.DefaultRegisterer, put back with t.Cleanup`
	s.Hit()
}

func TestNewAuto(t *testing.T) {
	server.NewAuto().Hit() // want `TestNewAuto registers collectors with the default Prometheus registerer \(promauto.NewCounter\) via helper NewAuto`
}

// Negatives: the test gathers the default registry, or serves it through
// the package; it runs in parallel; the code registers once only.
func TestNewAndGather(t *testing.T) {
	server.New().Hit()
	if n, err := testutil.GatherAndCount(prometheus.DefaultGatherer, "server_hits_total"); err != nil || n != 1 {
		t.Fatal(n, err)
	}
}

func TestNewAndServe(t *testing.T) {
	server.NewAuto().Hit()
	_ = server.Metrics()
}

func TestNewParallel(t *testing.T) {
	t.Parallel()
	server.New().Hit()
}

func TestNewShared(t *testing.T) {
	server.NewShared().Hit()
}

var hits prometheus.Counter

// initHits is a test helper that manages its registration itself.
func initHits() {
	if hits != nil {
		prometheus.Unregister(hits)
	}
	hits = prometheus.NewCounter(prometheus.CounterOpts{Name: "test_hits_total"})
	prometheus.MustRegister(hits)
}

func TestWithHelper(t *testing.T) {
	initHits()
	hits.Inc()
}
