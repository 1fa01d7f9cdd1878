// Package store counts what it stores, on the registerer its caller
// gives it, as code written for testing often does.
package store

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// A Store counts its hits.
type Store struct {
	Hits prometheus.Counter
}

// New registers the store's counter on reg.
func New(reg prometheus.Registerer) *Store {
	s := &Store{Hits: prometheus.NewCounter(prometheus.CounterOpts{Name: "store_hits_total"})}
	reg.MustRegister(s.Hits)
	return s
}

// NewNamed makes its counter with promauto on reg, when it has one.
func NewNamed(name string, reg prometheus.Registerer) *Store {
	if reg == nil {
		return &Store{Hits: prometheus.NewCounter(prometheus.CounterOpts{Name: name})}
	}
	return &Store{Hits: promauto.With(reg).NewCounter(prometheus.CounterOpts{Name: name})}
}

// Open returns the error of the registration.
func Open(reg prometheus.Registerer) (*Store, error) {
	s := New(prometheus.NewRegistry())
	if err := reg.Register(s.Hits); err != nil {
		return nil, err
	}
	return s, nil
}

var registerer prometheus.Registerer

// NewKept keeps reg for the registrations of later stores.
func NewKept(reg prometheus.Registerer) *Store {
	registerer = reg
	return New(reg)
}

// Requests is registered on the default registerer by the package itself.
var Requests = promauto.NewCounter(prometheus.CounterOpts{Name: "store_requests_total"})

// Metrics serves the default registry's metrics.
func Metrics() http.Handler {
	return promhttp.Handler()
}
