// Package server counts its hits on the default Prometheus registerer,
// registering the counters it makes itself, as production code often does.
package server

import (
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// A Server counts its hits.
type Server struct{ hits prometheus.Counter }

// New registers the server's counter on the default registerer.
func New() *Server {
	s := &Server{hits: prometheus.NewCounter(prometheus.CounterOpts{Name: "server_hits_total"})}
	prometheus.MustRegister(s.hits)
	return s
}

// NewAuto makes its counter with promauto, on the default registerer.
func NewAuto() *Server {
	return &Server{hits: promauto.NewCounter(prometheus.CounterOpts{Name: "server_auto_total"})}
}

var (
	once   sync.Once
	shared = prometheus.NewCounter(prometheus.CounterOpts{Name: "server_shared_total"})
)

// NewShared registers the package's counter once, however often it runs.
func NewShared() *Server {
	once.Do(func() { prometheus.MustRegister(shared) })
	return &Server{hits: shared}
}

// Hit counts a hit.
func (s *Server) Hit() { s.hits.Inc() }

// Metrics serves the default registry's metrics.
func Metrics() http.Handler { return promhttp.Handler() }
