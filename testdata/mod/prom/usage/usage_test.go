package usage

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"example.com/prom/metrics"
)

func TestDirect(t *testing.T) {
	requests := prometheus.NewCounter(prometheus.CounterOpts{Name: "requests_total"})
	prometheus.MustRegister(requests) // want `TestDirect registers collectors with the default Prometheus registerer \(prometheus.MustRegister\): a second run of the test \(-count=2\) registers them again and fails; use a prometheus.NewRegistry\(\) of the test's own`
	requests.Inc()
	if got := testutil.ToFloat64(requests); got != 1 {
		t.Fatalf("requests = %v", got)
	}
}

func TestPromauto(t *testing.T) {
	errors := promauto.NewCounterVec(prometheus.CounterOpts{Name: "errors_total"}, []string{"code"}) // want `TestPromauto registers collectors with the default Prometheus registerer \(promauto.NewCounterVec\)`
	if err := prometheus.Register(prometheus.NewGauge(prometheus.GaugeOpts{Name: "up"})); err != nil {
		t.Fatal(err)
	}
	errors.WithLabelValues("500").Inc()
}

func TestGathersDefault(t *testing.T) {
	inflight := prometheus.NewGauge(prometheus.GaugeOpts{Name: "inflight"})
	prometheus.MustRegister(inflight) // want `TestGathersDefault registers collectors with the default Prometheus registerer \(prometheus.MustRegister\): .*; unregister them with t.Cleanup`
	if n, err := testutil.GatherAndCount(prometheus.DefaultGatherer, "inflight"); err != nil || n != 1 {
		t.Fatal(n, err)
	}
}

func TestViaHelper(t *testing.T) {
	latency := prometheus.NewHistogram(prometheus.HistogramOpts{Name: "latency_seconds"})
	metrics.Register(latency) // want `TestViaHelper registers collectors with the default Prometheus registerer \(prometheus.MustRegister\) via helper Register \(metrics.go:\d+\): .*; unregister them with t.Cleanup`
	latency.Observe(1)
}

func TestUnregisters(t *testing.T) {
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "cleaned_total"})
	prometheus.MustRegister(c) // undone by the test: not reported
	defer prometheus.Unregister(c)
}

func TestLocal(t *testing.T) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewCounter(prometheus.CounterOpts{Name: "local_total"}))
	promauto.With(reg).NewGauge(prometheus.GaugeOpts{Name: "local"})
}

func TestMixed(t *testing.T) {
	local := prometheus.NewRegistry()
	promauto.With(local).NewGauge(prometheus.GaugeOpts{Name: "mixed_local"})
	prometheus.MustRegister(prometheus.NewCounter(prometheus.CounterOpts{Name: "mixed_total"})) // want `TestMixed registers collectors with the default Prometheus registerer`
	local.MustRegister(prometheus.NewGauge(prometheus.GaugeOpts{Name: "mixed_gauge"}))
}
