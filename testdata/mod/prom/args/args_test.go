package args

import (
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"example.com/prom/store"
)

func TestStore(t *testing.T) {
	s := store.New(prometheus.DefaultRegisterer) // want `TestStore passes prometheus.DefaultRegisterer to code that registers collectors on it via helper New \(store.go:\d+\): a second run of the test \(-count=2\) registers them again and fails; pass a prometheus.NewRegistry\(\) of the test's own`
	s.Hits.Inc()
	if got := testutil.ToFloat64(s.Hits); got != 1 {
		t.Fatalf("hits = %v", got)
	}
}

func TestStores(t *testing.T) {
	a := store.NewNamed("a_total", prometheus.DefaultRegisterer) // want `TestStores passes prometheus.DefaultRegisterer to code that registers collectors on it via helper NewNamed`
	b, err := store.Open(prometheus.DefaultRegisterer)
	if err != nil {
		t.Fatal(err)
	}
	a.Hits.Inc()
	b.Hits.Inc()
}

// newCounter registers a counter on the registerer it is given.
func newCounter(reg prometheus.Registerer, name string) prometheus.Counter {
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: name})
	reg.MustRegister(c)
	return c
}

func TestHelperInPackage(t *testing.T) {
	c := newCounter(prometheus.DefaultRegisterer, "local_total") // want `TestHelperInPackage passes prometheus.DefaultRegisterer to code that registers collectors on it via helper newCounter`
	c.Inc()
}

func TestSubtest(t *testing.T) {
	t.Run("one", func(t *testing.T) {
		store.New(prometheus.DefaultRegisterer) // want `subtest TestSubtest/one passes prometheus.DefaultRegisterer`
	})
}

// The test gathers the default registry: the collectors belong there.
func TestGathersDefault(t *testing.T) {
	store.New(prometheus.DefaultRegisterer)
	if n, err := testutil.GatherAndCount(prometheus.DefaultGatherer, "store_hits_total"); err != nil || n != 1 {
		t.Fatal(n, err)
	}
}

// The test serves the default registry.
func TestServesDefault(t *testing.T) {
	store.New(prometheus.DefaultRegisterer)
	srv := httptest.NewServer(promhttp.Handler())
	defer srv.Close()
}

// Code the test calls serves the default registry.
func TestServedByHelper(t *testing.T) {
	store.New(prometheus.DefaultRegisterer)
	srv := httptest.NewServer(store.Metrics())
	defer srv.Close()
}

// The test reads a collector that the package registers on the default.
func TestPackageCollector(t *testing.T) {
	store.New(prometheus.DefaultRegisterer)
	if got := testutil.ToFloat64(store.Requests); got != 0 {
		t.Fatal(got)
	}
}

// NewKept keeps the registerer: later code may expect the default there.
func TestKept(t *testing.T) {
	store.NewKept(prometheus.DefaultRegisterer)
}

// The default is not what the store gets, but what a wrapper wraps.
func TestWrapped(t *testing.T) {
	store.New(prometheus.WrapRegistererWithPrefix("x_", prometheus.DefaultRegisterer))
}

// The test registers on the default itself too.
func TestRegistersToo(t *testing.T) {
	store.New(prometheus.DefaultRegisterer)
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "too_total"})
	prometheus.MustRegister(c) // want `TestRegistersToo registers collectors with the default Prometheus registerer \(prometheus.MustRegister\): .*; unregister them with t.Cleanup`
}

func TestOwnRegistry(t *testing.T) {
	store.New(prometheus.NewRegistry())
}
